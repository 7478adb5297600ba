/* haven-feed-rules.h: what a valid feed must also meet to replace the one Haven has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_FEED_RULES_ERROR (haven_feed_rules_error_quark ())

/* How many days a feed's `generated` date may lie after today (UTC): a
 * publisher east of UTC is a day ahead, and a reader's clock may be a
 * little behind.
 */
#define HAVEN_FEED_RULES_FUTURE_DAYS 2u

typedef enum
{
  HAVEN_FEED_RULES_ERROR_FUTURE,
  HAVEN_FEED_RULES_ERROR_OLDER,
  HAVEN_FEED_RULES_ERROR_REGION_REMOVED,
  HAVEN_FEED_RULES_ERROR_EMERGENCY_NUMBERS_REMOVED,
  HAVEN_FEED_RULES_ERROR_CRISIS_LINES_REMOVED,
} HavenFeedRulesError;

GQuark   haven_feed_rules_error_quark     (void);
gboolean haven_feed_rules_is_future       (const GDate  *date,
                                           GDateTime    *now);
gboolean haven_feed_rules_check_date      (const GDate  *generated,
                                           const GDate  *current,
                                           GDateTime    *now,
                                           GError      **error);
gboolean haven_feed_rules_check_help      (HavenFeed    *update,
                                           HavenFeed    *bundled,
                                           HavenFeed    *stored,
                                           GError      **error);

G_END_DECLS
