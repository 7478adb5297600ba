/* haven-safety-plan.h: the reader's personal safety plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"
#include "haven-safety-plan-contact.h"

G_BEGIN_DECLS

/* A safety plan has the six steps of the Stanley-Brown Safety Planning
 * Intervention plus reasons for living. Five sections are free text; two
 * (people to ask for help, professionals and services) are lists of
 * HavenSafetyPlanContact. Unlike the feed's model the plan is editable, and
 * it emits HavenSafetyPlan::changed after every edit so that it can be saved.
 *
 * The document format is a GKeyFile (UTF-8, no GTK, no JSON in the model):
 *
 *   [Safety Plan]
 *   Version=1
 *   WarningSigns=…            (one string; new lines escaped as \n)
 *   Coping=…
 *   PeopleAndPlaces=…
 *   SaferSurroundings=…
 *   ReasonsForLiving=…
 *
 *   [Helper 1]                (one group per person, in order)
 *   Name=…
 *   Number=…
 *
 *   [Professional 1]          (one group per professional or service)
 *   Name=…
 *   Number=…
 *
 * Missing keys read as empty; unknown keys and groups are ignored; a Version
 * other than 1, a missing [Safety Plan] group or text that is not UTF-8 make
 * the document invalid (HAVEN_SAFETY_PLAN_ERROR).
 */

#define HAVEN_SAFETY_PLAN_ERROR   (haven_safety_plan_error_quark ())
#define HAVEN_TYPE_SAFETY_PLAN    (haven_safety_plan_get_type ())
#define HAVEN_TYPE_SAFETY_PLAN_SECTION (haven_safety_plan_section_get_type ())

typedef enum
{
  HAVEN_SAFETY_PLAN_ERROR_INVALID,
  HAVEN_SAFETY_PLAN_ERROR_NEWER_VERSION,
} HavenSafetyPlanError;

/* In the order a plan is read and printed. */
typedef enum
{
  HAVEN_SAFETY_PLAN_WARNING_SIGNS,
  HAVEN_SAFETY_PLAN_COPING,
  HAVEN_SAFETY_PLAN_PEOPLE_AND_PLACES,
  HAVEN_SAFETY_PLAN_HELPERS,
  HAVEN_SAFETY_PLAN_PROFESSIONALS,
  HAVEN_SAFETY_PLAN_SAFER_SURROUNDINGS,
  HAVEN_SAFETY_PLAN_REASONS_FOR_LIVING,
  HAVEN_SAFETY_PLAN_N_SECTIONS
} HavenSafetyPlanSection;

GQuark            haven_safety_plan_error_quark        (void);
/* For a widget's section property, named in a .ui file by nick. */
GType             haven_safety_plan_section_get_type   (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (HavenSafetyPlan, haven_safety_plan, HAVEN, SAFETY_PLAN, GObject)

gboolean          haven_safety_plan_section_has_contacts (HavenSafetyPlanSection  section);
const char       *haven_safety_plan_section_get_title    (HavenSafetyPlanSection  section);
const char       *haven_safety_plan_section_get_prompt   (HavenSafetyPlanSection  section);
const char       *haven_safety_plan_section_get_printed_prompt (HavenSafetyPlanSection section);
const char       *haven_safety_plan_section_get_examples (HavenSafetyPlanSection  section);

HavenSafetyPlan  *haven_safety_plan_new                (void);
HavenSafetyPlan  *haven_safety_plan_new_from_data      (const char              *data,
                                                        gsize                    length,
                                                        GError                 **error);
char             *haven_safety_plan_to_data            (HavenSafetyPlan         *self,
                                                        gsize                   *length);
const char       *haven_safety_plan_get_text           (HavenSafetyPlan         *self,
                                                        HavenSafetyPlanSection   section);
void              haven_safety_plan_set_text           (HavenSafetyPlan         *self,
                                                        HavenSafetyPlanSection   section,
                                                        const char              *text);
GListStore       *haven_safety_plan_get_contacts       (HavenSafetyPlan         *self,
                                                        HavenSafetyPlanSection   section);
HavenSafetyPlanContact *
                  haven_safety_plan_add_contact        (HavenSafetyPlan         *self,
                                                        HavenSafetyPlanSection   section,
                                                        const char              *name,
                                                        const char              *number);
gboolean          haven_safety_plan_is_empty           (HavenSafetyPlan         *self);
guint             haven_safety_plan_add_suggestions    (HavenSafetyPlan         *self,
                                                        HavenFeed               *feed,
                                                        const char              *region_code);

G_END_DECLS
