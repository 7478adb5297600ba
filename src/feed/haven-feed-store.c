/* haven-feed-store.c: the last good copy of the feed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-store"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-parser.h"
#include "haven-feed-scan.h"
#include "haven-feed-store.h"
#include "haven-file-util.h"

/* The copy is two files in one directory: feed.json, exactly the bytes the
 * server sent, and feed.ini with what Haven knows about them. Each is
 * replaced atomically (temporary file, fsync, rename), the feed first. A
 * crash between the two renames leaves the new feed with the old metadata;
 * the metadata names the checksum of its feed, so Haven then forgets the old
 * ETag instead of pairing it with the wrong copy.
 *
 * Haven and `haven --update-feed` may store at the same time: each save
 * holds the lock of feed.json (see haven-file-util.h) for both renames, and
 * removes the temporary files that a writer killed in the middle left.
 * Reading never waits for the lock, and reads only a regular file of at
 * most HAVEN_FEED_MAX_SIZE bytes: a link, FIFO, device or folder in the
 * copy's place is refused at once, and Haven shows the bundled feed.
 */
#define FEED_FILE "feed.json"
#define META_FILE "feed.ini"
#define META_GROUP "feed"

/* feed.ini holds a few short lines; anything this large was not written by Haven. */
#define META_MAX_SIZE (64 * 1024)

/* How long a save waits for another Haven's to finish. */
#define LOCK_TIMEOUT_MS 10000

struct _HavenFeedStore
{
  GObject     parent_instance;

  char       *directory;

  /* Saving and marking run in worker threads; the getters on the main one. */
  GMutex      mutex;
  char       *etag;
  char       *last_modified;
  char       *checksum;
  GDateTime  *fetched;
  GDateTime  *checked;
  GDate       generated;
};

