/* haven-test-widget.h: what every widget test shares
 *
 * Setup: a private data and cache folder, settings in memory, a feed
 * address on a closed loopback port, and one registered application.
 * Waiting: the main loop runs until a condition holds, or the test fails
 * with a message naming what it waited for. Nothing waits a fixed time.
 * Finding: widgets by type, CSS class or the text they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-application.h"
#include "haven-window.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails, on an idle machine; the
 * sanitizer build multiplies it by HAVEN_TEST_SLOWDOWN. */
#define HAVEN_TEST_TIMEOUT_MS 5000

/* The caller's place, for the message of a wait that times out. */
#define HAVEN_TEST_HERE __FILE__, __LINE__, G_STRFUNC

typedef gboolean (*HavenTestCondition) (gpointer data);

/* Setup, before anything else in main(). */
void              haven_test_widget_init     (int    *argc,
                                              char ***argv);

HavenApplication *haven_test_application_new (void);
HavenWindow      *haven_test_active_window   (HavenApplication *app);
HavenWindow      *haven_test_open_window     (HavenApplication *app);
void              haven_test_close_windows   (HavenApplication *app);

/* Waiting. haven_test_iterate_until() only reports, for tests whose
 * assertion is how long something takes; the others fail the test. */
gboolean haven_test_iterate_until (HavenTestCondition condition,
                                   gpointer           data,
                                   gint64             timeout_us);
guint    haven_test_timeout_ms    (guint              timeout_ms);

void haven_test_wait_for_at (const char         *file,
                             int                 line,
                             const char         *func,
                             HavenTestCondition  condition,
                             gpointer            data,
                             guint               timeout_ms,
                             const char         *format,
                             ...) G_GNUC_PRINTF (7, 8);

#define haven_test_wait_for(condition, data, timeout_ms) \
  haven_test_wait_for_at (HAVEN_TEST_HERE, (condition), (data), (timeout_ms), \
                          "%s (%s)", #condition, #data)

void       haven_test_wait_for_mapped_at  (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_visible_at (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_frame_at   (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
void       haven_test_wait_for_idle_at    (const char *file, int line, const char *func);
void       haven_test_wait_for_quiet_at   (const char *file, int line, const char *func,
                                           GtkWidget  *widget);
GtkWidget *haven_test_wait_for_text_at    (const char *file, int line, const char *func,
                                           GtkWidget  *root,
                                           const char *text);
void       haven_test_wait_for_no_text_at (const char *file, int line, const char *func,
                                           GtkWidget  *root,
                                           const char *text);
void       haven_test_wait_for_n_items_at (const char *file, int line, const char *func,
                                           GListModel *model,
                                           guint       n_items);
void       haven_test_wait_for_property_at (const char *file, int line, const char *func,
                                            gpointer    object,
                                            const char *property,
                                            ...);

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
/* Until the main loop has nothing ready to run, idles at low priority
 * included: what the application put off until it is idle is done. */
#define haven_test_wait_for_idle() \
  haven_test_wait_for_idle_at (HAVEN_TEST_HERE)
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
#define haven_test_wait_for_n_items(model, n_items) \
  haven_test_wait_for_n_items_at (HAVEN_TEST_HERE, G_LIST_MODEL (model), (n_items))
/* Until @property of @object has the value that follows, given as to
 * g_object_set(). */
#define haven_test_wait_for_property(object, property, ...) \
  haven_test_wait_for_property_at (HAVEN_TEST_HERE, (object), (property), __VA_ARGS__)

/* Counts the emissions of a signal from when it is watched. */
typedef struct _HavenTestSignal HavenTestSignal;

HavenTestSignal *haven_test_signal_watch (gpointer         instance,
                                          const char      *detailed_signal);
guint            haven_test_signal_count (HavenTestSignal *watch);
void             haven_test_signal_free  (HavenTestSignal *watch);
void             haven_test_wait_for_signal_at (const char      *file, int line, const char *func,
                                                HavenTestSignal *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenTestSignal, haven_test_signal_free)

/* Until the watched signal was emitted at least once since it was watched. */
#define haven_test_wait_for_signal(watch) \
  haven_test_wait_for_signal_at (HAVEN_TEST_HERE, (watch))

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

G_END_DECLS
