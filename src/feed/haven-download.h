/* haven-download.h: one capped, bounded HTTP GET into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "haven-feed-url.h"

G_BEGIN_DECLS

#define HAVEN_DOWNLOAD_ERROR (haven_download_error_quark ())
#define HAVEN_TYPE_DOWNLOAD  (haven_download_get_type ())

/* Besides these, a download fails with what GIO, GTLS, the resolver and
 * libsoup report, and G_IO_ERROR_TIMED_OUT past its deadline. Callers say
 * what went wrong in their own words; the getters give the detail. */
typedef enum
{
  HAVEN_DOWNLOAD_ERROR_INVALID_URL,          /* libsoup cannot open the URL */
  HAVEN_DOWNLOAD_ERROR_NO_LOCATION,          /* a redirect without Location */
  HAVEN_DOWNLOAD_ERROR_TOO_MANY_REDIRECTS,
  HAVEN_DOWNLOAD_ERROR_REFUSED_REDIRECT,     /* the message says why */
  HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED,  /* Content-Length over the cap: nothing read */
  HAVEN_DOWNLOAD_ERROR_TOO_LARGE,            /* the body grew over the cap */
  HAVEN_DOWNLOAD_ERROR_TRUNCATED,            /* fewer bytes than Content-Length */
  HAVEN_DOWNLOAD_ERROR_UNSUPPORTED_ENCODING, /* see haven_download_get_content_encoding() */
  HAVEN_DOWNLOAD_ERROR_DAMAGED_ENCODING,
  HAVEN_DOWNLOAD_ERROR_TRAILING_DATA,        /* bytes after the end of the gzip stream */
  HAVEN_DOWNLOAD_ERROR_ENCODING_TRUNCATED,   /* the gzip stream ends too early */
} HavenDownloadError;

typedef enum
{
  HAVEN_DOWNLOAD_NONE = 0,
  /* Asks for gzip and decodes it here, not in libsoup: Content-Length is
   * then checked against the bytes as sent, and the gzip stream must be
   * complete. Any other Content-Encoding fails. */
  HAVEN_DOWNLOAD_GZIP = 1 << 0,
} HavenDownloadFlags;

G_DECLARE_FINAL_TYPE (HavenDownload, haven_download, HAVEN, DOWNLOAD, GObject)

GQuark         haven_download_error_quark            (void);

HavenDownload *haven_download_new                    (SoupSession          *session,
                                                      const char           *url,
                                                      guint64               max_size);
void           haven_download_set_flags              (HavenDownload        *self,
                                                      HavenDownloadFlags    flags);
void           haven_download_set_accept             (HavenDownload        *self,
                                                      const char           *accept);
void           haven_download_set_redirects          (HavenDownload        *self,
                                                      guint                 max_redirects,
                                                      HavenUrlUse           use);
void           haven_download_set_deadline           (HavenDownload        *self,
                                                      gint64                deadline);
void           haven_download_set_validators         (HavenDownload        *self,
                                                      const char           *etag,
                                                      const char           *last_modified);

void           haven_download_send_async             (HavenDownload        *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean       haven_download_send_finish            (HavenDownload        *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean       haven_download_send_in_context        (HavenDownload        *self,
                                                      GMainContext         *context,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

const char    *haven_download_get_url                (HavenDownload        *self);
SoupMessage   *haven_download_get_message            (HavenDownload        *self);
guint          haven_download_get_status             (HavenDownload        *self);
const char    *haven_download_get_response_header    (HavenDownload        *self,
                                                      const char           *name);
const char    *haven_download_get_content_encoding   (HavenDownload        *self);
GBytes        *haven_download_get_body               (HavenDownload        *self);
guint64        haven_download_get_max_size           (HavenDownload        *self);
gsize          haven_download_get_body_size          (HavenDownload        *self);
guint64        haven_download_get_n_received         (HavenDownload        *self);
goffset        haven_download_get_content_length     (HavenDownload        *self);

G_END_DECLS
