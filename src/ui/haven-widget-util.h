/* haven-widget-util.h: small helpers the reading widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called when nothing opened @uri; @widget is the one the reader used. */
typedef void (*HavenLaunchFailed) (GtkWidget  *widget,
                                   const char *uri);

void       haven_stack_show_only (GtkStack   *stack,
                                  const char *name);
GtkWidget *haven_text_label_new  (const char *text,
                                  const char *css_class);
GtkWidget *haven_link_button_new (const char *title,
                                  const char *url);
void       haven_button_set_icon_label (GtkButton  *button,
                                        const char *icon_name,
                                        const char *label,
                                        const char *accessible_label);
char      *haven_checked_markup_new (const GDate *checked,
                                     const char  *url,
                                     const char  *site,
                                     gboolean     ask_to_confirm);
char      *haven_ltr_isolate     (const char *text);
void       haven_label_keep_ltr  (GtkLabel   *label);
guint      haven_after_first_frame (GtkWidget   *widget,
                                    guint        fallback_ms,
                                    GSourceFunc  callback,
                                    gpointer     user_data);

gboolean   haven_uri_scheme_has_handler (const char       *scheme);
void       haven_launch_uri        (GtkWidget        *widget,
                                    const char       *uri,
                                    HavenLaunchFailed failed);
gboolean   haven_show_toast        (GtkWidget        *widget,
                                    const char       *message);
void       haven_link_button_open_quietly (GtkLinkButton *button);
GtkWidget *haven_widget_find_shown (GtkWidget        *root,
                                    GType             type);
GtkWidget *haven_widget_find_label (GtkWidget        *widget,
                                    const char       *css_class);

G_END_DECLS
