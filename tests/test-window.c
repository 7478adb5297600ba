/* test-window.c: widget tests of the main window on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "haven-byline.h"
#include "haven-campaign-page.h"
#include "haven-creator-page.h"
#include "haven-explainer-reader.h"
#include "haven-explainer-row.h"
#include "haven-explainers-view.h"
#include "haven-help-view.h"
#include "haven-home-view.h"
#include "haven-topic.h"
#include "haven-test-widget.h"

/* One application for the whole run, as in the real program. */
static HavenApplication *app;

static gboolean
shows_help (gpointer window)
{
  return haven_window_get_view (window) == HAVEN_VIEW_HELP;
}

static void
test_window_opens_on_home (void)
{
  HavenWindow *window;

  window = haven_test_open_window (app);

  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HOME);

  haven_test_close_windows (app);
}

static void
test_get_help_now_button (void)
{
  HavenWindow *window;
  GtkWidget *button;

  window = haven_test_open_window (app);

  button = haven_test_find_button (GTK_WIDGET (window), "Get Help Now");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  haven_test_click (button);
  haven_test_wait_for (shows_help, window, HAVEN_TEST_TIMEOUT_MS);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);

  haven_test_close_windows (app);
}

static void
test_help_now_action_opens_window (void)
{
  HavenWindow *window;

  /* As `haven --help-now` and the desktop action do, with no window yet. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  window = haven_test_active_window (app);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);

  /* A second request reuses the window. */
  haven_window_show_view (window, HAVEN_VIEW_EXPLAINERS);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  g_assert_true (GTK_WINDOW (window) == gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);

  haven_test_close_windows (app);
}

static void
test_accelerators (void)
{
  g_auto(GStrv) help_now = NULL;
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) shortcuts = NULL;
  g_auto(GStrv) leave = NULL;

  help_now = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help-now");
  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  shortcuts = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  leave = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.leave-quickly");

  g_assert_cmpstr (help_now[0], ==, "F1");
  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (shortcuts[0], ==, "<Control>question");
  /* What the header bar's Leave Quickly names in its tooltip. */
  g_assert_cmpstr (leave[0], ==, "<Shift>Escape");

  for (const char * const *name = (const char * const[]) { "quit", "about", "shortcuts", "preferences", "help-now", "leave-quickly", NULL };
       *name != NULL; name++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), *name));
}

/* The window's surface has taken the size asked for. */
static gboolean
is_640_by_560 (gpointer window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return gdk_surface_get_width (surface) == 640 && gdk_surface_get_height (surface) == 560;
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  int width, height;

  window = haven_test_open_window (app);
  /* Resized, as by the reader, before closing. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  haven_test_wait_for (is_640_by_560, window, HAVEN_TEST_TIMEOUT_MS);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 560);

  window = haven_test_open_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 560);

  haven_test_close_windows (app);
}

static void
check_switcher_bar (int      width,
                    gboolean expect_bar)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  GtkWidget *bar;
  int minimum;

  g_settings_set (settings, "window-size", "(ii)", width, 720);
  window = haven_test_open_window (app);

  /* Nothing in any view may ask for more than the width it is given. */
  for (HavenView view = HAVEN_VIEW_HOME; view <= HAVEN_VIEW_HELP; view++)
    {
      haven_window_show_view (window, view);
      /* Get Help adds the lines after the first once it is idle. */
      haven_test_wait_for_quiet (window);
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("view %d: at least %d px", view, minimum);
      g_assert_cmpint (minimum, <=, width);
    }

  bar = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  g_assert_cmpint (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)), ==, expect_bar);

  haven_test_close_windows (app);
}

static void
test_adaptive_narrow (void)
{
  check_switcher_bar (360, TRUE);
}

/* As narrow as a phone: 360 px, its frame aside. */
static gboolean
is_360_wide (gpointer window)
{
  return gtk_widget_get_width (window) <= 360;
}

static gboolean
switcher_bar_settled (gpointer bar)
{
  GtkWidget *revealer = haven_test_find_type (bar, GTK_TYPE_REVEALER);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) ==
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

