/* haven-opening-status.h: whether a service answers now, and until when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-hours.h"

G_BEGIN_DECLS

HavenOpenState  haven_opening_status_compute (const HavenHours  *hours,
                                              const char        *time_zone,
                                              GDateTime         *now,
                                              GDateTime        **next_change);
char           *haven_opening_status_format  (const HavenHours  *hours,
                                              const char        *time_zone,
                                              GDateTime         *now,
                                              HavenOpenState    *out_state);

G_END_DECLS
