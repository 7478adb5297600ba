/* test-home.c: Home says what Haven is for and offers the safety plan and
 * the calm exercises one click away
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-safety-plan-window.h"
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

static gboolean
shows_help (gpointer window)
{
  return haven_window_get_view (window) == HAVEN_VIEW_HELP;
}

static GtkWidget *
home_row (HavenWindow *window,
          const char  *title)
{
  GtkWidget *row;

  haven_window_show_view (window, HAVEN_VIEW_HOME);
  haven_test_wait_for_text (window, "Support for hard days: crisis lines, calm reading and small steps that help.");
  row = haven_test_find (GTK_WIDGET (window), has_title, title, TRUE);
  g_assert_nonnull (row);

  return row;
}

static void
check_exercise (const char *row_title,
                const char *heading)
{
  HavenWindow *window = haven_test_open_window (app);

  /* A click on the row, as the pointer or Enter does it. */
  g_assert_true (gtk_widget_activate (home_row (window, row_title)));
  haven_test_wait_for (shows_help, window, HAVEN_TEST_TIMEOUT_MS);
  haven_test_wait_for_text (window, heading);

  haven_test_close_windows (app);
}

static void
test_breathe (void)
{
  check_exercise ("Breathe", "Breathe Slowly");
}

static void
test_grounding (void)
{
  check_exercise ("Grounding", "5-4-3-2-1 Grounding");
}

static gboolean
safety_plan_open (gpointer data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HAVEN_IS_SAFETY_PLAN_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;

  return FALSE;
}

static void
test_safety_plan (void)
{
  HavenWindow *window = haven_test_open_window (app);

  g_assert_true (gtk_widget_activate (home_row (window, "My Safety Plan")));
  haven_test_wait_for (safety_plan_open, NULL, HAVEN_TEST_TIMEOUT_MS);

  haven_test_close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/home/breathe", test_breathe);
  g_test_add_func ("/home/grounding", test_grounding);
  g_test_add_func ("/home/safety-plan", test_safety_plan);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
