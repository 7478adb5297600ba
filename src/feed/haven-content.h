/* haven-content.h: the content Haven shows, its updates and the reader's region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CONTENT (haven_content_get_type ())

G_DECLARE_FINAL_TYPE (HavenContent, haven_content, HAVEN, CONTENT, GObject)

HavenContent          *haven_content_new                   (const char           *feed_url);
void                   haven_content_load_in_background    (HavenContent         *self);
HavenFeed             *haven_content_get_feed              (HavenContent         *self);
const char            *haven_content_get_feed_url_override (HavenContent         *self);
char                  *haven_content_dup_feed_url          (HavenContent         *self);
gboolean               haven_content_get_busy              (HavenContent         *self);
const char            *haven_content_get_status            (HavenContent         *self);
const char            *haven_content_get_status_detail     (HavenContent         *self);
gboolean               haven_content_get_offline           (HavenContent         *self);
void                   haven_content_set_offline           (HavenContent         *self,
                                                            gboolean              offline);
const char            *haven_content_get_region            (HavenContent         *self);
void                   haven_content_set_region            (HavenContent         *self,
                                                            const char           *code);
void                   haven_content_set_region_override   (HavenContent         *self,
                                                            const char           *code);
void                   haven_content_start                 (HavenContent         *self);
void                   haven_content_refresh               (HavenContent         *self);
void                   haven_content_refresh_async         (HavenContent         *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean               haven_content_refresh_finish        (HavenContent         *self,
                                                            GAsyncResult         *result,
                                                            gboolean             *updated,
                                                            GError              **error);
void                   haven_content_stop                  (HavenContent         *self);
HavenImageCache       *haven_content_get_image_cache       (HavenContent         *self);
void                   haven_content_set_feed_key          (HavenContent         *self,
                                                            const char           *key);
void                   haven_content_set_unsigned_preview  (HavenContent         *self,
                                                            gboolean              preview);
char                  *haven_content_normalize_region      (const char           *code);

G_END_DECLS
