/* haven-help-reach-step.h: Get Help's optional question "How would you like to reach out?"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_REACH_STEP (haven_help_reach_step_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpReachStep, haven_help_reach_step, HAVEN, HELP_REACH_STEP, AdwBin)

void haven_help_reach_step_focus (HavenHelpReachStep *self);

G_END_DECLS
