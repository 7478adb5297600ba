/* test-reading.c: widget tests of Home, campaign pages, explainers and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "explainer-copies.h"
#include "haven-byline.h"
#include "haven-campaign-card.h"
#include "haven-explainer-reader.h"
#include "haven-explainer-row.h"
#include "haven-explainers-view.h"
#include "haven-feed-parser.h"
#include "haven-feed-url.h"
#include "haven-home-view.h"
#include "haven-insight-chart.h"
#include "haven-test-widget.h"
#include "haven-widget-util.h"

static HavenApplication *app;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  return haven_test_find_type (root, type);
}

static HavenWindow *
open_window (void)
{
  return haven_test_open_window (app);
}

static void
close_windows (void)
{
  haven_test_close_windows (app);
}

static HavenFeed *
bundled_feed (void)
{
  g_autoptr(GError) error = NULL;
  HavenFeed *feed = haven_feed_load_bundled (&error);

  g_assert_no_error (error);
  return feed;
}

/* The bundled feed without the explainer @id, as an update that removed it. */
static HavenFeed *
feed_without_explainer (const char *id)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GBytes) changed = NULL;
  JsonObject *root;
  JsonArray *explainers, *campaigns;
  HavenFeed *feed;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/feed/feed.json", 0, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  explainers = json_object_get_array_member (root, "explainers");
  for (guint i = json_array_get_length (explainers); i > 0; i--)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (explainers, i - 1), "id"), id) == 0)
      json_array_remove_element (explainers, i - 1);

  campaigns = json_object_get_array_member (root, "campaigns");
  for (guint c = 0; c < json_array_get_length (campaigns); c++)
    {
      JsonArray *ids = json_object_get_array_member (json_array_get_object_element (campaigns, c), "explainers");

      for (guint i = json_array_get_length (ids); i > 0; i--)
        if (g_strcmp0 (json_array_get_string_element (ids, i - 1), id) == 0)
          json_array_remove_element (ids, i - 1);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  changed = g_bytes_new_take (g_steal_pointer (&text), length);
  feed = haven_feed_parse (changed, NULL, HAVEN_FEED_ORIGIN_BUNDLED, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (haven_feed_lookup_explainer (feed, id));

  return feed;
}

static GDate *
date (int year, int month, int day)
{
  return g_date_new_dmy (day, month, year);
}

/* Badges and order, computed for an injected date. */
static void
test_badges (void)
{
  g_autoptr(HavenFeed) feed = bundled_feed ();
  HavenCampaign *day = haven_feed_lookup_campaign (feed, "world-mental-health-day-2026");
  HavenCampaign *online = haven_feed_lookup_campaign (feed, "online-pressure");
  HavenCampaign *grief = haven_feed_lookup_campaign (feed, "grief-through-the-holidays");
  GDate *highlight = date (2026, 10, 10);
  GDate *running = date (2026, 10, 15);
  GDate *november = date (2026, 11, 25);
  char *badge;

  badge = haven_campaign_badge (day, highlight);
  g_assert_cmpstr (badge, ==, "Today: World Mental Health Day");
  g_free (badge);
  badge = haven_campaign_badge (day, running);
  g_assert_cmpstr (badge, ==, "Until 31 October");
  g_free (badge);
  /* Once over, the card gives the dates it ran, with the year. */
  badge = haven_campaign_badge (day, november);
  g_assert_cmpstr (badge, ==, "1–31 October 2026");
  g_free (badge);
  badge = haven_campaign_badge (online, november);
  g_assert_cmpstr (badge, ==, "Until 31 January 2027");
  g_free (badge);
  badge = haven_campaign_badge (grief, november);
  g_assert_cmpstr (badge, ==, "From 1 December");
  g_free (badge);

  /* Running first, then coming, then past. */
  g_assert_cmpint (haven_campaign_compare (online, grief, november), <, 0);
  g_assert_cmpint (haven_campaign_compare (grief, day, november), <, 0);
  g_assert_cmpint (haven_campaign_compare (day, online, highlight), <, 0);

  g_date_free (highlight);
  g_date_free (running);
  g_date_free (november);
}

static HavenCampaignCard *
first_card (HavenHomeView *home)
{
  GtkWidget *flow_box = find_widget (GTK_WIDGET (home), GTK_TYPE_FLOW_BOX);
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow_box), 0);

  g_assert_nonnull (child);
  return HAVEN_CAMPAIGN_CARD (gtk_flow_box_child_get_child (child));
}

