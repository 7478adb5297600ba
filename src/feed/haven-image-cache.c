/* haven-image-cache.c: the feed's images, fetched ahead and kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-image-cache"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <utime.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "haven-feed-url.h"
#include "haven-image-cache.h"

/* Every image of a feed is fetched after each feed update, whatever the
 * reader opens, so the requests say nothing about what they read. Each is
 * stored under the SHA-256 of its URL, only after it proved to be an image
 * of at most HAVEN_IMAGE_MAX_PIXELS per side; images the feed no longer
 * names are removed, and the oldest go when the folder outgrows its bound.
 * Widgets look an image up here and decode the file off the main thread.
 *
 * The whole update runs in one worker thread with libsoup's synchronous
 * API, which libsoup allows from any thread since 3.2.
 */

struct _HavenImageCache
{
  GObject      parent_instance;

  SoupSession *session;
  char        *directory;
  guint64      max_size;
};

G_DEFINE_FINAL_TYPE (HavenImageCache, haven_image_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DIRECTORY,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GStrv  urls;
  guint  n_failed;
} Update;

static void
update_free (Update *update)
{
  g_strfreev (update->urls);
  g_free (update);
}

static char *
path_for_url (HavenImageCache *self,
              const char      *url)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  return g_build_filename (self->directory, name, NULL);
}

/* Downloads one image into memory, at most HAVEN_IMAGE_MAX_SIZE bytes. */
static GBytes *
download (HavenImageCache  *self,
          const char       *url,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree char *limit = g_format_size (HAVEN_IMAGE_MAX_SIZE);
  goffset length;

  if (!haven_feed_url_check (url, HAVEN_URL_USE_IMAGE, HAVEN_FEED_ORIGIN_REMOTE, error))
    return NULL;

  message = soup_message_new ("GET", url);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not an image address: %s"), url);
      return NULL;
    }
  /* A redirect could lead anywhere; images are fetched from where the feed says. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  stream = soup_session_send (self->session, message, cancellable, error);
  if (stream == NULL)
    return NULL;

  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server answered “%u %s”."),
                   soup_message_get_status (message), soup_message_get_reason_phrase (message));
      return NULL;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (length > (goffset)HAVEN_IMAGE_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The image is larger than %s."), limit);
      return NULL;
    }

  for (;;)
    {
      guint8 buffer[16384];
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (guint64)n > HAVEN_IMAGE_MAX_SIZE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("The image is larger than %s."), limit);
          return NULL;
        }
      g_byte_array_append (body, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* Stores @bytes for @url if they are an image Haven will show. */
static gboolean
store (HavenImageCache  *self,
       const char       *url,
       GBytes           *bytes,
       GError          **error)
{
  g_autofree char *path = path_for_url (self, url);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  GdkPixbufFormat *format;
  int width = 0, height = 0;

  if (!g_file_set_contents (part, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;

  format = gdk_pixbuf_get_file_info (part, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      g_unlink (part);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not an image Haven can show."));
      return FALSE;
    }

  if (width > HAVEN_IMAGE_MAX_PIXELS || height > HAVEN_IMAGE_MAX_PIXELS)
    {
      g_unlink (part);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image is %d×%d pixels; at most %d×%d are allowed."),
                   width, height, HAVEN_IMAGE_MAX_PIXELS, HAVEN_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not store the image: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char   *path;
  gint64  mtime;
  goffset size;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = *(const Entry * const *)a, *y = *(const Entry * const *)b;

  return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

/* Removes what the feed no longer names, then the oldest beyond the bound. */
static void
prune (HavenImageCache    *self,
       const char * const *urls)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *name;
  guint64 total = 0;

  if (dir == NULL)
    return;

  for (guint i = 0; urls[i] != NULL; i++)
    g_hash_table_add (wanted, g_compute_checksum_for_string (G_CHECKSUM_SHA256, urls[i], -1));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      GStatBuf info;

      if (!g_hash_table_contains (wanted, name))
        {
          g_unlink (path);
          continue;
        }

      if (g_stat (path, &info) == 0)
        {
          Entry *entry = g_new0 (Entry, 1);

          entry->path = g_steal_pointer (&path);
          entry->mtime = info.st_mtime;
          entry->size = info.st_size;
          total += info.st_size;
          g_ptr_array_add (entries, entry);
        }
    }

  g_ptr_array_sort (entries, compare_oldest_first);
  for (guint i = 0; i < entries->len && total > self->max_size; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_debug ("The image cache is over its bound; removing %s", entry->path);
      g_unlink (entry->path);
      total -= entry->size;
    }
}

static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  HavenImageCache *self = source_object;
  Update *update = task_data;
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder %s: %s"),
                               self->directory, g_strerror (saved_errno));
      return;
    }

  for (guint i = 0; update->urls[i] != NULL; i++)
    {
      const char *url = update->urls[i];
      g_autofree char *path = path_for_url (self, url);
      g_autoptr(GBytes) bytes = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      /* Already here: mark it as recently wanted. */
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_utime (path, NULL);
          continue;
        }

      bytes = download (self, url, cancellable, &error);
      if (bytes == NULL || !store (self, url, bytes, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }

          g_debug ("Image %s not cached: %s", url, error->message);
          update->n_failed++;
          g_clear_error (&error);
        }
    }

  prune (self, (const char * const *)update->urls);
  g_task_return_boolean (task, TRUE);
}

