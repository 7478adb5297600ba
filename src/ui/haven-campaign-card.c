/* haven-campaign-card.c: one campaign on Home: hero art, title, tagline, badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-campaign-card"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "haven-campaign-card.h"
#include "haven-image-io.h"
#include "haven-language-label.h"
#include "haven-widget-util.h"

#define HERO_HEIGHT 140

struct _HavenCampaignCard
{
  GtkButton      parent_instance;

  HavenCampaign *campaign;
};

G_DEFINE_FINAL_TYPE (HavenCampaignCard, haven_campaign_card, GTK_TYPE_BUTTON)

static char *
format_day (const GDate *date,
            const GDate *today)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     0, 0, 0);

  if (today == NULL || g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day and month, as in “31 October”; see g_date_time_format() */
    return g_date_time_format (time, _("%-d %B"));

  /* Translators: a day, month and year, as in “31 January 2027” */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/* A day campaign's title often ends in its year (“World Mental Health Day
 * 2026”); on the day itself the year says nothing, so the badge drops it. */
static char *
day_name (HavenCampaign *campaign)
{
  const char *title = haven_campaign_get_title (campaign);
  size_t len = strlen (title);

  if (len > 5 && title[len - 5] == ' ' &&
      g_ascii_isdigit (title[len - 4]) && g_ascii_isdigit (title[len - 3]) &&
      g_ascii_isdigit (title[len - 2]) && g_ascii_isdigit (title[len - 1]))
    return g_strndup (title, len - 5);

  return g_strdup (title);
}

/**
 * haven_campaign_badge:
 * @campaign: a campaign
 * @today: the reader's date
 *
 * Returns: (transfer full) (nullable): what the card's badge says on @today:
 *   the day itself, until when the campaign runs, or when it starts;
 *   %NULL once it is over
 */
char *
haven_campaign_badge (HavenCampaign *campaign,
                      const GDate   *today)
{
  const GDate *highlight;

  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  highlight = haven_campaign_get_highlight_day (campaign);
  if (highlight != NULL && g_date_compare (highlight, today) == 0)
    {
      g_autofree char *name = day_name (campaign);

      /* Translators: %s is the name of the day, as in “World Mental Health Day” */
      return g_strdup_printf (_("Today: %s"), name);
    }

  if (haven_campaign_is_running (campaign, today))
    {
      g_autofree char *day = format_day (haven_campaign_get_ends (campaign), today);

      /* Translators: %s is the campaign's last day, as in “31 October” */
      return g_strdup_printf (_("Until %s"), day);
    }

  if (g_date_compare (haven_campaign_get_starts (campaign), today) > 0)
    {
      g_autofree char *day = format_day (haven_campaign_get_starts (campaign), today);

      /* Translators: %s is the campaign's first day, as in “1 December” */
      return g_strdup_printf (_("From %s"), day);
    }

  /* Over: when it ran, with the year, never "this month" after the month. */
  return haven_campaign_format_dates (campaign);
}

static GDateTime *
date_time_new (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

/**
 * haven_campaign_format_dates:
 * @campaign: a campaign
 *
 * Returns: (transfer full): when the campaign runs, in the reader's
 *   language: “10 October 2026”, “1–31 October 2026” or
 *   “28 September – 4 October 2026”
 */
char *
haven_campaign_format_dates (HavenCampaign *campaign)
{
  const GDate *starts, *ends;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (campaign), NULL);

  starts = haven_campaign_get_starts (campaign);
  ends = haven_campaign_get_ends (campaign);
  first = date_time_new (starts);
  last = date_time_new (ends);
  /* Translators: a day, month and year, as in “31 January 2027” */
  until = g_date_time_format (last, _("%-d %B %Y"));

  if (g_date_compare (starts, ends) == 0)
    return g_steal_pointer (&until);

  if (g_date_get_year (starts) != g_date_get_year (ends))
    /* Translators: a day, month and year, as in “31 January 2027” */
    from = g_date_time_format (first, _("%-d %B %Y"));
  else if (g_date_get_month (starts) != g_date_get_month (ends))
    /* Translators: a day and month, as in “31 October”; see g_date_time_format() */
    from = g_date_time_format (first, _("%-d %B"));
  else
    /* Translators: the first day of a range within one month, as in the
     * “1” of “1–31 October 2026”; see g_date_time_format() */
    from = g_date_time_format (first, C_("first day of a range", "%-d"));

  /* Translators: a campaign's dates, from its first day to its last, as in
   * “1–31 October 2026” or “28 September – 4 October 2026” */
  return g_strdup_printf (g_date_get_month (starts) == g_date_get_month (ends) &&
                          g_date_get_year (starts) == g_date_get_year (ends)
                          ? _("%s–%s") : _("%s – %s"), from, until);
}

