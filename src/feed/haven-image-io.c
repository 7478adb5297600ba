/* haven-image-io.c: image bytes off the main thread: fetched within a deadline, decoded within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-image-io"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "haven-download.h"
#include "haven-feed-url.h"
#include "haven-image-check.h"
#include "haven-image-io.h"

/**
 * haven_image_fetch:
 * @session: the session to fetch through
 * @context: where @session's requests run (call this in a worker thread);
 *   it must run meanwhile
 * @deadline: seconds from the request to the last byte
 * @url: the image's URL, checked against Haven's URL policy
 * @etag: (nullable): the stored ETag, to ask only for a change
 * @last_modified: (nullable): the stored Last-Modified, likewise
 * @cap: the most bytes to take
 * @bytes_out: (out): the body, with %HAVEN_IMAGE_FETCH_OK
 * @etag_out: (out): the new ETag or %NULL, with %HAVEN_IMAGE_FETCH_OK
 * @last_modified_out: (out): the new Last-Modified or %NULL, likewise
 * @cancellable: (nullable): stops the fetch
 * @error: return location for an error, with %HAVEN_IMAGE_FETCH_FAILED;
 *   %G_IO_ERROR_TIMED_OUT past the deadline
 *
 * Fetches one image into memory, without following redirects: a redirect
 * could lead anywhere, and images are fetched from where the feed says.
 */
HavenImageFetchResult
haven_image_fetch (SoupSession   *session,
                   GMainContext  *context,
                   guint          deadline,
                   const char    *url,
                   const char    *etag,
                   const char    *last_modified,
                   guint64        cap,
                   GBytes       **bytes_out,
                   char         **etag_out,
                   char         **last_modified_out,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(HavenDownload) download = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status;

  if (!haven_feed_url_check (url, HAVEN_URL_USE_IMAGE, HAVEN_FEED_ORIGIN_REMOTE, error))
    return HAVEN_IMAGE_FETCH_FAILED;

  download = haven_download_new (session, url, cap);
  haven_download_set_validators (download, etag, last_modified);
  haven_download_set_deadline (download, g_get_monotonic_time () + deadline * G_USEC_PER_SEC);

  if (!haven_download_send_in_context (download, context, cancellable, &local_error))
    {
      g_autofree char *limit = g_format_size (cap);

      if (g_error_matches (local_error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_INVALID_URL))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not an image address: %s"), url);
      else if (g_error_matches (local_error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_TOO_LARGE) ||
               g_error_matches (local_error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                     _("The image is larger than %s."), limit);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     _("The image took longer than %u seconds to arrive."), deadline);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return HAVEN_IMAGE_FETCH_FAILED;
    }

  status = haven_download_get_status (download);
  if (status == SOUP_STATUS_NOT_MODIFIED && (etag != NULL || last_modified != NULL))
    return HAVEN_IMAGE_FETCH_NOT_MODIFIED;

  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server answered “%u %s”."),
                   status, soup_message_get_reason_phrase (haven_download_get_message (download)));
      return HAVEN_IMAGE_FETCH_FAILED;
    }

  *etag_out = g_strdup (haven_download_get_response_header (download, "ETag"));
  *last_modified_out = g_strdup (haven_download_get_response_header (download, "Last-Modified"));
  *bytes_out = g_bytes_ref (haven_download_get_body (download));

  return HAVEN_IMAGE_FETCH_OK;
}

typedef struct
{
  GBytes *bytes;
  int     width;
  int     height;
} DecodeTask;

static void
decode_task_free (gpointer data)
{
  DecodeTask *task_data = data;

  g_bytes_unref (task_data->bytes);
  g_free (task_data);
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DecodeTask *decode = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = haven_image_decode (decode->bytes, decode->width, decode->height, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/**
 * haven_image_decode_async:
 * @bytes: an image
 * @width: the width to cover, or 0
 * @height: the height to cover, or 0
 * @cancellable: (nullable): stops it, as when the widget goes away
 * @callback: called with the pixels
 * @user_data: data for @callback
 *
 * haven_image_decode() in a worker thread.
 */
void
haven_image_decode_async (GBytes              *bytes,
                          int                  width,
                          int                  height,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DecodeTask *decode = g_new0 (DecodeTask, 1);

  decode->bytes = g_bytes_ref (bytes);
  decode->width = width;
  decode->height = height;
  g_task_set_source_tag (task, haven_image_decode_async);
  g_task_set_task_data (task, decode, decode_task_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, decode_in_thread);
}

/**
 * haven_image_decode_finish:
 *
 * Returns: (transfer full): the pixels, or %NULL
 */
GdkPixbuf *
haven_image_decode_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
