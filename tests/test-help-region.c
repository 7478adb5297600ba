/* test-help-region.c: Get Help for a region the feed has no lines for, or
 * for none: help that works anywhere and the list of regions, in the page,
 * on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-content.h"
#include "haven-feed-parser.h"
#include "haven-help-view.h"
#include "haven-region-fallback.h"
#include "haven-region-list.h"
#include "haven-test-widget.h"

#define ANYWHERE "112 works from mobile phones in many countries."

typedef struct
{
  HavenFeed     *feed;
  GtkWidget     *window;
  HavenHelpView *view;
  HavenContent  *content;
} Fixture;

/* Get Help as the window shows it: its region bound to the content
 * service's, which remembers the reader's choice; `--region=@code`. With
 * no code, no region at all: none given, and none detected. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *code = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  fixture->feed = haven_feed_load_bundled (&error);
  g_assert_no_error (error);
  fixture->content = haven_content_new (NULL);
  fixture->window = gtk_window_new ();
  fixture->view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));

  /* No choice remembered from the test before. */
  g_settings_set_string (settings, "region", "");
  if (code != NULL)
    {
      haven_content_set_region_override (fixture->content, code);
      g_object_bind_property (fixture->content, "region", fixture->view, "region",
                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
    }
  haven_help_view_set_feed (fixture->view, fixture->feed);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->content);
  g_clear_object (&fixture->feed);
}

static HavenRegionFallback *
wait_for_fallback (Fixture *fixture)
{
  GtkWidget *fallback = haven_test_find_type (GTK_WIDGET (fixture->view), HAVEN_TYPE_REGION_FALLBACK);

  g_assert_nonnull (fallback);
  haven_test_wait_for_mapped (fallback);

  return HAVEN_REGION_FALLBACK (fallback);
}

/* The titles of the rows the fallback's list shows, joined by commas. */
static char *
dup_rows (HavenRegionFallback *fallback)
{
  GtkWidget *list = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_LIST_BOX);
  GString *titles = g_string_new (NULL);
  GtkListBoxRow *row;

  if (!gtk_widget_get_mapped (list))
    return g_string_free (titles, FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "," : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (titles, FALSE);
}

typedef struct
{
  HavenRegionFallback *fallback;
  const char          *rows;
} RowsWait;

static gboolean
rows_are (gpointer data)
{
  RowsWait *wait = data;
  g_autofree char *rows = dup_rows (wait->fallback);

  return g_strcmp0 (rows, wait->rows) == 0;
}

#define wait_for_rows(fallback, expected) G_STMT_START {                          \
    RowsWait wait_ = { (fallback), (expected) };                                  \
    haven_test_wait_for_at (HAVEN_TEST_HERE, rows_are, &wait_, HAVEN_TEST_TIMEOUT_MS, \
                            "the region list to show only %s", (expected));      \
  } G_STMT_END

static gboolean
says_could_not_tell (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), "could not tell") != NULL;
}

static guint
n_rows (HavenRegionFallback *fallback)
{
  g_autofree char *rows = dup_rows (fallback);
  g_auto(GStrv) titles = g_strsplit (rows, ",", -1);

  return rows[0] != '\0' ? g_strv_length (titles) : 0;
}

/* `--region=XZ`, a code the feed has no region for: Get Help names it and
 * says it has no lines for it yet, never that it could not tell where the
 * reader is; it shows what works anywhere, the feed's directory of
 * helplines, and every region of the feed to choose from, in the page. */
static void
test_unknown_region (Fixture       *fixture,
                     gconstpointer  data)
{
  HavenRegionFallback *fallback = wait_for_fallback (fixture);
  HavenLink *directory = haven_feed_get_directory (fixture->feed);
  GtkWidget *link, *search;
  guint n_regions = g_list_model_get_n_items (haven_feed_get_regions (fixture->feed));

  haven_test_wait_for_text (fixture->view, "Haven has no crisis lines for XZ yet");
  haven_test_wait_for_text (fixture->view, "If you or someone else is in danger now, call your local emergency number.");
  haven_test_wait_for_text (fixture->view, ANYWHERE);
  g_assert_null (haven_test_find (GTK_WIDGET (fixture->view), says_could_not_tell, NULL, FALSE));
  /* The list is in the page, not behind a button. */
  g_assert_null (haven_test_find_text (GTK_WIDGET (fixture->view), "Change Region"));
  g_assert_null (haven_test_find_text (GTK_WIDGET (fixture->view), "Choose Your Country or Region"));

  /* The directory is the feed's, as the feed names it. */
  g_assert_nonnull (directory);
  link = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_LINK_BUTTON);
  g_assert_nonnull (link);
  haven_test_wait_for_mapped (link);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, directory->url);
  haven_test_wait_for_text (link, directory->title);

  search = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_SEARCH_ENTRY);
  haven_test_wait_for_mapped (search);
  g_assert_cmpuint (n_rows (fallback), ==, n_regions);
  g_assert_cmpuint (n_regions, >, 50);
}

