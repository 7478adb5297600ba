/* bench-startup.c: how soon Haven shows content, with no network and with a server that stalls
 *
 * Starts Haven's window several times in child processes, alternating
 * between a feed address where nothing listens (as with no network) and a
 * server on 127.0.0.1 that accepts and never answers, and prints the median
 * time from activation to the first painted frame of each. Needs a display:
 *
 *   xvfb-run -a meson test -C _build --benchmark startup --verbose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "haven-application.h"

#define ROUNDS 5

static GPtrArray *held;

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  g_ptr_array_add (held, g_object_ref (connection));

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* One start: prints the milliseconds to the first painted frame. */
static int
run_child (const char *mode)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(HavenApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("haven-bench-XXXXXX", NULL);
  g_autofree char *url = NULL;
  GtkWindow *window;
  gboolean painted = FALSE;
  gint64 start;
  guint port;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_init ();
  adw_init ();

  held = g_ptr_array_new_with_free_func (g_object_unref);
  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  if (g_str_equal (mode, "stall"))
    {
      g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), NULL);
    }
  else
    {
      /* Free the port again: nothing listens there. */
      g_socket_service_stop (service);
      g_socket_listener_close (G_SOCKET_LISTENER (service));
    }
  url = g_strdup_printf ("http://127.0.0.1:%u/feed.json", port);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "feed-url", url);

  start = g_get_monotonic_time ();
  app = haven_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  g_print ("%.1f\n", (g_get_monotonic_time () - start) / 1000.0);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_pointer (&held, g_ptr_array_unref);
  g_rmdir (data_home);

  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
run_once (const char *program,
          const char *mode)
{
  const char *argv[] = { program, "--child", mode, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The %s start failed: %s", mode, error->message);

  return g_ascii_strtod (output, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *modes[] = { "closed", "stall" };
  double times[G_N_ELEMENTS (modes)][ROUNDS];
  double medians[G_N_ELEMENTS (modes)];

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  for (guint round = 0; round < ROUNDS; round++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      times[m][round] = run_once (argv[0], modes[m]);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      qsort (times[m], ROUNDS, sizeof (double), compare_doubles);
      medians[m] = times[m][ROUNDS / 2];
    }

  g_print ("First painted frame, median of %u starts:\n", ROUNDS);
  g_print ("  no network (nothing listens):  %7.1f ms\n", medians[0]);
  g_print ("  a server that never answers:   %7.1f ms\n", medians[1]);

  /* The stalled download must not delay the window noticeably. */
  return medians[1] <= medians[0] * 1.5 + 100 ? EXIT_SUCCESS : EXIT_FAILURE;
}
