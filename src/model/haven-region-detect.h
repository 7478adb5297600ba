/* haven-region-detect.h: which region the reader is in, from locale or time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *haven_region_code_from_locale     (const char         *locale);
char *haven_region_code_from_languages  (const char * const *language_names);
char *haven_region_code_from_time_zone  (const char         *time_zone,
                                         const char         *zone_table);
char *haven_region_detect               (const char * const *language_names,
                                         const char         *time_zone,
                                         const char * const *zone_tables,
                                         GListModel         *regions);
char *haven_region_detect_for_system    (GListModel         *regions);

G_END_DECLS
