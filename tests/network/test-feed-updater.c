/* test-feed-updater.c: the updater against loopback servers, HTTP and HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "haven-feed-parser.h"
#include "haven-feed-rules.h"
#include "haven-feed-store.h"
#include "haven-feed-updater.h"
#include "haven-minisign.h"
#include "haven-test-wait.h"
#include "network-test-util.h"
#include "test-server.h"

/* metered: a network monitor that says the connection is metered, as
 * NetworkManager's does on a mobile data plan. */
#define TEST_TYPE_METERED_MONITOR (test_metered_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMeteredMonitor, test_metered_monitor, TEST, METERED_MONITOR, GObject)

struct _TestMeteredMonitor
{
  GObject parent_instance;
};

enum {
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static void test_metered_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_metered_monitor_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMeteredMonitor, test_metered_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_metered_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_metered_monitor_iface_init))

static void
test_metered_monitor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, TRUE);
      break;

    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_FULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_metered_monitor_class_init (TestMeteredMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_metered_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_metered_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
test_metered_monitor_initable (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
test_metered_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_metered_monitor_initable;
}

static void
test_metered_monitor_init (TestMeteredMonitor *self)
{
}

/* Made once per run in main(). */
static char *tls_directory;
static GTlsCertificate *good_certificate;
static GTlsCertificate *wrong_name_certificate;
static GTlsDatabase *test_ca;
/* signing: the feed's publisher, and someone else */
static MinisignTestKey *publisher;
static MinisignTestKey *stranger;

typedef struct
{
  char             *directory;
  HavenFeedStore   *store;
  HavenFeedUpdater *updater;
  TestServer       *server;
  GBytes           *current;   /* what the store holds before the update */
  GBytes           *newer;     /* what the server offers */
  char             *feed_before;
  char             *meta_before;
} Fixture;

typedef struct
{
  gboolean               done;
  HavenFeedUpdateResult  result;
  HavenFeed             *feed;
  GError                *error;
} Outcome;

/* @feed is dated @days after the bundled feed (network_test_date()). */
static void
assert_generated (HavenFeed *feed,
                  int        days)
{
  g_autofree char *expected = network_test_date (days);
  char generated[16];

  g_date_strftime (generated, sizeof generated, "%Y-%m-%d", haven_feed_get_generated (feed));
  g_assert_cmpstr (generated, ==, expected);
}

/* An updater on the fixture's store that trusts the publisher. */
static void
new_updater (Fixture *fixture)
{
  const char *keys[] = { publisher->public_key, NULL };

  g_clear_object (&fixture->updater);
  fixture->updater = haven_feed_updater_new (fixture->store);
  g_object_set (fixture->updater, "timeout", 1, "deadline", 10, NULL);
  haven_feed_updater_set_trusted_keys (fixture->updater, keys);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GTlsCertificate *certificate = (GTlsCertificate *)data;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 11, 30, 8, 0, 0);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("haven-updater-XXXXXX", NULL);
  fixture->store = haven_feed_store_new (fixture->directory);
  fixture->current = network_test_feed_on (0, NULL);
  fixture->newer = network_test_feed_on (1, NULL);

  /* Haven already has a good copy from an earlier update. */
  feed = haven_feed_parse (fixture->current, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (haven_feed_store_save (fixture->store, fixture->current, feed, "\"v0\"",
                                        "Mon, 30 Nov 2026 08:00:00 GMT", then, &error));
  g_assert_no_error (error);
  fixture->feed_before = network_test_read_file (fixture->directory, "feed.json");
  fixture->meta_before = network_test_read_file (fixture->directory, "feed.ini");

  new_updater (fixture);
  if (certificate != NULL)
    haven_feed_updater_set_tls_database (fixture->updater, test_ca);

  fixture->server = test_server_new (certificate);
  test_server_sign_with (fixture->server, publisher);
  test_server_set_feed (fixture->server, fixture->newer, "\"v1\"");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->updater);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->server, test_server_free);
  g_clear_pointer (&fixture->current, g_bytes_unref);
  g_clear_pointer (&fixture->newer, g_bytes_unref);
  g_clear_pointer (&fixture->feed_before, g_free);
  g_clear_pointer (&fixture->meta_before, g_free);
  network_test_rm_rf (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = haven_feed_updater_update_finish (HAVEN_FEED_UPDATER (object), result,
                                                      &outcome->feed, &outcome->error);
  outcome->done = TRUE;
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->feed);
  g_clear_error (&outcome->error);
}

static void
wait_for (Outcome *outcome)
{
  haven_test_wait_for_flag (&outcome->done, 30000);
}

static void
update (Fixture    *fixture,
        const char *path,
        Outcome    *outcome)
{
  g_autofree char *url = test_server_url (fixture->server, path);

  memset (outcome, 0, sizeof *outcome);
  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, outcome);
  wait_for (outcome);
}

/* After any failure Haven still has exactly what it had. */
static void
assert_store_unchanged (Fixture *fixture)
{
  g_autofree char *feed = network_test_read_file (fixture->directory, "feed.json");
  g_autofree char *meta = network_test_read_file (fixture->directory, "feed.ini");

  g_assert_cmpstr (feed, ==, fixture->feed_before);
  g_assert_cmpstr (meta, ==, fixture->meta_before);
}

