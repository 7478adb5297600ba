/* haven-safety-plan-contact-row.h: one person or service of a safety plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-safety-plan-contact.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_PLAN_CONTACT_ROW (haven_safety_plan_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (HavenSafetyPlanContactRow, haven_safety_plan_contact_row, HAVEN, SAFETY_PLAN_CONTACT_ROW, AdwExpanderRow)

GtkWidget              *haven_safety_plan_contact_row_new         (HavenSafetyPlanContact    *contact);
HavenSafetyPlanContact *haven_safety_plan_contact_row_get_contact (HavenSafetyPlanContactRow *self);
void                    haven_safety_plan_contact_row_edit        (HavenSafetyPlanContactRow *self);

G_END_DECLS
