/* haven-contact-search.h: contacts that match words typed in a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"

G_BEGIN_DECLS

/**
 * HavenSearchEmergency:
 * @HAVEN_SEARCH_EMERGENCY_NONE: the search is not about the emergency number
 * @HAVEN_SEARCH_EMERGENCY_ASKED: the reader typed the number or asked for
 *   emergency services: it comes first
 * @HAVEN_SEARCH_EMERGENCY_CRISIS: the search has crisis words: the number
 *   comes after the crisis lines
 */
typedef enum
{
  HAVEN_SEARCH_EMERGENCY_NONE,
  HAVEN_SEARCH_EMERGENCY_ASKED,
  HAVEN_SEARCH_EMERGENCY_CRISIS,
} HavenSearchEmergency;

GPtrArray            *haven_contact_search           (HavenFeed          *feed,
                                                      HavenRegion        *region,
                                                      const char * const *terms);
HavenSearchEmergency  haven_contact_search_emergency (HavenRegion        *region,
                                                      const char * const *terms);
gboolean              haven_contact_search_wants_help (HavenFeed          *feed,
                                                       const char * const *terms);

G_END_DECLS
