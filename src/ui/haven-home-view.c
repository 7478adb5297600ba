/* haven-home-view.c: the Home view: campaign cards, a campaign, an explainer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-home-view"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-stale-notice.h"
#include "haven-widget-util.h"
#include "haven-campaign-card.h"
#include "haven-campaign-page.h"
#include "haven-explainer-reader.h"
#include "haven-home-view.h"
#include "haven-navigable.h"

struct _HavenHomeView
{
  AdwBin                parent_instance;

  HavenFeed            *feed;
  HavenImageCache      *image_cache;
  GDate                 today;
  GtkSortListModel     *campaigns;
  char                 *open_campaign_id;

  GtkStack             *stack;
  GtkFlowBox           *flow_box;

  /* content: campaigns over by today, below the current and coming ones */
  GtkFilterListModel   *current;
  GtkFilterListModel   *past;
  GtkFlowBox           *past_flow_box;
  GtkWidget            *past_section;
  HavenCampaignPage    *campaign_page;
  HavenExplainerReader *reader;

  /* signing */
  HavenStaleNotice *stale_notice;
};

static void haven_home_view_navigable_init (HavenNavigableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HavenHomeView, haven_home_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HAVEN_TYPE_NAVIGABLE, haven_home_view_navigable_init))

enum {
  PROP_0,
  PROP_FEED,
  PROP_IMAGE_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page (HavenHomeView *self,
           const char    *name)
{
  haven_stack_show_only (self->stack, name);
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));
}

/* Back on the cards, focus returns to the campaign the reader opened, so
 * they keep their place. */
static void
show_campaigns (HavenHomeView *self)
{
  g_autofree char *id = g_steal_pointer (&self->open_campaign_id);
  gboolean empty = self->campaigns == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)) == 0;

  show_page (self, empty ? "empty" : "campaigns");

  for (guint i = 0; i < 2 && id != NULL; i++)
    {
      GtkFlowBox *flow_box = i == 0 ? self->flow_box : self->past_flow_box;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (flow_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

          if (HAVEN_IS_CAMPAIGN_CARD (card) &&
              g_strcmp0 (haven_campaign_get_id (haven_campaign_card_get_campaign (HAVEN_CAMPAIGN_CARD (card))), id) == 0)
            {
              gtk_widget_grab_focus (card);
              return;
            }
        }
    }
}

static void
open_campaign (HavenHomeView *self,
               HavenCampaign *campaign)
{
  g_free (self->open_campaign_id);
  self->open_campaign_id = g_strdup (haven_campaign_get_id (campaign));
  haven_campaign_page_set_campaign (self->campaign_page, self->feed, campaign);
  show_page (self, "campaign");
  gtk_widget_child_focus (GTK_WIDGET (self->campaign_page), GTK_DIR_TAB_FORWARD);
}

static void
card_clicked_cb (HavenCampaignCard *card,
                 HavenHomeView     *self)
{
  open_campaign (self, haven_campaign_card_get_campaign (card));
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  HavenHomeView *self = user_data;
  GtkWidget *child, *card;

  card = haven_campaign_card_new (HAVEN_CAMPAIGN (item), &self->today, self->image_cache);
  g_signal_connect (card, "clicked", G_CALLBACK (card_clicked_cb), self);

  /* The card itself is the one focusable element, not its flow box child. */
  child = gtk_flow_box_child_new ();
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  return child;
}

static int
compare_campaigns (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  HavenHomeView *self = user_data;

  return haven_campaign_compare (HAVEN_CAMPAIGN ((gpointer) a), HAVEN_CAMPAIGN ((gpointer) b), &self->today);
}

static gboolean
filter_past (gpointer item,
             gpointer user_data)
{
  HavenHomeView *self = user_data;

  return haven_campaign_get_phase (HAVEN_CAMPAIGN (item), &self->today) == HAVEN_CAMPAIGN_PHASE_PAST;
}

static gboolean
filter_not_past (gpointer item,
                 gpointer user_data)
{
  return !filter_past (item, user_data);
}

