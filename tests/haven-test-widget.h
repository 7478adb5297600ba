/* haven-test-widget.h: what every widget test shares
 *
 * Setup: a private data and cache folder, settings in memory, a feed
 * address on a closed loopback port, and one registered application.
 * Waiting (more in haven-test-wait.h): for a widget on screen, a text, a
 * frame. Nothing waits a fixed time.
 * Finding: widgets by type, CSS class or the text they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-application.h"
#include "haven-test-wait.h"
#include "haven-window.h"

G_BEGIN_DECLS

/* Setup, before anything else in main(). */
void              haven_test_widget_init     (int    *argc,
                                              char ***argv);

HavenApplication *haven_test_application_new (void);
HavenWindow      *haven_test_active_window   (HavenApplication *app);
HavenWindow      *haven_test_open_window     (HavenApplication *app);
void              haven_test_close_windows   (HavenApplication *app);

void       haven_test_wait_for_mapped_at  (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_visible_at (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_frame_at   (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_quiet_at   (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
GtkWidget *haven_test_wait_for_text_at    (const char *file, int line, const char *func,
                                           GtkWidget  *root,
                                           const char *text);
void       haven_test_wait_for_no_text_at (const char *file, int line, const char *func,
                                           GtkWidget  *root,
                                           const char *text);

/* Until @widget is on screen. */
#define haven_test_wait_for_mapped(widget) \
  haven_test_wait_for_mapped_at (HAVEN_TEST_HERE, GTK_WIDGET (widget))
/* Until @widget and its parents are visible (shown; maybe not drawn yet). */
#define haven_test_wait_for_visible(widget) \
  haven_test_wait_for_visible_at (HAVEN_TEST_HERE, GTK_WIDGET (widget))
/* Until a frame of @widget's window is drawn after this call: what was
 * changed before it is laid out. For what must NOT be on screen, wait for
 * a frame and then look. */
#define haven_test_wait_for_frame(widget) \
  haven_test_wait_for_frame_at (HAVEN_TEST_HERE, GTK_WIDGET (widget))
/* Until what was changed before this call, and what the application puts
 * off until after a frame or until it is idle, is done and laid out: a
 * frame, the idle work that follows it, and a frame again. */
#define haven_test_wait_for_quiet(widget) \
  haven_test_wait_for_quiet_at (HAVEN_TEST_HERE, GTK_WIDGET (widget))
/* Until a label or button below @root shows exactly @text on screen; the
 * widget that does. */
#define haven_test_wait_for_text(root, text) \
  haven_test_wait_for_text_at (HAVEN_TEST_HERE, GTK_WIDGET (root), (text))
/* Until no label or button below @root shows @text on screen. */
#define haven_test_wait_for_no_text(root, text) \
  haven_test_wait_for_no_text_at (HAVEN_TEST_HERE, GTK_WIDGET (root), (text))

/* Finding, depth first from @root itself; the first that matches. */
typedef gboolean (*HavenTestMatch) (GtkWidget     *widget,
                                    gconstpointer  data);

GtkWidget *haven_test_find        (GtkWidget      *root,
                                   HavenTestMatch  match,
                                   gconstpointer   data,
                                   gboolean        mapped_only);
GtkWidget *haven_test_find_type   (GtkWidget      *root,
                                   GType           type);
GtkWidget *haven_test_find_class  (GtkWidget      *root,
                                   const char     *css_class);
GtkWidget *haven_test_find_button (GtkWidget      *root,
                                   const char     *label);
GtkWidget *haven_test_find_label  (GtkWidget      *root,
                                   const char     *text);
GtkWidget *haven_test_find_text   (GtkWidget      *root,
                                   const char     *text);

/* Clicks @button as a pointer would: it must be on screen and sensitive. */
void       haven_test_click       (GtkWidget      *button);
/* Activates @row as Enter does the focused row of a boxed list. */
void       haven_test_activate_row (GtkWidget     *row);

G_END_DECLS