/* Whether @widget has a place on screen: allocated, after a frame. */
static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static gboolean
hero_has_image (gpointer hero)
{
  return haven_campaign_hero_has_image (hero, NULL, NULL);
}

/* The art is decoded off the main thread at the size the card shows it,
 * not at the bundled SVG's 1200×600, and the accent-colour placeholder it
 * replaces has the same size. */
static void
test_home_hero_art (void)
{
  HavenWindow *window = open_window ();
  HavenHomeView *home = HAVEN_HOME_VIEW (find_widget (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  HavenCampaignCard *card;
  GtkWidget *hero;
  int width = 0, height = 0, shown_width, shown_height;

  card = first_card (home);
  hero = find_widget (GTK_WIDGET (card), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (hero);
  haven_test_wait_for (is_laid_out, hero, HAVEN_TEST_TIMEOUT_MS);
  shown_width = gtk_widget_get_width (hero) * gtk_widget_get_scale_factor (hero);
  shown_height = gtk_widget_get_height (hero) * gtk_widget_get_scale_factor (hero);
  g_assert_cmpint (shown_width, >, 0);
  g_assert_cmpint (shown_height, ==, 140 * gtk_widget_get_scale_factor (hero));

  haven_test_wait_for (hero_has_image, hero, 10000);
  g_assert_true (haven_campaign_hero_has_image (hero, &width, &height));
  /* It covers the area, in both directions, and is not much larger. */
  g_assert_cmpint (width, >=, shown_width);
  g_assert_cmpint (height, >=, shown_height);
  g_assert_true (width <= shown_width + 1 || height <= shown_height + 1);
  g_assert_cmpint (width, <, 1200);
  g_assert_cmpint (gtk_widget_get_height (hero), ==, 140);

  close_windows ();
}

/* The window's header bar, where an open explainer's controls are. */
static GtkWidget *
header_of (HavenWindow *window)
{
  return find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
}

static gboolean
is_save_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Save for Later") == 0;
}

static GtkToggleButton *
save_button_of (HavenWindow *window)
{
  GtkWidget *button = haven_test_find (header_of (window), is_save_button, NULL, FALSE);

  g_assert_nonnull (button);

  return GTK_TOGGLE_BUTTON (button);
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

static void
test_home_cards (void)
{
  HavenWindow *window = open_window ();
  HavenHomeView *home = HAVEN_HOME_VIEW (find_widget (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  GDate *highlight = date (2026, 10, 10);
  GDate *november = date (2026, 11, 25);
  HavenCampaignCard *card;

  haven_home_view_set_today (home, highlight);
  card = first_card (home);
  g_assert_cmpstr (haven_campaign_get_id (haven_campaign_card_get_campaign (card)), ==, "world-mental-health-day-2026");
  g_assert_nonnull (haven_test_wait_for_text (card, "Today: World Mental Health Day"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_parent (GTK_WIDGET (card))));

  haven_home_view_set_today (home, november);
  card = first_card (home);
  g_assert_cmpstr (haven_campaign_get_id (haven_campaign_card_get_campaign (card)), !=, "world-mental-health-day-2026");
  g_assert_true (haven_campaign_is_running (haven_campaign_card_get_campaign (card), november));

  /* Activating a card opens its page; Escape brings the cards back with
   * the card focused again. */
  haven_test_wait_for_mapped (card);
  haven_test_click (GTK_WIDGET (card));
  g_assert_cmpstr (haven_home_view_get_page (home), ==, "campaign");
  g_assert_nonnull (haven_test_wait_for_text (home, haven_campaign_get_description (haven_campaign_card_get_campaign (card))));
  gtk_widget_activate_action (GTK_WIDGET (home), "home.back", NULL);
  g_assert_cmpstr (haven_home_view_get_page (home), ==, "campaigns");
  haven_test_wait_for (has_focus, card, HAVEN_TEST_TIMEOUT_MS);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));

  g_date_free (highlight);
  g_date_free (november);
  close_windows ();
}

static void
test_campaign_chart (void)
{
  HavenWindow *window = open_window ();
  HavenHomeView *home = HAVEN_HOME_VIEW (find_widget (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  HavenFeed *feed = haven_home_view_get_feed (home);
  HavenCampaign *campaign = haven_feed_lookup_campaign (feed, "world-mental-health-day-2026");
  GPtrArray *insights = haven_campaign_get_insights (campaign);
  const char * const *explainers = haven_campaign_get_explainers (campaign);
  HavenInsight *insight;

  haven_home_view_open_campaign (home, "world-mental-health-day-2026");

  for (guint i = 0; explainers[i] != NULL; i++)
    g_assert_nonnull (haven_test_wait_for_text (home, haven_explainer_get_title (haven_feed_lookup_explainer (feed, explainers[i]))));

  g_assert_cmpuint (insights->len, >, 0);
  insight = g_ptr_array_index (insights, 0);
  g_assert_nonnull (haven_test_wait_for_text (home, insight->title));
  for (guint i = 0; i < insight->figures->len; i++)
    {
      HavenFigure *figure = g_ptr_array_index (insight->figures, i);
      g_autofree char *value = haven_insight_format_figure (figure);

      g_assert_nonnull (haven_test_wait_for_text (home, figure->label));
      g_assert_nonnull (haven_test_wait_for_text (home, value));
    }
  g_assert_nonnull (haven_test_wait_for_text (home, insight->source->title));

  close_windows ();
}

static HavenExplainersView *
explainers_view (HavenWindow *window)
{
  GtkWidget *view;

  haven_window_show_view (window, HAVEN_VIEW_EXPLAINERS);
  view = find_widget (GTK_WIDGET (window), HAVEN_TYPE_EXPLAINERS_VIEW);
  g_assert_nonnull (view);
  haven_test_wait_for_mapped (view);

  return HAVEN_EXPLAINERS_VIEW (view);
}

static gboolean
results_contain (GListModel *results,
                 const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (results, i);

      if (g_strcmp0 (haven_explainer_get_id (explainer), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_topic_filter (void)
{
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  GListModel *results = haven_explainers_view_get_results (view);
  GListModel *all = haven_feed_get_explainers (haven_explainers_view_get_feed (view));
  guint expected = 0;

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, g_list_model_get_n_items (all));

  haven_explainers_view_set_topic (view, "anxiety");
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (all, i);

      if (g_strv_contains (haven_explainer_get_topics (explainer), "anxiety"))
        expected++;
    }
  g_assert_cmpuint (expected, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, expected);
  g_assert_true (results_contain (results, "panic-attacks"));
  g_assert_false (results_contain (results, "sleep"));
  g_assert_nonnull (haven_test_wait_for_text (view, "Panic attacks"));
  haven_test_wait_for_frame (view);
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), "Sleeping better"));

  haven_explainers_view_set_topic (view, NULL);
  g_assert_nonnull (haven_test_wait_for_text (view, "Sleeping better"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, g_list_model_get_n_items (all));

  close_windows ();
}

static GtkEditable *
search_entry (HavenExplainersView *view)
{
  return GTK_EDITABLE (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
}

typedef struct
{
  GListModel *results;
  const char *id;
} ResultWait;

static gboolean
results_have (gpointer data)
{
  ResultWait *wait = data;

  return results_contain (wait->results, wait->id);
}

static void
test_search_and_crisis_callout (void)
{
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  GListModel *results = haven_explainers_view_get_results (view);
  GtkWidget *help, *list;
  graphene_point_t help_point, list_point;

  /* Ctrl+F opens the search. */
  gtk_widget_activate_action (GTK_WIDGET (view), "explainers.search", NULL);
  haven_test_wait_for_mapped (search_entry (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (search_entry (view))));

  /* The entry waits a moment before it searches. */
  gtk_editable_set_text (search_entry (view), "PANIC");
  haven_test_wait_for_n_items (results, 1);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_true (results_contain (results, "panic-attacks"));
  haven_test_wait_for_frame (view);
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), "Get Help Now"));

  gtk_editable_set_text (search_entry (view), "suicide");
  help = haven_test_wait_for_text (view, "Get Help Now");
  g_assert_nonnull (help);
  /* Where it is, once laid out. */
  haven_test_wait_for_frame (view);
  list = haven_test_find_class (GTK_WIDGET (view), "haven-explainer-list");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_compute_point (help, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (0, 0), &help_point));
  g_assert_true (gtk_widget_compute_point (list, GTK_WIDGET (view), &GRAPHENE_POINT_INIT (0, 0), &list_point));
  g_assert_cmpfloat (help_point.y, <, list_point.y);
  /* Below help come the pieces on that topic, though none says "suicide". */
  g_assert_true (results_contain (results, "supporting-a-friend"));

  gtk_editable_set_text (search_entry (view), "I want to hurt myself");
  {
    ResultWait wait = { results, "self-harm" };

    haven_test_wait_for (results_have, &wait, HAVEN_TEST_TIMEOUT_MS);
  }

  /* A search that finds nothing says so, and how to find more. */
  gtk_editable_set_text (search_entry (view), "zzqqxx");
  g_assert_nonnull (haven_test_wait_for_text (view, "No Explainers Found"));
  g_assert_nonnull (haven_test_find_text (GTK_WIDGET (view), "Try another word or topic"));

  /* A crisis search never ends on "No Explainers Found". */
  gtk_editable_set_text (search_entry (view), "wish I were dead");
  {
    ResultWait wait = { results, "supporting-a-friend" };

    haven_test_wait_for (results_have, &wait, HAVEN_TEST_TIMEOUT_MS);
  }
  g_assert_nonnull (haven_test_wait_for_text (view, "Get Help Now"));
  haven_test_wait_for_frame (view);
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), "No Explainers Found"));

  gtk_editable_set_text (search_entry (view), "");
  haven_test_wait_for_no_text (view, "Get Help Now");
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), "Get Help Now"));

  close_windows ();
}

