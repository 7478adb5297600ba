/* haven-image-cache.h: the feed's images, fetched ahead and kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_IMAGE_CACHE (haven_image_cache_get_type ())

#define HAVEN_IMAGE_MAX_SIZE       ((guint64)4 * 1024 * 1024)  /* docs/feed-format.md */
#define HAVEN_IMAGE_MAX_PIXELS     4096                       /* per side */
#define HAVEN_IMAGE_CACHE_MAX_SIZE ((guint64)64 * 1024 * 1024)

G_DECLARE_FINAL_TYPE (HavenImageCache, haven_image_cache, HAVEN, IMAGE_CACHE, GObject)

HavenImageCache *haven_image_cache_new           (SoupSession          *session,
                                                  const char           *directory);
const char      *haven_image_cache_get_directory (HavenImageCache      *self);
GStrv            haven_image_cache_list_urls     (HavenFeed            *feed);
GFile           *haven_image_cache_lookup        (HavenImageCache      *self,
                                                  const char           *url);
void             haven_image_cache_update_async  (HavenImageCache      *self,
                                                  HavenFeed            *feed,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         haven_image_cache_update_finish (HavenImageCache      *self,
                                                  GAsyncResult         *result,
                                                  guint                *n_failed,
                                                  GError              **error);

G_END_DECLS
