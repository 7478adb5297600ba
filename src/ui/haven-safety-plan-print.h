/* haven-safety-plan-print.h: the safety plan laid out on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "haven-safety-plan.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_PLAN_PRINT (haven_safety_plan_print_get_type ())

G_DECLARE_FINAL_TYPE (HavenSafetyPlanPrint, haven_safety_plan_print, HAVEN, SAFETY_PLAN_PRINT, GtkPrintOperation)

HavenSafetyPlanPrint *haven_safety_plan_print_new        (HavenSafetyPlan  *plan);
gboolean              haven_safety_plan_print_export_pdf (HavenSafetyPlan  *plan,
                                                          const char       *filename,
                                                          const char       *paper_name,
                                                          int              *n_pages,
                                                          GError          **error);

G_END_DECLS
