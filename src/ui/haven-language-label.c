/* haven-language-label.c: marks text shown in another language than the reader's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-language-label"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-language.h"
#include "haven-language-label.h"

/**
 * haven_language_label_new:
 * @language: the language tag a piece is shown in
 *
 * Where the feed lacks the reader's language for a piece, the piece says
 * which language it is in ("In English"), by the language's own name, so
 * that a reader is not surprised by it.
 *
 * Returns: (transfer floating): a small dim label
 */
GtkWidget *
haven_language_label_new (const char *language)
{
  const char *name;
  g_autofree char *text = NULL;
  GtkWidget *label;

  g_return_val_if_fail (language != NULL, NULL);

  name = haven_language_get_native_name (language);
  /* Translators: %s is a language's name in that language, as in
   * “In English”, “In Deutsch”: the piece that follows is written in it */
  text = g_strdup_printf (_("In %s"), name != NULL ? name : language);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "haven-language-label");

  return label;
}

/**
 * haven_language_set_direction:
 * @widget: a widget that shows a piece's text
 * @language: (nullable): the language it is written in
 *
 * Lays the text out in its own language's direction: English inside an
 * Arabic interface reads left to right. %NULL follows the interface. The
 * widget and everything in it take it, since a child left to
 * %GTK_TEXT_DIR_NONE follows the interface, not its parent.
 */
void
haven_language_set_direction (GtkWidget  *widget,
                              const char *language)
{
  GtkTextDirection direction = GTK_TEXT_DIR_NONE;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (language != NULL)
    direction = haven_language_is_rtl (language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    haven_language_set_direction (child, language);
}
