/* haven-safety-plan-window.h: the reader's safety plan, to fill in and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-content.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_PLAN_WINDOW (haven_safety_plan_window_get_type ())

G_DECLARE_FINAL_TYPE (HavenSafetyPlanWindow, haven_safety_plan_window, HAVEN, SAFETY_PLAN_WINDOW, AdwApplicationWindow)

HavenSafetyPlanWindow *haven_safety_plan_window_new (GtkApplication *application,
                                                     HavenContent   *content);

G_END_DECLS