static void
haven_image_cache_constructed (GObject *object)
{
  HavenImageCache *self = HAVEN_IMAGE_CACHE (object);

  G_OBJECT_CLASS (haven_image_cache_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_cache_dir (), "haven", "images", NULL);
}

static void
haven_image_cache_finalize (GObject *object)
{
  HavenImageCache *self = HAVEN_IMAGE_CACHE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (haven_image_cache_parent_class)->finalize (object);
}

static void
haven_image_cache_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HavenImageCache *self = HAVEN_IMAGE_CACHE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_image_cache_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HavenImageCache *self = HAVEN_IMAGE_CACHE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_MAX_SIZE:
      self->max_size = g_value_get_uint64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_image_cache_class_init (HavenImageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = haven_image_cache_constructed;
  object_class->finalize = haven_image_cache_finalize;
  object_class->get_property = haven_image_cache_get_property;
  object_class->set_property = haven_image_cache_set_property;

  /**
   * HavenImageCache:session:
   *
   * The session images are fetched through: the feed updater's, so they
   * share its user agent, timeouts and certificate checks.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenImageCache:max-size:
   *
   * The most bytes the cache keeps on disk.
   */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         0, G_MAXUINT64, HAVEN_IMAGE_CACHE_MAX_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_image_cache_init (HavenImageCache *self)
{
  self->max_size = HAVEN_IMAGE_CACHE_MAX_SIZE;
}

/**
 * haven_image_cache_new:
 * @session: the session to fetch through
 * @directory: (nullable): where to keep images; %NULL for `haven/images`
 *   in g_get_user_cache_dir()
 *
 * Returns: (transfer full): a cache
 */
HavenImageCache *
haven_image_cache_new (SoupSession *session,
                       const char  *directory)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  return g_object_new (HAVEN_TYPE_IMAGE_CACHE,
                       "session", session,
                       "directory", directory,
                       NULL);
}

const char *
haven_image_cache_get_directory (HavenImageCache *self)
{
  g_return_val_if_fail (HAVEN_IS_IMAGE_CACHE (self), NULL);

  return self->directory;
}

static void
add_url (GStrvBuilder *builder,
         GHashTable   *seen,
         const char   *url)
{
  /* Bundled images live in Haven's resources; nothing to fetch. */
  if (url == NULL || g_str_has_prefix (url, "resource:") || !g_hash_table_add (seen, (gpointer)url))
    return;

  g_strv_builder_add (builder, url);
}

/**
 * haven_image_cache_list_urls:
 * @feed: a feed
 *
 * Returns: (transfer full): every image URL of @feed to fetch: campaign
 *   heroes and creators' pictures, each once
 */
GStrv
haven_image_cache_list_urls (HavenFeed *feed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *campaigns, *explainers;

  g_return_val_if_fail (HAVEN_IS_FEED (feed), NULL);

  campaigns = haven_feed_get_campaigns (feed);
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(HavenCampaign) campaign = g_list_model_get_item (campaigns, i);

      add_url (builder, seen, haven_campaign_get_hero_url (campaign));
    }

  explainers = haven_feed_get_explainers (feed);
  for (guint i = 0; i < g_list_model_get_n_items (explainers); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (explainers, i);
      HavenPerson *creator = haven_explainer_get_creator (explainer);

      if (creator != NULL)
        add_url (builder, seen, creator->avatar_url);
    }

  return g_strv_builder_end (builder);
}

/**
 * haven_image_cache_lookup:
 * @url: an image URL from the feed
 *
 * Returns: (transfer full) (nullable): the cached image file, to decode off
 *   the main thread, or %NULL if it is not (yet) cached; show the item's
 *   accent colour then
 */
GFile *
haven_image_cache_lookup (HavenImageCache *self,
                          const char      *url)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HAVEN_IS_IMAGE_CACHE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  path = path_for_url (self, url);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}

/**
 * haven_image_cache_update_async:
 * @feed: the feed whose images to fetch
 * @cancellable: (nullable): stops the update
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches every image of @feed that is not cached yet, one after the
 * other, then removes the images @feed no longer names and the oldest
 * beyond #HavenImageCache:max-size. One image failing does not stop the
 * others.
 */
void
haven_image_cache_update_async (HavenImageCache     *self,
                                HavenFeed           *feed,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Update *update;

  g_return_if_fail (HAVEN_IS_IMAGE_CACHE (self));
  g_return_if_fail (HAVEN_IS_FEED (feed));

  update = g_new0 (Update, 1);
  update->urls = haven_image_cache_list_urls (feed);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_image_cache_update_async);
  g_task_set_task_data (task, update, (GDestroyNotify)update_free);
  g_task_run_in_thread (task, update_in_thread);
}

/**
 * haven_image_cache_update_finish:
 * @result: the result
 * @n_failed: (out) (optional): how many images could not be cached
 * @error: return location for an error
 *
 * Returns: %TRUE when the update ran (some images may have failed)
 */
gboolean
haven_image_cache_update_finish (HavenImageCache  *self,
                                 GAsyncResult     *result,
                                 guint            *n_failed,
                                 GError          **error)
{
  Update *update;

  g_return_val_if_fail (HAVEN_IS_IMAGE_CACHE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  update = g_task_get_task_data (G_TASK (result));
  if (n_failed != NULL)
    *n_failed = update->n_failed;

  return g_task_propagate_boolean (G_TASK (result), error);
}
