/* test-window-update.c: an update lands in the open window, a bad one changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "haven-help-view.h"
#include "haven-test-widget.h"
#include "network/network-test-util.h"
#include "network/test-server.h"

static HavenApplication *app;
static TestServer *server;
static MinisignTestKey *publisher;   /* signing */

/* A feed whose images are on the test server too: Haven fetches every
 * image after an update, and tests never leave the machine.
 */
static GBytes *
feed_from (int days)
{
  g_autoptr(GBytes) published = network_test_feed_on (days, NULL);
  g_autofree char *images = test_server_url (server, "/images/");
  GString *text = g_string_new_len (g_bytes_get_data (published, NULL), g_bytes_get_size (published));

  g_string_replace (text, "https://havenwellbeing.github.io/feed/v1/images/", images, 0);

  return g_string_free_to_bytes (text);
}

/* An update and the image downloads after it take a few seconds. */
#define UPDATE_TIMEOUT_MS 15000

static gboolean
feed_is_not (gpointer data)
{
  return haven_content_get_feed (haven_application_get_content (app)) != data;
}

static gboolean
window_has_status (gpointer window)
{
  return haven_window_get_status (window) != NULL;
}

static gboolean
images_all_requested (gpointer data)
{
  const char *names[] = {
    "world-mental-health-day-2026.svg", "online-pressure.svg",
    "grief-through-the-holidays.svg", "winter-sleep-and-mood.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat ("/images/", names[i], NULL);

      if (test_server_get_n_requests (server, path) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Ctrl+R fetches a newer feed: the application's feed changes and the
 * window and its views follow, on the view the reader was on.
 */
static void
test_update_lands (void)
{
  g_autoptr(GBytes) newer = feed_from (1);
  HavenFeed *before = haven_content_get_feed (haven_application_get_content (app));
  HavenWindow *window;
  HavenFeed *after;
  GtkWidget *help;

  /* Opening the window starts an update of the bundled content. */
  test_server_set_feed (server, newer, "\"v1\"");
  window = haven_test_open_window (app);
  haven_window_show_view (window, HAVEN_VIEW_HELP);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  haven_test_wait_for (feed_is_not, before, UPDATE_TIMEOUT_MS);

  after = haven_content_get_feed (haven_application_get_content (app));
  {
    g_autofree char *expected = network_test_date (1);
    char generated[16];

    g_date_strftime (generated, sizeof generated, "%Y-%m-%d", haven_feed_get_generated (after));
    g_assert_cmpstr (generated, ==, expected);
  }
  help = haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HELP_VIEW);
  g_assert_nonnull (help);
  g_assert_true (haven_help_view_get_feed (HAVEN_HELP_VIEW (help)) == after);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);
  g_assert_null (haven_window_get_status (window));

  /* Then every image of the new feed is fetched, whatever the reader opens. */
  haven_test_wait_for (images_all_requested, NULL, UPDATE_TIMEOUT_MS);
}

/* An invalid feed changes nothing but the status line, which has the detail. */
static void
test_invalid_update (void)
{
  g_autoptr(GBytes) invalid = g_bytes_new_static ("{\"format_version\": \"1.0\"}", 25);
  g_autoptr(GBytes) newest = feed_from (2);
  HavenWindow *window = haven_test_open_window (app);
  HavenFeed *before = haven_content_get_feed (haven_application_get_content (app));
  const char *detail;

  test_server_set_feed (server, invalid, "\"bad\"");
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  haven_test_wait_for (window_has_status, window, UPDATE_TIMEOUT_MS);

  g_assert_cmpstr (haven_window_get_status (window), ==,
                   "Couldn’t update: the server sent an invalid feed.");
  detail = haven_content_get_status_detail (haven_application_get_content (app));
  g_assert_nonnull (strstr (detail, "generated"));
  g_assert_true (haven_content_get_feed (haven_application_get_content (app)) == before);

  /* The next good update clears the status. */
  test_server_set_feed (server, newest, "\"v2\"");
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  haven_test_wait_for (feed_is_not, before, UPDATE_TIMEOUT_MS);
  g_assert_null (haven_window_get_status (window));
}

/* signing: a feed changed after signing changes nothing but the status
 * line, which says so; the content shown stays. */
static void
test_tampered_update (void)
{
  g_autofree char *date = network_test_date (2);
  g_autoptr(GBytes) newer = feed_from (2);
  g_autoptr(GBytes) signature = minisign_test_sign (publisher, newer, NULL, FALSE);
  g_autoptr(GBytes) tampered = minisign_test_flip_byte (newer, minisign_test_find (newer, date) + 9);
  HavenWindow *window = haven_test_open_window (app);
  HavenFeed *before = haven_content_get_feed (haven_application_get_content (app));

  test_server_set_feed (server, tampered, "\"tampered\"");
  test_server_set_signature (server, signature);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  haven_test_wait_for (window_has_status, window, UPDATE_TIMEOUT_MS);

  g_assert_cmpstr (haven_window_get_status (window), ==,
                   "Couldn’t update: the feed does not match its signature.");
  g_assert_true (haven_content_get_feed (haven_application_get_content (app)) == before);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *url = NULL;
  int status;

  /* A private data folder too: this test stores feeds. */
  haven_test_widget_init (&argc, &argv);

  server = test_server_new (NULL);
  url = test_server_url (server, "/feed.json");
  /* signing: the server signs as the publisher whose key Haven trusts. */
  publisher = minisign_test_key_new ();
  test_server_sign_with (server, publisher);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    const char *keys[] = { publisher->public_key, NULL };

    g_settings_set_string (settings, "feed-url", url);
    g_settings_set_strv (settings, "feed-public-keys", keys);
  }

  app = haven_test_application_new ();

  g_test_add_func ("/window/update-lands", test_update_lands);
  g_test_add_func ("/window/invalid-update", test_invalid_update);
  g_test_add_func ("/window/tampered-update", test_tampered_update);

  status = g_test_run ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&app);
  g_clear_pointer (&server, test_server_free);
  g_clear_pointer (&publisher, minisign_test_key_free);

  return status;
}
