/* haven-campaign-card.c: one campaign on Home: hero art, title, tagline, badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-campaign-card"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-campaign-card.h"
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

  return NULL;
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

typedef struct
{
  GdkRGBA    accent;
  GdkPixbuf *image;
} Hero;

static void
hero_free (gpointer data)
{
  Hero *hero = data;

  g_clear_object (&hero->image);
  g_free (hero);
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
  double scale, image_width, image_height;

  gdk_cairo_set_source_rgba (cr, &hero->accent);
  cairo_paint (cr);

  if (hero->image == NULL)
    return;

  image_width = gdk_pixbuf_get_width (hero->image);
  image_height = gdk_pixbuf_get_height (hero->image);
  scale = MAX (width / image_width, height / image_height);
  cairo_translate (cr, (width - image_width * scale) / 2.0, (height - image_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_pixbuf (cr, hero->image, 0, 0);
  cairo_paint (cr);
}

/* Where a network image cache plugs in: it will fetch @url and, once the
 * image is there, put it in @hero and redraw @area. Until then the
 * placeholder in the campaign's accent colour stays. */
static void
haven_campaign_hero_load_remote (GtkWidget  *area,
                                 Hero       *hero,
                                 const char *url)
{
  g_debug ("No image cache yet; keeping the placeholder for %s", url);
}

/**
 * haven_campaign_hero_new:
 *
 * Returns: (transfer floating): the campaign's hero art: a bundled
 *   (resource:///) image, or a placeholder in its accent colour. Unlike a
 *   GtkPicture it asks for no natural width, so cards can sit side by side.
 */
GtkWidget *
haven_campaign_hero_new (HavenCampaign *campaign)
{
  const char *url = haven_campaign_get_hero_url (campaign);
  Hero *hero = g_new0 (Hero, 1);
  GtkWidget *area;

  if (!gdk_rgba_parse (&hero->accent, haven_campaign_get_accent_color (campaign)))
    hero->accent = (GdkRGBA) { 0.5, 0.5, 0.5, 1.0 };

  area = g_object_new (GTK_TYPE_DRAWING_AREA,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, haven_campaign_get_hero_alt (campaign),
                                  -1);

  if (g_str_has_prefix (url, "resource:///"))
    {
      g_autoptr(GError) error = NULL;

      hero->image = gdk_pixbuf_new_from_resource (url + strlen ("resource://"), &error);
      if (hero->image == NULL)
        g_warning ("Could not load the bundled image %s: %s", url, error->message);
    }
  else
    {
      haven_campaign_hero_load_remote (area, hero, url);
    }

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_hero, hero, hero_free);
  gtk_widget_set_size_request (area, -1, HERO_HEIGHT);
  gtk_widget_add_css_class (area, "haven-hero");

  return area;
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

GtkWidget *
haven_campaign_card_new (HavenCampaign *campaign,
                         const GDate   *today)
{
  HavenCampaignCard *self;
  GtkWidget *box, *text_box, *label;
  g_autofree char *badge = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (HAVEN_TYPE_CAMPAIGN_CARD, NULL);
  self->campaign = g_object_ref (campaign);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), haven_campaign_hero_new (campaign));

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
  label = haven_text_label_new (haven_campaign_get_tagline (campaign), "dim-label");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (text_box), label);

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
