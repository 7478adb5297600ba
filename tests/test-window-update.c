/* test-window-update.c: an update lands in the open window, a bad one changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "haven-application.h"
#include "haven-help-view.h"
#include "haven-window.h"
#include "network/network-test-util.h"
#include "network/test-server.h"

static HavenApplication *app;
static TestServer *server;

/* A feed whose images are on the test server too: Haven fetches every
 * image after an update, and tests never leave the machine.
 */
static GBytes *
feed_from (const char *generated)
{
  g_autoptr(GBytes) published = network_test_feed_with (generated, NULL);
  g_autofree char *images = test_server_url (server, "/images/");
  GString *text = g_string_new_len (g_bytes_get_data (published, NULL), g_bytes_get_size (published));

  g_string_replace (text, "https://havenwellbeing.github.io/feed/v1/images/", images, 0);

  return g_string_free_to_bytes (text);
}

static void
iterate_while (gboolean (*waiting) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (waiting (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gboolean
feed_is (gpointer data)
{
  return haven_content_get_feed (haven_application_get_content (app)) == data;
}

static gboolean
window_has_no_status (gpointer window)
{
  return haven_window_get_status (window) == NULL;
}

static gboolean
images_not_all_requested (gpointer data)
{
  const char *names[] = {
    "world-mental-health-day-2026.svg", "online-pressure.svg",
    "grief-through-the-holidays.svg", "winter-sleep-and-mood.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat ("/images/", names[i], NULL);

      if (test_server_get_n_requests (server, path) == 0)
        return TRUE;
    }

  return FALSE;
}

static HavenHelpView *
find_help_view (GtkWidget *widget)
{
  if (HAVEN_IS_HELP_VIEW (widget))
    return HAVEN_HELP_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      HavenHelpView *found = find_help_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static HavenWindow *
open_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  return HAVEN_WINDOW (window);
}

/* Ctrl+R fetches a newer feed: the application's feed changes and the
 * window and its views follow, on the view the reader was on.
 */
static void
test_update_lands (void)
{
  g_autoptr(GBytes) newer = feed_from ("2026-12-01");
  HavenFeed *before = haven_content_get_feed (haven_application_get_content (app));
  HavenWindow *window;
  HavenFeed *after;

  /* Opening the window starts an update of the bundled content. */
  test_server_set_feed (server, newer, "\"v1\"");
  window = open_window ();
  haven_window_show_view (window, HAVEN_VIEW_HELP);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  iterate_while (feed_is, before);

  after = haven_content_get_feed (haven_application_get_content (app));
  g_assert_cmpint (g_date_get_day (haven_feed_get_generated (after)), ==, 1);
  g_assert_cmpint (g_date_get_month (haven_feed_get_generated (after)), ==, 12);
  g_assert_true (haven_help_view_get_feed (find_help_view (GTK_WIDGET (window))) == after);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);
  g_assert_null (haven_window_get_status (window));

  /* Then every image of the new feed is fetched, whatever the reader opens. */
  iterate_while (images_not_all_requested, NULL);
}

/* An invalid feed changes nothing but the status line, which has the detail. */
static void
test_invalid_update (void)
{
  g_autoptr(GBytes) invalid = g_bytes_new_static ("{\"format_version\": \"1.0\"}", 25);
  g_autoptr(GBytes) newest = feed_from ("2026-12-02");
  HavenWindow *window = open_window ();
  HavenFeed *before = haven_content_get_feed (haven_application_get_content (app));
  const char *detail;

  test_server_set_feed (server, invalid, "\"bad\"");
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  iterate_while (window_has_no_status, window);

  g_assert_cmpstr (haven_window_get_status (window), ==,
                   "Couldn’t update: the server sent an invalid feed.");
  detail = haven_content_get_status_detail (haven_application_get_content (app));
  g_assert_nonnull (strstr (detail, "generated"));
  g_assert_true (haven_content_get_feed (haven_application_get_content (app)) == before);

  /* The next good update clears the status. */
  test_server_set_feed (server, newest, "\"v2\"");
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  iterate_while (feed_is, before);
  g_assert_null (haven_window_get_status (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *url = NULL;
  int status;

  /* A private data folder: this test stores feeds. */
  data_home = g_dir_make_tmp ("haven-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = test_server_new (NULL);
  url = test_server_url (server, "/feed.json");
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "feed-url", url);
  }

  app = haven_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/update-lands", test_update_lands);
  g_test_add_func ("/window/invalid-update", test_invalid_update);

  status = g_test_run ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
  g_clear_pointer (&server, test_server_free);
  network_test_rm_rf (data_home);

  return status;
}
