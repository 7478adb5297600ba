/* haven-home-view.h: the Home view: campaign cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HOME_VIEW (haven_home_view_get_type ())

G_DECLARE_FINAL_TYPE (HavenHomeView, haven_home_view, HAVEN, HOME_VIEW, AdwBin)

HavenFeed *haven_home_view_get_feed (HavenHomeView *self);
void       haven_home_view_set_feed (HavenHomeView *self,
                                     HavenFeed *feed);
void       haven_home_view_set_today (HavenHomeView *self,
                                      const GDate   *today);
void       haven_home_view_open_campaign (HavenHomeView *self,
                                          const char    *id);
const char *haven_home_view_get_page (HavenHomeView *self);

G_END_DECLS
