/* haven-opening-status.h: whether a service answers now, and until when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-hours.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CLOCK_FORMAT (haven_clock_format_get_type ())

/**
 * HavenClockFormat:
 * @HAVEN_CLOCK_FORMAT_LOCALE: as the reader's locale writes times
 * @HAVEN_CLOCK_FORMAT_24H: 22:00
 * @HAVEN_CLOCK_FORMAT_12H: 10:00 PM
 *
 * How times of day are written; the desktop's clock setting chooses.
 */
typedef enum
{
  HAVEN_CLOCK_FORMAT_LOCALE,
  HAVEN_CLOCK_FORMAT_24H,
  HAVEN_CLOCK_FORMAT_12H,
} HavenClockFormat;

GType           haven_clock_format_get_type  (void) G_GNUC_CONST;

HavenOpenState  haven_opening_status_compute (const HavenHours  *hours,
                                              const char        *time_zone,
                                              GDateTime         *now,
                                              GDateTime        **next_change);
char           *haven_opening_status_format  (const HavenHours  *hours,
                                              const char        *time_zone,
                                              GDateTime         *now,
                                              HavenOpenState    *out_state);
char           *haven_opening_status_format_for_clock (const HavenHours  *hours,
                                                       const char        *time_zone,
                                                       GDateTime         *now,
                                                       HavenClockFormat   clock_format,
                                                       HavenOpenState    *out_state);

G_END_DECLS
