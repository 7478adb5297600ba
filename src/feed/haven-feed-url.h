/* haven-feed-url.h: which URLs a feed may contain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-feed-problem.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_FEED_ORIGIN (haven_feed_origin_get_type ())
#define HAVEN_TYPE_URL_USE     (haven_url_use_get_type ())

#define HAVEN_FEED_MAX_URL_LENGTH 2048u

/* Where a feed comes from decides what it may point at. */
typedef enum
{
  HAVEN_FEED_ORIGIN_BUNDLED,
  HAVEN_FEED_ORIGIN_REMOTE,
} HavenFeedOrigin;

typedef enum
{
  HAVEN_URL_USE_LINK,
  HAVEN_URL_USE_IMAGE,
  HAVEN_URL_USE_FEED,
} HavenUrlUse;

GType    haven_feed_origin_get_type (void) G_GNUC_CONST;
GType    haven_url_use_get_type     (void) G_GNUC_CONST;
gboolean haven_feed_url_is_allowed  (const char       *url,
                                     HavenUrlUse       use,
                                     HavenFeedOrigin   origin);
gboolean haven_feed_url_check       (const char       *url,
                                     HavenUrlUse       use,
                                     HavenFeedOrigin   origin,
                                     GError          **error);

G_END_DECLS
