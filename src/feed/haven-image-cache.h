/* haven-image-cache.h: the feed's images, fetched ahead and kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"
#include "haven-image-check.h"

G_BEGIN_DECLS

/* Widgets get a cache without seeing libsoup (C11 allows the typedef twice). */
typedef struct _SoupSession SoupSession;

#define HAVEN_TYPE_IMAGE_CACHE (haven_image_cache_get_type ())

/* docs/feed-format.md, “Images” */
#define HAVEN_IMAGE_CACHE_MAX_SIZE ((guint64)64 * 1024 * 1024)
#define HAVEN_IMAGE_DEADLINE       60   /* seconds for one image, start to end */

G_DECLARE_FINAL_TYPE (HavenImageCache, haven_image_cache, HAVEN, IMAGE_CACHE, GObject)

HavenImageCache *haven_image_cache_new           (SoupSession          *session,
                                                  const char           *directory);
void             haven_image_cache_set_session   (HavenImageCache      *self,
                                                  SoupSession          *session);
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
void             haven_image_cache_load_async    (HavenImageCache      *self,
                                                  const char           *url,
                                                  int                   width,
                                                  int                   height,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GdkPixbuf       *haven_image_cache_load_finish   (HavenImageCache      *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
