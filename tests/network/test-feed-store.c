/* test-feed-store.c: the last good copy on disk, and that a crash never breaks it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "haven-feed-parser.h"
#include "haven-feed-scan.h"
#include "haven-feed-store.h"
#include "network-test-util.h"

typedef struct
{
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = g_dir_make_tmp ("haven-store-XXXXXX", NULL);
  g_assert_nonnull (fixture->directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  network_test_rm_rf (fixture->directory);
  g_free (fixture->directory);
}

static void
assert_file_equals (const char *directory,
                    GBytes     *expected)
{
  g_autofree char *data = NULL;
  g_autofree char *path = g_build_filename (directory, "feed.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
save (HavenFeedStore *store,
      GBytes         *bytes,
      const char     *etag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HavenFeed) feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (haven_feed_store_save (store, bytes, feed, etag,
                                        "Wed, 25 Nov 2026 10:00:00 GMT", now, &error));
  g_assert_no_error (error);
}

static void
test_store_default_directory (void)
{
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "haven", NULL);

  /* main() pointed XDG_DATA_HOME at a temporary folder. */
  g_assert_cmpstr (haven_feed_store_get_directory (store), ==, expected);
  g_assert_true (g_str_has_prefix (expected, g_get_tmp_dir ()));
}

static void
test_store_empty_gives_bundled (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (fixture->directory);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeedOrigin origin = HAVEN_FEED_ORIGIN_REMOTE;

  feed = haven_feed_store_load_best (store, &origin, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpint (origin, ==, HAVEN_FEED_ORIGIN_BUNDLED);
  g_assert_null (haven_feed_store_dup_etag (store));
  g_assert_null (haven_feed_store_dup_fetched (store));
}

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) newer = network_test_feed_on (1, NULL);
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (fixture->directory);
  g_autoptr(HavenFeedStore) reopened = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  HavenFeedOrigin origin = HAVEN_FEED_ORIGIN_BUNDLED;
  GDate generated;

  save (store, newer, "\"v2\"");
  assert_file_equals (fixture->directory, newer);

  /* A new run reads what the last one stored. */
  reopened = haven_feed_store_new (fixture->directory);
  feed = haven_feed_store_load_best (reopened, &origin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (origin, ==, HAVEN_FEED_ORIGIN_REMOTE);
  {
    g_autofree char *expected = network_test_date (1);
    char shown[16];

    g_date_strftime (shown, sizeof shown, "%Y-%m-%d", haven_feed_get_generated (feed));
    g_assert_cmpstr (shown, ==, expected);
  }

  etag = haven_feed_store_dup_etag (reopened);
  last_modified = haven_feed_store_dup_last_modified (reopened);
  fetched = haven_feed_store_dup_fetched (reopened);
  g_assert_cmpstr (etag, ==, "\"v2\"");
  g_assert_cmpstr (last_modified, ==, "Wed, 25 Nov 2026 10:00:00 GMT");
  g_assert_nonnull (fetched);
  g_assert_true (haven_feed_store_get_generated (reopened, &generated));
  g_assert_cmpint (g_date_compare (&generated, haven_feed_get_generated (feed)), ==, 0);
}

static void
test_store_older_than_bundled (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) older = network_test_minimal_feed ("2026-01-15");
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (fixture->directory);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(HavenFeed) bundled = haven_feed_load_bundled (NULL);
  HavenFeedOrigin origin = HAVEN_FEED_ORIGIN_REMOTE;

  /* A copy stored by an older Haven must not hide newer bundled content. */
  save (store, older, "\"old\"");
  feed = haven_feed_store_load_best (store, &origin, NULL);
  g_assert_cmpint (origin, ==, HAVEN_FEED_ORIGIN_BUNDLED);
  g_assert_cmpint (g_date_compare (haven_feed_get_generated (feed),
                                   haven_feed_get_generated (bundled)), ==, 0);
}

static void
test_store_broken_copy (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "feed.json", NULL);
  g_autoptr(HavenFeedStore) store = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  HavenFeedOrigin origin = HAVEN_FEED_ORIGIN_REMOTE;

  g_assert_true (g_file_set_contents (path, "{\"format_version\": \"1.0\", \"gener", -1, NULL));
  store = haven_feed_store_new (fixture->directory);
  g_test_expect_message ("haven-feed-store", G_LOG_LEVEL_MESSAGE, "*not usable*");
  feed = haven_feed_store_load_best (store, &origin, NULL);
  g_test_assert_expected_messages ();
  g_assert_nonnull (feed);
  g_assert_cmpint (origin, ==, HAVEN_FEED_ORIGIN_BUNDLED);
}

