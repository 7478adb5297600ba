/* test-help-view.c: the Get Help view's region choice, its steps and
 * results, and phone numbers in a right-to-left window, on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-contact-row.h"
#include "haven-content.h"
#include "haven-feed-parser.h"
#include "haven-help-emergency-card.h"
#include "haven-help-region-chooser.h"
#include "haven-help-results.h"
#include "haven-help-view.h"
#include "haven-number-box.h"
#include "haven-region-fallback.h"
#include "haven-test-widget.h"
#include "haven-widget-util.h"

/* The names of the rows the region list shows, joined by commas. */
static char *
dup_region_rows (GtkListBox *list)
{
  GString *names = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (names, FALSE);
}

static gboolean
list_shows_only_france (gpointer list)
{
  g_autofree char *rows = dup_region_rows (list);

  return g_strcmp0 (rows, "France") == 0;
}

static void
on_region_chosen (HavenHelpRegionChooser *chooser,
                  HavenRegion            *region,
                  char                  **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (haven_region_get_code (region));
}

/* Typing narrows the list to the regions whose names hold the text, and
 * Enter chooses the first of them: the chooser says so and tells. */
static void
test_region_chooser_filters_and_enter_chooses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window = gtk_window_new ();
  HavenHelpRegionChooser *chooser = g_object_new (HAVEN_TYPE_HELP_REGION_CHOOSER, NULL);
  g_autofree char *chosen = NULL;
  g_autofree char *all = NULL;
  GtkWidget *button, *search, *list;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  haven_help_region_chooser_set_regions (chooser, haven_feed_get_regions (feed));
  haven_help_region_chooser_set_region (chooser, haven_feed_lookup_region (feed, "GB"));
  g_signal_connect (chooser, "region-chosen", G_CALLBACK (on_region_chosen), &chosen);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (haven_test_find_label (GTK_WIDGET (chooser), "United Kingdom"));

  button = haven_test_find_type (GTK_WIDGET (chooser), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = haven_test_find_type (button, GTK_TYPE_SEARCH_ENTRY);
  list = haven_test_find_type (button, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  /* Every region of the feed, by name. */
  all = dup_region_rows (GTK_LIST_BOX (list));
  g_assert_nonnull (strstr (all, "Germany,"));
  g_assert_nonnull (strstr (all, "United Kingdom"));

  gtk_editable_set_text (GTK_EDITABLE (search), "franc");
  haven_test_wait_for (list_shows_only_france, list, HAVEN_TEST_TIMEOUT_MS);

  gtk_editable_set_text (GTK_EDITABLE (search), "germ");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (chosen, ==, "DE");
  g_assert_cmpstr (haven_region_get_code (haven_help_region_chooser_get_region (chooser)), ==, "DE");
  g_assert_nonnull (haven_test_find_label (GTK_WIDGET (chooser), "Germany"));
  /* The search is cleared for next time. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a region the chooser shows the fallback, with the list in it,
 * not a button that hides the list. */
static void
test_region_chooser_unknown (void)
{
  HavenHelpRegionChooser *chooser = g_object_new (HAVEN_TYPE_HELP_REGION_CHOOSER, NULL);
  GtkWidget *fallback;

  g_object_ref_sink (chooser);
  fallback = haven_test_find_type (GTK_WIDGET (chooser), HAVEN_TYPE_REGION_FALLBACK);
  g_assert_nonnull (fallback);
  g_assert_true (gtk_widget_get_visible (fallback));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (haven_test_find_type (GTK_WIDGET (chooser), GTK_TYPE_MENU_BUTTON))));
  g_object_unref (chooser);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The view's "region" says what it shows: set, it shows that region; the
 * reader's choice sets it and says so. */
static void
test_region_property (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window = gtk_window_new ();
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  g_autofree char *region = NULL;
  guint notified = 0;
  GtkWidget *button, *search;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  haven_help_view_set_feed (view, feed);
  g_object_set (view, "region", "NO", NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_object_get (view, "region", &region, NULL);
  g_assert_cmpstr (region, ==, "NO");
  g_assert_nonnull (haven_test_find_label (GTK_WIDGET (view), "Norway"));

  g_signal_connect (view, "notify::region", G_CALLBACK (count_notify), &notified);
  button = haven_test_find_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = haven_test_find_type (button, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "spain");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (haven_help_view_get_region (view), ==, "ES");
  g_assert_nonnull (haven_test_find_label (GTK_WIDGET (view), "Spain"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return haven_test_find (root, is_row_titled, title, TRUE);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowQuery;

static gboolean
row_on_screen (gpointer data)
{
  RowQuery *query = data;

  return find_row (query->root, query->title) != NULL;
}

/* Until a choice titled @title is on screen below @root; that choice. */
static GtkWidget *
wait_for_row (GtkWidget  *root,
              const char *title)
{
  RowQuery query = { root, title };

  haven_test_wait_for (row_on_screen, &query, HAVEN_TEST_TIMEOUT_MS);

  return find_row (root, title);
}

static HavenHelpView *
help_view_new (GtkWidget  **window,
               HavenFeed   *feed,
               const char  *region)
{
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 640, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (view));
  haven_help_view_set_region (view, region);
  haven_help_view_set_feed (view, feed);
  gtk_window_present (GTK_WINDOW (*window));

  return view;
}

/* The calm exercises open from "While You Wait", one at a time, and Back
 * leads to the crisis lines again. */
static void
test_exercises (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window;
  HavenHelpView *view;

  g_assert_no_error (error);
  view = help_view_new (&window, feed, "GB");
  haven_test_wait_for_text (view, "United Kingdom");
  haven_test_wait_for_no_text (view, "Five things you can see");

  haven_test_activate_row (wait_for_row (GTK_WIDGET (view), "5-4-3-2-1 Grounding"));
  haven_test_wait_for_text (view, "Five things you can see");
  haven_test_wait_for_no_text (view, "United Kingdom");
  haven_test_wait_for_no_text (view, "Breathe in as the circle grows and out as it shrinks. Choose the pace that feels easiest, press Start, and keep going for as long as it helps.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "help.back", NULL));
  haven_test_wait_for_text (view, "United Kingdom");
  haven_test_wait_for_no_text (view, "Five things you can see");

  haven_test_activate_row (wait_for_row (GTK_WIDGET (view), "Breathe Slowly"));
  haven_test_wait_for_text (view, "Breathe in as the circle grows and out as it shrinks. Choose the pace that feels easiest, press Start, and keep going for as long as it helps.");
  haven_test_wait_for_no_text (view, "Five things you can see");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every row of the list that holds @row is a choice row. */
static void
assert_list_of_action_rows (GtkWidget *row)
{
  GtkListBoxRow *each;

  g_assert_nonnull (row);
  for (int i = 0; (each = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (row)), i)) != NULL; i++)
    {
      g_assert_true (ADW_IS_ACTION_ROW (each));
      g_assert_true (gtk_list_box_row_get_activatable (each));
      g_assert_nonnull (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (each)));
    }
}

/* Each step offers its choices as rows of a boxed list, and each row
 * leads to its step. */
static void
test_steps_are_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  const char * const first_page[] = {
    "My Safety Plan", "What’s Going On?", "How Would You Like to Reach Out?",
    "I’m Worried About Someone Else", "Breathe Slowly", "5-4-3-2-1 Grounding", NULL
  };
  GtkWidget *window;
  HavenHelpView *view;

  g_assert_no_error (error);
  view = help_view_new (&window, feed, "GB");
  for (guint i = 0; first_page[i] != NULL; i++)
    assert_list_of_action_rows (wait_for_row (GTK_WIDGET (view), first_page[i]));

  haven_test_activate_row (wait_for_row (GTK_WIDGET (view), "What’s Going On?"));
  haven_test_wait_for_text (view, "Skip This Question");
  for (const char * const *id = haven_topic_get_help_ids (); *id != NULL; id++)
    assert_list_of_action_rows (wait_for_row (GTK_WIDGET (view),
                                              haven_topic_get_name (haven_feed_lookup_topic (feed, *id))));

  haven_test_click (haven_test_find_button (GTK_WIDGET (view), "Skip This Question"));
  haven_test_wait_for_text (view, "Any Way Is Fine");
  assert_list_of_action_rows (wait_for_row (GTK_WIDGET (view), "Call"));
  g_assert_nonnull (find_row (GTK_WIDGET (view), "Text"));
  g_assert_nonnull (find_row (GTK_WIDGET (view), "Chat"));

  /* The reach row leads to the lines, first the ones that take calls. */
  haven_test_activate_row (find_row (GTK_WIDGET (view), "Call"));
  haven_test_wait_for_text (view, "Services for You");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
results_have_lines (gpointer view)
{
  GtkWidget *results = haven_test_find_type (view, HAVEN_TYPE_HELP_RESULTS);

  return results != NULL && gtk_widget_get_mapped (results) &&
         haven_help_results_get_n_contacts (HAVEN_HELP_RESULTS (results)) > 0;
}

/* Whether a line of @region covers @topic. */
static gboolean
region_has_topic (HavenFeed  *feed,
                  const char *region,
                  const char *topic)
{
  GListModel *contacts = haven_feed_get_contacts (feed);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (haven_contact_get_region (contact), region) == 0 &&
          haven_contact_has_topic (contact, topic))
        return TRUE;
    }

  return FALSE;
}

/* Every topic Get Help asks about leads to the region's lines, the ones
 * for that topic first: never to an empty page. */
static void
test_every_topic_leads_to_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window;
  HavenHelpView *view;

  g_assert_no_error (error);
  view = help_view_new (&window, feed, "GB");

  for (const char * const *id = haven_topic_get_help_ids (); *id != NULL; id++)
    {
      const char *name = haven_topic_get_name (haven_feed_lookup_topic (feed, *id));
      GtkWidget *results, *first;

      g_test_message ("topic %s", *id);
      haven_help_view_reset (view);
      haven_test_activate_row (wait_for_row (GTK_WIDGET (view), "What’s Going On?"));
      haven_test_activate_row (wait_for_row (GTK_WIDGET (view), name));
      haven_test_click (haven_test_wait_for_text (view, "Any Way Is Fine"));

      haven_test_wait_for_text (view, name);
      haven_test_wait_for (results_have_lines, view, HAVEN_TEST_TIMEOUT_MS);
      results = haven_test_find_type (GTK_WIDGET (view), HAVEN_TYPE_HELP_RESULTS);
      /* The emergency number stays on top. */
      g_assert_nonnull (haven_test_find_text (results, "999"));
      first = haven_test_find_type (results, HAVEN_TYPE_CONTACT_ROW);
      g_assert_nonnull (first);
      if (region_has_topic (feed, "GB", *id))
        g_assert_true (haven_contact_has_topic (haven_contact_row_get_contact (HAVEN_CONTACT_ROW (first)), *id));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "My Safety Plan" is offered below the first lines, and opens the plan
 * through the application's action, which offers to start one when there
 * is none. */
static void
test_safety_plan_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autoptr(GSimpleActionGroup) app_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) plan = g_simple_action_new ("safety-plan", NULL);
  g_autoptr(HavenTestSignal) opened = NULL;
  GtkWidget *window, *row;
  HavenHelpView *view;

  g_assert_no_error (error);
  g_action_map_add_action (G_ACTION_MAP (app_actions), G_ACTION (plan));
  opened = haven_test_signal_watch (plan, "activate");
  view = help_view_new (&window, feed, "GB");
  gtk_widget_insert_action_group (window, "app", G_ACTION_GROUP (app_actions));

  row = wait_for_row (GTK_WIDGET (view), "My Safety Plan");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "app.safety-plan");
  g_assert_cmpuint (haven_test_signal_count (opened), ==, 0);
  haven_test_activate_row (row);
  haven_test_wait_for_signal (opened);
  g_assert_cmpuint (haven_test_signal_count (opened), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A region Haven knows only emergency numbers for says so next to them, and
 * leads on to the feed's worldwide directory of helplines; a region with
 * lines shows no such link. */
static void
test_emergency_only_region (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  HavenLink *directory;
  HavenRegion *region;
  GtkWidget *window, *link, *note, *note_box;
  HavenHelpView *view;

  g_assert_no_error (error);
  directory = haven_feed_get_directory (feed);
  g_assert_nonnull (directory);
  region = haven_feed_lookup_region (feed, "TR");
  g_assert_nonnull (region);
  g_assert_nonnull (haven_region_get_note (region));

  view = help_view_new (&window, feed, "TR");
  note = haven_test_find_label (GTK_WIDGET (view), haven_region_get_note (region));
  g_assert_nonnull (note);
  haven_test_wait_for_visible (note);
  /* The link sits with the note, under the emergency number. */
  note_box = gtk_widget_get_parent (note);
  link = haven_test_find_type (note_box, GTK_TYPE_LINK_BUTTON);
  g_assert_nonnull (link);
  haven_test_wait_for_visible (link);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, directory->url);
  g_assert_nonnull (haven_test_find_label (link, directory->title));

  /* Great Britain has lines: no directory, no note. */
  haven_help_view_set_region (view, "GB");
  wait_for_row (GTK_WIDGET (view), "My Safety Plan");
  g_assert_false (gtk_widget_get_visible (note_box));
  g_assert_null (haven_test_find_type (note_box, GTK_TYPE_LINK_BUTTON));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The emergency card says when its numbers were checked, in the words a
 * crisis line uses for its own check: linked to the source when the feed
 * names one, and nothing at all when the feed gives no date. */
static void
test_emergency_card_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autoptr(HavenLink) source = haven_link_new ("Emergency numbers (example ministry)",
                                                "https://example.org/112?a=1&b=2");
  GDate checked;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_emergency_number_unref);
  g_autoptr(HavenRegion) sourced = NULL;
  g_autoptr(HavenRegion) undated = NULL;
  GtkWidget *window, *card, *label, *line, *standalone;
  HavenHelpView *view;

  g_assert_no_error (error);

  /* Turkey was checked with the second wave of regions. */
  view = help_view_new (&window, feed, "TR");
  card = haven_test_find_type (GTK_WIDGET (view), HAVEN_TYPE_HELP_EMERGENCY_CARD);
  g_assert_nonnull (card);
  label = haven_test_wait_for_text (card, "Checked 2 December 2026");
  /* Under the numbers, not above them. */
  g_assert_true (gtk_widget_get_prev_sibling (label) != NULL);
  g_assert_nonnull (haven_test_find_text (gtk_widget_get_prev_sibling (label), "112"));

  /* A crisis line says its check the same way. */
  haven_help_view_set_region (view, "GB");
  line = haven_test_wait_for_text (GTK_WIDGET (view), "Checked 25 November 2026 against www.samaritans.org");
  g_assert_true (HAVEN_IS_CONTACT_ROW (gtk_widget_get_ancestor (line, HAVEN_TYPE_CONTACT_ROW)));
  haven_test_wait_for_text (card, "Checked 25 November 2026");
  gtk_window_destroy (GTK_WINDOW (window));

  g_ptr_array_add (numbers, haven_emergency_number_new ("112", HAVEN_EMERGENCY_SERVICES_GENERAL));
  g_date_clear (&checked, 1);
  g_date_set_dmy (&checked, 1, G_DATE_DECEMBER, 2026);
  sourced = g_object_new (HAVEN_TYPE_REGION, "code", "XA", "name", "Example",
                          "emergency-numbers", numbers, "emergency-checked", &checked,
                          "emergency-source", source, NULL);
  undated = g_object_new (HAVEN_TYPE_REGION, "code", "XB", "name", "Example",
                          "emergency-numbers", numbers, NULL);

  window = gtk_window_new ();
  standalone = g_object_new (HAVEN_TYPE_HELP_EMERGENCY_CARD, NULL);
  gtk_window_set_child (GTK_WINDOW (window), standalone);
  haven_help_emergency_card_set_region (HAVEN_HELP_EMERGENCY_CARD (standalone), sourced);
  gtk_window_present (GTK_WINDOW (window));
  label = haven_test_wait_for_text (standalone, "Checked 1 December 2026 against Emergency numbers (example ministry)");
  /* The source is a link, its address kept whole. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)),
                            "<a href=\"https://example.org/112?a=1&amp;b=2\">"));

  haven_help_emergency_card_set_region (HAVEN_HELP_EMERGENCY_CARD (standalone), undated);
  haven_test_wait_for_frame (standalone);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_nonnull (haven_test_find_text (standalone, "112"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_choose_region_from_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HavenContent) content = haven_content_new (NULL);
  GtkWidget *window = gtk_window_new ();
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  GtkWidget *button, *search;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  /* As the window does: `--region=GB` for this run. */
  haven_content_set_region_override (content, "GB");
  g_object_bind_property (content, "region", view, "region",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  haven_help_view_set_feed (view, feed);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (haven_help_view_get_region (view), ==, "GB");

  button = haven_test_find_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = haven_test_find_type (button, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);

  gtk_editable_set_text (GTK_EDITABLE (search), "fran");
  g_signal_emit_by_name (search, "activate");

  g_assert_cmpstr (haven_help_view_get_region (view), ==, "FR");
  /* The reader's own choice is remembered, and beats --region. */
  g_assert_cmpstr (haven_content_get_region (content), ==, "FR");
  saved = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved, ==, "FR");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opened at a contact from the Shell's search, Get Help moves the focus to
 * that contact's card, even one that would only be added after the first
 * frame, and even before any frame. */
