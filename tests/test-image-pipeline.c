/* test-image-pipeline.c: a network feed's campaign art and creators'
 * pictures, from a loopback server through the image cache to the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-byline.h"
#include "haven-campaign-card.h"
#include "haven-explainer-reader.h"
#include "haven-image-cache.h"
#include "network/network-test-util.h"
#include "network/test-server.h"

typedef struct
{
  char            *directory;
  TestServer      *server;
  SoupSession     *session;
  HavenImageCache *cache;
  HavenFeed       *feed;
  char            *base;
} Fixture;

static GBytes *
png (int     width,
     int     height,
     guint32 colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->directory = g_dir_make_tmp ("haven-images-XXXXXX", NULL);
  fixture->server = test_server_new (NULL);
  fixture->session = soup_session_new ();
  fixture->base = test_server_url (fixture->server, "/images/");
  /* The first explainer's creator has a picture; the others have none. */
  fixture->feed = network_test_feed_with_images (fixture->base, 1);
  fixture->cache = haven_image_cache_new (fixture->session, fixture->directory);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->cache);
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->server, test_server_free);
  network_test_rm_rf (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_pointer (&fixture->base, g_free);
}

/* Serves @bytes where the feed says @url is. */
static void
serve (Fixture    *fixture,
       const char *url,
       GBytes     *bytes)
{
  g_autofree char *root = test_server_url (fixture->server, "");

  g_assert_true (g_str_has_prefix (url, root));
  test_server_set_file (fixture->server, url + strlen (root), bytes);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (haven_image_cache_update_finish (HAVEN_IMAGE_CACHE (object), result, NULL, NULL));
  *done = TRUE;
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return condition (data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
update_images (Fixture *fixture)
{
  gboolean done = FALSE;

  haven_image_cache_update_async (fixture->cache, fixture->feed, NULL, update_cb, &done);
  g_assert_true (wait_until (is_true, &done));
}

static GtkWidget *
find (GtkWidget *widget,
      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
hero_has_image (gpointer data)
{
  return haven_campaign_hero_has_image (data, NULL, NULL);
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* A card of a network feed shows its art once the cache has it: the
 * placeholder first, then, without anything else happening, the served
 * image at its size (never scaled up). */
static void
test_card_art (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HavenCampaign) campaign = g_list_model_get_item (haven_feed_get_campaigns (fixture->feed), 0);
  g_autoptr(GBytes) art = png (96, 48, 0xe66100ff);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card, *hero;
  int width = 0, height = 0;

  g_assert_false (g_str_has_prefix (haven_campaign_get_hero_url (campaign), "resource:"));
  serve (fixture, haven_campaign_get_hero_url (campaign), art);

  card = haven_campaign_card_new (campaign, NULL, fixture->cache);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  hero = find (card, GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (hero);
  g_assert_true (wait_until (is_drawn, hero));

  /* Nothing cached yet: the accent-colour placeholder. */
  g_assert_false (haven_campaign_hero_has_image (hero, NULL, NULL));

  update_images (fixture);
  g_assert_true (wait_until (hero_has_image, hero));
  g_assert_true (haven_campaign_hero_has_image (hero, &width, &height));
  g_assert_cmpint (width, ==, 96);
  g_assert_cmpint (height, ==, 48);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
avatar_has_image (gpointer data)
{
  return adw_avatar_get_custom_image (data) != NULL;
}

/* The reader shows the creator: their picture from the cache when they
 * have one, their initials when not, with their name and role. */
static void
test_reader_avatar (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *explainers = haven_feed_get_explainers (fixture->feed);
  g_autoptr(HavenExplainer) with_picture = g_list_model_get_item (explainers, 0);
  g_autoptr(HavenExplainer) without = g_list_model_get_item (explainers, 1);
  HavenPerson *creator = haven_explainer_get_creator (with_picture);
  g_autoptr(GBytes) picture = png (40, 40, 0x26a269ff);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *reader = haven_explainer_reader_new ();
  GtkWidget *byline;
  AdwAvatar *avatar;
  GdkPaintable *image;

  g_assert_nonnull (creator->avatar_url);
  g_assert_null (haven_explainer_get_creator (without)->avatar_url);
  serve (fixture, creator->avatar_url, picture);
  update_images (fixture);

  haven_explainer_reader_set_image_cache (HAVEN_EXPLAINER_READER (reader), fixture->cache);
  gtk_window_set_child (GTK_WINDOW (window), reader);
  gtk_window_present (GTK_WINDOW (window));

  haven_explainer_reader_set_explainer (HAVEN_EXPLAINER_READER (reader), with_picture);
  byline = find (reader, HAVEN_TYPE_BYLINE);
  g_assert_nonnull (byline);
  avatar = haven_byline_get_avatar (HAVEN_BYLINE (byline));
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, creator->name);
  g_assert_true (wait_until (avatar_has_image, avatar));
  image = adw_avatar_get_custom_image (avatar);
  g_assert_true (GDK_IS_TEXTURE (image));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (image)), ==, 40);
  g_assert_cmpint (gdk_texture_get_height (GDK_TEXTURE (image)), ==, 40);

  /* No picture: the initials of the name. */
  haven_explainer_reader_set_explainer (HAVEN_EXPLAINER_READER (reader), without);
  byline = find (reader, HAVEN_TYPE_BYLINE);
  g_assert_nonnull (byline);
  avatar = haven_byline_get_avatar (HAVEN_BYLINE (byline));
  g_assert_true (adw_avatar_get_show_initials (avatar));
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, haven_explainer_get_creator (without)->name);
  g_assert_null (adw_avatar_get_custom_image (avatar));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/image-pipeline/card-art", Fixture, NULL,
              fixture_set_up, test_card_art, fixture_tear_down);
  g_test_add ("/image-pipeline/reader-avatar", Fixture, NULL,
              fixture_set_up, test_reader_avatar, fixture_tear_down);

  return g_test_run ();
}
