/* test-help-view.c: the Get Help view's region choice, and phone numbers in
 * a right-to-left window, on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-contact-row.h"
#include "haven-content.h"
#include "haven-feed-parser.h"
#include "haven-help-region-chooser.h"
#include "haven-help-view.h"
#include "haven-number-box.h"
#include "haven-region-fallback.h"
#include "haven-widget-util.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is not among its children in every version. */
  if (GTK_IS_MENU_BUTTON (root))
    return find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))), type);

  return NULL;
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @done says so, for ten seconds at most. */
static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return done (data);
}

static GtkLabel *find_label (GtkWidget  *root,
                             const char *text);

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
  g_assert_nonnull (find_label (GTK_WIDGET (chooser), "Help for United Kingdom"));

  button = find_widget (GTK_WIDGET (chooser), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = find_widget (button, GTK_TYPE_SEARCH_ENTRY);
  list = find_widget (button, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  /* Every region of the feed, by name. */
  all = dup_region_rows (GTK_LIST_BOX (list));
  g_assert_nonnull (strstr (all, "Germany,"));
  g_assert_nonnull (strstr (all, "United Kingdom"));

  gtk_editable_set_text (GTK_EDITABLE (search), "franc");
  g_assert_true (iterate_until (list_shows_only_france, list));

  gtk_editable_set_text (GTK_EDITABLE (search), "germ");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (chosen, ==, "DE");
  g_assert_cmpstr (haven_region_get_code (haven_help_region_chooser_get_region (chooser)), ==, "DE");
  g_assert_nonnull (find_label (GTK_WIDGET (chooser), "Help for Germany"));
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
  fallback = find_widget (GTK_WIDGET (chooser), HAVEN_TYPE_REGION_FALLBACK);
  g_assert_nonnull (fallback);
  g_assert_true (gtk_widget_get_visible (fallback));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find_widget (GTK_WIDGET (chooser), GTK_TYPE_MENU_BUTTON))));
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
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Help for Norway"));

  g_signal_connect (view, "notify::region", G_CALLBACK (count_notify), &notified);
  button = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = find_widget (button, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "spain");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (haven_help_view_get_region (view), ==, "ES");
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Help for Spain"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_on_screen (GtkWidget  *root,
                 const char *text)
{
  GtkLabel *label = find_label (root, text);

  return label != NULL && gtk_widget_is_visible (GTK_WIDGET (label));
}

/* The calm exercises open from "While You Wait", one at a time, and Back
 * leads to the crisis lines again. */
static void
test_exercises (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window = gtk_window_new ();
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  haven_help_view_set_region (view, "GB");
  haven_help_view_set_feed (view, feed);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (label_on_screen (GTK_WIDGET (view), "Five things you can see"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "help.show-page", "s", "ground"));
  g_assert_true (label_on_screen (GTK_WIDGET (view), "Five things you can see"));
  g_assert_false (label_on_screen (GTK_WIDGET (view), "Help for United Kingdom"));
  g_assert_false (label_on_screen (GTK_WIDGET (view), "Breathe in as the circle grows and out as it shrinks: in for four seconds, out for six. Keep going for as long as it helps."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "help.back", NULL));
  g_assert_true (label_on_screen (GTK_WIDGET (view), "Help for United Kingdom"));
  g_assert_false (label_on_screen (GTK_WIDGET (view), "Five things you can see"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "help.show-page", "s", "breathe"));
  g_assert_true (label_on_screen (GTK_WIDGET (view), "Breathe in as the circle grows and out as it shrinks: in for four seconds, out for six. Keep going for as long as it helps."));
  g_assert_false (label_on_screen (GTK_WIDGET (view), "Five things you can see"));

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
  iterate ();
  g_assert_cmpstr (haven_help_view_get_region (view), ==, "GB");

  button = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  search = find_widget (button, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);

  gtk_editable_set_text (GTK_EDITABLE (search), "fran");
  iterate ();
  g_signal_emit_by_name (search, "activate");
  iterate ();

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

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
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
  iterate ();

  /* Without the isolate the bidirectional algorithm does reorder it. */
  g_assert_false (number_in_order (GTK_LABEL (unprotected)));
  g_assert_true (number_in_order (GTK_LABEL (in_sentence)));

  alone = find_label (box, "116 123");
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
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help-view/choose-region-from-search", test_choose_region_from_search);
  g_test_add_func ("/help-view/show-contact", test_show_contact);
  g_test_add_func ("/help-view/region-property", test_region_property);
  g_test_add_func ("/help-view/exercises", test_exercises);
  g_test_add_func ("/help-region-chooser/filters-and-enter-chooses", test_region_chooser_filters_and_enter_chooses);
  g_test_add_func ("/help-region-chooser/unknown", test_region_chooser_unknown);
  g_test_add_func ("/help-view/numbers-left-to-right", test_numbers_left_to_right);

  return g_test_run ();
}
