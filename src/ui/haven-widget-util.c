/* haven-widget-util.c: small helpers the reading widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-widget-util"

#include "config.h"

#include "haven-widget-util.h"

/**
 * haven_stack_show_only:
 * @stack: a stack
 * @name: the page to show
 *
 * Shows the page @name and hides the others. GTK 4.8 leaves a stack's
 * hidden pages in the accessibility tree as visible, so a screen reader
 * would still find the page the reader left; hiding them keeps the tree
 * to what is on screen.
 */
void
haven_stack_show_only (GtkStack   *stack,
                       const char *name)
{
  GtkWidget *target = gtk_stack_get_child_by_name (stack, name);

  g_return_if_fail (target != NULL);

  gtk_widget_set_visible (target, TRUE);
  gtk_stack_set_visible_child (stack, target);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != target)
      gtk_widget_set_visible (child, FALSE);
}

/**
 * haven_text_label_new:
 * @text: plain text, never markup (it may come from the feed)
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, start-aligned label
 */
GtkWidget *
haven_text_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Phone numbers are written left to right in every language. Inside an
 * Arabic sentence, or alone in a right-to-left window, the bidirectional
 * algorithm would otherwise reorder their digit groups: "116 123" would
 * read "123 116", a wrong number. */

/**
 * haven_ltr_isolate:
 * @text: a number, or other left-to-right text to put in a sentence
 *
 * Returns: (transfer full): @text inside a left-to-right isolate
 *   (U+2066 … U+2069), for g_strdup_printf() into a translated sentence
 */
char *
haven_ltr_isolate (const char *text)
{
  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

/**
 * haven_label_keep_ltr:
 * @label: a label that shows only a number
 *
 * Lays @label out left to right, at the start of the line as the window's
 * direction has it, so its text stays exactly the number.
 */
void
haven_label_keep_ltr (GtkLabel *label)
{
  gtk_widget_set_direction (GTK_WIDGET (label), GTK_TEXT_DIR_LTR);
  gtk_label_set_xalign (label, gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? 1.0 : 0.0);
}
