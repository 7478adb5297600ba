/* haven-bench.c: Haven as the start-up benchmarks run it
 *
 * The real application, from the same libraries as the installed one, with
 * the first-frame report on its main window: the benchmark hook lives here,
 * not in the shipped binary. Not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "first-frame.h"
#include "haven-application.h"
#include "haven-help-view.h"

static GtkWidget *
find_help_view (GtkWidget *widget)
{
  if (HAVEN_IS_HELP_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_help_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether Get Help's emergency number and first crisis line were in the frame. */
static char *
describe_first_frame (GtkWidget *widget)
{
  HavenWindow *window = HAVEN_WINDOW (widget);
  GtkWidget *help_view = find_help_view (widget);

  return g_strdup_printf ("help=%d",
                          haven_window_get_view (window) == HAVEN_VIEW_HELP &&
                          help_view != NULL &&
                          haven_help_view_shows_help (HAVEN_HELP_VIEW (help_view)));
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (HAVEN_IS_WINDOW (window))
    {
      g_signal_handlers_disconnect_by_func (app, window_added_cb, NULL);
      haven_bench_watch_first_frame (GTK_WIDGET (window), describe_first_frame);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HavenApplication) app = haven_application_new ();

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