static void
past_changed_cb (HavenHomeView *self)
{
  gtk_widget_set_visible (self->past_section,
                          g_list_model_get_n_items (G_LIST_MODEL (self->past)) > 0);
}

static void
explainer_activated_cb (HavenHomeView  *self,
                        HavenExplainer *explainer)
{
  haven_explainer_reader_set_explainer (self->reader, explainer);
  show_page (self, "explainer");
}

static void
reader_back_cb (HavenHomeView *self)
{
  show_page (self, "campaign");
  gtk_widget_child_focus (GTK_WIDGET (self->campaign_page), GTK_DIR_TAB_FORWARD);
}

static gboolean
go_back (HavenNavigable *navigable)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (navigable);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "campaign") == 0)
    show_campaigns (self);
  else if (g_strcmp0 (page, "explainer") == 0)
    reader_back_cb (self);
  else
    return FALSE;

  return TRUE;
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  go_back (HAVEN_NAVIGABLE (widget));
}

static GtkWidget *
get_page (HavenNavigable *navigable)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (navigable);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "campaign") == 0)
    return GTK_WIDGET (self->campaign_page);
  if (g_strcmp0 (page, "explainer") == 0)
    return GTK_WIDGET (self->reader);

  return NULL;
}

static const char *
get_page_title (HavenNavigable *navigable)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (navigable);
  GtkWidget *page = get_page (navigable);
  HavenCampaign *campaign;
  HavenExplainer *explainer;

  if (page == GTK_WIDGET (self->campaign_page) &&
      (campaign = haven_campaign_page_get_campaign (self->campaign_page)) != NULL)
    return haven_campaign_get_title (campaign);
  if (page == GTK_WIDGET (self->reader) &&
      (explainer = haven_explainer_reader_get_explainer (self->reader)) != NULL)
    return haven_explainer_get_title (explainer);

  return NULL;
}

static void
haven_home_view_navigable_init (HavenNavigableInterface *iface)
{
  iface->get_page_title = get_page_title;
  iface->get_page = get_page;
  iface->go_back = go_back;
}

static void
haven_home_view_dispose (GObject *object)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (object);

  /* The stack is both AdwBin's child and a template child: let the bin
   * drop it first, or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HOME_VIEW);
  g_clear_object (&self->feed);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->current);
  g_clear_object (&self->past);
  g_clear_object (&self->campaigns);
  g_clear_pointer (&self->open_campaign_id, g_free);

  G_OBJECT_CLASS (haven_home_view_parent_class)->dispose (object);
}

static void
haven_home_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_home_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HavenHomeView *self = HAVEN_HOME_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      haven_home_view_set_feed (self, g_value_get_object (value));
      break;

    case PROP_IMAGE_CACHE:
      /* Cards made from now on use it: the window sets it before the feed. */
      g_set_object (&self->image_cache, g_value_get_object (value));
      haven_campaign_page_set_image_cache (self->campaign_page, self->image_cache);
      haven_explainer_reader_set_image_cache (self->reader, self->image_cache);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_home_view_class_init (HavenHomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_home_view_dispose;
  object_class->get_property = haven_home_view_get_property;
  object_class->set_property = haven_home_view_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where a network feed's art and creators' pictures are. */
  properties[PROP_IMAGE_CACHE] =
    g_param_spec_object ("image-cache", NULL, NULL,
                         HAVEN_TYPE_IMAGE_CACHE,
                         (G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "home.back", NULL, back_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "home.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "home.back", NULL);

  g_type_ensure (HAVEN_TYPE_CAMPAIGN_PAGE);
  g_type_ensure (HAVEN_TYPE_EXPLAINER_READER);

  g_type_ensure (HAVEN_TYPE_STALE_NOTICE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-home-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, stale_notice);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, flow_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, past_flow_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, past_section);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, campaign_page);
  gtk_widget_class_bind_template_child (widget_class, HavenHomeView, reader);
  gtk_widget_class_bind_template_callback (widget_class, explainer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_back_cb);
}