/* Nothing given and nothing detected: a gentle question, no region named. */
static void
test_no_region (Fixture       *fixture,
                gconstpointer  data)
{
  wait_for_fallback (fixture);
  haven_test_wait_for_text (fixture->view, "Choose Your Country or Region");
  haven_test_wait_for_text (fixture->view, ANYWHERE);
  g_assert_null (haven_test_find (GTK_WIDGET (fixture->view), says_could_not_tell, NULL, FALSE));
}

/* Typing narrows the list as the reader types: by name, in any case, or by
 * the region's code; a name that matches nothing says so. */
static void
test_typing_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  HavenRegionFallback *fallback = wait_for_fallback (fixture);
  GtkWidget *search = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_SEARCH_ENTRY);

  haven_test_wait_for_mapped (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "NORW");
  wait_for_rows (fallback, "Norway");

  gtk_editable_set_text (GTK_EDITABLE (search), "zealand");
  wait_for_rows (fallback, "New Zealand");

  gtk_editable_set_text (GTK_EDITABLE (search), "xyzzy");
  haven_test_wait_for_text (fallback, "No country or region matches. Try its name in another form, or call your local emergency number.");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  haven_test_wait_for_no_text (fallback, "No country or region matches. Try its name in another form, or call your local emergency number.");
  g_assert_cmpuint (n_rows (fallback), ==, g_list_model_get_n_items (haven_feed_get_regions (fixture->feed)));
}

static void
assert_chosen (Fixture    *fixture,
               const char *code)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;

  g_assert_cmpstr (haven_help_view_get_region (fixture->view), ==, code);
  /* Remembered as the reader's own choice, through the content service. */
  g_assert_cmpstr (haven_content_get_region (fixture->content), ==, code);
  saved = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved, ==, code);
}

/* Enter in the search takes the first match: Get Help then shows that
 * region's emergency numbers, and the fallback leaves. */
static void
test_enter_chooses (Fixture       *fixture,
                    gconstpointer  data)
{
  HavenRegionFallback *fallback = wait_for_fallback (fixture);
  GtkWidget *search = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_SEARCH_ENTRY);

  haven_test_wait_for_mapped (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "norw");
  g_signal_emit_by_name (search, "activate");

  /* In Norway 113 is the medical emergency number. */
  haven_test_wait_for_text (fixture->view, "113");
  haven_test_wait_for_text (fixture->view, "Norway");
  haven_test_wait_for_no_text (fixture->view, ANYWHERE);
  assert_chosen (fixture, "NO");
}

/* Down from the search, or Tab, leads into the rows; Enter on a row
 * chooses it. */
static void
test_keyboard_into_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  HavenRegionFallback *fallback = wait_for_fallback (fixture);
  GtkWidget *search = haven_test_find_type (GTK_WIDGET (fallback), GTK_TYPE_SEARCH_ENTRY);
  GtkEventController *keys = NULL;
  GListModel *controllers;
  GtkWidget *focus;
  gboolean handled = FALSE;

  haven_test_wait_for_mapped (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "zealand");
  wait_for_rows (fallback, "New Zealand");

  /* Tab. */
  gtk_widget_grab_focus (search);
  g_assert_true (gtk_widget_child_focus (fixture->window, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (ADW_IS_ACTION_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "New Zealand");

  /* Down, as the search's key handler receives it. */
  gtk_widget_grab_focus (search);
  controllers = gtk_widget_observe_controllers (search);
  for (guint i = 0; keys == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_signal_handler_find (controller, G_SIGNAL_MATCH_UNBLOCKED, 0, 0, NULL, NULL, NULL) != 0)
        keys = controller;
    }
  g_object_unref (controllers);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (ADW_IS_ACTION_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "New Zealand");

  /* Enter on the row. */
  gtk_widget_activate (focus);
  haven_test_wait_for_text (fixture->view, "New Zealand");
  assert_chosen (fixture, "NZ");
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add ("/help-region/unknown-region", Fixture, "XZ",
              fixture_set_up, test_unknown_region, fixture_tear_down);
  g_test_add ("/help-region/no-region", Fixture, NULL,
              fixture_set_up, test_no_region, fixture_tear_down);
  g_test_add ("/help-region/typing-filters", Fixture, "XZ",
              fixture_set_up, test_typing_filters, fixture_tear_down);
  g_test_add ("/help-region/enter-chooses", Fixture, "XZ",
              fixture_set_up, test_enter_chooses, fixture_tear_down);
  g_test_add ("/help-region/keyboard-into-rows", Fixture, "XZ",
              fixture_set_up, test_keyboard_into_rows, fixture_tear_down);

  return g_test_run ();
}
