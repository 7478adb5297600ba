/* bench-first-frame.c: time from exec to the first frame of
 * `haven --help-now`, against a bare libadwaita window in the same run
 *
 * Each round starts both programs once, alternating which goes first, and
 * reads the monotonic time each prints when its first frame is painted
 * (HAVEN_REPORT_FIRST_FRAME). Haven's frame must already hold the emergency
 * number and the first crisis line. Prints the medians and their ratio, and
 * fails when the ratio is above 1.3.
 *
 *   bench-first-frame HAVEN BARE-WINDOW [ROUNDS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <gio/gio.h>

#define MAX_RATIO 1.3

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Milliseconds from spawning @argv to its first painted frame. */
static double
time_first_frame (const char * const *argv,
                  gboolean           *help_shown)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 frame_time = 0;
  gint64 start;
  int help = 0;

  g_subprocess_launcher_setenv (launcher, "HAVEN_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Cannot start %s: %s", argv[0], error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      if (sscanf (line, "first-frame %" G_GINT64_FORMAT " help=%d", &frame_time, &help) == 2)
        break;
      g_clear_pointer (&line, g_free);
    }
  if (frame_time == 0)
    g_error ("%s painted no frame%s%s", argv[0], error ? ": " : "", error ? error->message : "");

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  *help_shown = help == 1;
  return (frame_time - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *haven_argv[] = { argv[1], "--help-now", "--region=GB", NULL, NULL };
  const char *bare_argv[] = { argv[2], NULL };
  g_autoptr(GArray) haven_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint rounds = argc > 3 ? (guint) atoi (argv[3]) : 9;
  gboolean every_frame_had_help = TRUE;
  double ratio;

  /* For finding where the time goes: HAVEN_BENCH_ARGS replaces the options. */
  if (g_getenv ("HAVEN_BENCH_ARGS") != NULL)
    {
      haven_argv[1] = g_getenv ("HAVEN_BENCH_ARGS");
      haven_argv[2] = NULL;
    }

  if (argc < 3)
    {
      g_printerr ("Usage: bench-first-frame HAVEN BARE-WINDOW [ROUNDS]\n");
      return 2;
    }

  for (guint i = 0; i < rounds; i++)
    {
      gboolean help = FALSE, unused;
      double haven, bare;

      /* Alternate the order, so neither always meets a warmer cache. */
      if (i % 2 == 0)
        {
          haven = time_first_frame (haven_argv, &help);
          bare = time_first_frame (bare_argv, &unused);
        }
      else
        {
          bare = time_first_frame (bare_argv, &unused);
          haven = time_first_frame (haven_argv, &help);
        }

      g_array_append_val (haven_ms, haven);
      g_array_append_val (bare_ms, bare);
      every_frame_had_help &= help;
      g_print ("round %u: haven --help-now %.1f ms, bare window %.1f ms, help in first frame: %s\n",
               i + 1, haven, bare, help ? "yes" : "no");
    }

  ratio = median (haven_ms) / median (bare_ms);
  g_print ("median: haven --help-now %.1f ms, bare libadwaita window %.1f ms, ratio %.2f (at most %.1f)\n",
           median (haven_ms), median (bare_ms), ratio, MAX_RATIO);
  g_print ("emergency number and first crisis line in the first frame: %s\n",
           every_frame_had_help ? "every time" : "NOT every time");

  return (ratio <= MAX_RATIO && every_frame_had_help) ? 0 : 1;
}
