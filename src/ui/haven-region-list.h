/* haven-region-list.h: every region of the feed, searchable, to choose one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-region.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_REGION_LIST (haven_region_list_get_type ())

G_DECLARE_FINAL_TYPE (HavenRegionList, haven_region_list, HAVEN, REGION_LIST, AdwBin)

GListModel *haven_region_list_get_regions (HavenRegionList *self);
void        haven_region_list_set_regions (HavenRegionList *self,
                                           GListModel      *regions);

G_END_DECLS
