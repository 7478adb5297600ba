/* test-image-cache.c: the feed's images, fetched from a loopback server and bounded on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "haven-feed-parser.h"
#include "haven-image-cache.h"
#include "haven-test-wait.h"
#include "network-test-util.h"
#include "test-server.h"

#define PUBLISHED "https://havenwellbeing.github.io/feed/v1/images/"

typedef struct
{
  char            *directory;
  TestServer      *server;
  SoupSession     *session;
  HavenFeed       *feed;
  char            *base;
} Fixture;

static GBytes *
png (int width,
     int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

/* The bundled feed with its four images on the test server. */
static HavenFeed *
feed_with_images_at (const char *base)
{
  g_autoptr(GBytes) published = network_test_feed_with (NULL, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (published, NULL),
                                              g_bytes_get_size (published));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeed *feed;

  g_string_replace (text, PUBLISHED, base, 0);
  bytes = g_bytes_new (text->str, text->len);
  feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);

  return feed;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *root = NULL;

  fixture->directory = g_dir_make_tmp ("haven-images-XXXXXX", NULL);
  fixture->server = test_server_new (NULL);
  fixture->session = soup_session_new ();
  root = test_server_url (fixture->server, "/images/");
  fixture->base = g_steal_pointer (&root);
  fixture->feed = feed_with_images_at (fixture->base);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, test_server_free);
  network_test_rm_rf (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_pointer (&fixture->base, g_free);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  guint *n_failed = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (haven_image_cache_update_finish (HAVEN_IMAGE_CACHE (object), result, n_failed, &error));
  g_assert_no_error (error);
}

static gboolean
n_failed_is_set (gpointer data)
{
  return *(guint *) data != G_MAXUINT;
}

static guint
update (HavenImageCache *cache,
        HavenFeed       *feed)
{
  guint n_failed = G_MAXUINT;

  haven_image_cache_update_async (cache, feed, NULL, update_cb, &n_failed);
  haven_test_wait_for (n_failed_is_set, &n_failed, 30000);

  return n_failed;
}

static void
assert_cached (HavenImageCache *cache,
               const char      *url,
               GBytes          *expected)
{
  g_autoptr(GFile) file = haven_image_cache_lookup (cache, url);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (file);
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (bytes, expected));
}

static char *
image_url (Fixture    *fixture,
           const char *name)
{
  return g_strconcat (fixture->base, name, NULL);
}

static void
test_images_fetched_and_checked (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HavenImageCache) cache = haven_image_cache_new (fixture->session, fixture->directory);
  g_autoptr(GBytes) small = png (8, 8);
  g_autoptr(GBytes) huge = png (5000, 2);
  g_autoptr(GBytes) svg = g_resources_lookup_data (RESOURCE_BASE "/feed/images/online-pressure.svg",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *a = image_url (fixture, "world-mental-health-day-2026.svg");
  g_autofree char *b = image_url (fixture, "online-pressure.svg");
  g_autofree char *c = image_url (fixture, "grief-through-the-holidays.svg");
  g_autofree char *d = image_url (fixture, "winter-sleep-and-mood.svg");
  g_auto(GStrv) urls = haven_image_cache_list_urls (fixture->feed);

  /* Every image of the feed is asked for, whatever the reader opens. */
  g_assert_cmpuint (g_strv_length (urls), ==, 4);
  g_assert_true (g_strv_contains ((const char * const *)urls, c));

  test_server_set_file (fixture->server, "/images/world-mental-health-day-2026.svg", small);
  test_server_set_file (fixture->server, "/images/online-pressure.svg", svg);
  test_server_set_file (fixture->server, "/images/grief-through-the-holidays.svg", huge);
  /* winter-sleep-and-mood.svg: 404 */

  g_assert_cmpuint (update (cache, fixture->feed), ==, 2);
  assert_cached (cache, a, small);
  assert_cached (cache, b, svg);
  g_assert_null (haven_image_cache_lookup (cache, c));   /* 5000 pixels wide */
  g_assert_null (haven_image_cache_lookup (cache, d));   /* not found */

  /* A second update revalidates what is here and fetches what is missing. */
  g_assert_cmpuint (update (cache, fixture->feed), ==, 2);
  assert_cached (cache, a, small);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/images/world-mental-health-day-2026.svg"), ==, 2);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/images/winter-sleep-and-mood.svg"), ==, 2);
}