static HavenExplainerReader *
reader_of (HavenExplainersView *view)
{
  return HAVEN_EXPLAINER_READER (find_widget (GTK_WIDGET (view), HAVEN_TYPE_EXPLAINER_READER));
}

static void
test_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  GListModel *results = haven_explainers_view_get_results (view);
  GtkToggleButton *save;
  g_auto(GStrv) saved = NULL;

  g_settings_reset (settings, "saved-explainers");
  haven_explainers_view_set_saved_only (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  haven_explainers_view_set_saved_only (view, FALSE);

  haven_explainers_view_open_explainer (view, "sleep");
  /* Save for Later is in the header bar while the piece is open. */
  save = save_button_of (window);
  haven_test_wait_for_mapped (save);
  g_assert_false (gtk_toggle_button_get_active (save));
  gtk_toggle_button_set_active (save, TRUE);

  saved = g_settings_get_strv (settings, "saved-explainers");
  g_assert_cmpstrv (saved, ((const char * const[]) { "sleep", NULL }));

  gtk_widget_activate_action (GTK_WIDGET (reader_of (view)), "reader.back", NULL);
  haven_explainers_view_set_saved_only (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_true (results_contain (results, "sleep"));

  /* Un-saving it empties the Saved filter. */
  haven_explainers_view_open_explainer (view, "sleep");
  g_assert_true (gtk_toggle_button_get_active (save));
  gtk_toggle_button_set_active (save, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  haven_explainers_view_set_saved_only (view, FALSE);
  close_windows ();
}

static gboolean
is_not_reading (gpointer view)
{
  return !haven_explainers_view_get_reading (view);
}

static void
test_content_note (void)
{
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  HavenFeed *feed = haven_explainers_view_get_feed (view);
  HavenExplainer *self_harm = haven_feed_lookup_explainer (feed, "self-harm");
  HavenExplainerReader *reader = reader_of (view);

  g_assert_true (haven_explainer_get_sensitive (self_harm));
  haven_explainers_view_open_explainer (view, "self-harm");
  g_assert_true (haven_explainer_reader_get_showing_note (reader));
  g_assert_nonnull (haven_test_wait_for_text (reader, haven_explainer_get_content_note (self_harm)));
  g_assert_nonnull (haven_test_wait_for_text (reader, "Continue Reading"));
  g_assert_nonnull (haven_test_wait_for_text (reader, "Go Back"));
  g_assert_nonnull (haven_test_wait_for_text (reader, "Get Help Now"));
  /* The piece itself is not on screen yet, once the note is laid out. */
  haven_test_wait_for_frame (reader);
  g_assert_null (haven_test_find_text (GTK_WIDGET (reader), "When to get urgent help"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (save_button_of (window))));

  /* Go Back returns to the list. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.back", NULL);
  haven_test_wait_for (is_not_reading, view, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (haven_explainers_view_get_reading (view));

  haven_explainers_view_open_explainer (view, "self-harm");
  g_assert_true (haven_explainer_reader_get_showing_note (reader));
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.continue", NULL);
  g_assert_false (haven_explainer_reader_get_showing_note (reader));
  g_assert_nonnull (haven_test_wait_for_text (reader, "When to get urgent help"));
  haven_test_wait_for_mapped (save_button_of (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (save_button_of (window))));
  /* It ends with the help call-out. */
  g_assert_nonnull (haven_test_wait_for_text (reader, "Talk to Someone"));
  g_assert_nonnull (haven_test_wait_for_text (reader, "Get Help Now"));

  /* A piece on no sensitive topic opens straight on its text. */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.back", NULL);
  haven_explainers_view_open_explainer (view, "sleep");
  g_assert_nonnull (haven_test_wait_for_text (reader, "Sleeping better"));
  g_assert_false (haven_explainer_get_sensitive (haven_feed_lookup_explainer (feed, "sleep")));
  g_assert_false (haven_explainer_reader_get_showing_note (reader));

  close_windows ();
}

static void
test_text_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  HavenExplainerReader *reader = reader_of (view);

  g_settings_reset (settings, "text-size");
  /* The main menu's text size works on an open explainer only. */
  gtk_widget_activate_action (GTK_WIDGET (window), "zoom.in", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 100);
  haven_explainers_view_open_explainer (view, "sleep");
  g_assert_nonnull (haven_test_find_label (header_of (window), "100%"));

  /* The window's actions, as Ctrl+Plus and the main menu use them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "zoom.in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "zoom.in", NULL));
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 120);
  g_assert_nonnull (haven_test_find_label (header_of (window), "120%"));
  g_assert_cmpint (haven_explainer_reader_get_text_size (reader), ==, 120);

  gtk_widget_activate_action (GTK_WIDGET (window), "zoom.out", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 110);
  gtk_widget_activate_action (GTK_WIDGET (window), "zoom.reset", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "text-size"), ==, 100);

  close_windows ();
}

typedef struct
{
  HavenExplainerReader *reader;
  HavenExplainer       *explainer;
} ReaderWait;

static gboolean
reader_shows (gpointer data)
{
  ReaderWait *wait = data;

  return haven_explainer_reader_get_explainer (wait->reader) == wait->explainer;
}

static void
test_feed_update_keeps_place (void)
{
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  HavenExplainerReader *reader = reader_of (view);
  g_autoptr(HavenFeed) same = bundled_feed ();
  g_autoptr(HavenFeed) without = feed_without_explainer ("sleep");

  haven_explainers_view_open_explainer (view, "sleep");
  haven_test_wait_for_mapped (reader);
  g_object_set (view, "feed", same, NULL);
  {
    ReaderWait wait = { reader, haven_feed_lookup_explainer (same, "sleep") };

    haven_test_wait_for (reader_shows, &wait, HAVEN_TEST_TIMEOUT_MS);
  }
  g_assert_true (haven_explainers_view_get_reading (view));
  g_assert_true (haven_explainer_reader_get_explainer (reader) == haven_feed_lookup_explainer (same, "sleep"));

  g_object_set (view, "feed", without, NULL);
  haven_test_wait_for (is_not_reading, view, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (haven_explainers_view_get_reading (view));
  g_assert_false (results_contain (haven_explainers_view_get_results (view), "sleep"));

  close_windows ();
}

/* The row that shows @explainer, if the list shows it. */
static GtkWidget *
list_item_for (GtkWidget      *list_view,
               HavenExplainer *explainer)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (HAVEN_IS_EXPLAINER_ROW (row) &&
        haven_explainer_row_get_explainer (HAVEN_EXPLAINER_ROW (row)) == explainer)
      return row;

  return NULL;
}

static guint
count_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (HAVEN_IS_EXPLAINER_ROW (row))
      n++;

  return n;
}

