/* test-preferences.c: the Preferences window, on real widgets, changes
 * what the reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "haven-preferences-window.h"
#include "haven-test-widget.h"

/* One application for the whole run, as in the real program. */
static HavenApplication *app;

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_row (HavenPreferencesWindow *preferences,
          const char             *title)
{
  GtkWidget *row = haven_test_find (GTK_WIDGET (preferences), has_title, title, FALSE);

  g_assert_nonnull (row);
  return row;
}

static HavenPreferencesWindow *
open_preferences (void)
{
  HavenPreferencesWindow *preferences = NULL;

  haven_test_open_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HAVEN_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  haven_test_wait_for_mapped (preferences);

  return preferences;
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_style (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  HavenPreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (find_row (preferences, "Style"));

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  adw_combo_row_set_selected (row, 1);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  haven_test_close_windows (app);
}

/* Text Size grows the text of every window, the main one too. */
static void
test_text_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenPreferencesWindow *preferences = open_preferences ();
  GtkWidget *main_window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (preferences)));
  AdwComboRow *row = ADW_COMBO_ROW (find_row (preferences, "Text Size"));
  GtkWidget *label = haven_test_find_label (main_window, "Get Help Now");
  int normal;

  g_assert_nonnull (label);
  normal = pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (label)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (gtk_widget_has_css_class (main_window, "haven-text-large"));

  adw_combo_row_set_selected (row, 1);
  assert_setting (settings, "interface-text-size", "large");
  g_assert_true (gtk_widget_has_css_class (main_window, "haven-text-large"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (preferences), "haven-text-large"));
  haven_test_wait_for_frame (main_window);

  g_assert_cmpint (pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (label))),
                   >, normal);

  adw_combo_row_set_selected (row, 2);
  g_assert_true (gtk_widget_has_css_class (main_window, "haven-text-larger"));
  g_assert_false (gtk_widget_has_css_class (main_window, "haven-text-large"));

  g_settings_reset (settings, "interface-text-size");
  g_assert_false (gtk_widget_has_css_class (main_window, "haven-text-larger"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  haven_test_close_windows (app);
}

static void
check_switch_row (const char *title,
                  const char *key)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenPreferencesWindow *preferences = open_preferences ();
  GtkWidget *row = find_row (preferences, title);
  GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  /* Off unless the reader turns it on. */
  g_assert_false (g_settings_get_boolean (settings, key));
  g_assert_true (GTK_IS_SWITCH (toggle));

  /* The whole row turns the switch, as a click or Space on it does; the
   * switch may slide over first. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  haven_test_wait_for_property (toggle, "active", TRUE, NULL);
  g_assert_true (g_settings_get_boolean (settings, key));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  haven_test_wait_for_property (toggle, "active", FALSE, NULL);
  g_assert_false (g_settings_get_boolean (settings, key));

  haven_test_close_windows (app);
}

static void
test_reduce_motion (void)
{
  check_switch_row ("Reduce _Motion", "reduce-motion");
}

static void
test_metered (void)
{
  check_switch_row ("Update Content on _Metered Connections", "update-on-metered");
}

/* Region lists Automatic and the feed's regions; a choice is the content
 * service's region, and Automatic follows the system again. */
static void
test_region (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenContent *content = haven_application_get_content (app);
  HavenPreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (find_row (preferences, "Region"));
  GListModel *names = adw_combo_row_get_model (row);
  GListModel *regions = haven_feed_get_regions (haven_content_get_feed (content));
  g_autoptr(HavenRegion) second = g_list_model_get_item (regions, 1);

  g_assert_cmpuint (g_list_model_get_n_items (names), ==, g_list_model_get_n_items (regions) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Automatic");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, haven_region_get_name (second));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (haven_content_get_region (content), ==, haven_region_get_code (second));
  assert_setting (settings, "region", haven_region_get_code (second));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Whose crisis lines and emergency numbers Haven shows");

  adw_combo_row_set_selected (row, 0);
  assert_setting (settings, "region", "");
  /* The tests' environment names no region Haven knows. */
  if (haven_content_get_region (content) == NULL)
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "Haven could not tell where you are: choose your region");
  else
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ", detected from your "));

  haven_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/preferences/style", test_style);
  g_test_add_func ("/preferences/text-size", test_text_size);
  g_test_add_func ("/preferences/reduce-motion", test_reduce_motion);
  g_test_add_func ("/preferences/metered", test_metered);
  g_test_add_func ("/preferences/region", test_region);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
