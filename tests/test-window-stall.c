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

#include "haven-feed-updater.h"
#include "haven-test-widget.h"

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

typedef struct
{
  guint n_frames;
} Frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;

  frames->n_frames++;

  return G_SOURCE_CONTINUE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_drawn_a_frame (gpointer data)
{
  return ((Frames *) data)->n_frames > 0;
}

/* The frames the test asks for in 2 s, and the connection held. */
static gboolean
has_drawn_20_frames_while_held (gpointer data)
{
  return ((Frames *) data)->n_frames >= 20 && held->len >= 1;
}

static gboolean
window_has_status (gpointer window)
{
  return haven_window_get_status (window) != NULL;
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
  gint64 start, shown, counting;
  Frames frames = { 0 };

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
  /* How soon is what this test measures: no HAVEN_TEST_SLOWDOWN here. */
  haven_test_iterate_until (is_mapped, window, 5 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
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
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &frames, NULL);
  haven_test_iterate_until (has_drawn_a_frame, &frames, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (frames.n_frames, >, 0);
  /* At least 20 frames in 2 s while the server holds the connection: the
   * test ends the wait as soon as they are there. */
  frames.n_frames = 0;
  counting = g_get_monotonic_time ();
  haven_test_iterate_until (has_drawn_20_frames_while_held, &frames, 2 * G_USEC_PER_SEC);
  g_test_message ("%u frames in %.2f s of waiting", frames.n_frames,
                  (g_get_monotonic_time () - counting) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (frames.n_frames, >=, 20);
  g_assert_cmpuint (held->len, >=, 1);
  g_assert_null (haven_window_get_status (HAVEN_WINDOW (window)));

  /* Once the timeout passes, the status line says what happened. */
  haven_test_iterate_until (window_has_status, window,
                            start + (HAVEN_FEED_UPDATER_TIMEOUT + 10) * G_USEC_PER_SEC - g_get_monotonic_time ());
  g_test_message ("Status after %.1f s: %s", (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                  haven_window_get_status (HAVEN_WINDOW (window)));
  g_assert_cmpstr (haven_window_get_status (HAVEN_WINDOW (window)), ==,
                   "Couldn’t update: the server did not answer in time.");
  g_assert_nonnull (haven_content_get_feed (haven_application_get_content (app)));

  haven_test_close_windows (app);
  g_socket_service_stop (service);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);

  held = g_ptr_array_new_with_free_func (g_object_unref);
  app = haven_test_application_new ();

  g_test_add_func ("/window/stalled-server", test_stall);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&held, g_ptr_array_unref);

  return status;
}