/* A window opened wide can be made as narrow as a phone, and back: the
 * view switcher moves from the header bar to the bottom and back. */
static void
test_adaptive_narrowed (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  GtkWidget *bar;

  g_settings_set (settings, "window-size", "(ii)", 1000, 720);
  window = haven_test_open_window (app);
  bar = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  haven_test_wait_for_frame (window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 720);
  /* Opened wide, nothing at the bottom slides away. */
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  haven_test_wait_for (is_360_wide, window, HAVEN_TEST_TIMEOUT_MS);
  haven_test_wait_for_quiet (window);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  haven_test_wait_for_quiet (window);
  haven_test_wait_for (switcher_bar_settled, bar, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  haven_test_wait_for_frame (window);
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 0);

  haven_test_close_windows (app);
}

static void
test_adaptive_wide (void)
{
  check_switcher_bar (1280, FALSE);
}

static gboolean
leaves_quickly (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "app.leave-quickly") == 0;
}

/* Leave Quickly in the header bar, on screen and whole, not scrolled. */
static void
assert_leave_quickly_shown (HavenWindow *window,
                            gboolean     named)
{
  GtkWidget *header = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *button;
  graphene_rect_t bounds;

  haven_test_wait_for_quiet (window);
  button = haven_test_find (header, leaves_quickly, NULL, TRUE);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.size.width, >=, 16);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "Shift+Esc"));
  g_assert_true ((haven_test_find_text (button, "Leave Quickly") != NULL) == named);
}

static void
check_leave_quickly (int      width,
                     gboolean named)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  GtkWidget *home, *explainers;

  g_settings_set (settings, "window-size", "(ii)", width, 720);
  window = haven_test_open_window (app);

  for (HavenView view = HAVEN_VIEW_HOME; view <= HAVEN_VIEW_HELP; view++)
    {
      haven_window_show_view (window, view);
      assert_leave_quickly_shown (window, named);
    }

  /* A campaign's page and an open explainer, far down the view. */
  haven_window_show_view (window, HAVEN_VIEW_HOME);
  home = haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW);
  haven_home_view_open_campaign (HAVEN_HOME_VIEW (home), "world-mental-health-day-2026");
  g_assert_cmpstr (haven_home_view_get_page (HAVEN_HOME_VIEW (home)), ==, "campaign");
  assert_leave_quickly_shown (window, named);

  haven_window_show_view (window, HAVEN_VIEW_EXPLAINERS);
  explainers = haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_EXPLAINERS_VIEW);
  haven_explainers_view_open_explainer (HAVEN_EXPLAINERS_VIEW (explainers), "sleep");
  g_assert_true (haven_explainers_view_get_reading (HAVEN_EXPLAINERS_VIEW (explainers)));
  assert_leave_quickly_shown (window, named);

  haven_test_close_windows (app);
}

static void
test_leave_quickly_wide (void)
{
  check_leave_quickly (1280, TRUE);
}

/* An icon at 360 px, which its tooltip and accessible name explain. */
static void
test_leave_quickly_narrow (void)
{
  check_leave_quickly (360, FALSE);
}

static gboolean
is_back_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "nav.back") == 0;
}

/* The header bar's back button, or NULL while it is not on screen. */
static GtkWidget *
header_back_button (HavenWindow *window)
{
  GtkWidget *header = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);

  haven_test_wait_for_quiet (window);

  return haven_test_find (header, is_back_button, NULL, TRUE);
}

/* A page below a view's first: Back in the header bar, with an icon that
 * says so and the name Back, and the page's title beside it. */
static GtkWidget *
assert_back_in_header (HavenWindow *window,
                       const char  *title)
{
  GtkWidget *header = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *back = header_back_button (window);

  g_assert_nonnull (back);
  g_assert_true (gtk_widget_is_ancestor (back, header));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_true (gtk_widget_is_sensitive (back));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (back)), ==, "go-previous-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (back), ==, "Back");
  if (title != NULL)
    g_assert_nonnull (haven_test_find_text (header, title));

  return back;
}