static int
rank (HavenCampaign *campaign,
      const GDate   *today)
{
  if (haven_campaign_is_running (campaign, today))
    return 0;
  if (g_date_compare (haven_campaign_get_starts (campaign), today) > 0)
    return 1;
  return 2;
}

/**
 * haven_campaign_compare:
 *
 * The order of Home: running campaigns first (the one ending soonest
 * first), then coming ones by start, then past ones, latest first.
 */
int
haven_campaign_compare (HavenCampaign *a,
                        HavenCampaign *b,
                        const GDate   *today)
{
  int rank_a = rank (a, today);
  int rank_b = rank (b, today);
  int order;

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  switch (rank_a)
    {
    case 0:
      order = g_date_compare (haven_campaign_get_ends (a), haven_campaign_get_ends (b));
      break;
    case 1:
      order = g_date_compare (haven_campaign_get_starts (a), haven_campaign_get_starts (b));
      break;
    default:
      order = g_date_compare (haven_campaign_get_ends (b), haven_campaign_get_ends (a));
      break;
    }

  if (order != 0)
    return order;

  return g_utf8_collate (haven_campaign_get_title (a), haven_campaign_get_title (b));
}

/* The hero art is decoded off the main thread, at the size it is shown
 * (an SVG of 1200×600 decoded whole costs more than the rest of the first
 * frame), and only once the frame that lays the card out is painted, so
 * the decoding does not compete with that frame for the processor.
 * Bundled art comes from the resources; a network feed's from the image
 * cache, once it is there (the cache says when an image arrives or
 * changes). Until the art is there, or when there is none, the campaign's
 * accent colour fills the same area, so nothing moves when it arrives. */
typedef struct
{
  GtkWidget       *area;
  guint            paint_id;
  gboolean         painted;
  GdkRGBA          accent;
  char            *url;
  HavenImageCache *cache;
  gulong           stored_id;
  cairo_surface_t *image;
  int              image_width;
  int              image_height;
  int              wanted_width;
  int              wanted_height;
  GCancellable    *cancellable;
} Hero;

static void
hero_free (gpointer data)
{
  Hero *hero = data;

  g_clear_handle_id (&hero->paint_id, g_source_remove);
  if (hero->cancellable != NULL)
    g_cancellable_cancel (hero->cancellable);
  g_clear_object (&hero->cancellable);
  if (hero->cache != NULL)
    g_clear_signal_handler (&hero->stored_id, hero->cache);
  g_clear_object (&hero->cache);
  g_clear_pointer (&hero->image, cairo_surface_destroy);
  g_free (hero->url);
  g_free (hero);
}

/* Converted once, so drawing is a plain copy. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         gdk_pixbuf_get_width (pixbuf),
                                                         gdk_pixbuf_get_height (pixbuf));
  cairo_t *cr = cairo_create (surface);

  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return surface;
}

static void
hero_show (GtkWidget *area,
           GdkPixbuf *pixbuf)
{
  Hero *hero = g_object_get_data (G_OBJECT (area), "haven-hero");

  g_clear_pointer (&hero->image, cairo_surface_destroy);
  hero->image = surface_from_pixbuf (pixbuf);
  hero->image_width = gdk_pixbuf_get_width (pixbuf);
  hero->image_height = gdk_pixbuf_get_height (pixbuf);
  gtk_widget_queue_draw (area);
}

/* The area's end cancels its load, and a cancelled load never returns
 * pixels, so the area and its hero are still alive when pixels come. */
static void
hero_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkWidget *area = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (HAVEN_IS_IMAGE_CACHE (object))
    pixbuf = haven_image_cache_load_finish (HAVEN_IMAGE_CACHE (object), result, &error);
  else
    pixbuf = haven_image_decode_finish (result, &error);

  if (pixbuf != NULL)
    hero_show (area, pixbuf);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_debug ("Campaign art not cached yet; the placeholder stays until it is");
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Campaign art not shown: %s", error->message);
}

