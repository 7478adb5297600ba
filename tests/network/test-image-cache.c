/* test-image-cache.c: the feed's images, fetched from a loopback server and bounded on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "haven-feed-parser.h"
#include "haven-image-cache.h"
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

static guint
update (HavenImageCache *cache,
        HavenFeed       *feed)
{
  guint n_failed = G_MAXUINT;

  haven_image_cache_update_async (cache, feed, NULL, update_cb, &n_failed);
  while (n_failed == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);

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

  /* A second update fetches only what is missing. */
  g_assert_cmpuint (update (cache, fixture->feed), ==, 2);
  g_assert_cmpuint (test_server_get_n_requests (fixture->server, "/images/world-mental-health-day-2026.svg"), ==, 1);
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
  g_assert_cmpuint (update (cache, fixture->feed), ==, 0);
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
  g_assert_cmpuint (update (cache, elsewhere), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *url = image_url (fixture, names[i]);
      g_autoptr(GFile) file = haven_image_cache_lookup (cache, url);

      g_assert_null (file);
    }
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

  return g_test_run ();
}
