/* haven-image-io.h: image bytes off the main thread: fetched within a deadline, decoded within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Widgets include this without seeing libsoup (C11 allows the typedef twice). */
typedef struct _SoupSession SoupSession;

typedef enum
{
  HAVEN_IMAGE_FETCH_FAILED,
  HAVEN_IMAGE_FETCH_NOT_MODIFIED,
  HAVEN_IMAGE_FETCH_OK,
} HavenImageFetchResult;

HavenImageFetchResult haven_image_fetch         (SoupSession          *session,
                                                 GMainContext         *context,
                                                 guint                 deadline,
                                                 const char           *url,
                                                 const char           *etag,
                                                 const char           *last_modified,
                                                 guint64               cap,
                                                 GBytes              **bytes_out,
                                                 char                **etag_out,
                                                 char                **last_modified_out,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void                  haven_image_decode_async  (GBytes               *bytes,
                                                 int                   width,
                                                 int                   height,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GdkPixbuf            *haven_image_decode_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
