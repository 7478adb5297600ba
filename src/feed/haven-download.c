/* haven-download.c: one capped, bounded HTTP GET into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-download"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-download.h"

/* The feed, its signature and the images all come through here: one
 * request at a time on a shared #SoupSession, redirects followed by hand so
 * that each target meets Haven's URL policy (or not followed at all), a cap
 * on the body as the caller reads it (after decoding), and a deadline from
 * the first request to the last byte, so that a server sending a byte now
 * and then cannot hold a download open. Only a 200 response's body is
 * read; any other status is the caller's to judge.
 */

#define READ_CHUNK (64 * 1024)
#define DECODE_CHUNK (16 * 1024)

struct _HavenDownload
{
  GObject             parent_instance;

  /* what to fetch, and the bounds */
  SoupSession        *session;
  char               *url;            /* the current one, after redirects */
  guint64             max_size;
  HavenDownloadFlags  flags;
  char               *accept;
  guint               max_redirects;
  HavenUrlUse         redirect_use;
  gint64              deadline;       /* monotonic time, or 0 */
  char               *etag;
  char               *last_modified;

  /* while it runs */
  GTask              *task;
  GCancellable       *cancellable;    /* what libsoup and the stream get */
  GSource            *deadline_source;
  GSource            *cancel_source;  /* forwards the caller's cancellable */
  gboolean            timed_out;
  guint               n_redirects;
  SoupMessage        *message;
  GInputStream       *stream;
  GConverter         *decoder;
  gboolean            decoded_all;
  char               *content_encoding;
  goffset             content_length;
  guint64             n_received;     /* as sent, before decoding */
  GByteArray         *body;           /* as decoded */
  GBytes             *result;
};

G_DEFINE_FINAL_TYPE (HavenDownload, haven_download, G_TYPE_OBJECT)

G_DEFINE_QUARK (haven-download-error-quark, haven_download_error)

static void download_send (HavenDownload *self);

static void
haven_download_finalize (GObject *object)
{
  HavenDownload *self = HAVEN_DOWNLOAD (object);

  g_assert (self->task == NULL);

  g_clear_object (&self->session);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->accept, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_object (&self->message);
  g_clear_object (&self->decoder);
  g_clear_pointer (&self->content_encoding, g_free);
  g_clear_pointer (&self->body, g_byte_array_unref);
  g_clear_pointer (&self->result, g_bytes_unref);

  G_OBJECT_CLASS (haven_download_parent_class)->finalize (object);
}

static void
haven_download_class_init (HavenDownloadClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_download_finalize;
}

static void
haven_download_init (HavenDownload *self)
{
  self->content_length = -1;
}

/**
 * haven_download_new:
 * @session: the session to fetch through
 * @url: what to fetch; the caller has checked it against the URL policy
 * @max_size: the most body bytes to take, after decoding
 *
 * Returns: (transfer full): a download that follows no redirect, has no
 *   deadline and asks for the whole body; the setters change that
 */
HavenDownload *
haven_download_new (SoupSession *session,
                    const char  *url,
                    guint64      max_size)
{
  HavenDownload *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_DOWNLOAD, NULL);
  self->session = g_object_ref (session);
  self->url = g_strdup (url);
  self->max_size = max_size;

  return self;
}

void
haven_download_set_flags (HavenDownload      *self,
                          HavenDownloadFlags  flags)
{
  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));

  self->flags = flags;
}

/* The Accept header, such as "application/json". */
void
haven_download_set_accept (HavenDownload *self,
                           const char    *accept)
{
  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));

  g_free (self->accept);
  self->accept = g_strdup (accept);
}

/**
 * haven_download_set_redirects:
 * @max_redirects: how many to follow; with 0, a redirect is a status like
 *   any other
 * @use: what each target must be allowed for (haven_feed_url_check())
 */
void
haven_download_set_redirects (HavenDownload *self,
                              guint          max_redirects,
                              HavenUrlUse    use)
{
  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));

  self->max_redirects = max_redirects;
  self->redirect_use = use;
}

/**
 * haven_download_set_deadline:
 * @deadline: the monotonic time (g_get_monotonic_time()) by which the
 *   last byte must be in, or 0 for none
 *
 * Past it the download fails with %G_IO_ERROR_TIMED_OUT. Several downloads
 * may share one deadline.
 */
void
haven_download_set_deadline (HavenDownload *self,
                             gint64         deadline)
{
  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));

  self->deadline = deadline;
}

/* If-None-Match and If-Modified-Since, on every request (redirects too). */
void
haven_download_set_validators (HavenDownload *self,
                               const char    *etag,
                               const char    *last_modified)
{
  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_free (self->last_modified);
  self->last_modified = g_strdup (last_modified);
}

