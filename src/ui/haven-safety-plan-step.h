/* haven-safety-plan-step.h: one step of the safety plan form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-safety-plan.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_PLAN_STEP (haven_safety_plan_step_get_type ())

G_DECLARE_FINAL_TYPE (HavenSafetyPlanStep, haven_safety_plan_step, HAVEN, SAFETY_PLAN_STEP, AdwBin)

HavenSafetyPlanSection haven_safety_plan_step_get_section (HavenSafetyPlanStep *self);
HavenSafetyPlan       *haven_safety_plan_step_get_plan    (HavenSafetyPlanStep *self);
void                   haven_safety_plan_step_set_plan    (HavenSafetyPlanStep *self,
                                                           HavenSafetyPlan     *plan);

G_END_DECLS