static void
test_show_contact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window = gtk_window_new ();
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  GtkWidget *focus;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  haven_help_view_set_region (view, "GB");
  haven_help_view_set_feed (view, feed);
  gtk_window_present (GTK_WINDOW (window));

  haven_help_view_show_contact (view, "gb-beat");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, HAVEN_TYPE_CONTACT_ROW);
  g_assert_nonnull (focus);
  g_assert_cmpstr (haven_contact_get_id (haven_contact_row_get_contact (HAVEN_CONTACT_ROW (focus))), ==, "gb-beat");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @label draws the "116" of 116 123 left of its "123". */
static gboolean
number_in_order (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle first, second;

  g_assert_nonnull (strstr (text, "116"));
  pango_layout_index_to_pos (layout, strstr (text, "116") - text, &first);
  pango_layout_index_to_pos (layout, strstr (text, "123") - text, &second);

  return first.x < second.x;
}

/* “Call %s from any phone”, in Arabic. */
#define CALL_FROM_ANY_PHONE "اتصل بالرقم %s من أي هاتف"

/* In Arabic the window is mirrored, but a phone number never is: alone, or
 * inside a sentence, 116 123 is drawn as 116 123, not 123 116. */
static void
test_numbers_left_to_right (void)
{
  g_autofree char *ltr_number = haven_ltr_isolate ("116 123");
  g_autofree char *isolated = g_strdup_printf (CALL_FROM_ANY_PHONE, ltr_number);
  g_autofree char *plain = g_strdup_printf (CALL_FROM_ANY_PHONE, "116 123");
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *in_sentence;
  GtkWidget *unprotected;
  GtkLabel *alone;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), haven_number_box_new ("116 123", NULL, "tel:116123", FALSE, NULL));
  in_sentence = gtk_label_new (isolated);
  unprotected = gtk_label_new (plain);
  gtk_box_append (GTK_BOX (box), in_sentence);
  gtk_box_append (GTK_BOX (box), unprotected);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  haven_test_wait_for_frame (window);

  /* Without the isolate the bidirectional algorithm does reorder it. */
  g_assert_false (number_in_order (GTK_LABEL (unprotected)));
  g_assert_true (number_in_order (GTK_LABEL (in_sentence)));

  alone = GTK_LABEL (haven_test_find_label (box, "116 123"));
  g_assert_nonnull (alone);
  g_assert_true (number_in_order (alone));
  /* At the start of the line, which is the right in a mirrored window. */
  g_assert_cmpfloat (gtk_label_get_xalign (alone), ==, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add_func ("/help-view/choose-region-from-search", test_choose_region_from_search);
  g_test_add_func ("/help-view/show-contact", test_show_contact);
  g_test_add_func ("/help-view/region-property", test_region_property);
  g_test_add_func ("/help-view/exercises", test_exercises);
  g_test_add_func ("/help-view/steps-are-rows", test_steps_are_rows);
  g_test_add_func ("/help-view/every-topic-leads-to-lines", test_every_topic_leads_to_lines);
  g_test_add_func ("/help-view/safety-plan-row", test_safety_plan_row);
  g_test_add_func ("/help-view/emergency-only-region", test_emergency_only_region);
  g_test_add_func ("/help-view/emergency-card-checked", test_emergency_card_checked);
  g_test_add_func ("/help-region-chooser/filters-and-enter-chooses", test_region_chooser_filters_and_enter_chooses);
  g_test_add_func ("/help-region-chooser/unknown", test_region_chooser_unknown);
  g_test_add_func ("/help-view/numbers-left-to-right", test_numbers_left_to_right);

  return g_test_run ();
}
