/* haven-explainers-view.h: the Explainers view: readable pieces by topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_EXPLAINERS_VIEW (haven_explainers_view_get_type ())

G_DECLARE_FINAL_TYPE (HavenExplainersView, haven_explainers_view, HAVEN, EXPLAINERS_VIEW, AdwBin)

HavenFeed *haven_explainers_view_get_feed (HavenExplainersView *self);
void       haven_explainers_view_set_feed (HavenExplainersView *self,
                                           HavenFeed *feed);
GListModel *haven_explainers_view_get_results (HavenExplainersView *self);
void        haven_explainers_view_set_topic   (HavenExplainersView *self,
                                               const char          *topic_id);
void        haven_explainers_view_set_saved_only (HavenExplainersView *self,
                                                  gboolean             saved_only);
void        haven_explainers_view_open_explainer (HavenExplainersView *self,
                                                  const char          *id);
gboolean    haven_explainers_view_get_reading (HavenExplainersView *self);
GtkSearchBar *haven_explainers_view_get_search_bar (HavenExplainersView *self);

G_END_DECLS
