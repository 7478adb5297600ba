/* haven-feed-store.h: the last good copy of the feed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"
#include "haven-feed-url.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_FEED_STORE (haven_feed_store_get_type ())

G_DECLARE_FINAL_TYPE (HavenFeedStore, haven_feed_store, HAVEN, FEED_STORE, GObject)

HavenFeedStore *haven_feed_store_new               (const char       *directory);
const char     *haven_feed_store_get_directory     (HavenFeedStore   *self);
char           *haven_feed_store_dup_etag          (HavenFeedStore   *self);
char           *haven_feed_store_dup_last_modified (HavenFeedStore   *self);
GDateTime      *haven_feed_store_dup_fetched       (HavenFeedStore   *self);
GDateTime      *haven_feed_store_dup_checked       (HavenFeedStore   *self);
gboolean        haven_feed_store_get_generated     (HavenFeedStore   *self,
                                                    GDate            *generated);
void            haven_feed_store_set_generated     (HavenFeedStore   *self,
                                                    const GDate      *generated);
HavenFeed      *haven_feed_store_load              (HavenFeedStore   *self,
                                                    GError          **error);
HavenFeed      *haven_feed_store_load_best         (HavenFeedStore   *self,
                                                    HavenFeedOrigin  *origin_out,
                                                    GError          **error);
gboolean        haven_feed_store_save              (HavenFeedStore   *self,
                                                    GBytes           *bytes,
                                                    HavenFeed        *feed,
                                                    const char       *etag,
                                                    const char       *last_modified,
                                                    GDateTime        *fetched,
                                                    GError          **error);
gboolean        haven_feed_store_mark_checked      (HavenFeedStore   *self,
                                                    GDateTime        *checked,
                                                    GError          **error);

G_END_DECLS
