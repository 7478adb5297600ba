/* test-breathing.c: the breathing exercise starts, paces, pauses and keeps
 * still when the reader asks for less motion
 *
 * Time moves with haven_breathing_exercise_step(), never with a sleep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-breathing-circle.h"
#include "haven-breathing-exercise.h"
#include "haven-test-widget.h"

typedef struct
{
  GtkWidget              *window;
  HavenBreathingExercise *exercise;
  GSettings              *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "reduce-motion");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  fixture->window = gtk_window_new ();
  fixture->exercise = g_object_new (HAVEN_TYPE_BREATHING_EXERCISE, NULL);
  haven_breathing_exercise_set_manual_time (fixture->exercise, TRUE);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->exercise));
  gtk_window_present (GTK_WINDOW (fixture->window));
  haven_test_wait_for_mapped (fixture->exercise);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_settings_reset (fixture->settings, "reduce-motion");
  g_clear_object (&fixture->settings);
}

static GtkWidget *
circle_of (Fixture *fixture)
{
  return haven_test_find_type (GTK_WIDGET (fixture->exercise), HAVEN_TYPE_BREATHING_CIRCLE);
}

static void
test_start_and_count (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->exercise);
  GtkWidget *button;
  double empty;

  haven_test_wait_for_text (root, "Press Start when you are ready");
  button = haven_test_wait_for_text (root, "_Start");
  empty = haven_breathing_circle_get_fullness (HAVEN_BREATHING_CIRCLE (circle_of (fixture)));

  haven_test_click (button);
  g_assert_true (haven_breathing_exercise_get_running (fixture->exercise));
  g_assert_true (haven_breathing_exercise_get_animated (fixture->exercise));
  haven_test_wait_for_text (root, "Breathe in · 4");
  haven_test_wait_for_text (root, "_Pause");

  /* The default pace is Calm: in for four, out for six. */
  haven_breathing_exercise_step (fixture->exercise, 1.5);
  haven_test_wait_for_text (root, "Breathe in · 3");
  g_assert_cmpfloat (haven_breathing_circle_get_fullness (HAVEN_BREATHING_CIRCLE (circle_of (fixture))), >, empty);

  haven_breathing_exercise_step (fixture->exercise, 2.5);
  haven_test_wait_for_text (root, "Breathe out · 6");
  haven_breathing_exercise_step (fixture->exercise, 5.5);
  haven_test_wait_for_text (root, "Breathe out · 1");
  haven_breathing_exercise_step (fixture->exercise, 0.5);
  haven_test_wait_for_text (root, "Breathe in · 4");
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->exercise);

  haven_test_click (haven_test_wait_for_text (root, "_Start"));
  haven_breathing_exercise_step (fixture->exercise, 1.0);
  haven_test_click (haven_test_wait_for_text (root, "_Pause"));

  g_assert_false (haven_breathing_exercise_get_running (fixture->exercise));
  g_assert_false (haven_breathing_exercise_get_animated (fixture->exercise));
  haven_test_wait_for_text (root, "Paused · Breathe in");

  /* Time passing does not move a paused exercise. */
  haven_breathing_exercise_step (fixture->exercise, 10.0);
  haven_test_wait_for_text (root, "Paused · Breathe in");

  haven_test_click (haven_test_wait_for_text (root, "_Start"));
  haven_test_wait_for_text (root, "Breathe in · 3");
}

static void
test_pace (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->exercise);
  AdwComboRow *row = ADW_COMBO_ROW (haven_test_find_type (root, ADW_TYPE_COMBO_ROW));

  /* Gentle 4-4, as the reader picks it in the Pace row. */
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpuint (haven_breathing_exercise_get_pace (fixture->exercise), ==, 0);

  haven_test_click (haven_test_wait_for_text (root, "_Start"));
  haven_breathing_exercise_step (fixture->exercise, 4.0);
  haven_test_wait_for_text (root, "Breathe out · 4");

  /* Slow 5-5: a new pace starts a new breath. */
  adw_combo_row_set_selected (row, 2);
  haven_test_wait_for_text (root, "Breathe in · 5");
  haven_breathing_exercise_step (fixture->exercise, 4.5);
  haven_test_wait_for_text (root, "Breathe in · 1");
  haven_breathing_exercise_step (fixture->exercise, 0.5);
  haven_test_wait_for_text (root, "Breathe out · 5");
}

static void
check_still (Fixture *fixture)
{
  GtkWidget *root = GTK_WIDGET (fixture->exercise);

  haven_test_click (haven_test_wait_for_text (root, "_Start"));
  g_assert_true (haven_breathing_exercise_get_running (fixture->exercise));
  g_assert_false (haven_breathing_exercise_get_animated (fixture->exercise));
  haven_test_wait_for_frame (root);
  g_assert_false (gtk_widget_get_mapped (circle_of (fixture)));

  /* The words still pace the breaths. */
  haven_test_wait_for_text (root, "Breathe in · 4");
  haven_breathing_exercise_step (fixture->exercise, 4.0);
  haven_test_wait_for_text (root, "Breathe out · 6");
}

static void
test_system_reduced_motion (Fixture       *fixture,
                            gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  check_still (fixture);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static void
test_haven_reduce_motion (Fixture       *fixture,
                          gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "reduce-motion", TRUE);
  check_still (fixture);

  /* Turned off while it runs, the circle comes back and moves. */
  g_settings_set_boolean (fixture->settings, "reduce-motion", FALSE);
  haven_test_wait_for_mapped (circle_of (fixture));
  g_assert_true (haven_breathing_exercise_get_animated (fixture->exercise));
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add ("/breathing/start-and-count", Fixture, NULL, fixture_set_up, test_start_and_count, fixture_tear_down);
  g_test_add ("/breathing/pause", Fixture, NULL, fixture_set_up, test_pause, fixture_tear_down);
  g_test_add ("/breathing/pace", Fixture, NULL, fixture_set_up, test_pace, fixture_tear_down);
  g_test_add ("/breathing/still-with-system-reduced-motion", Fixture, NULL, fixture_set_up,
              test_system_reduced_motion, fixture_tear_down);
  g_test_add ("/breathing/still-with-haven-reduce-motion", Fixture, NULL, fixture_set_up,
              test_haven_reduce_motion, fixture_tear_down);

  return g_test_run ();
}
