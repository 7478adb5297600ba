/* haven-explainer-row.h: an explainer in a list: title, topic, reading time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-explainer.h"
#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_EXPLAINER_ROW (haven_explainer_row_get_type ())

G_DECLARE_FINAL_TYPE (HavenExplainerRow, haven_explainer_row, HAVEN, EXPLAINER_ROW, AdwActionRow)

GtkWidget      *haven_explainer_row_new           (HavenFeed         *feed,
                                                   HavenExplainer    *explainer);
HavenExplainer *haven_explainer_row_get_explainer (HavenExplainerRow *self);
void            haven_explainer_row_set_explainer (HavenExplainerRow *self,
                                                   HavenFeed         *feed,
                                                   HavenExplainer    *explainer);
char           *haven_explainer_format_minutes    (HavenExplainer    *explainer);

G_END_DECLS