typedef struct
{
  GtkWidget      *list_view;
  guint           n_rows;
  HavenExplainer *explainer;
} ListWait;

static gboolean
has_n_rows (gpointer data)
{
  ListWait *wait = data;

  return count_rows (wait->list_view) == wait->n_rows;
}

static gboolean
has_more_rows (gpointer data)
{
  ListWait *wait = data;

  return count_rows (wait->list_view) > wait->n_rows;
}

static gboolean
focus_on_explainer (gpointer data)
{
  ListWait *wait = data;
  GtkWidget *item = list_item_for (wait->list_view, wait->explainer);

  return item != NULL && gtk_widget_has_focus (item);
}

static gboolean
shows_more (gpointer list_view)
{
  return haven_test_find_label (list_view, "Show More") != NULL;
}

/* A long list shows a page of results and ends in “Show More”, which
 * Enter on its list item (or a click) follows with the next page and
 * the focus on its first explainer; a new filter starts at the first
 * page again. */
static void
test_show_more (void)
{
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  g_autoptr(HavenFeed) feed = feed_with_explainer_copies (3, HAVEN_FEED_PARSE_FLAGS_NONE);
  g_autoptr(HavenFeed) five_copies = feed_with_explainer_copies (5, HAVEN_FEED_PARSE_FLAGS_NONE);
  GListModel *results = haven_explainers_view_get_results (view);
  GtkWidget *list_view;
  GtkWidget *more;
  GtkWidget *item;
  ListWait wait = { NULL, 0, NULL };
  guint n_all, page;
  g_autoptr(HavenExplainer) first_new = NULL;
  g_autoptr(HavenExplainer) last = NULL;

  /* A few more than a page (here ten: five copies of the bundled feed's
   * two anxiety explainers) show at once, without a row for so few. */
  list_view = haven_test_find_class (GTK_WIDGET (view), "haven-explainer-list");
  g_assert_nonnull (list_view);
  wait.list_view = list_view;
  g_object_set (view, "feed", five_copies, NULL);
  haven_explainers_view_set_topic (view, "anxiety");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);
  wait.n_rows = 10;
  haven_test_wait_for (has_n_rows, &wait, HAVEN_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_rows (list_view), ==, 10);
  g_assert_null (haven_test_find_label (list_view, "Show More"));
  haven_explainers_view_set_topic (view, NULL);

  g_object_set (view, "feed", feed, NULL);
  haven_test_wait_for (shows_more, list_view, HAVEN_TEST_TIMEOUT_MS);
  n_all = g_list_model_get_n_items (results);
  g_assert_cmpuint (n_all, ==, 42);

  /* The first page, then the row that shows more, with the count. */
  page = count_rows (list_view);
  g_assert_cmpuint (page, >=, 8);
  g_assert_cmpuint (page, <, n_all);
  more = gtk_widget_get_ancestor (haven_test_find_label (list_view, "Show More"), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (more);
  /* The last row. */
  g_assert_null (gtk_widget_get_next_sibling (more));
  g_assert_cmpuint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (more)), ==, page);
  {
    g_autofree char *count = g_strdup_printf ("%u of %u explainers shown", page, n_all);
    g_assert_nonnull (haven_test_find_label (list_view, count));
  }
  /* The first explainer of the next page is not in the list yet. */
  first_new = g_list_model_get_item (results, page);
  g_assert_null (list_item_for (list_view, first_new));

  /* Enter on “Show More”, as the keyboard does it. */
  haven_test_activate_row (more);
  wait.explainer = first_new;
  haven_test_wait_for (focus_on_explainer, &wait, HAVEN_TEST_TIMEOUT_MS);
  item = list_item_for (list_view, first_new);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_has_focus (item));
  g_assert_cmpuint (count_rows (list_view), ==, MIN (2 * page, n_all));

  /* Until the results run out; then the row goes. */
  while ((more = haven_test_find_label (list_view, "Show More")) != NULL)
    {
      wait.n_rows = count_rows (list_view);
      haven_test_activate_row (gtk_widget_get_ancestor (more, ADW_TYPE_ACTION_ROW));
      haven_test_wait_for (has_more_rows, &wait, HAVEN_TEST_TIMEOUT_MS);
    }
  g_assert_cmpuint (count_rows (list_view), ==, n_all);
  last = g_list_model_get_item (results, n_all - 1);
  g_assert_nonnull (list_item_for (list_view, last));

  /* A topic shows its first page again. */
  haven_explainers_view_set_topic (view, "anxiety");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 6);
  wait.n_rows = 6;
  haven_test_wait_for (has_n_rows, &wait, HAVEN_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_rows (list_view), ==, 6);
  g_assert_null (haven_test_find_label (list_view, "Show More"));
  haven_explainers_view_set_topic (view, NULL);
  wait.n_rows = page;
  haven_test_wait_for (has_n_rows, &wait, HAVEN_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_rows (list_view), ==, page);
  g_assert_nonnull (haven_test_find_label (list_view, "Show More"));

  close_windows ();
}