static void
download_return (HavenDownload *self,
                 GError        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (self->deadline_source != NULL)
    g_source_destroy (self->deadline_source);
  g_clear_pointer (&self->deadline_source, g_source_unref);
  if (self->cancel_source != NULL)
    g_source_destroy (self->cancel_source);
  g_clear_pointer (&self->cancel_source, g_source_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stream);

  if (error == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Whatever libsoup made of the cancellation, it was the deadline. */
  if (self->timed_out && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_clear_error (&error);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The download from %s did not finish in time."), self->url);
    }

  g_task_return_error (task, error);
}

static void
download_fail (HavenDownload *self,
               int            code,
               const char    *format,
               ...) G_GNUC_PRINTF (3, 4);

static void
download_fail (HavenDownload *self,
               int            code,
               const char    *format,
               ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = g_error_new_valist (HAVEN_DOWNLOAD_ERROR, code, format, args);
  va_end (args);

  download_return (self, error);
}

static void
download_fail_too_large (HavenDownload *self,
                         int            code)
{
  g_autofree char *limit = g_format_size (self->max_size);

  download_fail (self, code,
                 /* Translators: %s is a size such as "8.4 MB" */
                 _("The download is larger than %s, the most Haven accepts."), limit);
}

static gboolean
download_append (HavenDownload *self,
                 const void    *data,
                 gsize          size)
{
  if (self->body->len + (guint64)size > self->max_size)
    {
      download_fail_too_large (self, HAVEN_DOWNLOAD_ERROR_TOO_LARGE);
      return FALSE;
    }

  g_byte_array_append (self->body, data, size);

  return TRUE;
}

/* Inflates @size more bytes of a gzip body; @at_end once the body is all
 * in. Returns %FALSE when it failed the download.
 */
static gboolean
download_decode (HavenDownload *self,
                 const guint8  *data,
                 gsize          size,
                 gboolean       at_end)
{
  while (!self->decoded_all)
    {
      char out[DECODE_CHUNK];
      gsize n_read = 0, n_written = 0;
      g_autoptr(GError) error = NULL;
      GConverterResult result;

      result = g_converter_convert (self->decoder, data, size, out, sizeof out,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &error);
      if (result == G_CONVERTER_ERROR)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            {
              g_debug ("Decoding the body from %s failed: %s", self->url, error->message);
              download_fail (self, HAVEN_DOWNLOAD_ERROR_DAMAGED_ENCODING,
                             _("The compressed data from %s is damaged."), self->url);
              return FALSE;
            }

          if (at_end)
            break;

          return TRUE;
        }

      data += n_read;
      size -= n_read;
      if (!download_append (self, out, n_written))
        return FALSE;

      if (result == G_CONVERTER_FINISHED)
        self->decoded_all = TRUE;
      else if (size == 0 && (!at_end || n_written == 0))
        break;
    }

  if (self->decoded_all && size > 0)
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_TRAILING_DATA,
                     _("There is more data after the end of the compressed data from %s."),
                     self->url);
      return FALSE;
    }

  if (at_end && !self->decoded_all)
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_ENCODING_TRUNCATED,
                     _("The compressed data from %s ends too early."), self->url);
      return FALSE;
    }

  return TRUE;
}

static void
download_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HavenDownload *self = user_data;
  GError *error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  const guint8 *data;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      download_return (self, error);
      return;
    }

  data = g_bytes_get_data (chunk, &size);
  if (size == 0)
    {
      /* Content-Length counts the bytes as sent: compressed, if they are.
       * With libsoup decoding, only it knows those. */
      if ((self->flags & HAVEN_DOWNLOAD_GZIP) != 0 &&
          self->content_length >= 0 && (guint64)self->content_length != self->n_received)
        {
          download_fail (self, HAVEN_DOWNLOAD_ERROR_TRUNCATED,
                         _("The download from %s broke off."), self->url);
          return;
        }

      if (self->decoder != NULL && !download_decode (self, NULL, 0, TRUE))
        return;

      self->result = g_bytes_new (self->body->data, self->body->len);
      download_return (self, NULL);
      return;
    }

  self->n_received += size;
  if (self->decoder != NULL)
    {
      if (!download_decode (self, data, size, FALSE))
        return;
    }
  else if (!download_append (self, data, size))
    {
      return;
    }

  g_input_stream_read_bytes_async (self->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   self->cancellable, download_read_cb, self);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static void