static void
assert_fails (Fixture              *fixture,
              const char           *path,
              HavenFeedUpdateError  code,
              const char           *in_message)
{
  Outcome outcome;

  update (fixture, path, &outcome);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_FAILED);
  g_assert_error (outcome.error, HAVEN_FEED_UPDATE_ERROR, (int)code);
  g_assert_null (outcome.feed);
  g_test_message ("%s: %s", path, outcome.error->message);
  if (in_message != NULL)
    g_assert_nonnull (strstr (outcome.error->message, in_message));
  g_assert_nonnull (haven_feed_update_error_get_summary (outcome.error));
  assert_store_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
assert_updates (Fixture    *fixture,
                const char *path)
{
  Outcome outcome;
  g_autofree char *stored = NULL;
  g_autofree char *etag = NULL;

  update (fixture, path, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_nonnull (outcome.feed);
  assert_generated (outcome.feed, 1);

  stored = network_test_read_file (fixture->directory, "feed.json");
  g_assert_cmpmem (stored, strlen (stored),
                   g_bytes_get_data (fixture->newer, NULL), g_bytes_get_size (fixture->newer));
  etag = haven_feed_store_dup_etag (fixture->store);
  g_assert_cmpstr (etag, ==, "\"v1\"");
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 0);
  outcome_clear (&outcome);
}

static void
test_update_200 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *user_agent = NULL;
  g_autofree char *if_none_match = NULL;

  assert_updates (fixture, "/feed.json");
  user_agent = test_server_dup_last_header (fixture->server, "User-Agent");
  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (user_agent, ==, "Haven/" PACKAGE_VERSION);
  /* The request named the copy Haven had, and the server had another. */
  g_assert_cmpstr (if_none_match, ==, "\"v0\"");
}

/* Whether the clock shows a time after @data, a GDateTime. */
static gboolean
clock_passed (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_compare (now, data) > 0;
}

static void
test_update_304 (Fixture       *fixture,
                 gconstpointer  data)
{
  Outcome outcome;
  g_autofree char *feed_after = NULL;
  g_autofree char *if_none_match = NULL;
  g_autofree char *if_modified_since = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autoptr(GDateTime) checked_before = NULL;
  g_autoptr(GDateTime) checked_after = NULL;

  assert_updates (fixture, "/feed.json");
  feed_after = network_test_read_file (fixture->directory, "feed.json");
  fetched = haven_feed_store_dup_fetched (fixture->store);
  checked_before = haven_feed_store_dup_checked (fixture->store);
  /* The next check is later, however fast it comes. */
  haven_test_wait_for (clock_passed, checked_before, HAVEN_TEST_TIMEOUT_MS);

  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_NOT_MODIFIED);
  g_assert_null (outcome.feed);

  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  if_modified_since = test_server_dup_last_header (fixture->server, "If-Modified-Since");
  g_assert_cmpstr (if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (if_modified_since, ==, "Wed, 25 Nov 2026 10:00:00 GMT");
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 2);

  /* The copy stays; only the time it was last confirmed moves on. */
  {
    g_autofree char *feed_now = network_test_read_file (fixture->directory, "feed.json");
    g_autoptr(GDateTime) fetched_now = haven_feed_store_dup_fetched (fixture->store);

    checked_after = haven_feed_store_dup_checked (fixture->store);
    g_assert_cmpstr (feed_now, ==, feed_after);
    g_assert_true (g_date_time_equal (fetched_now, fetched));
    g_assert_cmpint (g_date_time_compare (checked_after, checked_before), >, 0);
  }
  outcome_clear (&outcome);
}

static void
test_update_404 (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_fails (fixture, "/nothing-here.json", HAVEN_FEED_UPDATE_ERROR_HTTP, "404");
}

static void
test_update_500 (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_fails (fixture, "/error", HAVEN_FEED_UPDATE_ERROR_HTTP, "500");
}

static void
test_update_redirect_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  assert_fails (fixture, "/redirect-ftp", HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                "ftp://127.0.0.1/feed.json");
  /* Nothing was fetched after the redirect. */
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 0);
}

static void
test_update_redirect_followed (Fixture       *fixture,
                               gconstpointer  data)
{
  assert_updates (fixture, "/redirect-http");
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 1);
}

/* metered: on a metered connection no update starts, and the server sees
 * no request, unless the reader allows updates there. */
static void
test_update_metered (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GNetworkMonitor) monitor = g_object_new (TEST_TYPE_METERED_MONITOR, NULL);
  Outcome outcome;

  g_assert_true (g_network_monitor_get_network_metered (monitor));
  haven_feed_updater_set_network_monitor (fixture->updater, monitor);

  update (fixture, "/feed.json", &outcome);
  g_assert_error (outcome.error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_METERED);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_FAILED);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 0);
  assert_store_unchanged (fixture);
  outcome_clear (&outcome);

  g_object_set (fixture->updater, "allow-metered", TRUE, NULL);
  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 1);
  outcome_clear (&outcome);
}