/* The rows on screen show @results in their order: title, subtitle
 * (topic, reading time, creator, language) and the title's direction as
 * a row made for the explainer alone has it. */
static void
assert_rows_show (GtkWidget  *list_view,
                  HavenFeed  *feed,
                  GListModel *results)
{
  guint n_results = g_list_model_get_n_items (results);
  guint i = 0;
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(HavenExplainer) expected = NULL;
      g_autoptr(GtkWidget) fresh = NULL;
      g_autofree char *subtitle = NULL;
      HavenTopic *topic;

      if (!HAVEN_IS_EXPLAINER_ROW (row))
        continue;
      g_assert_cmpuint (i, <, n_results);
      g_assert_true (gtk_widget_get_mapped (row));
      expected = g_list_model_get_item (results, i++);
      fresh = g_object_ref_sink (haven_explainer_row_new (feed, expected));
      topic = haven_feed_lookup_topic (feed, haven_explainer_get_topics (expected)[0]);
      subtitle = haven_byline_format_subtitle (expected, haven_topic_get_name (topic));
      g_assert_true (haven_explainer_row_get_explainer (HAVEN_EXPLAINER_ROW (row)) == expected);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       haven_explainer_get_title (expected));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
      g_assert_cmpint (gtk_widget_get_direction (haven_widget_find_label (row, "title")), ==,
                       gtk_widget_get_direction (haven_widget_find_label (fresh, "title")));
    }
  g_assert_cmpuint (i, >=, MIN (n_results, 1));
  /* What is not shown waits behind “Show More”. */
  if (i < n_results)
    g_assert_nonnull (haven_test_find_label (list_view, "Show More"));
  else
    g_assert_null (haven_test_find_label (list_view, "Show More"));
}