static void
test_store_metadata_of_another_copy (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GBytes) first = network_test_feed_on (1, NULL);
  g_autoptr(GBytes) second = network_test_feed_on (2, NULL);
  g_autofree char *path = g_build_filename (fixture->directory, "feed.json", NULL);
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (fixture->directory);
  g_autoptr(HavenFeedStore) reopened = NULL;
  g_autoptr(HavenFeed) feed = NULL;

  /* As if Haven died between renaming the feed and its metadata: the old
   * ETag must not be sent for the new copy.
   */
  save (store, first, "\"first\"");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (second, NULL),
                                      g_bytes_get_size (second), NULL));
  reopened = haven_feed_store_new (fixture->directory);
  feed = haven_feed_store_load (reopened, NULL);
  g_assert_nonnull (feed);
  g_assert_null (haven_feed_store_dup_etag (reopened));
  g_assert_null (haven_feed_store_dup_last_modified (reopened));
}

static void
test_store_mark_checked (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) newer = network_test_feed_on (1, NULL);
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (fixture->directory);
  g_autoptr(HavenFeedStore) reopened = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) fetched = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  save (store, newer, "\"v2\"");
  g_assert_true (haven_feed_store_mark_checked (store, later, &error));
  g_assert_no_error (error);
  assert_file_equals (fixture->directory, newer);

  reopened = haven_feed_store_new (fixture->directory);
  checked = haven_feed_store_dup_checked (reopened);
  fetched = haven_feed_store_dup_fetched (reopened);
  etag = haven_feed_store_dup_etag (reopened);
  g_assert_true (g_date_time_equal (checked, later));
  g_assert_false (g_date_time_equal (fetched, later));
  g_assert_cmpstr (etag, ==, "\"v2\"");
}

typedef enum
{
  HOSTILE_FIFO,
  HOSTILE_DEV_ZERO,
  HOSTILE_DIRECTORY,
  HOSTILE_OVERSIZE,
  HOSTILE_META_FIFO,
} Hostile;

/* Something that is not a feed Haven stored, at the copy's path: start-up
 * must not wait on it nor read it without end, but show the bundled feed
 * at once. Run in a child with a deadline, since the failure is a hang. */
