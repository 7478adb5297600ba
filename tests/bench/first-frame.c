/* first-frame.c: first-frame reporting for the benchmarks
 *
 * Only tests/bench/run-benchmarks.py sets HAVEN_BENCH_FIRST_FRAME. Then the
 * first frame a window paints is reported on standard output with the
 * monotonic clock (which the benchmark also reads when it starts the
 * process) and what the frame showed; a second later, once the work put
 * off until after the first frame is done too, the peak resident memory,
 * and the application quits. Haven (run as haven-bench, the application
 * with this hook and nothing else added) and the baseline program share
 * this code, so both are measured alike; the installed Haven has none of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-bench"

#include "config.h"

#include "first-frame.h"

gboolean
haven_bench_enabled (void)
{
  return g_getenv ("HAVEN_BENCH_FIRST_FRAME") != NULL;
}

static gint64
peak_resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static gboolean
report_memory_and_quit (gpointer data)
{
  g_print ("peak-rss %" G_GINT64_FORMAT " kB\n", peak_resident_kb ());
  g_application_quit (data);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWidget     *widget)
{
  gint64 now = g_get_monotonic_time ();
  GApplication *app = g_application_get_default ();
  HavenBenchDescribe describe = g_object_get_data (G_OBJECT (widget), "haven-bench-describe");
  g_autofree char *shown = describe != NULL ? describe (widget) : NULL;

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, widget);

  g_print ("first-frame %" G_GINT64_FORMAT " us\n", now);
  if (shown != NULL)
    g_print ("shown %s\n", shown);

  if (app != NULL)
    g_timeout_add_seconds (1, report_memory_and_quit, app);
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

/**
 * haven_bench_watch_first_frame:
 * @widget: a toplevel that is not realized yet
 * @describe: (nullable): says what the first frame showed
 *
 * Reports @widget's first painted frame and quits, when benchmarking.
 */
void
haven_bench_watch_first_frame (GtkWidget          *widget,
                               HavenBenchDescribe  describe)
{
  if (!haven_bench_enabled ())
    return;

  g_object_set_data (G_OBJECT (widget), "haven-bench-describe", describe);
  g_signal_connect (widget, "realize", G_CALLBACK (realize_cb), NULL);
}
