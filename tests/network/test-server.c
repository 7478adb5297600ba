/* test-server.c: a loopback SoupServer in a thread of its own, HTTP or HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-server.h"

struct _TestServer
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  SoupServer      *server;
  GTlsCertificate *certificate;
  GUri            *base;

  GMutex           mutex;
  GCond            cond;
  gboolean         ready;
  GBytes          *feed;
  char            *etag;
  GHashTable      *n_requests;    /* path → count */
  GHashTable      *last_headers;  /* lower-case name → value */
  GPtrArray       *held;          /* connections that stall, closed at the end */
  GHashTable      *files;         /* path → GBytes, from test_server_set_file() */
  GHashTable      *gzip_files;    /* path → compressed GBytes, from test_server_set_gzip_file() */
  MinisignTestKey *signing_key;   /* not owned: signs the feed and the files */
  GBytes          *signature;     /* of the feed, or a test's own */
};

static void
record_request (TestServer        *self,
                const char        *path,
                SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->n_requests, g_strdup (path),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->n_requests, path)) + 1));
  /* The headers of the last request for content: a signature fetched
   * after it says nothing about how the content was asked for. */
  if (!g_str_has_suffix (path, ".minisig"))
    {
      g_hash_table_remove_all (self->last_headers);
      soup_message_headers_iter_init (&iter, headers);
      while (soup_message_headers_iter_next (&iter, &name, &value))
        g_hash_table_insert (self->last_headers, g_ascii_strdown (name, -1), g_strdup (value));
    }
  g_mutex_unlock (&self->mutex);
}

static void
serve_feed (TestServer        *self,
            SoupServerMessage *msg,
            gboolean           chunked)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  g_autoptr(GBytes) feed = NULL;
  g_autofree char *etag = NULL;

  g_mutex_lock (&self->mutex);
  feed = self->feed != NULL ? g_bytes_ref (self->feed) : NULL;
  etag = g_strdup (self->etag);
  g_mutex_unlock (&self->mutex);

  if (feed == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT");
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (chunked)
    soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), feed);
  if (chunked)
    soup_message_body_complete (soup_server_message_get_response_body (msg));
}

/* Writes a response by hand that libsoup would never send. */
static void
serve_truncated (TestServer        *self,
                 SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *output = g_io_stream_get_output_stream (stream);
  g_autoptr(GBytes) feed = NULL;
  g_autofree char *head = NULL;
  gsize half;

  g_mutex_lock (&self->mutex);
  feed = g_bytes_ref (self->feed);
  g_mutex_unlock (&self->mutex);

  half = g_bytes_get_size (feed) / 2;
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                          g_bytes_get_size (feed));
  g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (output, g_bytes_get_data (feed, NULL), half, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* gzip, as `gzip -9` or nginx's gzip_static would store it. */
GBytes *
test_gzip (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) output = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_output_stream_write_all (output, data, size, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (output, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* A compressed body as a static file server sends one: libsoup on the
 * client decodes it, and Content-Length counts the compressed bytes.
 */
static void
serve_gzip (SoupServerMessage *msg,
            GBytes            *compressed,
            const char        *etag)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (etag != NULL)
    soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Content-Type", "application/json");
  soup_message_headers_replace (response, "Content-Encoding", "gzip");
  soup_message_headers_set_content_length (response, g_bytes_get_size (compressed));
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), compressed);
}

/* Promises the compressed feed, sends half and hangs up. */
static void
serve_gzip_truncated (TestServer        *self,
                      SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *output = g_io_stream_get_output_stream (stream);
  g_autoptr(GBytes) feed = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autofree char *head = NULL;

  g_mutex_lock (&self->mutex);
  feed = g_bytes_ref (self->feed);
  g_mutex_unlock (&self->mutex);

  compressed = test_gzip (feed);
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Encoding: gzip\r\nContent-Length: %zu\r\n"
                          "Connection: close\r\n\r\n",
                          g_bytes_get_size (compressed));
  g_output_stream_write_all (output, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (output, g_bytes_get_data (compressed, NULL),
                             g_bytes_get_size (compressed) / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* A file with an ETag of its content, and 304 for a matching If-None-Match. */
static void
serve_file (SoupServerMessage *msg,
            GBytes            *file)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, file);
  g_autofree char *etag = g_strdup_printf ("\"%.16s\"", sum);
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", etag);
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), file);
}

typedef struct
{
  GIOStream *stream;
  guint      left;
} Drip;

static void
drip_free (gpointer data)
{
  Drip *drip = data;

  g_io_stream_close (drip->stream, NULL, NULL);
  g_object_unref (drip->stream);
  g_free (drip);
}

static gboolean
drip_cb (gpointer data)
{
  Drip *drip = data;

  if (drip->left == 0 ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (drip->stream), "x", 1, NULL, NULL, NULL))
    return G_SOURCE_REMOVE;

  drip->left--;

  return G_SOURCE_CONTINUE;
}

/* Promises 1000 bytes and sends one every 100 ms, as a server that never
 * quite stalls. */