/* A byline's creator name leads to the creator's page from any view:
 * the Explainers view shows it, with Back and the name in the header. */
static void
test_creator_from_home (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  HavenHomeView *home;
  GtkWidget *campaign, *row, *reader, *byline, *name, *page;
  HavenPerson *creator;
  g_autofree char *by = NULL;

  g_settings_set (settings, "window-size", "(ii)", 1280, 800);
  window = haven_test_open_window (app);
  home = HAVEN_HOME_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  haven_home_view_open_campaign (home, "world-mental-health-day-2026");
  campaign = haven_test_find_type (GTK_WIDGET (home), HAVEN_TYPE_CAMPAIGN_PAGE);
  haven_test_wait_for_mapped (campaign);
  row = haven_test_find_type (campaign, HAVEN_TYPE_EXPLAINER_ROW);
  g_assert_nonnull (row);
  creator = haven_explainer_get_creator (haven_explainer_row_get_explainer (HAVEN_EXPLAINER_ROW (row)));
  haven_test_activate_row (row);

  reader = haven_test_find_type (GTK_WIDGET (home), HAVEN_TYPE_EXPLAINER_READER);
  haven_test_wait_for_mapped (reader);
  byline = haven_test_find_type (reader, HAVEN_TYPE_BYLINE);
  by = g_strdup_printf ("By %s", creator->name);
  name = haven_test_wait_for_text (byline, by);
  haven_test_click (gtk_widget_get_ancestor (name, GTK_TYPE_BUTTON));

  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_EXPLAINERS);
  page = haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_CREATOR_PAGE);
  haven_test_wait_for_mapped (page);
  g_assert_cmpstr (haven_creator_page_get_creator (HAVEN_CREATOR_PAGE (page)), ==, creator->name);
  g_assert_nonnull (haven_test_find_type (page, HAVEN_TYPE_EXPLAINER_ROW));

  /* Back leaves the creator's page for the Explainers list. */
  haven_test_click (assert_back_in_header (window, creator->name));
  haven_test_wait_for_quiet (window);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (header_back_button (window));

  haven_test_close_windows (app);
}

static const char *
help_page (HavenHelpView *help)
{
  GtkWidget *stack = haven_test_find_type (GTK_WIDGET (help), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Every page below a view's first has Back in the header bar, which leads
 * to the page before; a view's first page has none. */
static void
test_back_in_header (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  HavenHomeView *home;
  HavenHelpView *help;
  HavenExplainersView *explainers;
  const char *topic;

  g_settings_set (settings, "window-size", "(ii)", 1280, 800);
  window = haven_test_open_window (app);
  home = HAVEN_HOME_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HOME_VIEW));
  g_assert_null (header_back_button (window));

  /* A campaign's page. */
  haven_home_view_open_campaign (home, "world-mental-health-day-2026");
  haven_test_click (assert_back_in_header (window, "World Mental Health Day 2026"));
  g_assert_cmpstr (haven_home_view_get_page (home), ==, "campaigns");
  g_assert_null (header_back_button (window));

  /* Each step of Get Help after the first, and back through them. */
  haven_window_show_view (window, HAVEN_VIEW_HELP);
  help = HAVEN_HELP_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_HELP_VIEW));
  haven_test_wait_for_quiet (window);
  g_assert_null (header_back_button (window));
  gtk_widget_activate_action (GTK_WIDGET (help), "help.show-page", "s", "topic");
  g_assert_cmpstr (help_page (help), ==, "topic");
  assert_back_in_header (window, "Find the Right Support");
  topic = haven_topic_get_help_ids ()[0];
  gtk_widget_activate_action (GTK_WIDGET (help), "help.choose-topic", "s", topic);
  g_assert_cmpstr (help_page (help), ==, "reach");
  assert_back_in_header (window, "Find the Right Support");
  gtk_widget_activate_action (GTK_WIDGET (help), "help.choose-reach", "s", "call");
  g_assert_cmpstr (help_page (help), ==, "results");

  haven_test_click (assert_back_in_header (window, "Find the Right Support"));
  g_assert_cmpstr (help_page (help), ==, "reach");
  haven_test_click (assert_back_in_header (window, NULL));
  g_assert_cmpstr (help_page (help), ==, "topic");
  haven_test_click (assert_back_in_header (window, NULL));
  g_assert_cmpstr (help_page (help), ==, "help");
  g_assert_null (header_back_button (window));

  /* An explainer. */
  haven_window_show_view (window, HAVEN_VIEW_EXPLAINERS);
  explainers = HAVEN_EXPLAINERS_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_EXPLAINERS_VIEW));
  haven_explainers_view_open_explainer (explainers, "sleep");
  haven_test_click (assert_back_in_header (window, NULL));
  g_assert_false (haven_explainers_view_get_reading (explainers));
  g_assert_null (header_back_button (window));

  /* Back goes back with the focus anywhere, as Alt+Left and Escape do. */
  haven_window_show_view (window, HAVEN_VIEW_HOME);
  haven_home_view_open_campaign (home, "world-mental-health-day-2026");
  assert_back_in_header (window, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "nav.back", NULL));
  g_assert_cmpstr (haven_home_view_get_page (home), ==, "campaigns");

  haven_test_close_windows (app);
}