G_DEFINE_FINAL_TYPE (HavenFeedStore, haven_feed_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
build_path (HavenFeedStore *self,
            const char     *name)
{
  return g_build_filename (self->directory, name, NULL);
}

static GDateTime *
key_file_get_time (GKeyFile   *key_file,
                   const char *key)
{
  g_autofree char *text = g_key_file_get_string (key_file, META_GROUP, key, NULL);

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
key_file_set_time (GKeyFile   *key_file,
                   const char *key,
                   GDateTime  *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;

  text = g_date_time_format_iso8601 (time);
  g_key_file_set_string (key_file, META_GROUP, key, text);
}

/* Called with the mutex held. */
static void
haven_feed_store_read_meta (HavenFeedStore *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = build_path (self, META_FILE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  bytes = haven_file_read (path, META_MAX_SIZE, HAVEN_FILE_NONE, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Ignoring %s: %s", path, error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!g_key_file_load_from_data (key_file, data != NULL ? data : "", length, G_KEY_FILE_NONE, NULL))
    return;

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->fetched, g_date_time_unref);
  g_clear_pointer (&self->checked, g_date_time_unref);

  self->etag = g_key_file_get_string (key_file, META_GROUP, "etag", NULL);
  self->last_modified = g_key_file_get_string (key_file, META_GROUP, "last-modified", NULL);
  self->checksum = g_key_file_get_string (key_file, META_GROUP, "sha256", NULL);
  self->fetched = key_file_get_time (key_file, "fetched");
  self->checked = key_file_get_time (key_file, "checked");
}

static gboolean
write_atomically (HavenFeedStore  *self,
                  const char      *name,
                  const char      *data,
                  gsize            length,
                  GError         **error)
{
  g_autofree char *path = build_path (self, name);
  g_autoptr(GError) local_error = NULL;

  if (!haven_file_replace (path, data, length, 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says why, such as “No space left on device” */
                   _("Could not save the feed: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Takes the lock every writer of the copy holds, and removes what writers
 * killed in the middle left, including the temporary files of
 * g_file_set_contents() that earlier versions of Haven used. */
static HavenFileLock *
lock_copy (HavenFeedStore  *self,
           guint            timeout_ms,
           GError         **error)
{
  g_autofree char *feed_path = build_path (self, FEED_FILE);
  g_autofree char *meta_path = build_path (self, META_FILE);
  g_autoptr(GError) local_error = NULL;
  HavenFileLock *lock;

  lock = haven_file_lock_acquire (feed_path, timeout_ms, &local_error);
  if (lock == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says why, such as “No space left on device” */
                   _("Could not save the feed: %s"), local_error->message);
      return NULL;
    }

  haven_file_remove_temp_files (feed_path, TRUE);
  haven_file_remove_temp_files (meta_path, TRUE);

  return lock;
}

/* Called with the mutex held. */
static gboolean
haven_feed_store_write_meta (HavenFeedStore  *self,
                             GError         **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length;

  if (self->etag != NULL)
    g_key_file_set_string (key_file, META_GROUP, "etag", self->etag);
  if (self->last_modified != NULL)
    g_key_file_set_string (key_file, META_GROUP, "last-modified", self->last_modified);
  if (self->checksum != NULL)
    g_key_file_set_string (key_file, META_GROUP, "sha256", self->checksum);
  key_file_set_time (key_file, "fetched", self->fetched);
  key_file_set_time (key_file, "checked", self->checked);
  if (g_date_valid (&self->generated))
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &self->generated);
      g_key_file_set_string (key_file, META_GROUP, "generated", text);
    }

  data = g_key_file_to_data (key_file, &length, NULL);

  return write_atomically (self, META_FILE, data, length, error);
}

static void
haven_feed_store_constructed (GObject *object)
{
  HavenFeedStore *self = HAVEN_FEED_STORE (object);

  G_OBJECT_CLASS (haven_feed_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), "haven", NULL);

  g_mutex_lock (&self->mutex);
  haven_feed_store_read_meta (self);
  g_mutex_unlock (&self->mutex);
}

static void
haven_feed_store_finalize (GObject *object)
{
  HavenFeedStore *self = HAVEN_FEED_STORE (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->fetched, g_date_time_unref);
  g_clear_pointer (&self->checked, g_date_time_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (haven_feed_store_parent_class)->finalize (object);
}

static void
haven_feed_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HavenFeedStore *self = HAVEN_FEED_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HavenFeedStore *self = HAVEN_FEED_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_store_class_init (HavenFeedStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = haven_feed_store_constructed;
  object_class->finalize = haven_feed_store_finalize;
  object_class->get_property = haven_feed_store_get_property;
  object_class->set_property = haven_feed_store_set_property;

  /**
   * HavenFeedStore:directory:
   *
   * Where the copy lives; by default `haven` in the user's data directory.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_feed_store_init (HavenFeedStore *self)
{
  g_mutex_init (&self->mutex);
  g_date_clear (&self->generated, 1);
}

/**
 * haven_feed_store_new:
 * @directory: (nullable): where to keep the copy; %NULL for `haven` in
 *   g_get_user_data_dir()
 *
 * Returns: (transfer full): a store, with the metadata of the copy read
 */
HavenFeedStore *
haven_feed_store_new (const char *directory)
{
  return g_object_new (HAVEN_TYPE_FEED_STORE,
                       "directory", directory,
                       NULL);
}

const char *
haven_feed_store_get_directory (HavenFeedStore *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);

  return self->directory;
}

static char *
dup_string_locked (HavenFeedStore *self,
                   char          **field)
{
  char *copy;

  g_mutex_lock (&self->mutex);
  copy = g_strdup (*field);
  g_mutex_unlock (&self->mutex);

  return copy;
}

static GDateTime *
dup_time_locked (HavenFeedStore  *self,
                 GDateTime      **field)
{
  GDateTime *copy;

  g_mutex_lock (&self->mutex);
  copy = *field != NULL ? g_date_time_ref (*field) : NULL;
  g_mutex_unlock (&self->mutex);

  return copy;
}

/**
 * haven_feed_store_dup_etag:
 *
 * Returns: (transfer full) (nullable): the ETag the server sent with the
 *   stored copy, for If-None-Match
 */
char *
haven_feed_store_dup_etag (HavenFeedStore *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);

  return dup_string_locked (self, &self->etag);
}

/**
 * haven_feed_store_dup_last_modified:
 *
 * Returns: (transfer full) (nullable): the Last-Modified the server sent
 *   with the stored copy, for If-Modified-Since
 */
char *
haven_feed_store_dup_last_modified (HavenFeedStore *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);

  return dup_string_locked (self, &self->last_modified);
}

/**
 * haven_feed_store_dup_fetched:
 *
 * Returns: (transfer full) (nullable): when the stored copy was downloaded
 */
GDateTime *
haven_feed_store_dup_fetched (HavenFeedStore *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);

  return dup_time_locked (self, &self->fetched);
}

/**
 * haven_feed_store_dup_checked:
 *
 * Returns: (transfer full) (nullable): when the server last confirmed the
 *   stored copy (by sending it or answering 304 Not Modified)
 */
GDateTime *
haven_feed_store_dup_checked (HavenFeedStore *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);

  return dup_time_locked (self, &self->checked);
}