static void
test_images_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HavenImageCache) cache = haven_image_cache_new (fixture->session, fixture->directory);
  g_autofree char *junk = g_malloc0 (HAVEN_IMAGE_MAX_SIZE + 1);
  g_autoptr(GBytes) oversize = g_bytes_new_take (g_steal_pointer (&junk), HAVEN_IMAGE_MAX_SIZE + 1);
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>not an image</html>", 25);
  g_autoptr(GDir) dir = NULL;

  test_server_set_file (fixture->server, "/images/world-mental-health-day-2026.svg", oversize);
  test_server_set_file (fixture->server, "/images/online-pressure.svg", html);
  test_server_set_file (fixture->server, "/images/grief-through-the-holidays.svg", html);
  test_server_set_file (fixture->server, "/images/winter-sleep-and-mood.svg", oversize);

  g_assert_cmpuint (update (cache, fixture->feed), ==, 4);
  /* Nothing is left behind, not even a partial file. */
  dir = g_dir_open (fixture->directory, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_images_bounded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) image = png (64, 64);
  g_autoptr(HavenImageCache) cache = NULL;
  g_autoptr(HavenFeed) elsewhere = NULL;
  g_autofree char *other_base = NULL;
  guint n_cached = 0;
  const char *names[] = {
    "world-mental-health-day-2026.svg", "online-pressure.svg",
    "grief-through-the-holidays.svg", "winter-sleep-and-mood.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat ("/images/", names[i], NULL);
      g_autofree char *other = g_strconcat ("/moved/", names[i], NULL);

      test_server_set_file (fixture->server, path, image);
      test_server_set_file (fixture->server, other, image);
    }

  /* Room for two images and a bit. */
  cache = g_object_new (HAVEN_TYPE_IMAGE_CACHE,
                        "session", fixture->session,
                        "directory", fixture->directory,
                        "max-size", (guint64)(g_bytes_get_size (image) * 2 + 10),
                        NULL);
  /* The two that do not fit are not cached, and counted so. */
  g_assert_cmpuint (update (cache, fixture->feed), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *url = image_url (fixture, names[i]);
      g_autoptr(GFile) file = haven_image_cache_lookup (cache, url);

      n_cached += file != NULL;
    }
  g_assert_cmpuint (n_cached, ==, 2);

  /* A feed whose images moved: the old ones are removed. */
  other_base = test_server_url (fixture->server, "/moved/");
  elsewhere = feed_with_images_at (other_base);
  g_assert_cmpuint (update (cache, elsewhere), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *url = image_url (fixture, names[i]);
      g_autoptr(GFile) file = haven_image_cache_lookup (cache, url);

      g_assert_null (file);
    }
}


static GBytes *
noise_png (int    width,
           int    height,
           guint  seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  char *data = NULL;
  gsize length;

  for (int i = 0; i < gdk_pixbuf_get_rowstride (pixbuf) * height; i++)
    pixels[i] = g_rand_int (rand);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static GBytes *
saved_as (const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, type, &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

/* The first @keep bytes of @bytes, then 4 KiB of noise. */
static GBytes *
junk_after (GBytes *bytes,
            gsize   keep)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GByteArray *array = g_byte_array_new ();

  g_assert_cmpuint (keep, <=, g_bytes_get_size (bytes));
  g_byte_array_append (array, g_bytes_get_data (bytes, NULL), keep);
  for (guint i = 0; i < 4096; i++)
    {
      guint8 byte = g_rand_int (rand);

      g_byte_array_append (array, &byte, 1);
    }

  return g_byte_array_free_to_bytes (array);
}

static guint64
directory_size (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint64 total = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      GStatBuf info;

      if (g_stat (path, &info) == 0)
        total += info.st_size;
    }

  return total;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return usage.ru_maxrss;
}

/* An entity of 25 elements, used 5000 times: within libxml2's own bound
 * on entity expansion, but librsvg builds every one of the 125,000
 * elements before it knows the image's size (150 MB and seconds, for 15 KB). */
static GBytes *
entity_svg (void)
{
  GString *svg = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY e \"");

  for (guint i = 0; i < 25; i++)
    g_string_append (svg, "<g/>");
  g_string_append (svg, "\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">");
  for (guint i = 0; i < 5000; i++)
    g_string_append (svg, "&e;");
  g_string_append (svg, "</svg>\n");

  return g_string_free_to_bytes (svg);
}

