/* test-content.c: widget tests of campaigns over time, language marks and creators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-byline.h"
#include "haven-campaign-card.h"
#include "haven-creator-page.h"
#include "haven-explainer-row.h"
#include "haven-explainer-reader.h"
#include "haven-explainers-view.h"
#include "haven-feed-parser.h"
#include "haven-home-view.h"
#include "haven-test-widget.h"

static HavenApplication *app;

/* tests/content/example-creators.json: fictional creators, named as examples. */
static HavenFeed *
example_feed (const char *language)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", "example-creators.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { language, NULL };
  g_autofree char *contents = NULL;
  gsize length;
  HavenFeed *feed;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  feed = haven_feed_parse (bytes, languages, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  g_assert_no_error (error);

  return feed;
}

static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  id)
{
  return HAVEN_IS_CAMPAIGN_CARD (widget) &&
         g_strcmp0 (haven_campaign_get_id (haven_campaign_card_get_campaign (HAVEN_CAMPAIGN_CARD (widget))), id) == 0;
}

static GtkWidget *
flow_box_of (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_FLOW_BOX);
}

/* Once a campaign is over it moves below the current ones, under Past
 * Campaigns, with the dates it ran. */
static void
test_past_campaigns (void)
{
  HavenWindow *window = haven_test_open_window (app);
  HavenHomeView *home = HAVEN_HOME_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  GtkWidget *current_box, *card, *heading;
  g_autoptr(GDate) october = g_date_new_dmy (15, 10, 2026);
  g_autoptr(GDate) december = g_date_new_dmy (2, 12, 2026);

  haven_home_view_set_today (home, october);
  card = haven_test_find (GTK_WIDGET (home), is_card_of, "world-mental-health-day-2026", FALSE);
  g_assert_nonnull (card);
  current_box = flow_box_of (card);
  g_assert_nonnull (haven_test_wait_for_text (card, "Until 31 October"));
  haven_test_wait_for_no_text (home, "Past Campaigns");

  haven_home_view_set_today (home, december);
  heading = haven_test_wait_for_text (home, "Past Campaigns");
  card = haven_test_find (GTK_WIDGET (home), is_card_of, "world-mental-health-day-2026", FALSE);
  g_assert_nonnull (card);
  g_assert_true (flow_box_of (card) != current_box);
  g_assert_nonnull (haven_test_wait_for_text (card, "1–31 October 2026"));

  /* Below the heading, which is below every current card. */
  {
    graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), point;
    GtkWidget *running = haven_test_find (GTK_WIDGET (home), is_card_of, "online-pressure", FALSE);

    g_assert_true (flow_box_of (running) == current_box);
    haven_test_wait_for_mapped (card);
    haven_test_wait_for_frame (card);
    g_assert_true (gtk_widget_compute_point (heading, card, &top, &point));
    g_assert_cmpfloat (point.y, <, 0);
    g_assert_true (gtk_widget_compute_point (running, heading, &top, &point));
    g_assert_cmpfloat (point.y, <, 0);
  }

  haven_test_close_windows (app);
}

static HavenExplainersView *
explainers_with (HavenWindow *window,
                 HavenFeed   *feed)
{
  HavenExplainersView *view;

  haven_window_show_view (window, HAVEN_VIEW_EXPLAINERS);
  view = HAVEN_EXPLAINERS_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_EXPLAINERS_VIEW));
  haven_test_wait_for_mapped (view);
  g_object_set (view, "feed", feed, NULL);

  return view;
}

static gboolean
is_back_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0;
}

/* Every explainer names its creator, with their picture or initials and
 * role, and its reviewers with their credentials; the name leads to the
 * creator's other pieces. */
