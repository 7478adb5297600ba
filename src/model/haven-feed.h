/* haven-feed.h: one parsed, validated feed and its lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-campaign.h"
#include "haven-contact.h"
#include "haven-explainer.h"
#include "haven-link.h"
#include "haven-region.h"
#include "haven-topic.h"

G_BEGIN_DECLS

/* The model, as the feed parser (src/feed) builds it from one feed:
 *
 * - Every object is immutable: properties are construct-only, and the
 *   boxed structs (HavenChannel, HavenHours, HavenBlock…) are
 *   reference-counted and never change. A newer feed replaces the old one.
 * - Text is already resolved to the reader's best language: plain UTF-8,
 *   never markup, and never empty.
 * - Dates are `const GDate *` calendar dates without a time zone, owned by
 *   the object; optional ones are %NULL when the feed gives none.
 * - Objects refer to each other by id (a contact's region code, a
 *   campaign's explainer ids): look them up with haven_feed_lookup_*(),
 *   which are hash lookups. Every reference resolves in a parsed feed.
 * - Lists of sub-structures are `GPtrArray *`, transfer none.
 */

#define HAVEN_TYPE_FEED (haven_feed_get_type ())

G_DECLARE_FINAL_TYPE (HavenFeed, haven_feed, HAVEN, FEED, GObject)

const char     *haven_feed_get_format_version   (HavenFeed  *self);
const GDate    *haven_feed_get_generated        (HavenFeed  *self);
const char     *haven_feed_get_default_language (HavenFeed  *self);
GListModel     *haven_feed_get_regions          (HavenFeed  *self);
GListModel     *haven_feed_get_topics           (HavenFeed  *self);
GListModel     *haven_feed_get_contacts         (HavenFeed  *self);
GListModel     *haven_feed_get_campaigns        (HavenFeed  *self);
GListModel     *haven_feed_get_explainers       (HavenFeed  *self);
HavenLink      *haven_feed_get_directory        (HavenFeed  *self);
HavenRegion    *haven_feed_lookup_region        (HavenFeed  *self,
                                                 const char *code);
HavenTopic     *haven_feed_lookup_topic         (HavenFeed  *self,
                                                 const char *id);
HavenContact   *haven_feed_lookup_contact       (HavenFeed  *self,
                                                 const char *id);
HavenCampaign  *haven_feed_lookup_campaign      (HavenFeed  *self,
                                                 const char *id);
HavenExplainer *haven_feed_lookup_explainer     (HavenFeed  *self,
                                                 const char *id);

G_END_DECLS
