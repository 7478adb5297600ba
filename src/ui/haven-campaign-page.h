/* haven-campaign-page.h: one campaign: description, explainers, links, figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CAMPAIGN_PAGE (haven_campaign_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenCampaignPage, haven_campaign_page, HAVEN, CAMPAIGN_PAGE, GtkBox)

GtkWidget     *haven_campaign_page_new          (void);
void           haven_campaign_page_set_campaign (HavenCampaignPage *self,
                                                 HavenFeed         *feed,
                                                 HavenCampaign     *campaign);
HavenCampaign *haven_campaign_page_get_campaign (HavenCampaignPage *self);
void           haven_campaign_page_set_image_cache (HavenCampaignPage *self,
                                                    HavenImageCache   *cache);

G_END_DECLS
