/* haven-feed-fetch.h: one update of the feed, from the request to the stored copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "haven-feed-store.h"
#include "haven-feed-updater.h"

G_BEGIN_DECLS

/* What one update must meet; HavenFeedUpdater's properties when it began. */
typedef struct
{
  guint64              max_size;
  gint64               deadline;           /* monotonic time: the feed and its signature by then */
  const char * const  *trusted_keys;
  gboolean             require_signature;
  gboolean             store_updates;
} HavenFeedFetchRules;

void                  haven_feed_fetch_async  (HavenFeedStore             *store,
                                               SoupSession                *session,
                                               const char                 *url,
                                               const HavenFeedFetchRules  *rules,
                                               GCancellable               *cancellable,
                                               GAsyncReadyCallback         callback,
                                               gpointer                    user_data);
HavenFeedUpdateResult haven_feed_fetch_finish (GAsyncResult               *result,
                                               HavenFeed                 **feed_out,
                                               GError                    **error);

G_END_DECLS
