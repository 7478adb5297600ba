/* haven-region.h: a country or territory, with its emergency numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-link.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_EMERGENCY_SERVICES (haven_emergency_services_get_type ())
#define HAVEN_TYPE_EMERGENCY_NUMBER   (haven_emergency_number_get_type ())
#define HAVEN_TYPE_REGION             (haven_region_get_type ())

/* The nicks are the feed's names for them. */
typedef enum
{
  HAVEN_EMERGENCY_SERVICES_GENERAL   = 1 << 0,
  HAVEN_EMERGENCY_SERVICES_POLICE    = 1 << 1,
  HAVEN_EMERGENCY_SERVICES_AMBULANCE = 1 << 2,
  HAVEN_EMERGENCY_SERVICES_FIRE      = 1 << 3,
  HAVEN_EMERGENCY_SERVICES_MEDICAL   = 1 << 4,
} HavenEmergencyServices;

/**
 * HavenEmergencyNumber:
 * @number: the number as written in the feed (digits, spaces and "-")
 * @services: what the number reaches
 *
 * Immutable and reference-counted.
 */
typedef struct _HavenEmergencyNumber HavenEmergencyNumber;

struct _HavenEmergencyNumber
{
  char                   *number;
  HavenEmergencyServices  services;
};

GType                 haven_emergency_services_get_type (void) G_GNUC_CONST;
GType                 haven_emergency_number_get_type   (void) G_GNUC_CONST;
HavenEmergencyNumber *haven_emergency_number_new        (const char             *number,
                                                         HavenEmergencyServices  services);
HavenEmergencyNumber *haven_emergency_number_ref        (HavenEmergencyNumber   *self);
void                  haven_emergency_number_unref      (HavenEmergencyNumber   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenEmergencyNumber, haven_emergency_number_unref)

G_DECLARE_FINAL_TYPE (HavenRegion, haven_region, HAVEN, REGION, GObject)

const char         *haven_region_get_code              (HavenRegion *self);
const char         *haven_region_get_name              (HavenRegion *self);
const char * const *haven_region_get_time_zones        (HavenRegion *self);
GPtrArray          *haven_region_get_emergency_numbers (HavenRegion *self);
const GDate        *haven_region_get_emergency_checked (HavenRegion *self);
HavenLink          *haven_region_get_emergency_source  (HavenRegion *self);
const char         *haven_region_get_note              (HavenRegion *self);

G_END_DECLS
