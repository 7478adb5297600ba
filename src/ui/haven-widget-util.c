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
