/* haven-reader-region.h: which region the reader is in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_READER_REGION (haven_reader_region_get_type ())

G_DECLARE_FINAL_TYPE (HavenReaderRegion, haven_reader_region, HAVEN, READER_REGION, GObject)

HavenReaderRegion *haven_reader_region_new          (GSettings         *settings);
const char        *haven_reader_region_get_code     (HavenReaderRegion *self);
void               haven_reader_region_set_feed     (HavenReaderRegion *self,
                                                     HavenFeed         *feed);
void               haven_reader_region_choose       (HavenReaderRegion *self,
                                                     const char        *code);
void               haven_reader_region_set_override (HavenReaderRegion *self,
                                                     const char        *code);
char              *haven_reader_region_normalize    (const char        *code);

G_END_DECLS