static void
test_update_stall (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  assert_fails (fixture, "/stall", HAVEN_FEED_UPDATE_ERROR_TIMED_OUT, "did not answer in time");
  /* The test's timeout is one second. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
}

static void
test_update_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_fails (fixture, "/truncated", HAVEN_FEED_UPDATE_ERROR_TRUNCATED, NULL);
}

static void
test_update_oversize (Fixture       *fixture,
                      gconstpointer  data)
{
  g_object_set (fixture->updater, "max-size", (guint64)(100 * 1024), NULL);
  /* Refused from its Content-Length… */
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_TOO_LARGE, "larger than 102.4");
  /* …and, without one, by counting. */
  assert_fails (fixture, "/chunked.json", HAVEN_FEED_UPDATE_ERROR_TOO_LARGE, "larger than 102.4");
}

static void
test_update_chunked (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_updates (fixture, "/chunked.json");
}

static void
test_update_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) invalid = g_bytes_new_static ("{\"format_version\": \"1.0\"}", 25);
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>Sign in to the Wi-Fi</html>", 33);

  test_server_set_feed (fixture->server, invalid, "\"bad\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_INVALID, "invalid feed");
  test_server_set_feed (fixture->server, html, "\"portal\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_INVALID, "not valid JSON");
}

static void
test_update_newer_major (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) future = network_test_feed_on (1, "2.0");

  test_server_set_feed (fixture->server, future, "\"v2\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_UNSUPPORTED_VERSION, "newer version");
}

static void
test_update_older (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) older = network_test_minimal_feed ("2026-01-15");
  GDate current;

  g_date_clear (&current, 1);
  g_date_set_dmy (&current, 30, 11, 2026);
  haven_feed_store_set_generated (fixture->store, &current);
  test_server_set_feed (fixture->server, older, "\"old\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_OLDER, "2026-01-15");
}

static void
test_update_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  Outcome outcome = { 0 };

  /* A port on 127.0.0.1 that was free a moment ago: nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, &outcome);
  wait_for (&outcome);
  g_assert_error (outcome.error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_OFFLINE);
  g_assert_cmpstr (haven_feed_update_error_get_summary (outcome.error), ==, "Offline.");
  assert_store_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
test_update_policy (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *refused[] = {
    /* Never contacted: the policy refuses them before any traffic. */
    "http://192.0.2.1/feed.json",
    "ftp://127.0.0.1/feed.json",
    "file:///etc/passwd",
    "https://user@127.0.0.1/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      Outcome outcome = { 0 };

      haven_feed_updater_update_async (fixture->updater, refused[i], NULL, update_cb, &outcome);
      wait_for (&outcome);
      g_assert_error (outcome.error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL);
      outcome_clear (&outcome);
    }
  assert_store_unchanged (fixture);
}

static void
test_update_shared (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/feed.json");
  Outcome first = { 0 }, second = { 0 }, third = { 0 };

  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, &first);
  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, &second);
  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, &third);
  g_assert_true (haven_feed_updater_get_busy (fixture->updater));
  wait_for (&first);
  wait_for (&second);
  wait_for (&third);

  g_assert_cmpint (first.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_cmpint (second.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_cmpint (third.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_true (first.feed == second.feed && second.feed == third.feed);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 1);
  g_assert_false (haven_feed_updater_get_busy (fixture->updater));
  outcome_clear (&first);
  outcome_clear (&second);
  outcome_clear (&third);
}

static gboolean
stall_requested (gpointer data)
{
  Fixture *fixture = data;

  return test_server_get_n_requests (fixture->server, "/stall") > 0;
}

static void
test_update_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/stall");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };
  gint64 start;

  /* Long enough that only cancelling can end it. */
  g_object_set (fixture->updater, "timeout", 60, NULL);
  start = g_get_monotonic_time ();
  haven_feed_updater_update_async (fixture->updater, url, cancellable, update_cb, &outcome);
  /* Cancelled while the server holds the request open. */
  haven_test_wait_for (stall_requested, fixture, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (outcome.done);
  g_cancellable_cancel (cancellable);
  wait_for (&outcome);

  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_false (haven_feed_updater_get_busy (fixture->updater));
  /* Cancelling is not a failure to back off from. */
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 0);
  assert_store_unchanged (fixture);
  outcome_clear (&outcome);
}

/* One reader's request going away does not stop the download for another. */
static void
test_update_cancel_one_of_two (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/feed.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome first = { 0 }, second = { 0 };

  haven_feed_updater_update_async (fixture->updater, url, cancellable, update_cb, &first);
  haven_feed_updater_update_async (fixture->updater, url, NULL, update_cb, &second);
  g_cancellable_cancel (cancellable);
  wait_for (&first);
  wait_for (&second);

  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (second.error);
  g_assert_cmpint (second.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 1);
  outcome_clear (&first);
  outcome_clear (&second);
}

static void
test_update_back_off (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 0);
  assert_fails (fixture, "/error", HAVEN_FEED_UPDATE_ERROR_HTTP, NULL);
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 60);
  assert_fails (fixture, "/error", HAVEN_FEED_UPDATE_ERROR_HTTP, NULL);
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 120);
  assert_fails (fixture, "/error", HAVEN_FEED_UPDATE_ERROR_HTTP, NULL);
  g_assert_cmpuint (haven_feed_updater_get_retry_delay (fixture->updater), ==, 240);
  assert_updates (fixture, "/feed.json");
}

