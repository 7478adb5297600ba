/* haven-help-exercises.c: Get Help's calm exercises, breathing and grounding
 *
 * One exercise at a time; the breathing exercise pauses when the reader
 * leaves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-exercises"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-breathing-exercise.h"
#include "haven-help-exercises.h"
#include "haven-widget-util.h"

struct _HavenHelpExercises
{
  AdwBin                  parent_instance;

  HavenBreathingExercise *breathing_exercise;
};

G_DEFINE_FINAL_TYPE (HavenHelpExercises, haven_help_exercises, ADW_TYPE_BIN)

static void
haven_help_exercises_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_HELP_EXERCISES);

  G_OBJECT_CLASS (haven_help_exercises_parent_class)->dispose (object);
}

static void
haven_help_exercises_class_init (HavenHelpExercisesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_exercises_dispose;

  g_type_ensure (HAVEN_TYPE_BREATHING_EXERCISE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-exercises.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpExercises, breathing_exercise);
}

static void
haven_help_exercises_init (HavenHelpExercises *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * haven_help_exercises_show:
 * @self: the exercises
 * @exercise: the exercise to show, or %HAVEN_HELP_EXERCISE_NONE when the
 *   reader leaves them
 *
 * Shows @exercise and moves the focus into it, so a screen reader reads
 * where it is.
 */
void
haven_help_exercises_show (HavenHelpExercises *self,
                           HavenHelpExercise   exercise)
{
  /* The stack is the bin's own child, so AdwBin, not the template, owns it. */
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  g_return_if_fail (HAVEN_IS_HELP_EXERCISES (self));

  /* Leaving the exercise pauses it; the reader starts it again. */
  if (exercise != HAVEN_HELP_EXERCISE_BREATHE)
    haven_breathing_exercise_set_running (self->breathing_exercise, FALSE);
  if (exercise == HAVEN_HELP_EXERCISE_NONE)
    return;

  haven_stack_show_only (stack, exercise == HAVEN_HELP_EXERCISE_BREATHE ? "breathe" : "ground");
}