/**
 * haven_feed_store_get_generated:
 * @generated: (out caller-allocates): the date
 *
 * The `generated` date of the feed Haven shows, as set by
 * haven_feed_store_load_best(), haven_feed_store_save() or
 * haven_feed_store_set_generated(). An update older than it is refused.
 *
 * Returns: %TRUE if the date is known
 */
gboolean
haven_feed_store_get_generated (HavenFeedStore *self,
                                GDate          *generated)
{
  gboolean known;

  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), FALSE);
  g_return_val_if_fail (generated != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  *generated = self->generated;
  known = g_date_valid (&self->generated);
  g_mutex_unlock (&self->mutex);

  return known;
}

void
haven_feed_store_set_generated (HavenFeedStore *self,
                                const GDate    *generated)
{
  g_return_if_fail (HAVEN_IS_FEED_STORE (self));

  g_mutex_lock (&self->mutex);
  if (generated != NULL && g_date_valid (generated))
    self->generated = *generated;
  else
    g_date_clear (&self->generated, 1);
  g_mutex_unlock (&self->mutex);
}

/**
 * haven_feed_store_load:
 * @error: return location for an error
 *
 * Reads and validates the stored copy, as a feed from the network. When
 * the metadata belongs to another copy (a crash between the two renames)
 * its ETag and Last-Modified are forgotten.
 *
 * Returns: (transfer full) (nullable): the stored feed, or %NULL with
 *   @error set if there is none (G_IO_ERROR_NOT_FOUND), it is not a regular
 *   file or too large (see haven-file-util.h), or it is not valid
 */
HavenFeed *
haven_feed_store_load (HavenFeedStore  *self,
                       GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(HavenFileLock) lock = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Leftovers of a killed writer are removed when no writer is under way;
   * reading does not wait for one that is, its renames are atomic. */
  if (g_file_test (self->directory, G_FILE_TEST_IS_DIR))
    {
      lock = lock_copy (self, 0, NULL);
      g_clear_pointer (&lock, haven_file_lock_release);
    }

  path = build_path (self, FEED_FILE);
  bytes = haven_file_read (path, HAVEN_FEED_MAX_SIZE, HAVEN_FILE_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s says why, such as “it is not a regular file” */
                   _("Could not read the stored feed: %s"), local_error->message);
      return NULL;
    }

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, error);
  if (feed == NULL)
    return NULL;

  g_mutex_lock (&self->mutex);
  haven_feed_store_read_meta (self);
  if (g_strcmp0 (checksum, self->checksum) != 0)
    {
      g_debug ("The metadata in %s belongs to another copy; forgetting its ETag", self->directory);
      g_clear_pointer (&self->etag, g_free);
      g_clear_pointer (&self->last_modified, g_free);
    }
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&feed);
}

/**
 * haven_feed_store_load_best:
 * @origin_out: (out) (optional): %HAVEN_FEED_ORIGIN_REMOTE for the stored
 *   copy, %HAVEN_FEED_ORIGIN_BUNDLED for the bundled feed
 * @error: return location for an error
 *
 * Chooses what Haven shows at start: the stored copy if it is valid and
 * not older (by its `generated` date) than the feed bundled with this
 * version of Haven, else the bundled feed.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL if even the
 *   bundled feed could not be loaded
 */