static void
test_https_200 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/feed.json");

  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));
  assert_updates (fixture, "/feed.json");
}

static void
test_https_wrong_name (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_TLS, "could not verify");
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json"), ==, 0);
}

static void
test_https_unknown_authority (Fixture       *fixture,
                              gconstpointer  data)
{
  /* The system's authorities do not know the test's. */
  haven_feed_updater_set_tls_database (fixture->updater, NULL);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_TLS, NULL);
}

/* Class 3: updates that never happened. */

/* nginx's gzip_static sends a stored feed.json.gz with Content-Encoding:
 * gzip and the compressed size as Content-Length; libsoup decodes it.
 */
static void
test_update_gzip (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) compressed = test_gzip (fixture->newer);
  g_autofree char *accept_encoding = NULL;

  /* The Content-Length the server sends is far below the feed's size. */
  g_assert_cmpuint (g_bytes_get_size (compressed), <, g_bytes_get_size (fixture->newer) / 2);
  assert_updates (fixture, "/gzip.json");
  accept_encoding = test_server_dup_last_header (fixture->server, "Accept-Encoding");
  g_assert_nonnull (strstr (accept_encoding, "gzip"));
}

static void
test_update_gzip_truncated (Fixture       *fixture,
                            gconstpointer  data)
{
  assert_fails (fixture, "/gzip-truncated.json", HAVEN_FEED_UPDATE_ERROR_TRUNCATED, NULL);
}

/* The size limit applies to the decoded feed: a few kilobytes that inflate
 * to 24 MiB (valid JSON at that: spaces after the feed) are stopped at the
 * limit. Whatever the size of the feed in front, the padding compresses to
 * almost nothing.
 */
static void
test_update_gzip_bomb (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GByteArray) inflated = g_byte_array_new ();
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) compressed = NULL;
  gsize padding = 24 * 1024 * 1024;

  g_byte_array_append (inflated, g_bytes_get_data (fixture->newer, NULL),
                       g_bytes_get_size (fixture->newer));
  g_byte_array_set_size (inflated, inflated->len + padding);
  memset (inflated->data + inflated->len - padding, ' ', padding);
  bomb = g_byte_array_free_to_bytes (g_steal_pointer (&inflated));
  compressed = test_gzip (bomb);
  g_assert_cmpuint (g_bytes_get_size (compressed), <, g_bytes_get_size (bomb) / 64);

  test_server_set_gzip_file (fixture->server, "/bomb.json", bomb);
  assert_fails (fixture, "/bomb.json", HAVEN_FEED_UPDATE_ERROR_TOO_LARGE, "larger than");
}

/* Replaces the stored copy with @bytes, under the ETag the server has now. */
static void
store_broken_copy (Fixture *fixture,
                   GBytes  *bytes)
{
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 12, 1, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeedStore) store = NULL;

  g_assert_true (haven_feed_store_save (fixture->store, bytes, NULL, "\"v1\"",
                                        "Wed, 25 Nov 2026 10:00:00 GMT", then, &error));
  g_assert_no_error (error);

  /* A new start of Haven finds it, ETag and all. */
  store = haven_feed_store_new (fixture->directory);
  g_set_object (&fixture->store, store);
  new_updater (fixture);
  {
    g_autofree char *etag = haven_feed_store_dup_etag (fixture->store);

    g_assert_cmpstr (etag, ==, "\"v1\"");
  }
}

static void
assert_repaired (Fixture *fixture)
{
  g_autofree char *if_none_match = NULL;
  g_autofree char *if_modified_since = NULL;
  g_autoptr(HavenFeed) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_updates (fixture, "/feed.json");
  /* The request named no copy, so the server could not answer 304. */
  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  if_modified_since = test_server_dup_last_header (fixture->server, "If-Modified-Since");
  g_assert_null (if_none_match);
  g_assert_null (if_modified_since);
  loaded = haven_feed_store_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

/* A copy cut short (by a crash, a full disk, an older Haven) under the
 * server's current ETag used to bring 304 for ever.
 */
static void
test_update_repairs_truncated_copy (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (fixture->newer, 0,
                                                   g_bytes_get_size (fixture->newer) / 2);

  store_broken_copy (fixture, half);
  g_assert_null (haven_feed_store_load (fixture->store, NULL));
  assert_repaired (fixture);
}

/* The same for a copy whose feed.json is gone and whose feed.ini stayed. */
static void
test_update_repairs_missing_copy (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "feed.json", NULL);

  store_broken_copy (fixture, fixture->newer);
  g_assert_cmpint (g_unlink (path), ==, 0);
  assert_repaired (fixture);
}

/* 304 to a request that named no copy: Haven has nothing to keep. */
static void
test_update_304_without_copy (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "feed.json", NULL);
  g_autofree char *if_none_match = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_clear_pointer (&fixture->feed_before, g_free);
  assert_fails (fixture, "/always-304", HAVEN_FEED_UPDATE_ERROR_HTTP, "304");
  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  g_assert_null (if_none_match);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The same server answer is fine when the request named a good copy. */
