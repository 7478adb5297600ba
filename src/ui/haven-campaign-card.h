/* haven-campaign-card.h: one campaign on Home: hero art, title, tagline, badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-campaign.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CAMPAIGN_CARD (haven_campaign_card_get_type ())

G_DECLARE_FINAL_TYPE (HavenCampaignCard, haven_campaign_card, HAVEN, CAMPAIGN_CARD, GtkButton)

GtkWidget     *haven_campaign_card_new          (HavenCampaign   *campaign,
                                                 const GDate     *today,
                                                 HavenImageCache *cache);
HavenCampaign *haven_campaign_card_get_campaign (HavenCampaignCard *self);
char          *haven_campaign_format_dates      (HavenCampaign *campaign);
char          *haven_campaign_badge             (HavenCampaign *campaign,
                                                 const GDate   *today);
int            haven_campaign_compare           (HavenCampaign *a,
                                                 HavenCampaign *b,
                                                 const GDate   *today);
GtkWidget     *haven_campaign_hero_new          (HavenCampaign   *campaign,
                                                 HavenImageCache *cache);
gboolean       haven_campaign_hero_has_image    (GtkWidget     *hero,
                                                 int           *width,
                                                 int           *height);

G_END_DECLS
