/* haven-safety-plan-contact.h: a person or service in a safety plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_PLAN_CONTACT (haven_safety_plan_contact_get_type ())

/* Unlike the feed's objects this one is editable: the reader types into it. */
G_DECLARE_FINAL_TYPE (HavenSafetyPlanContact, haven_safety_plan_contact, HAVEN, SAFETY_PLAN_CONTACT, GObject)

HavenSafetyPlanContact *haven_safety_plan_contact_new        (const char             *name,
                                                              const char             *number);
const char             *haven_safety_plan_contact_get_name   (HavenSafetyPlanContact *self);
void                    haven_safety_plan_contact_set_name   (HavenSafetyPlanContact *self,
                                                              const char             *name);
const char             *haven_safety_plan_contact_get_number (HavenSafetyPlanContact *self);
void                    haven_safety_plan_contact_set_number (HavenSafetyPlanContact *self,
                                                              const char             *number);

G_END_DECLS