static void
haven_home_view_init (HavenHomeView *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  haven_campaign_get_today (&self->today);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_campaigns, self, NULL));
  self->campaigns = gtk_sort_list_model_new (NULL, sorter);
  self->current = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->campaigns)),
                                             GTK_FILTER (gtk_custom_filter_new (filter_not_past, self, NULL)));
  self->past = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->campaigns)),
                                          GTK_FILTER (gtk_custom_filter_new (filter_past, self, NULL)));
  g_signal_connect_object (self->past, "items-changed", G_CALLBACK (past_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->current), create_card, self, NULL);
  gtk_flow_box_bind_model (self->past_flow_box, G_LIST_MODEL (self->past), create_card, self, NULL);
  show_page (self, "empty");
}

HavenFeed *
haven_home_view_get_feed (HavenHomeView *self)
{
  g_return_val_if_fail (HAVEN_IS_HOME_VIEW (self), NULL);

  return self->feed;
}

/* After a feed update, what is open stays open when the update still has
 * it (looked up by id); what was removed closes. */
static void
reopen_after_update (HavenHomeView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  HavenCampaign *campaign = NULL;
  HavenExplainer *explainer;

  if (g_strcmp0 (page, "campaign") != 0 && g_strcmp0 (page, "explainer") != 0)
    {
      show_campaigns (self);
      return;
    }

  if (self->feed != NULL && self->open_campaign_id != NULL)
    campaign = haven_feed_lookup_campaign (self->feed, self->open_campaign_id);
  if (campaign == NULL)
    {
      show_campaigns (self);
      return;
    }
  haven_campaign_page_set_campaign (self->campaign_page, self->feed, campaign);

  if (g_strcmp0 (page, "explainer") == 0)
    {
      explainer = haven_explainer_reader_get_explainer (self->reader);
      explainer = haven_feed_lookup_explainer (self->feed, haven_explainer_get_id (explainer));
      if (explainer != NULL)
        haven_explainer_reader_set_explainer (self->reader, explainer);
      else
        reader_back_cb (self);
    }
  /* The page's title may have changed with the feed. */
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));
}

void
haven_home_view_set_feed (HavenHomeView *self,
                          HavenFeed     *feed)
{
  g_return_if_fail (HAVEN_IS_HOME_VIEW (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  haven_stale_notice_set_feed (self->stale_notice, feed);  /* signing */

  gtk_sort_list_model_set_model (self->campaigns, feed != NULL ? haven_feed_get_campaigns (feed) : NULL);
  reopen_after_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/**
 * haven_home_view_set_today:
 * @today: the reader's date
 *
 * Sets the date the cards' order and badges are computed for; it is the
 * local date at start, and tests set their own.
 */
void
haven_home_view_set_today (HavenHomeView *self,
                           const GDate   *today)
{
  g_return_if_fail (HAVEN_IS_HOME_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  /* New badges need new cards: rebinding recreates them in the new order. */
  gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  gtk_flow_box_bind_model (self->past_flow_box, NULL, NULL, NULL, NULL);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->campaigns), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->current), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->past), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->current), create_card, self, NULL);
  gtk_flow_box_bind_model (self->past_flow_box, G_LIST_MODEL (self->past), create_card, self, NULL);
}

/**
 * haven_home_view_open_campaign:
 * @id: a campaign id
 *
 * Opens the campaign's page, as activating its card does.
 */
void
haven_home_view_open_campaign (HavenHomeView *self,
                               const char    *id)
{
  HavenCampaign *campaign;

  g_return_if_fail (HAVEN_IS_HOME_VIEW (self));

  campaign = self->feed != NULL ? haven_feed_lookup_campaign (self->feed, id) : NULL;
  if (campaign != NULL)
    open_campaign (self, campaign);
}

/**
 * haven_home_view_get_page:
 *
 * Returns: which page shows: "empty", "campaigns", "campaign" or "explainer"
 */
const char *
haven_home_view_get_page (HavenHomeView *self)
{
  g_return_val_if_fail (HAVEN_IS_HOME_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
