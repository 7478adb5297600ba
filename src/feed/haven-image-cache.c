/* haven-image-cache.c: the feed's images, fetched ahead and kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-image-cache"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <utime.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>

#include "haven-feed-url.h"
#include "haven-file-util.h"
#include "haven-image-cache.h"
#include "haven-image-io.h"

/* Every image of a feed is fetched after each feed update, whatever the
 * reader opens, so the requests say nothing about what they read. Each is
 * stored under the SHA-256 of its URL, only after it proved to be an image
 * Haven decodes (haven-image-check.c), with its ETag and Last-Modified in
 * a key file beside it (“NAME.info”).
 *
 * At each update, images the feed no longer names are removed first. A
 * cached image is asked for again only with its validators, so an
 * unchanged one costs a 304 and a changed one is fetched again; an image
 * the server gave no validator for is kept as it is. A new image is
 * stored only while the folder stays within #HavenImageCache:max-size,
 * in the feed's order: an image never pushes out another the same feed
 * names, which would be fetched again at the next update, and one that
 * cannot fit is not downloaded past the room left. If the folder is over
 * its bound anyway (a smaller bound), the images shown least recently go.
 * Every download has a deadline from start to end, so a server that
 * sends a byte now and then is cut off.
 *
 * The whole update runs in one worker thread with libsoup's synchronous
 * API, which libsoup allows from any thread since 3.2. Widgets ask
 * haven_image_cache_load_async() for pixels, decoded in a worker thread,
 * and wait for #HavenImageCache::image-stored when it is not there yet.
 */

struct _HavenImageCache
{
  GObject      parent_instance;

  SoupSession *session;
  char        *directory;
  guint64      max_size;
  guint        deadline;
};

G_DEFINE_FINAL_TYPE (HavenImageCache, haven_image_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DIRECTORY,
  PROP_MAX_SIZE,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMAGE_STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define INFO_SUFFIX ".info"

typedef struct
{
  GStrv         urls;
  guint         n_failed;
  SoupSession  *session;
  GMainContext *context;   /* where the task returns, its deadlines and signals run */
} Update;

static void
update_free (Update *update)
{
  g_strfreev (update->urls);
  g_object_unref (update->session);
  g_main_context_unref (update->context);
  g_free (update);
}

static char *
path_for_url (HavenImageCache *self,
              const char      *url)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  return g_build_filename (self->directory, name, NULL);
}

typedef struct
{
  HavenImageCache *cache;
  char            *url;
} Stored;

static gboolean
emit_stored_cb (gpointer data)
{
  Stored *stored = data;

  g_signal_emit (stored->cache, signals[IMAGE_STORED], 0, stored->url);

  return G_SOURCE_REMOVE;
}

static void
stored_free (gpointer data)
{
  Stored *stored = data;

  g_object_unref (stored->cache);
  g_free (stored->url);
  g_free (stored);
}