download_redirect (HavenDownload *self)
{
  const char *location = haven_download_get_response_header (self, "Location");
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;

  if (location == NULL)
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_NO_LOCATION,
                     _("%s sent a redirect without a destination."), self->url);
      return;
    }

  if (++self->n_redirects > self->max_redirects)
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_TOO_MANY_REDIRECTS,
                     _("%s redirected more than %u times."), self->url, self->max_redirects);
      return;
    }

  target = g_uri_resolve_relative (self->url, location, G_URI_FLAGS_NONE, &error);
  if (target == NULL ||
      !haven_feed_url_check (target, self->redirect_use, HAVEN_FEED_ORIGIN_REMOTE, &error))
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_REFUSED_REDIRECT, "%s", error->message);
      return;
    }

  g_debug ("Following the redirect from %s to %s", self->url, target);
  g_clear_object (&self->stream);
  g_free (self->url);
  self->url = g_steal_pointer (&target);
  download_send (self);
}

/* The Content-Encoding of the response, or %NULL for none. */
static char *
dup_content_encoding (SoupMessageHeaders *headers)
{
  const char *list = soup_message_headers_get_list (headers, "Content-Encoding");
  g_autofree char *stripped = NULL;

  if (list == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (list));
  if (*stripped == '\0' || g_ascii_strcasecmp (stripped, "identity") == 0)
    return NULL;

  return g_steal_pointer (&stripped);
}

static void
download_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HavenDownload *self = user_data;
  GError *error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  self->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (self->stream == NULL)
    {
      download_return (self, error);
      return;
    }

  status = soup_message_get_status (self->message);
  headers = soup_message_get_response_headers (self->message);

  if (self->max_redirects > 0 && is_redirect (status))
    {
      download_redirect (self);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      download_return (self, NULL);
      return;
    }

  if ((self->flags & HAVEN_DOWNLOAD_GZIP) != 0)
    self->content_encoding = dup_content_encoding (headers);
  if (self->content_encoding != NULL)
    {
      /* Only gzip is asked for: what nginx's gzip_static and the like send. */
      if (g_ascii_strcasecmp (self->content_encoding, "gzip") != 0 &&
          g_ascii_strcasecmp (self->content_encoding, "x-gzip") != 0)
        {
          download_fail (self, HAVEN_DOWNLOAD_ERROR_UNSUPPORTED_ENCODING,
                         _("%s sent data encoded as “%s”, which Haven cannot read."),
                         self->url, self->content_encoding);
          return;
        }

      self->decoder = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    self->content_length = soup_message_headers_get_content_length (headers);

  if (self->content_length > 0 && (guint64)self->content_length > self->max_size)
    {
      download_fail_too_large (self, HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED);
      return;
    }

  self->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (self->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   self->cancellable, download_read_cb, self);
}

