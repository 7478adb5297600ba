/* haven-help-emergency-card.h: Get Help's card of the region's emergency numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-region.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_EMERGENCY_CARD (haven_help_emergency_card_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpEmergencyCard, haven_help_emergency_card, HAVEN, HELP_EMERGENCY_CARD, AdwBin)

void     haven_help_emergency_card_set_region    (HavenHelpEmergencyCard *self,
                                                  HavenRegion            *region);
gboolean haven_help_emergency_card_shows_numbers (HavenHelpEmergencyCard *self);
gboolean haven_help_emergency_card_focus         (HavenHelpEmergencyCard *self);

G_END_DECLS
