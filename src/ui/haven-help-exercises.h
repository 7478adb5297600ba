/* haven-help-exercises.h: Get Help's calm exercises, breathing and grounding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_EXERCISES (haven_help_exercises_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpExercises, haven_help_exercises, HAVEN, HELP_EXERCISES, AdwBin)

typedef enum
{
  HAVEN_HELP_EXERCISE_NONE,
  HAVEN_HELP_EXERCISE_BREATHE,
  HAVEN_HELP_EXERCISE_GROUND,
} HavenHelpExercise;

void haven_help_exercises_show (HavenHelpExercises *self,
                                HavenHelpExercise   exercise);

G_END_DECLS