static void
test_update_304_with_copy (Fixture       *fixture,
                           gconstpointer  data)
{
  Outcome outcome;
  g_autofree char *if_none_match = NULL;

  update (fixture, "/always-304", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_NOT_MODIFIED);
  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, "\"v0\"");
  outcome_clear (&outcome);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Kept, a feed from 2100 would make every real feed after it older. */
static void
test_update_future_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) future = network_test_feed_with ("2100-12-31", NULL);

  test_server_set_feed (fixture->server, future, "\"2100\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_FUTURE, "2100-12-31");
}

/* A publisher a day ahead of UTC, or a reader's clock a little behind. */
static void
test_update_future_tolerated (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *soon = date_from_today (HAVEN_FEED_RULES_FUTURE_DAYS);
  g_autoptr(GBytes) feed = network_test_feed_with (soon, NULL);
  Outcome outcome;

  test_server_set_feed (fixture->server, feed, "\"soon\"");
  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  outcome_clear (&outcome);
}

/* A copy from 2100 stored before the rule existed does not block updates. */
static void
test_update_after_future_copy (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) future = network_test_feed_with ("2100-12-31", NULL);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 11, 30, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  GDate current;

  feed = haven_feed_parse (future, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (haven_feed_store_save (fixture->store, future, feed, "\"2100\"", NULL, then, &error));
  g_assert_no_error (error);
  g_assert_true (haven_feed_store_get_generated (fixture->store, &current));
  g_assert_cmpint (g_date_get_year (&current), ==, 2100);

  assert_updates (fixture, "/feed.json");
}

static void
test_rules_dates (void)
{
  /* Late on 2 December in UTC, already 3 December east of it. */
  g_autoptr(GTimeZone) kiribati = g_time_zone_new_identifier ("+14:00");
  g_autoptr(GDateTime) now = g_date_time_new (kiribati, 2026, 12, 3, 13, 30, 0);
  g_autoptr(GError) error = NULL;
  GDate date, current;

  g_date_clear (&date, 1);
  g_date_clear (&current, 1);
  g_date_set_dmy (&date, 4, 12, 2026);
  g_assert_false (haven_feed_rules_is_future (&date, now));
  g_assert_true (haven_feed_rules_check_date (&date, NULL, now, &error));
  g_assert_no_error (error);

  g_date_set_dmy (&date, 5, 12, 2026);
  g_assert_true (haven_feed_rules_is_future (&date, now));
  g_assert_false (haven_feed_rules_check_date (&date, NULL, now, &error));
  g_assert_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_FUTURE);
  g_assert_nonnull (strstr (error->message, "2026-12-05"));
  g_assert_nonnull (strstr (error->message, "2026-12-02"));
  g_clear_error (&error);

  /* Older than the copy Haven has… */
  g_date_set_dmy (&date, 1, 12, 2026);
  g_date_set_dmy (&current, 2, 12, 2026);
  g_assert_false (haven_feed_rules_check_date (&date, &current, now, &error));
  g_assert_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_OLDER);
  g_clear_error (&error);

  /* …unless that copy is dated in the future itself. */
  g_date_set_dmy (&current, 31, 12, 2100);
  g_assert_true (haven_feed_rules_check_date (&date, &current, now, &error));
  g_assert_no_error (error);
}

/* Class 4: accepted feeds that removed help. */

typedef void (*FeedPatch) (JsonObject *root);

/* @published with one change; still a valid feed, so only the update
 * rules can refuse it.
 */
static GBytes *
feed_patch (GBytes    *published,
            FeedPatch  patch)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data = g_bytes_get_data (published, &size);
  char *text;

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  patch (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &size);
  bytes = g_bytes_new_take (text, size);

  feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return g_steal_pointer (&bytes);
}

/* The bundled feed as published on @generated, with one change. */
static GBytes *
feed_patched_from (int       days,
                   FeedPatch patch)
{
  g_autoptr(GBytes) published = network_test_feed_on (days, NULL);

  return feed_patch (published, patch);
}

static GBytes *
feed_patched (FeedPatch patch)
{
  return feed_patched_from (1, patch);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  return json_object_get_array_member (object, name);
}

/* Removes the items of @array whose @member is @value. */
static void
remove_where (JsonArray  *array,
              const char *member,
              const char *value)
{
  for (guint i = json_array_get_length (array); i > 0; i--)
    {
      JsonObject *item = json_array_get_object_element (array, i - 1);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, member, NULL), value) == 0)
        json_array_remove_element (array, i - 1);
    }
}

static JsonObject *
find_region (JsonObject *root,
             const char *code)
{
  JsonArray *regions = member_array (root, "regions");

  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *region = json_array_get_object_element (regions, i);

      if (g_str_equal (json_object_get_string_member (region, "code"), code))
        return region;
    }
  g_assert_not_reached ();
}

static void
patch_no_contacts (JsonObject *root)
{
  json_object_set_array_member (root, "contacts", json_array_new ());
}

static void
patch_no_regions (JsonObject *root)
{
  json_object_set_array_member (root, "contacts", json_array_new ());
  json_object_set_array_member (root, "regions", json_array_new ());
}

