/* test-window-stall.c: a feed server that never answers costs the reader nothing
 *
 * A server on 127.0.0.1 accepts the connection and then says nothing. The
 * window must show the stored or bundled content at once, keep drawing
 * frames while the download waits, and say what happened when the
 * updater's timeout passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-application.h"
#include "haven-feed-updater.h"
#include "haven-window.h"

static HavenApplication *app;
static GPtrArray *held;

/* Takes every connection and never answers. */
static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  g_ptr_array_add (held, g_object_ref (connection));

  return TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;

  return G_SOURCE_CONTINUE;
}

static void
iterate_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_stall (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GtkWindow *window;
  gint64 start, shown, deadline;
  guint n_frames = 0;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_settings_set_string (settings, "feed-url", url);

  start = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, FALSE);
    }
  shown = g_get_monotonic_time ();
  g_test_message ("The window showed its content %.0f ms after activation",
                  (shown - start) / 1000.0);

  /* Content is there while the server is still silent. */
  g_assert_nonnull (haven_content_get_feed (haven_application_get_content (app)));
  g_assert_true (haven_feed_get_generated (haven_content_get_feed (haven_application_get_content (app))) != NULL);
  g_assert_cmpint (shown - start, <, 3 * G_USEC_PER_SEC);
  g_assert_null (haven_window_get_status (HAVEN_WINDOW (window)));

  /* The window keeps drawing while the download waits. The first frame
   * compiles the renderer's shaders, which can take seconds on a busy
   * machine with software GL, so counting starts after it.
   */
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &n_frames, NULL);
  while (n_frames == 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - shown, <, 10 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }
  n_frames = 0;
  iterate_for (2 * G_USEC_PER_SEC);
  g_test_message ("%u frames in 2 s of waiting", n_frames);
  g_assert_cmpuint (n_frames, >=, 20);
  g_assert_cmpuint (held->len, >=, 1);
  g_assert_null (haven_window_get_status (HAVEN_WINDOW (window)));

  /* Once the timeout passes, the status line says what happened. */
  deadline = start + (HAVEN_FEED_UPDATER_TIMEOUT + 10) * G_USEC_PER_SEC;
  while (haven_window_get_status (HAVEN_WINDOW (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("Status after %.1f s: %s", (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                  haven_window_get_status (HAVEN_WINDOW (window)));
  g_assert_cmpstr (haven_window_get_status (HAVEN_WINDOW (window)), ==,
                   "Couldn’t update: the server did not answer in time.");
  g_assert_nonnull (haven_content_get_feed (haven_application_get_content (app)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate_for (G_USEC_PER_SEC / 4);
  g_socket_service_stop (service);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  held = g_ptr_array_new_with_free_func (g_object_unref);
  app = haven_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/stalled-server", test_stall);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&held, g_ptr_array_unref);

  return status;
}