/* After each filter change the rows show the new results, in order, and
 * nothing of the results before. */
static void
test_rows_follow_filter (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window = open_window ();
  HavenExplainersView *view = explainers_view (window);
  HavenFeed *feed = haven_explainers_view_get_feed (view);
  GListModel *results = haven_explainers_view_get_results (view);
  GtkWidget *list_view = haven_test_find_class (GTK_WIDGET (view), "haven-explainer-list");
  g_autoptr(HavenExplainer) first = NULL;

  g_assert_nonnull (list_view);
  g_settings_reset (settings, "saved-explainers");
  haven_test_wait_for_frame (view);
  assert_rows_show (list_view, feed, results);
  first = g_list_model_get_item (results, 0);

  haven_explainers_view_set_topic (view, "anxiety");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  haven_test_wait_for_frame (view);
  assert_rows_show (list_view, feed, results);
  g_assert_null (list_item_for (list_view, first));
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), haven_explainer_get_title (first)));

  haven_explainers_view_set_topic (view, "getting-support");
  haven_test_wait_for_frame (view);
  assert_rows_show (list_view, feed, results);
  g_assert_null (haven_test_find_text (GTK_WIDGET (view), "Panic attacks"));

  /* Through an empty list and back. */
  haven_explainers_view_set_saved_only (view, TRUE);
  g_assert_nonnull (haven_test_wait_for_text (view, "No Saved Explainers"));
  haven_explainers_view_set_saved_only (view, FALSE);
  haven_test_wait_for_frame (view);
  assert_rows_show (list_view, feed, results);
  g_assert_nonnull (list_item_for (list_view, first));

  gtk_editable_set_text (search_entry (view), "sleep");
  {
    ResultWait wait = { results, "sleep" };

    haven_test_wait_for (results_have, &wait, HAVEN_TEST_TIMEOUT_MS);
  }
  haven_test_wait_for_frame (view);
  assert_rows_show (list_view, feed, results);
  gtk_editable_set_text (search_entry (view), "");

  close_windows ();
}