static void
test_images_svg_entities (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HavenImageCache) cache = haven_image_cache_new (fixture->session, fixture->directory);
  g_autoptr(GBytes) svg = entity_svg ();
  g_autofree char *url = image_url (fixture, "online-pressure.svg");
  glong rss_before = peak_rss_kib ();
  gint64 start = g_get_monotonic_time ();

  test_server_set_file (fixture->server, "/images/online-pressure.svg", svg);
  g_assert_cmpuint (update (cache, fixture->feed), ==, 4);

  /* Refused before anything expands it: quickly, in little memory. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (peak_rss_kib () - rss_before, <, 48 * 1024);
  g_assert_null (haven_image_cache_lookup (cache, url));
}

static void
test_images_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  static const guint8 gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0,
    '!', 0xf9, 4, 1, 0, 0, 0, 0, ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 'D', 1, 0, ';',
  };
  g_autoptr(HavenImageCache) cache = haven_image_cache_new (fixture->session, fixture->directory);
  g_autoptr(GBytes) gif_bytes = g_bytes_new_static (gif, sizeof gif);
  g_autoptr(GBytes) bmp = saved_as ("bmp");
  g_autoptr(GBytes) png_bytes = saved_as ("png");
  g_autoptr(GBytes) jpeg = saved_as ("jpeg");
  /* The signature and the header chunk, then noise. */
  g_autoptr(GBytes) png_junk = junk_after (png_bytes, 8 + 25);
  /* Everything up to the image data, then noise. */
  g_autoptr(GBytes) jpeg_junk = junk_after (jpeg, g_bytes_get_size (jpeg) / 2);
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();

  /* gdk-pixbuf itself would take each of them. */
  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, gif_bytes, NULL));
  g_assert_true (gdk_pixbuf_loader_close (loader, NULL));

  test_server_set_file (fixture->server, "/images/world-mental-health-day-2026.svg", gif_bytes);
  test_server_set_file (fixture->server, "/images/online-pressure.svg", bmp);
  test_server_set_file (fixture->server, "/images/grief-through-the-holidays.svg", png_junk);
  test_server_set_file (fixture->server, "/images/winter-sleep-and-mood.svg", jpeg_junk);

  g_assert_cmpuint (update (cache, fixture->feed), ==, 4);
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);

  /* The same PNG and JPEG whole are taken. */
  test_server_set_file (fixture->server, "/images/grief-through-the-holidays.svg", png_bytes);
  test_server_set_file (fixture->server, "/images/winter-sleep-and-mood.svg", jpeg);
  g_assert_cmpuint (update (cache, fixture->feed), ==, 2);
  g_assert_cmpuint (count_files (fixture->directory), ==, 4);   /* two images, two .info */
}

typedef struct
{
  gboolean done;
  guint    n_failed;
  GError  *error;
} Outcome;

static void
update_outcome_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Outcome *outcome = user_data;

  haven_image_cache_update_finish (HAVEN_IMAGE_CACHE (object), result, &outcome->n_failed, &outcome->error);
  outcome->done = TRUE;
}

typedef struct
{
  Outcome    *outcome;
  const char *directory;
  guint64     peak;
} Watch;

/* Whether the update is done, noting the folder's size meanwhile. */
static gboolean
done_watching_size (gpointer data)
{
  Watch *watch = data;

  watch->peak = MAX (watch->peak, directory_size (watch->directory));

  return watch->outcome->done;
}

/* 300 images against a bound of 20: the folder never holds more than its
 * bound, not even while the update runs, and the next update fetches
 * nothing again. */
static void
test_images_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) image = noise_png (48, 48, 1);
  guint64 bound = g_bytes_get_size (image) * 20 + 2048;
  g_autoptr(HavenImageCache) cache = NULL;
  g_autoptr(HavenFeed) feed = network_test_feed_with_images (fixture->base, 300);
  g_auto(GStrv) urls = haven_image_cache_list_urls (feed);
  g_autoptr(GHashTable) inodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  Outcome outcome = { FALSE, 0, NULL };
  Watch watch = { &outcome, fixture->directory, 0 };
  const char *name;

  g_assert_cmpuint (g_strv_length (urls), ==, 304);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *path = g_strdup_printf ("/images/avatar-%u.png", i);

      test_server_set_file (fixture->server, path, image);
    }

  cache = g_object_new (HAVEN_TYPE_IMAGE_CACHE,
                        "session", fixture->session,
                        "directory", fixture->directory,
                        "max-size", bound,
                        NULL);

  /* The folder is measured all along the update, not only at its end. */
  haven_image_cache_update_async (cache, feed, NULL, update_outcome_cb, &outcome);
  haven_test_wait_for (done_watching_size, &watch, 60000);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (watch.peak, <=, bound);
  g_assert_cmpuint (directory_size (fixture->directory), <=, bound);
  g_assert_cmpuint (outcome.n_failed, ==, 4 + 280);

  /* Again: the twenty are asked for with their ETag and stay as they are. */
  dir = g_dir_open (fixture->directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      GStatBuf info;

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_hash_table_insert (inodes, g_strdup (name), GUINT_TO_POINTER ((guint) info.st_ino));
    }
  g_assert_cmpuint (g_hash_table_size (inodes), ==, 40);

  outcome.done = FALSE;
  haven_image_cache_update_async (cache, feed, NULL, update_outcome_cb, &outcome);
  haven_test_wait_for_flag (&outcome.done, 60000);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (count_files (fixture->directory), ==, 40);
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (fixture->directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
      GStatBuf info;

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_assert_true (g_hash_table_contains (inodes, name));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (inodes, name)), ==, (guint) info.st_ino);
    }
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/images/avatar-0.png"), ==, 2);
}

