/* haven-feed-parser.h: reads a feed, checks it and builds the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"
#include "haven-feed-problem.h"
#include "haven-feed-scan.h"
#include "haven-feed-url.h"

G_BEGIN_DECLS

#define HAVEN_FEED_FORMAT_MAJOR 1u

typedef enum
{
  HAVEN_FEED_PARSE_FLAGS_NONE      = 0,
  HAVEN_FEED_PARSE_FLAGS_UNLIMITED = 1 << 0,
} HavenFeedParseFlags;

HavenFeed *haven_feed_parse           (GBytes              *bytes,
                                       const char * const  *languages,
                                       HavenFeedOrigin      origin,
                                       GPtrArray          **problems_out,
                                       GError             **error);
HavenFeed *haven_feed_parse_full      (GBytes              *bytes,
                                       const char * const  *languages,
                                       HavenFeedOrigin      origin,
                                       HavenFeedParseFlags  flags,
                                       GPtrArray          **problems_out,
                                       GError             **error);
/**
 * HavenMissingText:
 * @language: the language tag the text lacks
 * @path: where the text is, by ids: "explainers/self-harm/body/3/text"
 *
 * A localised text without a translation, see
 * haven_feed_find_missing_texts().
 */
typedef struct
{
  char *language;
  char *path;
} HavenMissingText;

void       haven_missing_text_free    (HavenMissingText    *self);
GPtrArray *haven_feed_find_missing_texts (GBytes           *bytes,
                                       HavenFeedOrigin      origin,
                                       const char * const  *languages,
                                       GError             **error);
HavenFeed *haven_feed_load_bundled    (GError             **error);
GPtrArray *haven_feed_check_staleness (HavenFeed           *feed,
                                       GDateTime           *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenMissingText, haven_missing_text_free)

G_END_DECLS