HavenFeed *
haven_feed_store_load_best (HavenFeedStore   *self,
                            HavenFeedOrigin  *origin_out,
                            GError          **error)
{
  g_autoptr(HavenFeed) stored = NULL;
  g_autoptr(HavenFeed) bundled = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = haven_feed_store_load (self, &local_error);
  if (stored == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("The stored feed in %s is not usable, showing the bundled one: %s",
               self->directory, local_error->message);
  g_clear_error (&local_error);

  bundled = haven_feed_load_bundled (&local_error);
  if (bundled == NULL)
    g_critical ("The bundled feed is broken: %s", local_error->message);

  if (stored != NULL &&
      (bundled == NULL ||
       g_date_compare (haven_feed_get_generated (stored), haven_feed_get_generated (bundled)) >= 0))
    {
      haven_feed_store_set_generated (self, haven_feed_get_generated (stored));
      if (origin_out != NULL)
        *origin_out = HAVEN_FEED_ORIGIN_REMOTE;

      return g_steal_pointer (&stored);
    }

  if (bundled == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  haven_feed_store_set_generated (self, haven_feed_get_generated (bundled));
  if (origin_out != NULL)
    *origin_out = HAVEN_FEED_ORIGIN_BUNDLED;

  return g_steal_pointer (&bundled);
}

/**
 * haven_feed_store_save:
 * @bytes: the feed exactly as the server sent it
 * @feed: (nullable): @bytes parsed, for its `generated` date
 * @etag: (nullable): the ETag header of the response
 * @last_modified: (nullable): the Last-Modified header of the response
 * @fetched: when the response arrived
 * @error: return location for an error
 *
 * Replaces the stored copy atomically; the caller has validated @bytes.
 * Blocks on disk I/O: call it from a worker thread.
 *
 * Returns: %TRUE on success; on failure the previous copy is intact
 */
gboolean
haven_feed_store_save (HavenFeedStore  *self,
                       GBytes          *bytes,
                       HavenFeed       *feed,
                       const char      *etag,
                       const char      *last_modified,
                       GDateTime       *fetched,
                       GError         **error)
{
  g_autoptr(HavenFileLock) lock = NULL;
  const char *data;
  gsize length;
  gboolean saved;

  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (feed == NULL || HAVEN_IS_FEED (feed), FALSE);
  g_return_val_if_fail (fetched != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lock = lock_copy (self, LOCK_TIMEOUT_MS, error);
  if (lock == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!write_atomically (self, FEED_FILE, data != NULL ? data : "", length, error))
    return FALSE;

  g_mutex_lock (&self->mutex);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_free (self->last_modified);
  self->last_modified = g_strdup (last_modified);
  g_free (self->checksum);
  self->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                (const guchar *)(data != NULL ? data : ""), length);
  g_clear_pointer (&self->fetched, g_date_time_unref);
  self->fetched = g_date_time_ref (fetched);
  g_clear_pointer (&self->checked, g_date_time_unref);
  self->checked = g_date_time_ref (fetched);
  if (feed != NULL)
    self->generated = *haven_feed_get_generated (feed);
  saved = haven_feed_store_write_meta (self, error);
  g_mutex_unlock (&self->mutex);

  return saved;
}

/**
 * haven_feed_store_mark_checked:
 * @checked: when the server confirmed the copy
 * @error: return location for an error
 *
 * Records that the server answered 304 Not Modified. Blocks on disk I/O.
 *
 * Returns: %TRUE on success
 */
gboolean
haven_feed_store_mark_checked (HavenFeedStore  *self,
                               GDateTime       *checked,
                               GError         **error)
{
  g_autoptr(HavenFileLock) lock = NULL;
  gboolean saved;

  g_return_val_if_fail (HAVEN_IS_FEED_STORE (self), FALSE);
  g_return_val_if_fail (checked != NULL, FALSE);

  lock = lock_copy (self, LOCK_TIMEOUT_MS, error);
  if (lock == NULL)
    return FALSE;

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->checked, g_date_time_unref);
  self->checked = g_date_time_ref (checked);
  saved = haven_feed_store_write_meta (self, error);
  g_mutex_unlock (&self->mutex);

  return saved;
}
