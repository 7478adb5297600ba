/* bench-explainer-filter.c: filtering the explainer list of a feed 100x the bundled size
 *
 * Builds a feed with 100 copies of each bundled explainer (under new ids),
 * puts it in a real HavenExplainersView, and times what a reader does:
 * choosing a topic, going back to all topics, choosing Saved, searching,
 * and typing a search one key at a time. Each is timed from the change
 * until the frame that shows the new list has been painted (filtering,
 * binding rows, measuring and laying them out, drawing), and that is held
 * against one frame at 60 Hz (16 ms). CPU time of this thread; the wall
 * time is printed too.
 *
 *   bench-explainer-filter [ROUNDS]    (default and most: 7; fewer for profiling)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <adwaita.h>

#include "explainer-copies.h"
#include "haven-explainers-view.h"
#include "haven-feed-parser.h"
#include "haven-feed-url.h"

#define FACTOR   100
#define N_ROUNDS 7
#define FRAME_MS 16.0

/* CPU time of this thread, in milliseconds: what other processes do on a
 * shared machine does not count, nor does waiting for the frame clock. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef void (*Step) (HavenExplainersView *view);

static void
step_topic (HavenExplainersView *view)
{
  haven_explainers_view_set_topic (view, "anxiety");
}

static void
step_all (HavenExplainersView *view)
{
  haven_explainers_view_set_topic (view, NULL);
}

static void
step_saved (HavenExplainersView *view)
{
  haven_explainers_view_set_saved_only (view, TRUE);
}

static GtkEditable *
find_entry (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return GTK_EDITABLE (child);
      if ((found = find_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
count_cb (GtkSearchEntry *entry,
          guint          *count)
{
  (*count)++;
}

/* Types @text into the search entry as a reader would: a text that goes
 * on from what is there is typed on at its end, any other replaces it.
 * The entry's own delay before it reports a search is left out: this
 * times the update the report starts, and there is one report, as
 * there is for a reader. */
static void
search_for (HavenExplainersView *view,
            const char          *text)
{
  GtkEditable *entry = find_entry (GTK_WIDGET (view));
  const char *current = gtk_editable_get_text (entry);
  guint reports = 0;
  gulong id;

  id = g_signal_connect (entry, "search-changed", G_CALLBACK (count_cb), &reports);
  if (*current != '\0' && g_str_has_prefix (text, current))
    {
      int position = -1;

      gtk_editable_insert_text (entry, text + strlen (current), -1, &position);
    }
  else
    gtk_editable_set_text (entry, text);
  /* An emptied entry reports at once; one with text after its delay. */
  if (reports == 0)
    g_signal_emit_by_name (entry, "search-changed");
  g_signal_handler_disconnect (entry, id);
}

static void
step_search (HavenExplainersView *view)
{
  search_for (view, "panic");
}

static void
step_clear_search (HavenExplainersView *view)
{
  search_for (view, "");
}

/* Typing “panic” one key at a time, as the search entry reports it. */
static const char *typed[] = { "p", "pa", "pan", "pani", "panic" };
static guint n_typed;

