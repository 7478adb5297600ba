/* haven-campaign-page.c: one campaign: description, explainers, links, figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-campaign-page"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-campaign-card.h"
#include "haven-campaign-page.h"
#include "haven-language-label.h"
#include "haven-explainer-row.h"
#include "haven-insight-chart.h"
#include "haven-widget-util.h"

struct _HavenCampaignPage
{
  GtkBox             parent_instance;

  HavenCampaign     *campaign;
  HavenImageCache   *image_cache;

  GtkScrolledWindow *scroller;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (HavenCampaignPage, haven_campaign_page, GTK_TYPE_BOX)

enum {
  EXPLAINER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
haven_campaign_page_dispose (GObject *object)
{
  HavenCampaignPage *self = HAVEN_CAMPAIGN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_CAMPAIGN_PAGE);
  g_clear_object (&self->campaign);
  g_clear_object (&self->image_cache);

  G_OBJECT_CLASS (haven_campaign_page_parent_class)->dispose (object);
}

static void
haven_campaign_page_class_init (HavenCampaignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_campaign_page_dispose;

  /**
   * HavenCampaignPage::explainer-activated:
   *
   * The reader chose one of the campaign's explainers.
   */
  signals[EXPLAINER_ACTIVATED] =
    g_signal_new ("explainer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HAVEN_TYPE_EXPLAINER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-campaign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenCampaignPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenCampaignPage, content);
}

static void
haven_campaign_page_init (HavenCampaignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
haven_campaign_page_new (void)
{
  return g_object_new (HAVEN_TYPE_CAMPAIGN_PAGE, NULL);
}

static void
explainer_activated_cb (HavenExplainerRow *row,
                        HavenCampaignPage *self)
{
  g_signal_emit (self, signals[EXPLAINER_ACTIVATED], 0, haven_explainer_row_get_explainer (row));
}

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = haven_text_label_new (text, "title-4");

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_widget_set_margin_top (label, 12);

  return label;
}

static void
free_url (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static void
call_to_action_cb (GtkButton *button,
                   gpointer   user_data)
{
  const char *url = user_data;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), url, GDK_CURRENT_TIME);
}

static void
rebuild (HavenCampaignPage *self,
         HavenFeed         *feed)
{
  HavenCampaign *campaign = self->campaign;
  const char * const *explainers = haven_campaign_get_explainers (campaign);
  GPtrArray *links = haven_campaign_get_links (campaign);
  GPtrArray *insights = haven_campaign_get_insights (campaign);
  const char *url = haven_campaign_get_call_to_action_url (campaign);
  GtkWidget *child, *hero, *button, *list;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  hero = haven_campaign_hero_new (campaign, self->image_cache);
  gtk_widget_set_size_request (hero, -1, 180);
  gtk_widget_add_css_class (hero, "card");
  gtk_box_append (self->content, hero);

  child = haven_text_label_new (haven_campaign_get_title (campaign), "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (self->content, child);
  child = haven_text_label_new (haven_campaign_get_tagline (campaign), "title-4");
  gtk_widget_add_css_class (child, "dim-label");
  gtk_box_append (self->content, child);
  gtk_box_append (self->content, haven_text_label_new (haven_campaign_get_description (campaign), "body"));

  /* content: when it runs; where the feed lacks the reader's language, which
   * one it is in, its text in that language's direction. */
  {
    g_autofree char *dates = haven_campaign_format_dates (campaign);
    const char *language = haven_campaign_get_language (campaign);

    if (!haven_campaign_get_in_reader_language (campaign) && language != NULL)
      {
        for (GtkWidget *text = gtk_widget_get_next_sibling (hero); text != NULL;
             text = gtk_widget_get_next_sibling (text))
          haven_language_set_direction (text, language);
        gtk_box_append (self->content, haven_language_label_new (language));
      }
    gtk_box_append (self->content, haven_text_label_new (dates, "dim-label"));
  }

  button = gtk_button_new_with_label (haven_campaign_get_call_to_action_label (campaign));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  if (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (button))))
    gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  if (url != NULL)
    g_signal_connect_data (button, "clicked", G_CALLBACK (call_to_action_cb),
                           g_strdup (url), free_url, 0);
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.help-now");
  gtk_box_append (self->content, button);

  if (explainers != NULL && explainers[0] != NULL && feed != NULL)
    {
      gtk_box_append (self->content, section_heading (_("Explainers")));
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Explainers"), -1);
      for (guint i = 0; explainers[i] != NULL; i++)
        {
          HavenExplainer *explainer = haven_feed_lookup_explainer (feed, explainers[i]);
          GtkWidget *row;

          if (explainer == NULL)
            continue;
          row = haven_explainer_row_new (feed, explainer);
          g_signal_connect (row, "activated", G_CALLBACK (explainer_activated_cb), self);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->content, list);
    }

  for (guint i = 0; insights != NULL && i < insights->len; i++)
    {
      if (i == 0)
        gtk_box_append (self->content, section_heading (_("In Numbers")));
      gtk_box_append (self->content,
                      haven_insight_chart_new (g_ptr_array_index (insights, i),
                                               haven_campaign_get_accent_color (campaign)));
    }

  if (links != NULL && links->len > 0)
    {
      gtk_box_append (self->content, section_heading (_("Learn More")));
      for (guint i = 0; i < links->len; i++)
        {
          HavenLink *link = g_ptr_array_index (links, i);

          gtk_box_append (self->content, haven_link_button_new (link->title, link->url));
        }
    }
}

/**
 * haven_campaign_page_set_campaign:
 * @feed: (nullable): where the campaign's explainers are looked up
 * @campaign: (nullable): the campaign to show
 *
 * Shows @campaign. When it is the campaign already shown (as after a feed
 * update), the reader's scroll position is kept.
 */
void
haven_campaign_page_set_campaign (HavenCampaignPage *self,
                                  HavenFeed         *feed,
                                  HavenCampaign     *campaign)
{
  GtkAdjustment *adjustment;
  gboolean same;
  double position;

  g_return_if_fail (HAVEN_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (!campaign || HAVEN_IS_CAMPAIGN (campaign));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  position = gtk_adjustment_get_value (adjustment);
  same = self->campaign != NULL && campaign != NULL &&
         g_strcmp0 (haven_campaign_get_id (self->campaign), haven_campaign_get_id (campaign)) == 0;

  g_set_object (&self->campaign, campaign);
  if (campaign == NULL)
    return;

  rebuild (self, feed);
  gtk_adjustment_set_value (adjustment, same ? position : 0.0);
}

HavenCampaign *
haven_campaign_page_get_campaign (HavenCampaignPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN_PAGE (self), NULL);

  return self->campaign;
}

/**
 * haven_campaign_page_set_image_cache:
 * @cache: (nullable): where a network feed's art is
 *
 * Used by the campaigns shown from now on.
 */
void
haven_campaign_page_set_image_cache (HavenCampaignPage *self,
                                     HavenImageCache   *cache)
{
  g_return_if_fail (HAVEN_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (!cache || HAVEN_IS_IMAGE_CACHE (cache));

  g_set_object (&self->image_cache, cache);
}
