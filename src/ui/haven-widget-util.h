/* haven-widget-util.h: small helpers the reading widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       haven_stack_show_only (GtkStack   *stack,
                                  const char *name);
GtkWidget *haven_text_label_new  (const char *text,
                                  const char *css_class);
GtkWidget *haven_link_button_new (const char *title,
                                  const char *url);
char      *haven_ltr_isolate     (const char *text);
void       haven_label_keep_ltr  (GtkLabel   *label);
guint      haven_after_first_frame (GtkWidget   *widget,
                                    guint        fallback_ms,
                                    GSourceFunc  callback,
                                    gpointer     user_data);

G_END_DECLS