static void
serve_drip (TestServer        *self,
            SoupServerMessage *msg)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                             "Content-Length: 1000\r\nConnection: close\r\n\r\n";
  Drip *drip = g_new0 (Drip, 1);
  g_autoptr(GSource) source = g_timeout_source_new (100);

  drip->stream = soup_server_message_steal_connection (msg);
  drip->left = 1000;
  g_output_stream_write_all (g_io_stream_get_output_stream (drip->stream), head, strlen (head),
                             NULL, NULL, NULL);
  g_source_set_callback (source, drip_cb, drip, drip_free);
  g_source_attach (source, self->context);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TestServer *self = user_data;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) gzip_file = NULL;

  record_request (self, path, msg);

  g_mutex_lock (&self->mutex);
  file = g_hash_table_lookup (self->files, path);
  if (file != NULL)
    g_bytes_ref (file);
  gzip_file = g_hash_table_lookup (self->gzip_files, path);
  if (gzip_file != NULL)
    g_bytes_ref (gzip_file);
  g_mutex_unlock (&self->mutex);
  if (gzip_file != NULL)
    {
      serve_gzip (msg, gzip_file, NULL);
      return;
    }
  if (file != NULL)
    {
      serve_file (msg, file);
      return;
    }

  if (g_str_equal (path, "/feed.json.minisig") || g_str_equal (path, "/chunked.json.minisig") ||
      g_str_equal (path, "/gzip.json.minisig"))
    {
      g_autoptr(GBytes) signature = NULL;

      g_mutex_lock (&self->mutex);
      signature = self->signature != NULL ? g_bytes_ref (self->signature) : NULL;
      g_mutex_unlock (&self->mutex);

      if (signature == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
        }
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          if (g_bytes_get_size (signature) > 0)
            soup_message_body_append_bytes (soup_server_message_get_response_body (msg), signature);
        }
    }
  else if (g_str_equal (path, "/feed.json"))
    {
      serve_feed (self, msg, FALSE);
    }
  else if (g_str_equal (path, "/chunked.json"))
    {
      serve_feed (self, msg, TRUE);
    }
  else if (g_str_equal (path, "/error"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
    }
  else if (g_str_equal (path, "/redirect-ftp"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "ftp://127.0.0.1/feed.json");
    }
  else if (g_str_equal (path, "/redirect-http"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/feed.json");
    }
  else if (g_str_equal (path, "/stall"))
    {
      /* Keep the connection open and say nothing until the test ends. */
      g_ptr_array_add (self->held, soup_server_message_steal_connection (msg));
    }
  else if (g_str_equal (path, "/truncated"))
    {
      serve_truncated (self, msg);
    }
  else if (g_str_equal (path, "/gzip.json"))
    {
      g_autoptr(GBytes) feed = NULL;
      g_autoptr(GBytes) compressed = NULL;
      g_autofree char *etag = NULL;

      g_mutex_lock (&self->mutex);
      feed = self->feed != NULL ? g_bytes_ref (self->feed) : NULL;
      etag = g_strdup (self->etag);
      g_mutex_unlock (&self->mutex);
      if (feed == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
          return;
        }
      compressed = test_gzip (feed);
      serve_gzip (msg, compressed, etag);
    }
  else if (g_str_equal (path, "/gzip-truncated.json"))
    {
      serve_gzip_truncated (self, msg);
    }
  else if (g_str_equal (path, "/always-304"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
    }
  else if (g_str_equal (path, "/drip"))
    {
      serve_drip (self, msg);
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static gpointer
server_thread (gpointer data)
{
  TestServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("tls-certificate", self->certificate, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  if (self->certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  /* listen_local binds 127.0.0.1 only: the tests never leave the machine. */
  soup_server_listen_local (self->server, 0, options, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_uri_ref (uris->data);
  g_assert_cmpstr (g_uri_get_host (self->base), ==, "127.0.0.1");
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&self->mutex);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  g_ptr_array_set_size (self->held, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

TestServer *
test_server_new (GTlsCertificate *certificate)
{
  TestServer *self = g_new0 (TestServer, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->n_requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  self->gzip_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  self->etag = g_strdup ("\"v1\"");
  self->thread = g_thread_new ("test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

void
test_server_free (TestServer *self)
{
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->feed, g_bytes_unref);
  g_clear_pointer (&self->signature, g_bytes_unref);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->n_requests, g_hash_table_unref);
  g_clear_pointer (&self->last_headers, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->gzip_files, g_hash_table_unref);
  g_clear_object (&self->certificate);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

char *
test_server_url (TestServer *self,
                 const char *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%d%s", g_uri_get_scheme (self->base),
                          g_uri_get_port (self->base), path);
}

void
test_server_set_feed (TestServer *self,
                      GBytes     *bytes,
                      const char *etag)
{
  /* Signed as a publisher would, before the server offers it. */
  g_autoptr(GBytes) signature = NULL;

  if (self->signing_key != NULL && bytes != NULL)
    signature = minisign_test_sign (self->signing_key, bytes, NULL, FALSE);

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->feed, g_bytes_unref);
  self->feed = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  g_clear_pointer (&self->signature, g_bytes_unref);
  self->signature = g_steal_pointer (&signature);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_mutex_unlock (&self->mutex);
}

/* Serves @bytes with 200 at @path, before any of the fixed paths. */
void
test_server_set_file (TestServer *self,
                      const char *path,
                      GBytes     *bytes)
{
  g_autoptr(GBytes) signature = NULL;

  if (self->signing_key != NULL && !g_str_has_suffix (path, ".minisig"))
    signature = minisign_test_sign (self->signing_key, bytes, NULL, FALSE);

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->files, g_strdup (path), g_bytes_ref (bytes));
  if (signature != NULL)
    g_hash_table_insert (self->files, g_strconcat (path, ".minisig", NULL), g_steal_pointer (&signature));
  g_mutex_unlock (&self->mutex);
}

/* Signs the feed, and from now on every feed and file set, with @key as
 * `minisign -Sm` does; the server serves each signature beside its file. */
void
test_server_sign_with (TestServer      *self,
                       MinisignTestKey *key)
{
  g_autoptr(GBytes) feed = NULL;
  g_autoptr(GBytes) signature = NULL;

  self->signing_key = key;

  g_mutex_lock (&self->mutex);
  feed = self->feed != NULL ? g_bytes_ref (self->feed) : NULL;
  g_mutex_unlock (&self->mutex);

  if (feed != NULL && key != NULL)
    signature = minisign_test_sign (key, feed, NULL, FALSE);

  test_server_set_signature (self, signature);
}

/* Serves @signature as /feed.json.minisig (none if %NULL) until the next
 * test_server_set_feed(). */
void
test_server_set_signature (TestServer *self,
                           GBytes     *signature)
{
  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->signature, g_bytes_unref);
  self->signature = signature != NULL ? g_bytes_ref (signature) : NULL;
  g_mutex_unlock (&self->mutex);
}

/* Serves @bytes gzip-compressed at @path (Content-Encoding: gzip), before
 * any of the fixed paths: a compression bomb, for example.
 */
void
test_server_set_gzip_file (TestServer *self,
                           const char *path,
                           GBytes     *bytes)
{
  g_autoptr(GBytes) compressed = test_gzip (bytes);
  g_autoptr(GBytes) signature = NULL;

  /* The signature is of the file as published, before compression. */
  if (self->signing_key != NULL)
    signature = minisign_test_sign (self->signing_key, bytes, NULL, FALSE);

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->gzip_files, g_strdup (path), g_steal_pointer (&compressed));
  if (signature != NULL)
    g_hash_table_insert (self->files, g_strconcat (path, ".minisig", NULL), g_steal_pointer (&signature));
  g_mutex_unlock (&self->mutex);
}

guint
test_server_get_n_requests (TestServer *self,
                            const char *path)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_requests, path));
  g_mutex_unlock (&self->mutex);

  return n;
}

char *
test_server_dup_last_header (TestServer *self,
                             const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  char *value;

  g_mutex_lock (&self->mutex);
  value = g_strdup (g_hash_table_lookup (self->last_headers, key));
  g_mutex_unlock (&self->mutex);

  return value;
}

static void
run_openssl (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl failed: %s", errors);
}

/* A certificate authority made for this run, and a server certificate it
 * signed for @subject_alt_name ("IP:127.0.0.1", or another name to test a
 * mismatch). @database_out trusts only that authority.
 */
GTlsCertificate *
test_tls_make_certificates (const char    *directory,
                            const char    *subject_alt_name,
                            GTlsDatabase **database_out)
{
  g_autofree char *ca_key = g_build_filename (directory, "ca.key", NULL);
  g_autofree char *ca_pem = g_build_filename (directory, "ca.pem", NULL);
  g_autofree char *name = g_strdelimit (g_strdup (subject_alt_name), ":.", '-');
  g_autofree char *key = g_strdup_printf ("%s/%s.key", directory, name);
  g_autofree char *pem = g_strdup_printf ("%s/%s.pem", directory, name);
  g_autofree char *san = g_strdup_printf ("subjectAltName=%s", subject_alt_name);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  if (!g_file_test (ca_pem, G_FILE_TEST_EXISTS))
    {
      const char *ca_argv[] = {
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", ca_key, "-out", ca_pem, "-days", "2", "-subj", "/CN=Haven Test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL
      };

      run_openssl (ca_argv);
    }

  {
    const char *server_argv[] = {
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
      "-nodes", "-keyout", key, "-out", pem, "-days", "2", "-subj", "/CN=Haven test server",
      "-CA", ca_pem, "-CAkey", ca_key, "-addext", san,
      "-addext", "basicConstraints=critical,CA:FALSE",
      "-addext", "extendedKeyUsage=serverAuth", NULL
    };

    run_openssl (server_argv);
  }

  certificate = g_tls_certificate_new_from_files (pem, key, &error);
  g_assert_no_error (error);

  if (database_out != NULL)
    {
      *database_out = g_tls_file_database_new (ca_pem, &error);
      g_assert_no_error (error);
    }

  return certificate;
}