/* Stores @bytes for @url, with what revalidates them. */
static gboolean
store (HavenImageCache  *self,
       const char       *url,
       GBytes           *bytes,
       const char       *etag,
       const char       *last_modified,
       GError          **error)
{
  g_autofree char *path = path_for_url (self, url);
  g_autofree char *info_path = g_strconcat (path, INFO_SUFFIX, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  /* The old validators must never describe new bytes. */
  g_unlink (info_path);
  if (!haven_file_replace (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0600,
                           &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not store the image: %s"), local_error->message);
      return FALSE;
    }

  if (etag == NULL && last_modified == NULL)
    return TRUE;

  g_key_file_set_string (info, "image", "url", url);
  if (etag != NULL)
    g_key_file_set_string (info, "image", "etag", etag);
  if (last_modified != NULL)
    g_key_file_set_string (info, "image", "last-modified", last_modified);
  text = g_key_file_to_data (info, &length, NULL);

  /* Without it the image is only never revalidated. */
  if (!haven_file_replace (info_path, text, length, 0600, NULL))
    g_debug ("Could not store how to revalidate %s", url);

  return TRUE;
}

static GKeyFile *
read_info (const char *path)
{
  g_autofree char *info_path = g_strconcat (path, INFO_SUFFIX, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_steal_pointer (&info);
}

static void
remove_entry (const char *path)
{
  g_autofree char *info_path = g_strconcat (path, INFO_SUFFIX, NULL);

  g_unlink (path);
  g_unlink (info_path);
}

typedef struct
{
  char    *path;
  gint64   mtime;
  goffset  size;
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

/* Removes what @urls do not name (and stray partial files), then the
 * images shown least recently while the folder is over its bound.
 * Returns the size of what stays. */
static guint64
prune (HavenImageCache    *self,
       const char * const *urls)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *name;
  guint64 total = 0;

  if (dir == NULL)
    return 0;

  for (guint i = 0; urls[i] != NULL; i++)
    g_hash_table_add (wanted, g_compute_checksum_for_string (G_CHECKSUM_SHA256, urls[i], -1));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      g_autofree char *image = g_str_has_suffix (name, INFO_SUFFIX) ?
                               g_strndup (name, strlen (name) - strlen (INFO_SUFFIX)) : NULL;
      GStatBuf info;

      if (image != NULL)
        {
          if (!g_hash_table_contains (wanted, image))
            g_unlink (path);
          continue;
        }

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
      remove_entry (entry->path);
      total -= entry->size;
    }

  return total;
}

static goffset
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? info.st_size : -1;
}

/* Fetches, checks and stores one image; FALSE when it is not cached. */
static gboolean
update_one (HavenImageCache  *self,
            Update           *update,
            const char       *url,
            guint64          *total,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autofree char *path = path_for_url (self, url);
  g_autoptr(GKeyFile) info = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *new_last_modified = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset old_size = file_size (path);
  guint64 room;
  HavenImageFetchResult result;

  if (old_size >= 0)
    {
      info = read_info (path);
      if (info != NULL)
        {
          etag = g_key_file_get_string (info, "image", "etag", NULL);
          last_modified = g_key_file_get_string (info, "image", "last-modified", NULL);
        }

      /* Nothing to ask the server with: keep it as it is. */
      if (etag == NULL && last_modified == NULL)
        {
          g_utime (path, NULL);
          return TRUE;
        }
    }

  room = self->max_size - MIN (self->max_size, *total - MAX (old_size, 0));
  if (room == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("The image cache is full."));
      return old_size >= 0;
    }

  result = haven_image_fetch (update->session, update->context, self->deadline, url, etag, last_modified,
                              MIN (room, HAVEN_IMAGE_MAX_SIZE), &bytes, &new_etag, &new_last_modified,
                              cancellable, &local_error);
  if (result == HAVEN_IMAGE_FETCH_NOT_MODIFIED)
    {
      g_utime (path, NULL);
      return TRUE;
    }

  if (result == HAVEN_IMAGE_FETCH_OK)
    {
      /* A small decode proves the data is whole without costing much. */
      pixbuf = haven_image_decode (bytes, 64, 64, &local_error);
      if (pixbuf != NULL && store (self, url, bytes, new_etag, new_last_modified, &local_error))
        {
          Stored *stored = g_new0 (Stored, 1);

          *total = *total - MAX (old_size, 0) + g_bytes_get_size (bytes);
          stored->cache = g_object_ref (self);
          stored->url = g_strdup (url);
          g_main_context_invoke_full (update->context, G_PRIORITY_DEFAULT, emit_stored_cb, stored, stored_free);
          return TRUE;
        }
    }

  /* An image already here stays as it is when the new one fails. */
  g_propagate_error (error, g_steal_pointer (&local_error));
  return old_size >= 0;
}