static void
assert_fits (GtkWidget  *widget,
             int         width,
             const char *what)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    g_error ("%s needs %d px, more than %d px", what, minimum, width);
}

/* Nothing on a campaign page or in the reader asks for more than 360 px. */
static void
test_narrow (void)
{
  HavenWindow *window = open_window ();
  HavenHomeView *home = HAVEN_HOME_VIEW (find_widget (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  HavenExplainersView *view;
  GListModel *campaigns = haven_feed_get_campaigns (haven_home_view_get_feed (home));

  assert_fits (GTK_WIDGET (home), 360, "Home");
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(HavenCampaign) campaign = g_list_model_get_item (campaigns, i);

      haven_home_view_open_campaign (home, haven_campaign_get_id (campaign));
      assert_fits (GTK_WIDGET (home), 360, haven_campaign_get_id (campaign));
    }

  view = explainers_view (window);
  assert_fits (GTK_WIDGET (view), 360, "the explainer list");
  haven_explainers_view_open_explainer (view, "self-harm");
  assert_fits (GTK_WIDGET (view), 360, "a content note");
  gtk_widget_activate_action (GTK_WIDGET (reader_of (view)), "reader.continue", NULL);
  assert_fits (GTK_WIDGET (view), 360, "an explainer");

  close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/home/badges", test_badges);
  g_test_add_func ("/home/cards", test_home_cards);
  g_test_add_func ("/home/hero-art", test_home_hero_art);
  g_test_add_func ("/home/campaign-chart", test_campaign_chart);
  g_test_add_func ("/explainers/topic-filter", test_topic_filter);
  g_test_add_func ("/explainers/search-and-crisis-callout", test_search_and_crisis_callout);
  g_test_add_func ("/explainers/saved", test_saved);
  g_test_add_func ("/explainers/content-note", test_content_note);
  g_test_add_func ("/explainers/text-size", test_text_size);
  g_test_add_func ("/explainers/feed-update", test_feed_update_keeps_place);
  g_test_add_func ("/explainers/show-more", test_show_more);
  g_test_add_func ("/explainers/rows-follow-filter", test_rows_follow_filter);
  g_test_add_func ("/reading/narrow", test_narrow);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