static void
patch_no_lines_in_germany (JsonObject *root)
{
  remove_where (member_array (root, "contacts"), "region", "DE");
}

static void
patch_one_number_in_austria (JsonObject *root)
{
  JsonArray *numbers = member_array (find_region (root, "AT"), "emergency_numbers");

  g_assert_cmpuint (json_array_get_length (numbers), ==, 2);
  json_array_remove_element (numbers, 1);
}

static void
patch_two_numbers_in_britain (JsonObject *root)
{
  JsonArray *numbers = member_array (find_region (root, "GB"), "emergency_numbers");
  JsonObject *number = json_object_new ();
  JsonArray *services = json_array_new ();

  g_assert_cmpuint (json_array_get_length (numbers), ==, 1);
  json_array_add_string_element (services, "general");
  json_object_set_string_member (number, "number", "112");
  json_object_set_array_member (number, "for", services);
  json_array_add_object_element (numbers, number);
}

static void
patch_no_south_africa (JsonObject *root)
{
  remove_where (member_array (root, "contacts"), "region", "ZA");
  remove_where (member_array (root, "regions"), "code", "ZA");
}

/* One of the United Kingdom's five lines goes, one that no other names. */
static void
patch_one_line_fewer_in_britain (JsonObject *root)
{
  JsonArray *contacts = member_array (root, "contacts");
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (contacts, i);
      JsonArray *pairs = json_object_has_member (contact, "pairs_with")
                         ? member_array (contact, "pairs_with") : NULL;

      for (guint j = 0; pairs != NULL && j < json_array_get_length (pairs); j++)
        g_hash_table_add (named, (gpointer)json_array_get_string_element (pairs, j));
    }

  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (contacts, i);

      if (g_str_equal (json_object_get_string_member (contact, "region"), "GB") &&
          !json_object_has_member (contact, "pairs_with") &&
          !g_hash_table_contains (named, json_object_get_string_member (contact, "id")))
        {
          json_array_remove_element (contacts, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
assert_takes_help_away (Fixture    *fixture,
                        FeedPatch   patch,
                        const char *in_message)
{
  g_autoptr(GBytes) patched = feed_patched (patch);

  test_server_set_feed (fixture->server, patched, "\"patched\"");
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP, in_message);
}

static void
test_help_no_contacts (Fixture       *fixture,
                       gconstpointer  data)
{
  assert_takes_help_away (fixture, patch_no_contacts, "crisis line");
}

static void
test_help_no_regions (Fixture       *fixture,
                      gconstpointer  data)
{
  assert_takes_help_away (fixture, patch_no_regions, "emergency numbers");
}

static void
test_help_region_without_lines (Fixture       *fixture,
                                gconstpointer  data)
{
  assert_takes_help_away (fixture, patch_no_lines_in_germany, "(DE)");
}

static void
test_help_fewer_emergency_numbers (Fixture       *fixture,
                                   gconstpointer  data)
{
  assert_takes_help_away (fixture, patch_one_number_in_austria, "(AT)");
}

/* South Africa has no crisis line, only its emergency numbers. */
static void
test_help_region_removed (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_takes_help_away (fixture, patch_no_south_africa, "(ZA)");
}

/* The stored copy counts too: it gave Britain a second emergency number. */
static void
test_help_fewer_than_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) stored = feed_patched_from (0, patch_two_numbers_in_britain);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 11, 30, 8, 0, 0);
  g_autoptr(GError) error = NULL;

  feed = haven_feed_parse (stored, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_region_get_emergency_numbers (haven_feed_lookup_region (feed, "GB"))->len, ==, 2);
  g_assert_true (haven_feed_store_save (fixture->store, stored, feed, "\"v0\"", NULL, then, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fixture->feed_before, g_free);
  g_clear_pointer (&fixture->meta_before, g_free);
  fixture->feed_before = network_test_read_file (fixture->directory, "feed.json");
  fixture->meta_before = network_test_read_file (fixture->directory, "feed.ini");

  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP, "(GB)");
}

/* A stored copy older than the bundled feed is not what Haven shows, so
 * what only it had does not count.
 */
static void
test_help_older_stored_copy_ignored (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GBytes) older = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 11, 20, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  Outcome outcome;

  /* The bundled feed as it was five days before, with a second number for Britain. */
  older = network_test_feed_on (-5, NULL);
  stored = feed_patch (older, patch_two_numbers_in_britain);
  feed = haven_feed_parse (stored, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (haven_feed_store_save (fixture->store, stored, feed, "\"v0\"", NULL, then, &error));
  g_assert_no_error (error);

  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  outcome_clear (&outcome);
}

/* A line may go as long as the region keeps one. */
static void
test_help_one_line_fewer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) patched = feed_patched (patch_one_line_fewer_in_britain);
  Outcome outcome;

  test_server_set_feed (fixture->server, patched, "\"patched\"");
  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  outcome_clear (&outcome);
}

/* signing ------------------------------------------------------------- */

static GBytes *
signature_of_newer (Fixture         *fixture,
                    MinisignTestKey *key,
                    gboolean         legacy)
{
  return minisign_test_sign (key, fixture->newer, "feed of 2026-12-01", legacy);
}