static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  HavenImageCache *self = source_object;
  Update *update = task_data;
  guint64 total;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder %s: %s"),
                               self->directory, g_strerror (saved_errno));
      return;
    }

  total = prune (self, (const char * const *)update->urls);

  for (guint i = 0; update->urls[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (!update_one (self, update, update->urls[i], &total, cancellable, &error))
        {
          if (g_cancellable_is_cancelled (cancellable))
            continue;
          update->n_failed++;
        }
      if (error != NULL)
        g_debug ("Image %s: %s", update->urls[i], error->message);
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

    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
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
      haven_image_cache_set_session (self, g_value_get_object (value));
      break;

    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_MAX_SIZE:
      self->max_size = g_value_get_uint64 (value);
      break;

    case PROP_DEADLINE:
      self->deadline = g_value_get_uint (value);
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
   * share its user agent, timeouts and certificate checks. Without one the
   * cache only reads what it has: widgets get a cache before the first
   * frame, and the session comes with the first update, after it.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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

  /**
   * HavenImageCache:deadline:
   *
   * The most seconds one image may take to arrive, from the request to
   * its last byte.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL,
                       1, G_MAXUINT, HAVEN_IMAGE_DEADLINE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenImageCache::image-stored:
   * @url: the image's URL in the feed
   *
   * A new or changed image is in the cache: widgets showing it, or
   * waiting for it, load it again.
   */
  signals[IMAGE_STORED] =
    g_signal_new ("image-stored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
haven_image_cache_init (HavenImageCache *self)
{
  self->max_size = HAVEN_IMAGE_CACHE_MAX_SIZE;
  self->deadline = HAVEN_IMAGE_DEADLINE;
}

/**
 * haven_image_cache_new:
 * @session: (nullable): the session to fetch through; see
 *   haven_image_cache_set_session()
 * @directory: (nullable): where to keep images; %NULL for `haven/images`
 *   in g_get_user_cache_dir()
 *
 * Returns: (transfer full): a cache
 */
HavenImageCache *
haven_image_cache_new (SoupSession *session,
                       const char  *directory)
{
  g_return_val_if_fail (!session || SOUP_IS_SESSION (session), NULL);

  return g_object_new (HAVEN_TYPE_IMAGE_CACHE,
                       "session", session,
                       "directory", directory,
                       NULL);
}

/**
 * haven_image_cache_set_session:
 * @session: (nullable): the session to fetch through from now on
 */
void
haven_image_cache_set_session (HavenImageCache *self,
                               SoupSession     *session)
{
  g_return_if_fail (HAVEN_IS_IMAGE_CACHE (self));
  g_return_if_fail (!session || SOUP_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
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
 * Removes the images @feed no longer names, then fetches every image of
 * @feed that is not cached yet and revalidates those that are, one after
 * the other, within #HavenImageCache:max-size. One image failing does not
 * stop the others. The thread-default main context must run meanwhile:
 * the deadlines and #HavenImageCache::image-stored run there.
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
  g_return_if_fail (self->session != NULL);

  update = g_new0 (Update, 1);
  update->session = g_object_ref (self->session);
  update->urls = haven_image_cache_list_urls (feed);
  update->context = g_main_context_ref_thread_default ();

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

typedef struct
{
  char *url;
  char *path;
  int   width;
  int   height;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->url);
  g_free (load->path);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  if (load->path == NULL)
    {
      /* Bundled art, in Haven's resources. */
      bytes = g_resources_lookup_data (load->url + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
    }
  else
    {
      char *data = NULL;
      gsize length;
      goffset size = file_size (load->path);

      if (size < 0)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The image is not cached yet."));
      else if ((guint64)size > HAVEN_IMAGE_MAX_SIZE)
        g_set_error (&error, HAVEN_IMAGE_ERROR, HAVEN_IMAGE_ERROR_TOO_LARGE, _("The image is too large."));
      else if (g_file_get_contents (load->path, &data, &length, &error))
        bytes = g_bytes_new_take (data, length);

      /* Shown now: the last to go when the cache is over its bound. */
      if (bytes != NULL)
        g_utime (load->path, NULL);
    }

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  pixbuf = haven_image_decode (bytes, load->width, load->height, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/**
 * haven_image_cache_load_async:
 * @url: an image URL from the feed: a cached one, or a bundled
 *   `resource:///` one
 * @width: the width in pixels to cover, or 0 for the natural size
 * @height: the height in pixels to cover, or 0
 * @cancellable: (nullable): stops the load, as when the widget goes away
 * @callback: called with the pixels
 * @user_data: data for @callback
 *
 * Reads and decodes the image in a worker thread (see
 * haven_image_decode()). Fails with %G_IO_ERROR_NOT_FOUND when the image
 * is not cached yet; #HavenImageCache::image-stored says when it is.
 */
void
haven_image_cache_load_async (HavenImageCache     *self,
                              const char          *url,
                              int                  width,
                              int                  height,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (HAVEN_IS_IMAGE_CACHE (self));
  g_return_if_fail (url != NULL);

  load = g_new0 (Load, 1);
  load->url = g_strdup (url);
  if (!g_str_has_prefix (url, "resource:///"))
    load->path = path_for_url (self, url);
  load->width = width;
  load->height = height;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_image_cache_load_async);
  g_task_set_task_data (task, load, load_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * haven_image_cache_load_finish:
 *
 * Returns: (transfer full): the image's pixels, or %NULL
 */
GdkPixbuf *
haven_image_cache_load_finish (HavenImageCache  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (HAVEN_IS_IMAGE_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
