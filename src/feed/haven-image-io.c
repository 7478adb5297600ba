/* haven-image-io.c: image bytes off the main thread: fetched within a deadline, decoded within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-image-io"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "haven-feed-url.h"
#include "haven-image-check.h"
#include "haven-image-io.h"

static gboolean
deadline_cb (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

static void
cancel_linked_cb (GCancellable *cancellable,
                  GCancellable *linked)
{
  g_cancellable_cancel (linked);
}

/**
 * haven_image_fetch:
 * @session: the session to fetch through (its synchronous API, so call
 *   this in a worker thread)
 * @context: where the deadline's timer runs; it must run meanwhile
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
 * Fetches one image into memory, without following redirects.
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
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GCancellable) bounded = g_cancellable_new ();
  g_autoptr(GSource) timer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *limit = g_format_size (cap);
  SoupMessageHeaders *headers;
  HavenImageFetchResult result = HAVEN_IMAGE_FETCH_FAILED;
  gulong linked_id = 0;
  goffset length;
  guint status;

  if (!haven_feed_url_check (url, HAVEN_URL_USE_IMAGE, HAVEN_FEED_ORIGIN_REMOTE, error))
    return HAVEN_IMAGE_FETCH_FAILED;

  message = soup_message_new ("GET", url);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not an image address: %s"), url);
      return HAVEN_IMAGE_FETCH_FAILED;
    }
  /* A redirect could lead anywhere; images are fetched from where the feed says. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (message);
  if (etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);

  /* The deadline runs in @context: where the update returns, which runs,
   * or the update could never finish anyway. */
  if (cancellable != NULL)
    linked_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_linked_cb),
                                       g_object_ref (bounded), g_object_unref);
  timer = g_timeout_source_new_seconds (deadline);
  g_source_set_callback (timer, deadline_cb, g_object_ref (bounded), g_object_unref);
  g_source_attach (timer, context);

  stream = soup_session_send (session, message, bounded, &local_error);
  if (stream == NULL)
    goto out;

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NOT_MODIFIED && (etag != NULL || last_modified != NULL))
    {
      result = HAVEN_IMAGE_FETCH_NOT_MODIFIED;
      goto out;
    }
  if (status != SOUP_STATUS_OK)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server answered “%u %s”."),
                   status, soup_message_get_reason_phrase (message));
      goto out;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (length > 0 && (guint64)length > cap)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The image is larger than %s."), limit);
      goto out;
    }

  for (;;)
    {
      guint8 buffer[16384];
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, bounded, &local_error);

      if (n < 0)
        goto out;
      if (n == 0)
        break;
      if (body->len + (guint64)n > cap)
        {
          g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("The image is larger than %s."), limit);
          goto out;
        }
      g_byte_array_append (body, buffer, n);
    }

  *etag_out = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  *last_modified_out = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                               "Last-Modified"));
  *bytes_out = g_byte_array_free_to_bytes (g_steal_pointer (&body));
  result = HAVEN_IMAGE_FETCH_OK;

out:
  g_source_destroy (timer);
  if (linked_id != 0)
    g_cancellable_disconnect (cancellable, linked_id);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_cancellable_is_cancelled (cancellable))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                     _("The image took longer than %u seconds to arrive."), deadline);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return HAVEN_IMAGE_FETCH_FAILED;
    }

  return result;
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
