/* haven-help-reach-step.c: Get Help's optional question "How would you like to reach out?"
 *
 * The choices are rows of the template; each activates "help.choose-reach",
 * which the view that holds the step installs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-reach-step"

#include "config.h"

#include "haven-help-choice-row.h"
#include "haven-help-reach-step.h"

struct _HavenHelpReachStep
{
  AdwBin      parent_instance;

  GtkListBox *reach_list;
};

G_DEFINE_FINAL_TYPE (HavenHelpReachStep, haven_help_reach_step, ADW_TYPE_BIN)

static void
haven_help_reach_step_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_HELP_REACH_STEP);

  G_OBJECT_CLASS (haven_help_reach_step_parent_class)->dispose (object);
}

static void
haven_help_reach_step_class_init (HavenHelpReachStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_reach_step_dispose;

  g_type_ensure (HAVEN_TYPE_HELP_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-reach-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpReachStep, reach_list);
}

static void
haven_help_reach_step_init (HavenHelpReachStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Moves the focus to the first choice, so a screen reader reads where it is. */
void
haven_help_reach_step_focus (HavenHelpReachStep *self)
{
  g_return_if_fail (HAVEN_IS_HELP_REACH_STEP (self));

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->reach_list, 0)));
}