static void
check_signed_good (Fixture  *fixture,
                   gboolean  legacy)
{
  /* minisign signs prehashed by default, and the legacy way with -l. */
  if (legacy)
    {
      g_autoptr(GBytes) signature = signature_of_newer (fixture, publisher, TRUE);

      test_server_set_signature (fixture->server, signature);
    }

  assert_updates (fixture, "/feed.json");
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json.minisig"), ==, 1);
}

static void
test_signed_good (Fixture       *fixture,
                  gconstpointer  data)
{
  check_signed_good (fixture, FALSE);
}

static void
test_signed_good_legacy (Fixture       *fixture,
                         gconstpointer  data)
{
  check_signed_good (fixture, TRUE);
}

static void
test_signed_feed_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) signature = signature_of_newer (fixture, publisher, FALSE);
  g_autofree char *date = network_test_date (1);
  /* One byte of the feed changed after signing. */
  g_autoptr(GBytes) tampered = minisign_test_flip_byte (fixture->newer,
                                                        minisign_test_find (fixture->newer, date) + 3);

  test_server_set_feed (fixture->server, tampered, "\"evil\"");
  test_server_set_signature (fixture->server, signature);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
                "not what its publisher signed");
}

static void
test_signed_signature_changed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) signature = signature_of_newer (fixture, publisher, FALSE);
  gsize line = minisign_test_find (signature, "\nR") + 1;
  g_autoptr(GBytes) changed_sig = minisign_test_flip_byte (signature, line + 50);
  g_autoptr(GBytes) changed_comment = minisign_test_flip_byte (signature,
                                                               minisign_test_find (signature, "2026-12-01"));

  test_server_set_signature (fixture->server, changed_sig);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
                "not what its publisher signed");
  test_server_set_signature (fixture->server, changed_comment);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE, "trusted comment");
}

static void
test_signed_other_key (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) signature = signature_of_newer (fixture, stranger, FALSE);
  g_autoptr(HavenMinisignKey) key = haven_minisign_key_new (stranger->public_key, NULL);
  g_autofree char *id = haven_minisign_key_dup_id (key);

  test_server_set_signature (fixture->server, signature);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY, id);

  /* No key trusted at all: nothing is accepted either. */
  haven_feed_updater_set_trusted_keys (fixture->updater, NULL);
  test_server_sign_with (fixture->server, publisher);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY, NULL);
}

static void
test_signed_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  test_server_set_signature (fixture->server, NULL);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_UNSIGNED, "not signed");
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json.minisig"), ==, 1);
}

static void
test_signed_garbled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>Sign in to the Wi-Fi</html>", 33);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) signature = signature_of_newer (fixture, publisher, FALSE);
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (signature, 0, g_bytes_get_size (signature) / 2);
  g_autofree char *huge_text = g_strnfill (64 * 1024, 'A');
  g_autoptr(GBytes) huge = g_bytes_new_static (huge_text, strlen (huge_text));

  test_server_set_signature (fixture->server, html);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE, "damaged");
  test_server_set_signature (fixture->server, half);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE, "damaged");
  test_server_set_signature (fixture->server, empty);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_UNSIGNED, "not signed");
  test_server_set_signature (fixture->server, huge);
  assert_fails (fixture, "/feed.json", HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE, "too large");
}

/* What --unsigned-preview asks of the updater: shown, never kept. */
static void
test_signed_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  Outcome outcome;

  test_server_set_signature (fixture->server, NULL);
  haven_feed_updater_set_require_signature (fixture->updater, FALSE);
  haven_feed_updater_set_store_updates (fixture->updater, FALSE);
  update (fixture, "/feed.json", &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.result, ==, HAVEN_FEED_UPDATE_UPDATED);
  g_assert_nonnull (outcome.feed);
  assert_generated (outcome.feed, 1);
  /* It asked for the whole feed, not for changes since the stored copy. */
  {
    g_autofree char *if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");

    g_assert_null (if_none_match);
  }
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/feed.json.minisig"), ==, 0);
  assert_store_unchanged (fixture);
  outcome_clear (&outcome);
}

/* Whether GLib's worker threads are all gone (Linux: /proc/self/task),
 * stopping those that left their pool. */