static gboolean
is_tab (GtkWidget     *widget,
        gconstpointer  name)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && haven_test_find_label (widget, name) != NULL;
}

static gboolean
is_search_toggle (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "system-search-symbolic") == 0;
}

static gboolean
is_search_entry (gpointer entry)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* The Explainers tab clicked, the focus stays on the tab: Ctrl+F still
 * opens the search and focuses its entry, and typing goes to it. */
static void
test_search_after_tab_click (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HavenWindow *window;
  HavenExplainersView *explainers;
  GtkSearchBar *bar;
  GtkWidget *header, *tab, *entry;

  g_settings_set (settings, "window-size", "(ii)", 1280, 800);
  window = haven_test_open_window (app);
  header = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  haven_test_wait_for_quiet (window);
  tab = haven_test_find (header, is_tab, "Explainers", TRUE);
  g_assert_nonnull (tab);
  haven_test_click (tab);
  gtk_widget_grab_focus (tab);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_EXPLAINERS);

  explainers = HAVEN_EXPLAINERS_VIEW (haven_test_find_type (GTK_WIDGET (window), HAVEN_TYPE_EXPLAINERS_VIEW));
  bar = haven_explainers_view_get_search_bar (explainers);
  entry = haven_test_find_type (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY);
  /* Typing anywhere in the window searches while the list is shown. */
  g_assert_true (gtk_search_bar_get_key_capture_widget (bar) == GTK_WIDGET (window));

  /* As Ctrl+F does, from the focused tab. */
  g_assert_true (gtk_widget_activate_action (tab, "nav.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  haven_test_wait_for (is_search_entry, entry, HAVEN_TEST_TIMEOUT_MS);
  g_assert_true (is_search_entry (entry));

  /* The search toggle in the header bar shows it open. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (haven_test_find (header, is_search_toggle, NULL, TRUE))));

  haven_test_close_windows (app);
}

static gboolean
is_hide_message_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Hide Message") == 0;
}

static gboolean
revealer_child_revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static gboolean
revealer_child_hidden (gpointer revealer)
{
  return !gtk_revealer_get_child_revealed (revealer);
}

static gboolean
window_has_status (gpointer window)
{
  return haven_window_get_status (window) != NULL;
}

/* The feed address is a closed port: Haven keeps showing what it has and
 * says so calmly, with the detail on request.
 */
/* Where the page is in the window, and how tall. */
static void
get_page_area (HavenWindow     *window,
               graphene_rect_t *area)
{
  GtkWidget *stack = haven_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  g_assert_true (gtk_widget_compute_bounds (stack, GTK_WIDGET (window), area));
}

static void
test_offline_status (void)
{
  HavenWindow *window;
  GtkWidget *revealer;
  GtkWidget *details;
  GtkWidget *hide;
  graphene_rect_t shown, hidden;

  window = haven_test_open_window (app);
  g_assert_nonnull (haven_content_get_feed (haven_application_get_content (app)));
  /* Earlier tests quit, which cancels an update; Ctrl+R starts one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);

  haven_test_wait_for (window_has_status, window, HAVEN_TEST_TIMEOUT_MS);
  g_assert_true (g_str_has_prefix (haven_window_get_status (window),
                                   "Offline. Showing content from "));

  revealer = haven_test_wait_for_text (window, haven_window_get_status (window));
  revealer = gtk_widget_get_ancestor (revealer, GTK_TYPE_REVEALER);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  details = haven_test_find_label (GTK_WIDGET (window), "Details");
  g_assert_nonnull (details);
  details = gtk_widget_get_ancestor (details, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_get_visible (details));
  /* One name for a screen reader, from its label: not "_Details Details". */
  g_assert_null (gtk_button_get_label (GTK_BUTTON (details)));

  /* Details say in plain words what happened, never the error's own text. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (details), TRUE);
  haven_test_wait_for_text (window, "Haven couldn’t get new content from its server, so it is "
                                    "showing the content it already has. It tries again on its "
                                    "own: there is nothing you need to do.");
  g_assert_null (haven_test_find_label (GTK_WIDGET (window),
                                        haven_content_get_status_detail (haven_application_get_content (app))));

  /* The views still show content. */
  g_assert_true (haven_content_get_feed (haven_application_get_content (app)) != NULL);

  /* It covers the end of the page, so the reader can put it away; shown
   * or gone, it never moves the page under the reader. */
  haven_test_wait_for (revealer_child_revealed, revealer, HAVEN_TEST_TIMEOUT_MS);
  haven_test_wait_for_frame (window);
  get_page_area (window, &shown);
  hide = haven_test_find (GTK_WIDGET (window), is_hide_message_button, NULL, TRUE);
  g_assert_nonnull (hide);
  haven_test_click (hide);
  g_assert_null (haven_window_get_status (window));
  haven_test_wait_for (revealer_child_hidden, revealer, HAVEN_TEST_TIMEOUT_MS);
  haven_test_wait_for_frame (window);
  get_page_area (window, &hidden);
  g_assert_true (graphene_rect_equal (&shown, &hidden));
  haven_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);

  /* With HAVEN_LOCALEDIR, the window is built in the language LANG names
   * (tests/meson.build measures the narrow window once per translation).
   * gtk_test_init() chose a fixed locale; take the reader's back. */
  if (g_getenv ("HAVEN_LOCALEDIR") != NULL)
    {
      g_assert_nonnull (setlocale (LC_ALL, ""));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HAVEN_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_widget_set_default_direction (gtk_get_locale_direction ());
      /* Never a silent pass in English. */
      g_assert_cmpstr (_("Get Help Now"), !=, "Get Help Now");
    }
  /* GNOME's default title-bar buttons, rather than GTK's fallback of three. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = haven_test_application_new ();

  g_test_add_func ("/window/opens-on-home", test_window_opens_on_home);
  g_test_add_func ("/window/get-help-now-button", test_get_help_now_button);
  g_test_add_func ("/window/help-now-action", test_help_now_action_opens_window);
  g_test_add_func ("/window/accelerators", test_accelerators);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/adaptive-narrow", test_adaptive_narrow);
  g_test_add_func ("/window/adaptive-wide", test_adaptive_wide);
  g_test_add_func ("/window/adaptive-narrowed", test_adaptive_narrowed);
  g_test_add_func ("/window/leave-quickly-wide", test_leave_quickly_wide);
  g_test_add_func ("/window/leave-quickly-narrow", test_leave_quickly_narrow);
  g_test_add_func ("/window/back-in-header", test_back_in_header);
  g_test_add_func ("/window/creator-from-home", test_creator_from_home);
  g_test_add_func ("/window/search-after-tab-click", test_search_after_tab_click);
  g_test_add_func ("/window/offline-status", test_offline_status);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