static void
test_store_not_a_file (Fixture       *fixture,
                       gconstpointer  data)
{
  Hostile hostile = GPOINTER_TO_INT (data);
  g_autofree char *feed_path = g_build_filename (fixture->directory, "feed.json", NULL);
  g_autofree char *meta_path = g_build_filename (fixture->directory, "feed.ini", NULL);
  g_autoptr(HavenFeedStore) store = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeedOrigin origin = HAVEN_FEED_ORIGIN_REMOTE;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      if (hostile != HOSTILE_META_FIFO)
        g_test_trap_assert_stderr ("*not usable*");
      return;
    }

  switch (hostile)
    {
    case HOSTILE_FIFO:
      g_assert_cmpint (mkfifo (feed_path, 0600), ==, 0);
      break;
    case HOSTILE_DEV_ZERO:
      g_assert_cmpint (symlink ("/dev/zero", feed_path), ==, 0);
      break;
    case HOSTILE_DIRECTORY:
      g_assert_cmpint (g_mkdir (feed_path, 0700), ==, 0);
      break;
    case HOSTILE_OVERSIZE:
      {
        /* Sparse: costs no disk, and reads as zeros for ever. */
        int fd = g_open (feed_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (ftruncate (fd, (off_t) HAVEN_FEED_MAX_SIZE * 128), ==, 0);
        g_close (fd, NULL);
      }
      break;
    case HOSTILE_META_FIFO:
      g_assert_cmpint (mkfifo (meta_path, 0600), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  store = haven_feed_store_new (fixture->directory);
  g_assert_null (haven_feed_store_load (store, &error));
  if (hostile == HOSTILE_OVERSIZE)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  else if (hostile == HOSTILE_META_FIFO)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  else
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  feed = haven_feed_store_load_best (store, &origin, NULL);
  g_assert_nonnull (feed);
  g_assert_cmpint (origin, ==, HAVEN_FEED_ORIGIN_BUNDLED);
  g_assert_null (haven_feed_store_dup_etag (store));
}

/* The child: stores two feeds in turn until it is killed. */
static int
store_forever (const char *directory)
{
  g_autoptr(GBytes) a = network_test_feed_on (1, NULL);
  g_autoptr(GBytes) b = network_test_feed_on (2, NULL);
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (directory);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gboolean even = i % 2 == 0;

      if (!haven_feed_store_save (store, even ? a : b, NULL, even ? "\"a\"" : "\"b\"", NULL, now, NULL))
        return 1;
      if (i == 0)
        g_print ("ready\n");
    }

  return 0;
}

static void
test_store_crash_safety (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) a = network_test_feed_on (1, NULL);
  g_autoptr(GBytes) b = network_test_feed_on (2, NULL);
  g_autofree char *a_date = network_test_date (1);
  const char *program = data;
  guint n_a = 0, n_b = 0;

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autofree char *line = NULL;
      g_autofree char *stored = NULL;
      g_autoptr(HavenFeedStore) store = NULL;
      g_autoptr(HavenFeed) feed = NULL;
      g_autofree char *etag = NULL;
      gsize length;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                program, "--store-child", fixture->directory, NULL);
      g_assert_no_error (error);
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (output, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      /* Kill it somewhere in the middle of some later store. */
      g_usleep (g_test_rand_int_range (0, 40000));
      g_subprocess_force_exit (child);
      g_assert_true (g_subprocess_wait (child, NULL, NULL));
      g_assert_true (g_subprocess_get_if_signaled (child));

      stored = network_test_read_file (fixture->directory, "feed.json");
      g_assert_nonnull (stored);
      length = strlen (stored);
      if (length == g_bytes_get_size (a) && memcmp (stored, g_bytes_get_data (a, NULL), length) == 0)
        n_a++;
      else if (length == g_bytes_get_size (b) && memcmp (stored, g_bytes_get_data (b, NULL), length) == 0)
        n_b++;
      else
        g_error ("Round %u left a copy that is neither the old nor the new feed (%zu bytes)",
                 round, length);

      /* Haven starts from it, with an ETag that belongs to it or none. */
      store = haven_feed_store_new (fixture->directory);
      feed = haven_feed_store_load (store, &error);
      g_assert_no_error (error);
      etag = haven_feed_store_dup_etag (store);
      if (etag != NULL)
        {
          char generated[16];

          g_date_strftime (generated, sizeof generated, "%Y-%m-%d", haven_feed_get_generated (feed));
          g_assert_cmpint (etag[1], ==, g_str_equal (generated, a_date) ? 'a' : 'b');
        }

      /* Nothing but the copy is left: the killed writer's temporary file is
       * removed as Haven starts, so none pile up round after round. */
      {
        g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
        const char *name;

        g_assert_nonnull (dir);
        while ((name = g_dir_read_name (dir)) != NULL)
          if (!g_str_equal (name, "feed.json") && !g_str_equal (name, "feed.ini"))
            g_error ("Round %u left %s beside the copy", round, name);
      }
    }

  g_test_message ("%u rounds left the first feed, %u the second", n_a, n_b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *program = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--store-child"))
    return store_forever (argv[2]);

  /* Never touch the real user's data. */
  data_home = g_dir_make_tmp ("haven-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  program = g_canonicalize_filename (argv[0], NULL);

  g_test_add_func ("/store/default-directory", test_store_default_directory);
  g_test_add ("/store/empty-gives-bundled", Fixture, NULL,
              fixture_set_up, test_store_empty_gives_bundled, fixture_tear_down);
  g_test_add ("/store/round-trip", Fixture, NULL,
              fixture_set_up, test_store_round_trip, fixture_tear_down);
  g_test_add ("/store/older-than-bundled", Fixture, NULL,
              fixture_set_up, test_store_older_than_bundled, fixture_tear_down);
  g_test_add ("/store/broken-copy", Fixture, NULL,
              fixture_set_up, test_store_broken_copy, fixture_tear_down);
  g_test_add ("/store/metadata-of-another-copy", Fixture, NULL,
              fixture_set_up, test_store_metadata_of_another_copy, fixture_tear_down);
  g_test_add ("/store/mark-checked", Fixture, NULL,
              fixture_set_up, test_store_mark_checked, fixture_tear_down);
  g_test_add ("/store/not-a-file/fifo", Fixture, GINT_TO_POINTER (HOSTILE_FIFO),
              fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/store/not-a-file/dev-zero", Fixture, GINT_TO_POINTER (HOSTILE_DEV_ZERO),
              fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/store/not-a-file/directory", Fixture, GINT_TO_POINTER (HOSTILE_DIRECTORY),
              fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/store/not-a-file/oversize", Fixture, GINT_TO_POINTER (HOSTILE_OVERSIZE),
              fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/store/not-a-file/metadata-fifo", Fixture, GINT_TO_POINTER (HOSTILE_META_FIFO),
              fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/store/crash-safety", Fixture, program,
              fixture_set_up, test_store_crash_safety, fixture_tear_down);

  status = g_test_run ();
  network_test_rm_rf (data_home);

  return status;
}