static void
step_type_key (HavenExplainersView *view)
{
  search_for (view, typed[n_typed++]);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
settled_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while: whatever the last change left to do
 * happens here, untimed, and the next change does not wait for the frame
 * clock's pacing. */
static void
settle (void)
{
  gboolean settled = FALSE;

  g_timeout_add (50, settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

/* Returns the time from @step until the next frame has been painted:
 * what a reader waits for before seeing the new list. @update gets the
 * synchronous part alone (filtering, and the list view rebinding rows);
 * @wall the wall time to the painted frame. */
static double
timed (Step                 step,
       HavenExplainersView *view,
       double              *update,
       double              *wall)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  gboolean painted = FALSE;
  gint64 wall_start = g_get_monotonic_time ();
  double start = now_ms ();
  double frame;
  gulong id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  step (view);
  *update = now_ms () - start;
  /* Every step changes the list, which asks for a frame; this only makes
   * sure one comes even if a step did not. */
  gtk_widget_queue_draw (GTK_WIDGET (view));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  frame = now_ms () - start;
  *wall = (g_get_monotonic_time () - wall_start) / 1000.0;
  g_signal_handler_disconnect (clock, id);
  settle ();

  return frame;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  /* Each filter, timed from the full list, and the way back to it. */
  static const struct { const char *name; Step step; Step back; } steps[] = {
    { "choose a topic", step_topic, step_all },
    { "choose Saved", step_saved, step_all },
    { "search “panic”", step_search, step_clear_search },
  };
  g_autoptr(HavenFeed) feed = NULL;
  HavenExplainersView *view;
  GtkWidget *window;
  double worst = 0.0;
  double keys[G_N_ELEMENTS (typed)][N_ROUNDS], keys_wall[G_N_ELEMENTS (typed)][N_ROUNDS];
  double clear[N_ROUNDS], update_unused, wall_unused;
  guint n_rounds = argc > 1 ? CLAMP (atoi (argv[1]), 1, N_ROUNDS) : N_ROUNDS;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  feed = feed_with_explainer_copies (FACTOR, HAVEN_FEED_PARSE_FLAGS_UNLIMITED);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  view = g_object_new (HAVEN_TYPE_EXPLAINERS_VIEW, "feed", feed, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  g_print ("Filtering %u explainers (%ux the bundled feed), median of %u rounds,\n"
           "CPU time until the new list is painted (wall time, synchronous part alone):\n",
           g_list_model_get_n_items (haven_feed_get_explainers (feed)), FACTOR, n_rounds);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      double there[N_ROUNDS], back[N_ROUNDS], there_update[N_ROUNDS], back_update[N_ROUNDS];
      double there_wall[N_ROUNDS], back_wall[N_ROUNDS];
      double there_ms, back_ms;
      guint shown = 0;

      for (guint r = 0; r < n_rounds; r++)
        {
          there[r] = timed (steps[s].step, view, &there_update[r], &there_wall[r]);
          shown = g_list_model_get_n_items (haven_explainers_view_get_results (view));
          back[r] = timed (steps[s].back, view, &back_update[r], &back_wall[r]);
        }
      there_ms = median (there, n_rounds);
      back_ms = median (back, n_rounds);
      g_print ("  %s%*s %7.2f ms (%7.2f, %6.2f) %4u shown; back to all: %7.2f ms (%7.2f, %6.2f)\n",
               steps[s].name, 18 - (int) g_utf8_strlen (steps[s].name, -1), "", there_ms, median (there_wall, n_rounds), median (there_update, n_rounds),
               shown, back_ms, median (back_wall, n_rounds), median (back_update, n_rounds));
      worst = MAX (worst, MAX (there_ms, back_ms));
    }

  for (guint r = 0; r < n_rounds; r++)
    {
      n_typed = 0;
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        keys[k][r] = timed (step_type_key, view, &update_unused, &keys_wall[k][r]);
      clear[r] = timed (step_clear_search, view, &update_unused, &wall_unused);
    }
  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    {
      guint shown;
      double ms = median (keys[k], n_rounds);

      search_for (view, typed[k]);
      shown = g_list_model_get_n_items (haven_explainers_view_get_results (view));
      g_print ("  type “%s”%*s %7.2f ms (%7.2f)         %4u shown\n", typed[k],
               12 - (int) strlen (typed[k]), "",
               ms, median (keys_wall[k], n_rounds), shown);
      worst = MAX (worst, ms);
    }
  g_print ("  clear the search   %7.2f ms\n", median (clear, n_rounds));
  worst = MAX (worst, median (clear, n_rounds));

  g_print ("Slowest update: %.2f ms against a frame of %.0f ms: %s\n", worst, FRAME_MS,
           worst < FRAME_MS ? "within a frame" : "OVER A FRAME");

  gtk_window_destroy (GTK_WINDOW (window));

  return worst < FRAME_MS ? 0 : 1;
}