static gboolean
pool_threads_gone (gpointer data)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *name;

  g_thread_pool_stop_unused_threads ();
  while (tasks != NULL && (name = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", name, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) &&
          g_str_has_prefix (comm, "pool-") && !g_str_has_prefix (comm, "pool-spawner"))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* Never touch the real user's data, and never go through a proxy. */
  data_home = g_dir_make_tmp ("haven-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, NULL);

  /* Worker threads (GTask's, where glib-networking shakes hands) exit soon
   * after their work instead of idling until the process ends: the
   * LeakSanitizer of Debian 12's GCC crashes on the dynamic TLS that
   * GnuTLS leaves in a live thread.
   */
  g_thread_pool_set_max_idle_time (10);
  g_thread_pool_set_max_unused_threads (0);

  tls_directory = g_dir_make_tmp ("haven-tls-XXXXXX", NULL);
  good_certificate = test_tls_make_certificates (tls_directory, "IP:127.0.0.1", &test_ca);
  wrong_name_certificate = test_tls_make_certificates (tls_directory, "DNS:feed.example.org", NULL);
  publisher = minisign_test_key_new ();
  stranger = minisign_test_key_new ();

#define ADD(path, func, certificate) \
  g_test_add (path, Fixture, certificate, fixture_set_up, func, fixture_tear_down)

  ADD ("/update/http/200", test_update_200, NULL);
  ADD ("/update/http/304", test_update_304, NULL);
  ADD ("/update/http/404", test_update_404, NULL);
  ADD ("/update/http/500", test_update_500, NULL);
  ADD ("/update/http/redirect-refused", test_update_redirect_refused, NULL);
  ADD ("/update/http/redirect-followed", test_update_redirect_followed, NULL);
  ADD ("/update/http/stall", test_update_stall, NULL);
  ADD ("/update/http/metered", test_update_metered, NULL);
  ADD ("/update/http/truncated", test_update_truncated, NULL);
  ADD ("/update/http/oversize", test_update_oversize, NULL);
  ADD ("/update/http/chunked", test_update_chunked, NULL);
  ADD ("/update/http/invalid", test_update_invalid, NULL);
  ADD ("/update/http/newer-major", test_update_newer_major, NULL);
  ADD ("/update/http/older", test_update_older, NULL);
  ADD ("/update/http/offline", test_update_offline, NULL);
  ADD ("/update/policy", test_update_policy, NULL);
  ADD ("/update/shared", test_update_shared, NULL);
  ADD ("/update/cancel", test_update_cancel, NULL);
  ADD ("/update/cancel-one-of-two", test_update_cancel_one_of_two, NULL);
  ADD ("/update/back-off", test_update_back_off, NULL);
  ADD ("/update/https/200", test_https_200, good_certificate);
  ADD ("/update/https/304", test_update_304, good_certificate);
  ADD ("/update/https/invalid", test_update_invalid, good_certificate);
  ADD ("/update/https/truncated", test_update_truncated, good_certificate);
  ADD ("/update/https/stall", test_update_stall, good_certificate);
  ADD ("/update/https/wrong-name", test_https_wrong_name, wrong_name_certificate);
  ADD ("/update/https/unknown-authority", test_https_unknown_authority, good_certificate);
  ADD ("/update/http/gzip", test_update_gzip, NULL);
  ADD ("/update/https/gzip", test_update_gzip, good_certificate);
  ADD ("/update/http/gzip-truncated", test_update_gzip_truncated, NULL);
  ADD ("/update/http/gzip-bomb", test_update_gzip_bomb, NULL);
  ADD ("/update/http/repairs-truncated-copy", test_update_repairs_truncated_copy, NULL);
  ADD ("/update/http/repairs-missing-copy", test_update_repairs_missing_copy, NULL);
  ADD ("/update/http/304-without-copy", test_update_304_without_copy, NULL);
  ADD ("/update/http/304-with-copy", test_update_304_with_copy, NULL);
  ADD ("/update/http/future-refused", test_update_future_refused, NULL);
  ADD ("/update/http/future-tolerated", test_update_future_tolerated, NULL);
  ADD ("/update/http/after-future-copy", test_update_after_future_copy, NULL);
  ADD ("/update/help/no-contacts", test_help_no_contacts, NULL);
  ADD ("/update/help/no-regions", test_help_no_regions, NULL);
  ADD ("/update/help/region-without-lines", test_help_region_without_lines, NULL);
  ADD ("/update/help/fewer-emergency-numbers", test_help_fewer_emergency_numbers, NULL);
  ADD ("/update/help/region-removed", test_help_region_removed, NULL);
  ADD ("/update/help/fewer-than-stored", test_help_fewer_than_stored, NULL);
  ADD ("/update/help/one-line-fewer", test_help_one_line_fewer, NULL);
  ADD ("/update/help/older-stored-copy-ignored", test_help_older_stored_copy_ignored, NULL);
  g_test_add_func ("/rules/dates", test_rules_dates);
  /* signing */
  ADD ("/update/signed/good", test_signed_good, good_certificate);
  ADD ("/update/signed/good-legacy", test_signed_good_legacy, good_certificate);
  ADD ("/update/signed/feed-changed", test_signed_feed_changed, good_certificate);
  ADD ("/update/signed/signature-changed", test_signed_signature_changed, good_certificate);
  ADD ("/update/signed/other-key", test_signed_other_key, good_certificate);
  ADD ("/update/signed/missing", test_signed_missing, good_certificate);
  ADD ("/update/signed/garbled", test_signed_garbled, good_certificate);
  ADD ("/update/signed/preview", test_signed_preview, good_certificate);

  status = g_test_run ();
  /* Pool threads leave their pool after half a second of idling; then
   * they can be stopped. */
  haven_test_iterate_until (pool_threads_gone, NULL,
                            haven_test_timeout_ms (HAVEN_TEST_TIMEOUT_MS) * (gint64)1000);

  g_clear_object (&good_certificate);
  g_clear_object (&wrong_name_certificate);
  g_clear_object (&test_ca);
  minisign_test_key_free (publisher);
  minisign_test_key_free (stranger);
  network_test_rm_rf (tls_directory);
  g_free (tls_directory);
  network_test_rm_rf (data_home);

  return status;
}
