/* haven-help-region-chooser.h: Get Help's region, and a searchable list to change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-link.h"
#include "haven-region.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_REGION_CHOOSER (haven_help_region_chooser_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpRegionChooser, haven_help_region_chooser, HAVEN, HELP_REGION_CHOOSER, AdwBin)

GListModel  *haven_help_region_chooser_get_regions (HavenHelpRegionChooser *self);
void         haven_help_region_chooser_set_regions (HavenHelpRegionChooser *self,
                                                    GListModel             *regions);
HavenRegion *haven_help_region_chooser_get_region  (HavenHelpRegionChooser *self);
void         haven_help_region_chooser_set_region  (HavenHelpRegionChooser *self,
                                                    HavenRegion            *region);
void         haven_help_region_chooser_set_code    (HavenHelpRegionChooser *self,
                                                    const char             *code);
void         haven_help_region_chooser_set_directory (HavenHelpRegionChooser *self,
                                                      HavenLink              *directory);

G_END_DECLS