static void
hero_start_load (Hero *hero)
{
  if (hero->cancellable != NULL)
    g_cancellable_cancel (hero->cancellable);
  g_clear_object (&hero->cancellable);
  hero->cancellable = g_cancellable_new ();

  if (hero->cache != NULL)
    {
      haven_image_cache_load_async (hero->cache, hero->url, hero->wanted_width, hero->wanted_height,
                                    hero->cancellable, hero_loaded_cb, hero->area);
    }
  else if (g_str_has_prefix (hero->url, "resource:///"))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (hero->url + strlen ("resource://"),
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        haven_image_decode_async (bytes, hero->wanted_width, hero->wanted_height,
                                  hero->cancellable, hero_loaded_cb, hero->area);
    }
}

static gboolean
hero_painted_cb (gpointer user_data)
{
  Hero *hero = user_data;

  hero->paint_id = 0;
  hero->painted = TRUE;
  hero_start_load (hero);

  return G_SOURCE_REMOVE;
}

/* Loads once the first frame with the area is painted, or at once off
 * screen or later on. */
static void
hero_queue_load (Hero *hero)
{
  if (hero->paint_id != 0 || hero->wanted_width <= 0 || hero->wanted_height <= 0)
    return;

  if (hero->painted || !gtk_widget_get_realized (hero->area))
    hero_start_load (hero);
  else
    hero->paint_id = haven_after_first_frame (hero->area, 0, hero_painted_cb, hero);
}

/* The cache has the image now, or a newer one. */
static void
hero_stored_cb (HavenImageCache *cache,
                const char      *url,
                Hero            *hero)
{
  if (g_strcmp0 (url, hero->url) == 0)
    hero_queue_load (hero);
}

/* Asks for the art at the area's size once it has one, and again when it
 * grows past what was decoded; a smaller area scales the art down. */
static void
hero_resize_cb (GtkDrawingArea *area,
                int             width,
                int             height,
                Hero           *hero)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));

  width *= scale;
  height *= scale;
  if (width <= 0 || height <= 0 ||
      (width <= hero->wanted_width && height <= hero->wanted_height))
    return;

  hero->wanted_width = width;
  hero->wanted_height = height;
  hero_queue_load (hero);
}

/* The image covers the area, centred and cropped; until there is an image
 * (or when there is none) the campaign's accent colour fills it. */
static void
draw_hero (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  Hero *hero = user_data;
  double scale;

  gdk_cairo_set_source_rgba (cr, &hero->accent);
  cairo_paint (cr);

  if (hero->image == NULL)
    return;

  scale = MAX ((double) width / hero->image_width, (double) height / hero->image_height);
  cairo_translate (cr, (width - hero->image_width * scale) / 2.0,
                   (height - hero->image_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, hero->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
}

/**
 * haven_campaign_hero_new:
 * @campaign: a campaign
 * @cache: (nullable): where a network feed's art is; without one only
 *   bundled art shows
 *
 * Returns: (transfer floating): the campaign's hero art, or until it is
 *   there (or when there is none) a placeholder in its accent colour.
 *   Unlike a GtkPicture it asks for no natural width, so cards can sit
 *   side by side.
 */
GtkWidget *
haven_campaign_hero_new (HavenCampaign   *campaign,
                         HavenImageCache *cache)
{
  Hero *hero = g_new0 (Hero, 1);
  GtkWidget *area;

  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (!cache || HAVEN_IS_IMAGE_CACHE (cache), NULL);

  if (!gdk_rgba_parse (&hero->accent, haven_campaign_get_accent_color (campaign)))
    hero->accent = (GdkRGBA) { 0.5, 0.5, 0.5, 1.0 };

  area = g_object_new (GTK_TYPE_DRAWING_AREA,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                       NULL);
  hero->area = area;
  hero->url = g_strdup (haven_campaign_get_hero_url (campaign));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, haven_campaign_get_hero_alt (campaign),
                                  -1);

  if (cache != NULL)
    {
      hero->cache = g_object_ref (cache);
      hero->stored_id = g_signal_connect (cache, "image-stored", G_CALLBACK (hero_stored_cb), hero);
    }

  g_object_set_data (G_OBJECT (area), "haven-hero", hero);
  g_signal_connect (area, "resize", G_CALLBACK (hero_resize_cb), hero);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_hero, hero, hero_free);
  gtk_widget_set_size_request (area, -1, HERO_HEIGHT);
  gtk_widget_add_css_class (area, "haven-hero");

  return area;
}

