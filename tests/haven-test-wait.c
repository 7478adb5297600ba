/* haven-test-wait.c: waiting for a condition, for every kind of test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "haven-test-wait.h"

static guint
slowdown (void)
{
  const char *factor = g_getenv ("HAVEN_TEST_SLOWDOWN");

  return factor != NULL ? (guint) CLAMP (g_ascii_strtoll (factor, NULL, 10), 1, 100) : 1;
}

/* @timeout_ms on this build: the sanitizer build runs several times slower
 * and says how much with HAVEN_TEST_SLOWDOWN. */
guint
haven_test_timeout_ms (guint timeout_ms)
{
  return timeout_ms * slowdown ();
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * haven_test_iterate_until:
 *
 * Runs the main loop until @condition holds or @timeout_us pass. It sleeps
 * while nothing happens, but looks again at least every 10 ms, for what
 * changes in other threads.
 *
 * Returns: whether @condition holds
 */
gboolean
haven_test_iterate_until (HavenTestCondition condition,
                          gpointer           data,
                          gint64             timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);

  return met;
}

/**
 * haven_test_wait_for_at:
 *
 * Runs the main loop until @condition holds; after @timeout_ms (times
 * HAVEN_TEST_SLOWDOWN), fails the test at the caller's place, saying what
 * it waited for.
 */
void
haven_test_wait_for_at (const char         *file,
                        int                 line,
                        const char         *func,
                        HavenTestCondition  condition,
                        gpointer            data,
                        guint               timeout_ms,
                        const char         *format,
                        ...)
{
  guint timeout = haven_test_timeout_ms (timeout_ms);
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (haven_test_iterate_until (condition, data, (gint64) timeout * 1000))
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_strdup_printf ("timed out after %u ms waiting for %s", timeout, what);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

static gboolean
was_emitted (gpointer watch)
{
  return haven_test_signal_count (watch) > 0;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A condition: the gboolean at @data is %TRUE. */
gboolean
haven_test_flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A condition: the pointer at @data is set, as by a callback that keeps
 * its GAsyncResult. */
gboolean
haven_test_pointer_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

void
haven_test_wait_for_idle_at (const char *file,
                             int         line,
                             const char *func)
{
  gboolean ran = FALSE;
  /* Below G_PRIORITY_LOW, the lowest Haven uses: it runs once no idle of
   * Haven's is ready. */
  guint id = g_idle_add_full (G_PRIORITY_LOW + 10, set_flag_cb, &ran, NULL);

  haven_test_wait_for_at (file, line, func, haven_test_flag_is_set, &ran, HAVEN_TEST_TIMEOUT_MS,
                          "the main loop to have nothing left to run");
  if (!ran)
    g_source_remove (id);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

void
haven_test_wait_for_n_items_at (const char *file,
                                int         line,
                                const char *func,
                                GListModel *model,
                                guint       n_items)
{
  CountWait wait = { model, n_items };
  guint timeout = haven_test_timeout_ms (HAVEN_TEST_TIMEOUT_MS);
  g_autofree char *message = NULL;

  if (haven_test_iterate_until (has_n_items, &wait, (gint64) timeout * 1000))
    return;

  message = g_strdup_printf ("timed out after %u ms waiting for %u items in %s; it has %u",
                             timeout, n_items, G_OBJECT_TYPE_NAME (model),
                             g_list_model_get_n_items (model));
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

typedef struct
{
  GObject    *object;
  GParamSpec *pspec;
  GValue      expected;
} PropertyWait;

static gboolean
property_has_value (gpointer data)
{
  PropertyWait *wait = data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, wait->pspec->value_type);
  g_object_get_property (wait->object, wait->pspec->name, &value);

  return g_param_values_cmp (wait->pspec, &value, &wait->expected) == 0;
}

void
haven_test_wait_for_property_at (const char *file,
                                 int         line,
                                 const char *func,
                                 gpointer    object,
                                 const char *property,
                                 ...)
{
  PropertyWait wait = { G_OBJECT (object), NULL, G_VALUE_INIT };
  g_autofree char *error = NULL;
  g_autofree char *expected = NULL;
  va_list args;

  wait.pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (wait.pspec == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s has no property '%s'",
                                                  G_OBJECT_TYPE_NAME (object), property);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return;
    }

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&wait.expected, wait.pspec->value_type, args, 0, &error);
  va_end (args);
  g_assert_null (error);

  expected = g_strdup_value_contents (&wait.expected);
  haven_test_wait_for_at (file, line, func, property_has_value, &wait, HAVEN_TEST_TIMEOUT_MS,
                          "%s:%s to be %s", G_OBJECT_TYPE_NAME (object), property, expected);
  g_value_unset (&wait.expected);
}

struct _HavenTestSignal
{
  GWeakRef  instance;
  gulong    handler;
  guint     count;
  char     *name;
};

static void
count_marshal (GClosure     *closure,
               GValue       *return_value,
               guint         n_param_values,
               const GValue *param_values,
               gpointer      invocation_hint,
               gpointer      marshal_data)
{
  HavenTestSignal *watch = closure->data;

  watch->count++;
}

/* Counts @detailed_signal of @instance, whatever its arguments. */
HavenTestSignal *
haven_test_signal_watch (gpointer    instance,
                         const char *detailed_signal)
{
  HavenTestSignal *watch = g_new0 (HavenTestSignal, 1);
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), watch);

  g_closure_set_marshal (closure, count_marshal);
  g_weak_ref_init (&watch->instance, instance);
  watch->name = g_strdup_printf ("%s::%s", G_OBJECT_TYPE_NAME (instance), detailed_signal);
  watch->handler = g_signal_connect_closure (instance, detailed_signal, closure, FALSE);
  g_assert_cmpuint (watch->handler, >, 0);

  return watch;
}

guint
haven_test_signal_count (HavenTestSignal *watch)
{
  return watch->count;
}

void
haven_test_signal_free (HavenTestSignal *watch)
{
  g_autoptr(GObject) instance = g_weak_ref_get (&watch->instance);

  if (instance != NULL)
    g_signal_handler_disconnect (instance, watch->handler);
  g_weak_ref_clear (&watch->instance);
  g_free (watch->name);
  g_free (watch);
}

void
haven_test_wait_for_signal_at (const char      *file,
                               int              line,
                               const char      *func,
                               HavenTestSignal *watch)
{
  haven_test_wait_for_at (file, line, func, was_emitted, watch, HAVEN_TEST_TIMEOUT_MS,
                          "the signal %s", watch->name);
}
