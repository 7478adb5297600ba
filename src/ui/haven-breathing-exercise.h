/* haven-breathing-exercise.h: paced breathing, with a circle and words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_BREATHING_EXERCISE (haven_breathing_exercise_get_type ())

G_DECLARE_FINAL_TYPE (HavenBreathingExercise, haven_breathing_exercise, HAVEN, BREATHING_EXERCISE, GtkWidget)

gboolean haven_breathing_exercise_get_running  (HavenBreathingExercise *self);
void     haven_breathing_exercise_set_running  (HavenBreathingExercise *self,
                                                gboolean                running);
guint    haven_breathing_exercise_get_pace     (HavenBreathingExercise *self);
void     haven_breathing_exercise_set_pace     (HavenBreathingExercise *self,
                                                guint                   pace);
gboolean haven_breathing_exercise_get_animated (HavenBreathingExercise *self);
void     haven_breathing_exercise_set_manual_time (HavenBreathingExercise *self,
                                                   gboolean                manual);
void     haven_breathing_exercise_step         (HavenBreathingExercise *self,
                                                double                  seconds);

G_END_DECLS