/**
 * haven_campaign_hero_has_image:
 * @hero: a widget from haven_campaign_hero_new()
 * @width: (out) (optional): the decoded width in pixels
 * @height: (out) (optional): the decoded height in pixels
 *
 * Returns: whether the art is loaded (and no longer the placeholder)
 */
gboolean
haven_campaign_hero_has_image (GtkWidget *hero,
                               int       *width,
                               int       *height)
{
  Hero *data;

  g_return_val_if_fail (GTK_IS_DRAWING_AREA (hero), FALSE);

  data = g_object_get_data (G_OBJECT (hero), "haven-hero");
  if (data == NULL || data->image == NULL)
    return FALSE;

  if (width != NULL)
    *width = data->image_width;
  if (height != NULL)
    *height = data->image_height;

  return TRUE;
}

static void
haven_campaign_card_dispose (GObject *object)
{
  HavenCampaignCard *self = HAVEN_CAMPAIGN_CARD (object);

  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (haven_campaign_card_parent_class)->dispose (object);
}

static void
haven_campaign_card_class_init (HavenCampaignCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_campaign_card_dispose;
}

static void
haven_campaign_card_init (HavenCampaignCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-campaign-card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* One card a line at 360 px; the flow box fits up to three when wide. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 260, -1);
}

/**
 * haven_campaign_card_new:
 * @campaign: a campaign
 * @today: (nullable): the reader's date, for the badge
 * @cache: (nullable): where a network feed's art is
 */
GtkWidget *
haven_campaign_card_new (HavenCampaign   *campaign,
                         const GDate     *today,
                         HavenImageCache *cache)
{
  HavenCampaignCard *self;
  GtkWidget *box, *text_box, *label, *language_text;
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (HAVEN_TYPE_CAMPAIGN_CARD, NULL);
  self->campaign = g_object_ref (campaign);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), haven_campaign_hero_new (campaign, cache));

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (text_box, 12);
  gtk_widget_set_margin_end (text_box, 12);
  gtk_widget_set_margin_top (text_box, 12);
  gtk_widget_set_margin_bottom (text_box, 12);
  gtk_box_append (GTK_BOX (box), text_box);

  badge = today != NULL ? haven_campaign_badge (campaign, today) : NULL;
  if (badge != NULL)
    {
      label = haven_text_label_new (badge, "haven-badge");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (text_box), label);
    }

  /* A modest natural width lets three cards share a wide line. */
  label = haven_text_label_new (haven_campaign_get_title (campaign), "title-3");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_box_append (GTK_BOX (text_box), label);
  language_text = label;
  label = haven_text_label_new (haven_campaign_get_tagline (campaign), "dim-label");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (text_box), label);

  /* content: a campaign the feed lacks the reader's language for says
   * which one it is in, and reads in that language's direction. */
  if (!haven_campaign_get_in_reader_language (campaign) && haven_campaign_get_language (campaign) != NULL)
    {
      haven_language_set_direction (language_text, haven_campaign_get_language (campaign));
      haven_language_set_direction (label, haven_campaign_get_language (campaign));
      gtk_box_append (GTK_BOX (text_box), haven_language_label_new (haven_campaign_get_language (campaign)));
    }

  gtk_button_set_child (GTK_BUTTON (self), box);

  /* One element for a screen reader: the title first, then the rest. */
  if (badge != NULL)
    name = g_strdup_printf ("%s. %s. %s", haven_campaign_get_title (campaign),
                            haven_campaign_get_tagline (campaign), badge);
  else
    name = g_strdup_printf ("%s. %s", haven_campaign_get_title (campaign),
                            haven_campaign_get_tagline (campaign));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return GTK_WIDGET (self);
}

HavenCampaign *
haven_campaign_card_get_campaign (HavenCampaignCard *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN_CARD (self), NULL);

  return self->campaign;
}