static void
download_send (HavenDownload *self)
{
  SoupMessageHeaders *headers;

  g_clear_object (&self->message);
  self->message = soup_message_new ("GET", self->url);
  if (self->message == NULL)
    {
      download_fail (self, HAVEN_DOWNLOAD_ERROR_INVALID_URL,
                     _("“%s” is not an address Haven can open."), self->url);
      return;
    }

  /* Redirects are followed by hand, so that each target meets the URL
   * policy, or not at all. */
  soup_message_add_flags (self->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (self->message);
  if ((self->flags & HAVEN_DOWNLOAD_GZIP) != 0)
    {
      soup_message_disable_feature (self->message, SOUP_TYPE_CONTENT_DECODER);
      soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
    }
  if (self->accept != NULL)
    soup_message_headers_replace (headers, "Accept", self->accept);
  if (self->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", self->etag);
  if (self->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", self->last_modified);

  soup_session_send_async (self->session, self->message, G_PRIORITY_DEFAULT,
                           self->cancellable, download_sent_cb, self);
}

static gboolean
deadline_cb (gpointer data)
{
  HavenDownload *self = data;

  self->timed_out = TRUE;
  g_cancellable_cancel (self->cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      data)
{
  HavenDownload *self = data;

  g_cancellable_cancel (self->cancellable);

  return G_SOURCE_REMOVE;
}

/**
 * haven_download_send_async:
 * @cancellable: (nullable): stops the download
 * @callback: called when the body is in, or a response without one
 * @user_data: data for @callback
 *
 * Runs the download in the thread-default main context, which must be
 * the session's or, since libsoup 3.2, any that runs meanwhile. A download
 * is sent once.
 */
void
haven_download_send_async (HavenDownload       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  g_return_if_fail (HAVEN_IS_DOWNLOAD (self));
  g_return_if_fail (self->task == NULL && self->message == NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, haven_download_send_async);
  /* What happened is returned, even if @cancellable fires meanwhile. */
  g_task_set_check_cancellable (self->task, FALSE);
  self->cancellable = g_cancellable_new ();

  /* The caller may cancel from another thread; libsoup hears of it here. */
  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (cancelled_cb), self, NULL);
      g_source_set_priority (self->cancel_source, G_PRIORITY_HIGH);
      g_source_attach (self->cancel_source, context);
    }

  if (self->deadline != 0)
    {
      gint64 left = self->deadline - g_get_monotonic_time ();

      self->deadline_source = g_timeout_source_new (MAX (left, 0) / 1000);
      g_source_set_callback (self->deadline_source, deadline_cb, self, NULL);
      g_source_attach (self->deadline_source, context);
    }

  download_send (self);
}

/**
 * haven_download_send_finish:
 *
 * Returns: %TRUE when a response came (any status; only a 200's body is
 *   read, see haven_download_get_body()); %FALSE with @error set
 */
gboolean
haven_download_send_finish (HavenDownload  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  HavenDownload *self;
  GMainContext  *context;
  GCancellable  *cancellable;
  GMutex         mutex;
  GCond          cond;
  gboolean       done;
  gboolean       ok;
  GError        *error;
} Blocking;

static void
blocking_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Blocking *blocking = user_data;

  blocking->ok = haven_download_send_finish (blocking->self, result, &blocking->error);
  g_mutex_lock (&blocking->mutex);
  blocking->done = TRUE;
  g_cond_signal (&blocking->cond);
  g_mutex_unlock (&blocking->mutex);
}

static gboolean
blocking_start_cb (gpointer data)
{
  Blocking *blocking = data;

  g_main_context_push_thread_default (blocking->context);
  haven_download_send_async (blocking->self, blocking->cancellable, blocking_done_cb, blocking);
  g_main_context_pop_thread_default (blocking->context);

  return G_SOURCE_REMOVE;
}

/**
 * haven_download_send_in_context:
 * @context: where the session's requests run; it must run meanwhile, in
 *   another thread
 * @cancellable: (nullable): stops the download, from any thread
 *
 * For a worker thread: runs haven_download_send_async() in @context and
 * waits for it.
 *
 * Returns: as haven_download_send_finish()
 */
gboolean
haven_download_send_in_context (HavenDownload  *self,
                                GMainContext   *context,
                                GCancellable   *cancellable,
                                GError        **error)
{
  Blocking blocking = { self, context, cancellable, };
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), FALSE);
  g_return_val_if_fail (!g_main_context_is_owner (context), FALSE);

  g_mutex_init (&blocking.mutex);
  g_cond_init (&blocking.cond);

  /* A source, not g_main_context_invoke(): that could start it here. */
  g_source_set_callback (idle, blocking_start_cb, &blocking, NULL);
  g_source_attach (idle, context);

  g_mutex_lock (&blocking.mutex);
  while (!blocking.done)
    g_cond_wait (&blocking.cond, &blocking.mutex);
  g_mutex_unlock (&blocking.mutex);

  g_mutex_clear (&blocking.mutex);
  g_cond_clear (&blocking.cond);

  if (blocking.error != NULL)
    g_propagate_error (error, blocking.error);

  return blocking.ok;
}

/* The current URL: after the redirects followed so far. */
const char *
haven_download_get_url (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), NULL);

  return self->url;
}

/**
 * haven_download_get_message:
 *
 * Returns: (transfer none) (nullable): the last request made
 */
SoupMessage *
haven_download_get_message (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), NULL);

  return self->message;
}

/* The status of the last response, or 0 before it came. */
guint
haven_download_get_status (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), 0);

  return self->message != NULL ? soup_message_get_status (self->message) : 0;
}

/* A header of the last response, or %NULL. */
const char *
haven_download_get_response_header (HavenDownload *self,
                                    const char    *name)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), NULL);

  if (self->message == NULL)
    return NULL;

  return soup_message_headers_get_one (soup_message_get_response_headers (self->message), name);
}

/* With %HAVEN_DOWNLOAD_GZIP, the response's Content-Encoding, or %NULL. */
const char *
haven_download_get_content_encoding (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), NULL);

  return self->content_encoding;
}

/**
 * haven_download_get_body:
 *
 * Returns: (transfer none) (nullable): the whole body of a 200 response,
 *   once the download succeeded
 */
GBytes *
haven_download_get_body (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), NULL);

  return self->result;
}

guint64
haven_download_get_max_size (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), 0);

  return self->max_size;
}

/* The body bytes read so far, after decoding. */
gsize
haven_download_get_body_size (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), 0);

  return self->body != NULL ? self->body->len : 0;
}

/* The body bytes read so far, as sent. */
guint64
haven_download_get_n_received (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), 0);

  return self->n_received;
}

/* The Content-Length of a 200 response, or -1. */
goffset
haven_download_get_content_length (HavenDownload *self)
{
  g_return_val_if_fail (HAVEN_IS_DOWNLOAD (self), -1);

  return self->content_length;
}
