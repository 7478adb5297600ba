/* haven-region-fallback.h: Get Help where the feed has no lines for the region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-link.h"
#include "haven-region.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_REGION_FALLBACK (haven_region_fallback_get_type ())

G_DECLARE_FINAL_TYPE (HavenRegionFallback, haven_region_fallback, HAVEN, REGION_FALLBACK, AdwBin)

void        haven_region_fallback_set_regions (HavenRegionFallback *self,
                                               GListModel          *regions);
HavenLink  *haven_region_fallback_get_directory (HavenRegionFallback *self);
void        haven_region_fallback_set_directory (HavenRegionFallback *self,
                                                 HavenLink           *directory);
const char *haven_region_fallback_get_code (HavenRegionFallback *self);
void        haven_region_fallback_set_code (HavenRegionFallback *self,
                                            const char          *code);

G_END_DECLS