static void
test_byline_and_creator_page (void)
{
  HavenWindow *window = haven_test_open_window (app);
  g_autoptr(HavenFeed) feed = example_feed ("de");
  HavenExplainersView *view = explainers_with (window, feed);
  GtkWidget *reader, *byline, *name, *page, *row;
  AdwAvatar *avatar;

  haven_explainers_view_open_explainer (view, "example-piece-one");
  reader = haven_test_find_type (GTK_WIDGET (view), HAVEN_TYPE_EXPLAINER_READER);
  g_assert_nonnull (haven_test_wait_for_text (reader, "Beispielbeitrag eins"));
  byline = haven_test_find_type (reader, HAVEN_TYPE_BYLINE);
  g_assert_nonnull (byline);
  avatar = haven_byline_get_avatar (HAVEN_BYLINE (byline));
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, "Example Creator");
  g_assert_true (adw_avatar_get_show_initials (avatar));
  g_assert_nonnull (haven_test_wait_for_text (byline, "Beispielrolle: Autorin"));
  g_assert_nonnull (haven_test_wait_for_text (reader, "Example Reviewer, Beispielqualifikation, Example Organisation"));
  /* Written in the reader's language: no mark. */
  haven_test_wait_for_no_text (reader, "In English");

  name = haven_test_wait_for_text (byline, "By Example Creator");
  name = gtk_widget_get_ancestor (name, GTK_TYPE_BUTTON);
  haven_test_click (name);

  page = haven_test_find_type (GTK_WIDGET (view), HAVEN_TYPE_CREATOR_PAGE);
  g_assert_nonnull (page);
  haven_test_wait_for_mapped (page);
  g_assert_cmpstr (haven_creator_page_get_creator (HAVEN_CREATOR_PAGE (page)), ==, "Example Creator");
  g_assert_cmpuint (g_list_model_get_n_items (haven_creator_page_get_pieces (HAVEN_CREATOR_PAGE (page))), ==, 2);
  g_assert_nonnull (haven_test_wait_for_text (page, "2 pieces"));
  g_assert_nonnull (haven_test_wait_for_text (page, "Beispielbeitrag eins"));
  row = haven_test_wait_for_text (page, "Example piece two");
  /* The list's subtitle: the topic, how long, who, in what role, and the
   * language of a piece the feed has only in another. */
  g_assert_nonnull (haven_test_wait_for_text (page, "Grief · 3-minute read · By Example Creator, Example role: writer · In English"));
  /* The creator page has no Back of its own: the header bar's leaves it. */
  g_assert_null (haven_test_find (page, is_back_button, NULL, FALSE));

  haven_test_activate_row (gtk_widget_get_ancestor (row, HAVEN_TYPE_EXPLAINER_ROW));
  g_assert_true (haven_test_wait_for_text (reader, "Example piece two") != NULL);
  g_assert_nonnull (haven_test_wait_for_text (reader, "In English"));

  /* Back goes to the creator's page it came from. */
  gtk_widget_activate_action (reader, "reader.back", NULL);
  haven_test_wait_for_mapped (page);

  haven_test_close_windows (app);
}

/* An English piece inside an Arabic interface reads left to right. */
static void
test_language_direction (void)
{
  HavenWindow *window = haven_test_open_window (app);
  g_autoptr(HavenFeed) feed = example_feed ("ar");
  HavenExplainersView *view = explainers_with (window, feed);
  GtkWidget *reader, *title;

  haven_explainers_view_open_explainer (view, "example-piece-one");
  reader = haven_test_find_type (GTK_WIDGET (view), HAVEN_TYPE_EXPLAINER_READER);
  title = haven_test_wait_for_text (reader, "Example piece one");
  g_assert_nonnull (haven_test_wait_for_text (reader, "In English"));
  g_assert_cmpint (gtk_widget_get_direction (title), ==, GTK_TEXT_DIR_LTR);

  haven_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/content/past-campaigns", test_past_campaigns);
  g_test_add_func ("/content/byline-and-creator-page", test_byline_and_creator_page);
  g_test_add_func ("/content/language-direction", test_language_direction);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
