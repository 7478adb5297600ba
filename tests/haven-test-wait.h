/* haven-test-wait.h: waiting for a condition, for every kind of test
 *
 * The main loop runs until a condition holds; if it does not within the
 * timeout, the test fails where it waited, with a message naming what it
 * waited for. Nothing here waits a fixed time. GLib only: widget tests get
 * more in haven-test-widget.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a wait may take before the test fails, on an idle machine; the
 * sanitizer build multiplies it by HAVEN_TEST_SLOWDOWN. */
#define HAVEN_TEST_TIMEOUT_MS 5000

/* The caller's place, for the message of a wait that times out. */
#define HAVEN_TEST_HERE __FILE__, __LINE__, G_STRFUNC

typedef gboolean (*HavenTestCondition) (gpointer data);

/* Only reports, for a test whose assertion is how long something takes. */
gboolean haven_test_iterate_until (HavenTestCondition condition,
                                   gpointer           data,
                                   gint64             timeout_us);
guint    haven_test_timeout_ms    (guint              timeout_ms);

void haven_test_wait_for_at          (const char         *file,
                                      int                 line,
                                      const char         *func,
                                      HavenTestCondition  condition,
                                      gpointer            data,
                                      guint               timeout_ms,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (7, 8);
void haven_test_wait_for_idle_at     (const char *file, int line, const char *func);
void haven_test_wait_for_n_items_at  (const char *file, int line, const char *func,
                                      GListModel *model,
                                      guint       n_items);
void haven_test_wait_for_property_at (const char *file, int line, const char *func,
                                      gpointer    object,
                                      const char *property,
                                      ...);

/* Conditions for what callbacks usually leave behind. */
gboolean haven_test_flag_is_set    (gpointer flag);
gboolean haven_test_pointer_is_set (gpointer location);

/* Until @condition (@data) holds, for at most @timeout_ms. */
#define haven_test_wait_for(condition, data, timeout_ms) \
  haven_test_wait_for_at (HAVEN_TEST_HERE, (condition), (data), (timeout_ms), \
                          "%s (%s)", #condition, #data)
/* Until the gboolean at @flag is TRUE, or the pointer at @location is set. */
#define haven_test_wait_for_flag(flag, timeout_ms) \
  haven_test_wait_for_at (HAVEN_TEST_HERE, haven_test_flag_is_set, (flag), (timeout_ms), \
                          "%s", #flag)
#define haven_test_wait_for_pointer(location, timeout_ms) \
  haven_test_wait_for_at (HAVEN_TEST_HERE, haven_test_pointer_is_set, (location), (timeout_ms), \
                          "%s", #location)
/* Until the main loop has nothing ready to run, idles at low priority
 * included: what the code under test put off until it is idle is done. */
#define haven_test_wait_for_idle() \
  haven_test_wait_for_idle_at (HAVEN_TEST_HERE)
#define haven_test_wait_for_n_items(model, n_items) \
  haven_test_wait_for_n_items_at (HAVEN_TEST_HERE, G_LIST_MODEL (model), (n_items))
/* Until @property of @object has the value that follows, given as to
 * g_object_set(). */
#define haven_test_wait_for_property(object, property, ...) \
  haven_test_wait_for_property_at (HAVEN_TEST_HERE, (object), (property), __VA_ARGS__)

/* Counts the emissions of a signal from when it is watched. */
typedef struct _HavenTestSignal HavenTestSignal;

HavenTestSignal *haven_test_signal_watch       (gpointer         instance,
                                                const char      *detailed_signal);
guint            haven_test_signal_count       (HavenTestSignal *watch);
void             haven_test_signal_free        (HavenTestSignal *watch);
void             haven_test_wait_for_signal_at (const char *file, int line, const char *func,
                                                HavenTestSignal *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenTestSignal, haven_test_signal_free)

/* Until the watched signal was emitted at least once since it was watched. */
#define haven_test_wait_for_signal(watch) \
  haven_test_wait_for_signal_at (HAVEN_TEST_HERE, (watch))

G_END_DECLS