static void
stored_cb (HavenImageCache *cache,
           const char      *url,
           GPtrArray       *stored)
{
  g_ptr_array_add (stored, g_strdup (url));
}

static ino_t
inode_of (HavenImageCache *cache,
          const char      *url)
{
  g_autoptr(GFile) file = haven_image_cache_lookup (cache, url);
  g_autofree char *path = NULL;
  GStatBuf info;

  g_assert_nonnull (file);
  path = g_file_get_path (file);
  g_assert_cmpint (g_stat (path, &info), ==, 0);

  return info.st_ino;
}

/* Cached images are asked for again only with their ETag: unchanged, they
 * are not downloaded again; changed, they are. */
static void
test_images_revalidated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HavenImageCache) cache = haven_image_cache_new (fixture->session, fixture->directory);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) first = png (8, 8);
  g_autoptr(GBytes) last = png (16, 16);
  g_autoptr(GBytes) changed = png (20, 10);
  g_autofree char *url = image_url (fixture, "winter-sleep-and-mood.svg");
  g_autofree char *if_none_match = NULL;
  const char *names[] = {
    "world-mental-health-day-2026.svg", "online-pressure.svg", "grief-through-the-holidays.svg",
  };
  ino_t inode;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strconcat ("/images/", names[i], NULL);

      test_server_set_file (fixture->server, path, first);
    }
  test_server_set_file (fixture->server, "/images/winter-sleep-and-mood.svg", last);
  g_signal_connect (cache, "image-stored", G_CALLBACK (stored_cb), stored);

  g_assert_cmpuint (update (cache, fixture->feed), ==, 0);
  g_assert_cmpuint (stored->len, ==, 4);
  inode = inode_of (cache, url);

  /* Unchanged: a 304, and the file stays the one stored. */
  g_ptr_array_set_size (stored, 0);
  g_assert_cmpuint (update (cache, fixture->feed), ==, 0);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/images/winter-sleep-and-mood.svg"), ==, 2);
  if_none_match = test_server_dup_last_header (fixture->server, "If-None-Match");
  g_assert_nonnull (if_none_match);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (inode_of (cache, url), ==, inode);
  assert_cached (cache, url, last);

  /* Changed on the server: fetched again, and the widgets told. */
  test_server_set_file (fixture->server, "/images/winter-sleep-and-mood.svg", changed);
  g_assert_cmpuint (update (cache, fixture->feed), ==, 0);
  assert_cached (cache, url, changed);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (stored, 0), ==, url);
}

/* A server that sends a byte now and then is cut off at the deadline. */
static void
test_images_deadline (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *drip = test_server_url (fixture->server, "/drip");
  g_autofree char *first = image_url (fixture, "world-mental-health-day-2026.svg");
  g_autoptr(HavenImageCache) cache = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  Outcome outcome = { FALSE, 0, NULL };
  gint64 start;

  {
    g_autoptr(GBytes) published = network_test_feed_with (NULL, NULL);
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (published, NULL),
                                                g_bytes_get_size (published));
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;

    g_string_replace (text, PUBLISHED, fixture->base, 0);
    g_string_replace (text, first, drip, 0);
    bytes = g_bytes_new (text->str, text->len);
    feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
    g_assert_no_error (error);
  }

  cache = g_object_new (HAVEN_TYPE_IMAGE_CACHE,
                        "session", fixture->session,
                        "directory", fixture->directory,
                        "deadline", 1,
                        NULL);
  start = g_get_monotonic_time ();
  haven_image_cache_update_async (cache, feed, NULL, update_outcome_cb, &outcome);
  /* The drip alone would take 100 s. */
  haven_test_wait_for_flag (&outcome.done, 20000);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.n_failed, ==, 4);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/drip"), ==, 1);
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/images/fetched-and-checked", Fixture, NULL,
              fixture_set_up, test_images_fetched_and_checked, fixture_tear_down);
  g_test_add ("/images/refused", Fixture, NULL,
              fixture_set_up, test_images_refused, fixture_tear_down);
  g_test_add ("/images/bounded", Fixture, NULL,
              fixture_set_up, test_images_bounded, fixture_tear_down);

  g_test_add ("/images/svg-entities", Fixture, NULL,
              fixture_set_up, test_images_svg_entities, fixture_tear_down);
  g_test_add ("/images/formats", Fixture, NULL,
              fixture_set_up, test_images_formats, fixture_tear_down);
  g_test_add ("/images/revalidated", Fixture, NULL,
              fixture_set_up, test_images_revalidated, fixture_tear_down);
  g_test_add ("/images/deadline", Fixture, NULL,
              fixture_set_up, test_images_deadline, fixture_tear_down);
  g_test_add ("/images/many", Fixture, NULL,
              fixture_set_up, test_images_many, fixture_tear_down);

  return g_test_run ();
}
