/* haven-content.c: the content Haven shows, its updates and the reader's region
 *
 * One object answers "which feed is current", "is an update running, and
 * how did the last one go" and "which region is the reader in". The
 * windows, the search provider and the safety plan bind to its properties
 * and never work these out themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-content"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-content.h"
#include "haven-content-status.h"
#include "haven-feed-store.h"
#include "haven-feed-updater.h"
#include "haven-image-cache.h"
#include "haven-reader-region.h"

/* Refresh at start when the copy was last confirmed longer ago than this. */
#define STALE_AFTER (6 * G_TIME_SPAN_HOUR)

struct _HavenContent
{
  GObject            parent_instance;

  GSettings         *settings;
  char              *feed_url_override;
  /* For this run: --feed-key, and --unsigned-preview (shown, never kept). */
  char              *feed_key_override;
  gboolean           unsigned_preview;

  /* The copy on disk and how it is kept fresh. */
  HavenFeedStore    *store;
  HavenFeedUpdater  *updater;
  HavenImageCache   *image_cache;
  GCancellable      *cancellable;
  GThread           *loader;
  HavenFeedOrigin    load_origin;
  GError            *load_error;
  gboolean           loaded;

  HavenFeed         *feed;
  HavenFeedOrigin    origin;
  guint              n_running;
  char              *status;
  char              *status_detail;
  gboolean           offline;
  gboolean           started;
  gboolean           network_available;
  gulong             network_changed_id;
  guint              retry_id;

  /* Which region the reader is in: see haven-reader-region.c. */
  HavenReaderRegion *region;
};

G_DEFINE_FINAL_TYPE (HavenContent, haven_content, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FEED,
  PROP_BUSY,
  PROP_STATUS,
  PROP_STATUS_DETAIL,
  PROP_OFFLINE,
  PROP_REGION,
  PROP_UNSIGNED_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
region_changed_cb (HavenContent *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

static gpointer
load_thread (gpointer data)
{
  HavenContent *self = data;

  return haven_feed_store_load_best (self->store, &self->load_origin, &self->load_error);
}

/* The feed is there before anyone can ask: the thread started by
 * haven_content_load_in_background() is joined, or the copy is read now. */
static void
ensure_loaded (HavenContent *self)
{
  if (self->loaded)
    return;

  self->loaded = TRUE;
  if (self->loader != NULL)
    self->feed = g_thread_join (g_steal_pointer (&self->loader));
  else
    self->feed = load_thread (self);
  self->origin = self->load_origin;

  /* The bundled feed is built in and checked by the build. */
  if (self->feed == NULL)
    g_critical ("The bundled feed is broken: %s", self->load_error->message);
  g_clear_error (&self->load_error);

  /* Told of changes only from now: the first answer is no change. */
  haven_reader_region_set_feed (self->region, self->feed);
  g_signal_connect_swapped (self->region, "notify::code",
                            G_CALLBACK (region_changed_cb), self);
}

static void
set_status (HavenContent *self,
            const char   *status,
            const char   *detail)
{
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (self->status_detail, detail) != 0)
    {
      g_free (self->status_detail);
      self->status_detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DETAIL]);
    }
}

static void
show_offline_status (HavenContent *self,
                     const char   *detail)
{
  g_autofree char *status = haven_content_status_dup_offline (self->store, self->origin,
                                                              self->feed);

  set_status (self, status, detail);
}

static gboolean
retry_cb (gpointer data)
{
  HavenContent *self = data;

  self->retry_id = 0;
  haven_content_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
images_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (!haven_image_cache_update_finish (HAVEN_IMAGE_CACHE (object), result, &n_failed, &error))
    g_debug ("Images not updated: %s", error->message);
  else if (n_failed > 0)
    g_debug ("%u images could not be cached; their placeholders stay", n_failed);
}

/* Every image of the new feed, through the same session, whatever the reader opens. */
static void
update_images (HavenContent *self)
{
  haven_image_cache_set_session (haven_content_get_image_cache (self),
                                 haven_feed_updater_get_session (self->updater));
  haven_image_cache_update_async (self->image_cache, self->feed, self->cancellable,
                                  images_cb, NULL);
}

static void
set_running (HavenContent *self,
             gboolean      running)
{
  gboolean was_busy = self->n_running > 0;

  if (running)
    self->n_running++;
  else
    self->n_running--;

  if (was_busy != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The keys of the feed-public-keys setting as they are now (an
 * administrator may change them), plus --feed-key for this run; an unsigned
 * preview needs no signature and keeps nothing. */
static void
configure_trust (HavenContent *self)
{
  g_auto(GStrv) keys = g_settings_get_strv (self->settings, "feed-public-keys");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) trusted = NULL;

  g_strv_builder_addv (builder, (const char **)keys);
  if (self->feed_key_override != NULL)
    g_strv_builder_add (builder, self->feed_key_override);
  trusted = g_strv_builder_end (builder);

  haven_feed_updater_set_trusted_keys (self->updater, (const char * const *)trusted);
  haven_feed_updater_set_require_signature (self->updater, !self->unsigned_preview);
  haven_feed_updater_set_store_updates (self->updater, !self->unsigned_preview);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HavenContent *self = g_task_get_source_object (task);
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeedUpdateResult update_result;
  guint delay;

  update_result = haven_feed_updater_update_finish (HAVEN_FEED_UPDATER (object), result,
                                                    &feed, &error);
  switch (update_result)
    {
    case HAVEN_FEED_UPDATE_UPDATED:
      g_debug ("Fresh content arrived");
      self->origin = HAVEN_FEED_ORIGIN_REMOTE;
      if (g_set_object (&self->feed, feed))
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
          haven_reader_region_set_feed (self->region, self->feed);
        }
      set_status (self, NULL, NULL);
      /* A preview leaves nothing behind, not even images. */
      if (!self->unsigned_preview)
        update_images (self);
      break;

    case HAVEN_FEED_UPDATE_NOT_MODIFIED:
      set_status (self, NULL, NULL);
      break;

    case HAVEN_FEED_UPDATE_FAILED:
    default:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        break;

      g_debug ("Update failed: %s", error->message);
      if (g_error_matches (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_OFFLINE))
        show_offline_status (self, error->message);
      else
        set_status (self, haven_feed_update_error_get_summary (error), error->message);

      delay = haven_feed_updater_get_retry_delay (HAVEN_FEED_UPDATER (object));
      g_clear_handle_id (&self->retry_id, g_source_remove);
      if (delay > 0)
        self->retry_id = g_timeout_add_seconds (delay, retry_cb, self);
      break;
    }

  set_running (self, FALSE);

  if (update_result == HAVEN_FEED_UPDATE_FAILED)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, update_result);
}

/**
 * haven_content_refresh_async:
 * @self: the content
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the update is done
 * @user_data: data for @callback
 *
 * Fetches the feed now, stores and shows it when it is newer, and says
 * how it went in #HavenContent:status. A failed update is tried again
 * later, as the updater advises.
 */
void
haven_content_refresh_async (HavenContent        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (HAVEN_IS_CONTENT (self));

  ensure_loaded (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_content_refresh_async);

  if (self->offline)
    {
      g_task_return_new_error (task, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_OFFLINE,
                               "%s", _("--offline was given, so Haven did not use the network."));
      return;
    }

  if (self->updater == NULL)
    {
      self->updater = haven_feed_updater_new (self->store);
      g_settings_bind (self->settings, "update-on-metered",
                       self->updater, "allow-metered", G_SETTINGS_BIND_GET);
    }
  configure_trust (self);
  /* Stopping cancelled the last one; a test or a service may go on. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_running (self, TRUE);
  url = haven_content_dup_feed_url (self);
  haven_feed_updater_update_async (self->updater, url, self->cancellable,
                                   update_cb, g_steal_pointer (&task));
}

/**
 * haven_content_refresh_finish:
 * @updated: (out) (optional): whether fresh content arrived, rather than
 *   the server saying the copy is current
 *
 * Returns: %TRUE if the update worked, or %FALSE with @error set
 */
gboolean
haven_content_refresh_finish (HavenContent  *self,
                              GAsyncResult  *result,
                              gboolean      *updated,
                              GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (updated != NULL)
    *updated = value == HAVEN_FEED_UPDATE_UPDATED;

  return value >= 0;
}

/**
 * haven_content_refresh:
 *
 * haven_content_refresh_async() for whoever does not wait for it (Ctrl+R).
 */
void
haven_content_refresh (HavenContent *self)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  if (!self->offline)
    haven_content_refresh_async (self, NULL, NULL, NULL);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    HavenContent    *self)
{
  gboolean was_available = self->network_available;

  self->network_available = available;
  if (available && !was_available && self->started)
    haven_content_refresh (self);
}

/**
 * haven_content_start:
 *
 * Keeps the content fresh from now on: refreshes a copy that is not recent,
 * says so when there is no network, and refreshes when the network comes
 * back. The application calls it once the window has painted its first
 * frame: making the HTTP session loads the TLS backend and the proxy
 * resolver, and a slow or silent server should never stand between the
 * reader and the window.
 */
void
haven_content_start (HavenContent *self)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) now = NULL;
  GNetworkMonitor *monitor;

  g_return_if_fail (HAVEN_IS_CONTENT (self));

  if (self->started)
    return;

  self->started = TRUE;
  ensure_loaded (self);

  monitor = g_network_monitor_get_default ();
  self->network_available = g_network_monitor_get_network_available (monitor);
  self->network_changed_id = g_signal_connect (monitor, "network-changed",
                                               G_CALLBACK (network_changed_cb), self);

  /* Someone asked for a refresh meanwhile (Ctrl+R, a test): that one does. */
  if (self->offline || self->updater != NULL)
    return;

  if (!self->network_available)
    {
      show_offline_status (self, NULL);
      return;
    }

  checked = haven_feed_store_dup_checked (self->store);
  now = g_date_time_new_now_utc ();
  if (self->origin == HAVEN_FEED_ORIGIN_REMOTE && checked != NULL &&
      g_date_time_difference (now, checked) < STALE_AFTER && self->feed_url_override == NULL)
    {
      g_debug ("The stored copy is recent; not refreshing at start");
      return;
    }

  haven_content_refresh (self);
}

/**
 * haven_content_stop:
 *
 * Stops any download and retry; the stored copy stays as it was.
 */
void
haven_content_stop (HavenContent *self)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_signal_handler (&self->network_changed_id, g_network_monitor_get_default ());
  self->started = FALSE;
}

static void
haven_content_dispose (GObject *object)
{
  HavenContent *self = HAVEN_CONTENT (object);

  haven_content_stop (self);
  if (self->loader != NULL)
    ensure_loaded (self);
  if (self->region != NULL)
    g_signal_handlers_disconnect_by_data (self->region, self);

  G_OBJECT_CLASS (haven_content_parent_class)->dispose (object);
}

static void
haven_content_finalize (GObject *object)
{
  HavenContent *self = HAVEN_CONTENT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->updater);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  g_clear_pointer (&self->feed_url_override, g_free);
  g_clear_pointer (&self->feed_key_override, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_detail, g_free);
  g_clear_object (&self->region);

  G_OBJECT_CLASS (haven_content_parent_class)->finalize (object);
}

static void
haven_content_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HavenContent *self = HAVEN_CONTENT (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, haven_content_get_feed (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, haven_content_get_busy (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATUS_DETAIL:
      g_value_set_string (value, self->status_detail);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;

    case PROP_REGION:
      g_value_set_string (value, haven_content_get_region (self));
      break;

    case PROP_UNSIGNED_PREVIEW:
      g_value_set_boolean (value, self->unsigned_preview);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_content_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HavenContent *self = HAVEN_CONTENT (object);

  switch (prop_id)
    {
    case PROP_OFFLINE:
      haven_content_set_offline (self, g_value_get_boolean (value));
      break;

    case PROP_REGION:
      haven_content_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_content_class_init (HavenContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_content_dispose;
  object_class->finalize = haven_content_finalize;
  object_class->get_property = haven_content_get_property;
  object_class->set_property = haven_content_set_property;

  /**
   * HavenContent:feed:
   *
   * The content Haven shows: the bundled feed until a newer one is stored.
   */
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:busy:
   *
   * Whether an update is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:status:
   *
   * A calm sentence about the last update for the status line, such as
   * “Offline. Showing content from 3 November.”, or %NULL when all is well.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:status-detail:
   *
   * What exactly went wrong, shown on request.
   */
  properties[PROP_STATUS_DETAIL] =
    g_param_spec_string ("status-detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:offline:
   *
   * Whether Haven stays off the network (`--offline`).
   */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:region:
   *
   * The region the reader is in, as an upper-case ISO 3166-1 alpha-2 code
   * the feed knows, or %NULL when Haven cannot tell; a code given with
   * `--region` stays, even one the feed has no region for. Setting it is the
   * reader's choice: it is remembered, and beats `--region` from then on.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenContent:unsigned-preview:
   *
   * Whether this run shows an unsigned feed (`--unsigned-preview`), which
   * it never keeps.
   */
  properties[PROP_UNSIGNED_PREVIEW] =
    g_param_spec_boolean ("unsigned-preview", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_content_init (HavenContent *self)
{
  self->settings = g_settings_new (APP_ID);
  self->region = haven_reader_region_new (self->settings);
}

/**
 * haven_content_new:
 * @feed_url: (nullable): an address to fetch from for this run only
 *   (`--feed-url`), or %NULL for the feed-url setting
 *
 * A feed fetched from @feed_url is kept apart from the reader's copy: it
 * never replaces it, and never makes the real feed look older.
 */
HavenContent *
haven_content_new (const char *feed_url)
{
  HavenContent *self = g_object_new (HAVEN_TYPE_CONTENT, NULL);
  g_autofree char *directory = NULL;

  /* Its own store, named after the address, in the cache: a test feed is
   * disposable, and a second run against the same server still sends
   * what the first one stored. */
  if (feed_url != NULL && feed_url[0] != '\0')
    {
      g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, feed_url, -1);

      directory = g_build_filename (g_get_user_cache_dir (), "haven", "feed-url", key, NULL);
      self->feed_url_override = g_strdup (feed_url);
    }
  self->store = haven_feed_store_new (directory);

  return self;
}

/**
 * haven_content_load_in_background:
 *
 * Reads the stored copy (or the bundled feed) on a thread, so that the
 * caller does other start-up work meanwhile; the first to ask for the
 * feed or the region waits for it.
 */
void
haven_content_load_in_background (HavenContent *self)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  if (self->loaded || self->loader != NULL)
    return;

  self->loader = g_thread_new ("haven-feed-load", load_thread, self);
}

HavenFeed *
haven_content_get_feed (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  ensure_loaded (self);

  return self->feed;
}

/**
 * haven_content_get_feed_url_override:
 *
 * Returns: (nullable): the address given for this run, or %NULL
 */
const char *
haven_content_get_feed_url_override (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  return self->feed_url_override;
}

/**
 * haven_content_dup_feed_url:
 *
 * Returns: (transfer full): the address for this run, else the feed-url
 *   setting, else the build's default
 */
char *
haven_content_dup_feed_url (HavenContent *self)
{
  g_autofree char *setting = NULL;

  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  if (self->feed_url_override != NULL)
    return g_strdup (self->feed_url_override);

  setting = g_settings_get_string (self->settings, "feed-url");
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);

  return g_strdup (DEFAULT_FEED_URL);
}

gboolean
haven_content_get_busy (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), FALSE);

  return self->n_running > 0;
}

const char *
haven_content_get_status (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  return self->status;
}

const char *
haven_content_get_status_detail (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  return self->status_detail;
}

gboolean
haven_content_get_offline (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), FALSE);

  return self->offline;
}

void
haven_content_set_offline (HavenContent *self,
                           gboolean      offline)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  offline = !!offline;
  if (self->offline == offline)
    return;

  self->offline = offline;
  if (offline)
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      g_clear_handle_id (&self->retry_id, g_source_remove);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

/**
 * haven_content_get_image_cache:
 *
 * The cache is there from the start, so that views can ask it for art;
 * it gets its network session with the first update.
 *
 * Returns: (transfer none): the cache of the feed's images
 */
HavenImageCache *
haven_content_get_image_cache (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  if (self->image_cache == NULL)
    self->image_cache = haven_image_cache_new (NULL, NULL);

  return self->image_cache;
}

/**
 * haven_content_set_feed_key:
 * @key: (nullable): a minisign public key to trust too, for this run
 */
void
haven_content_set_feed_key (HavenContent *self,
                            const char   *key)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  g_free (self->feed_key_override);
  self->feed_key_override = g_strdup (key);
}

/**
 * haven_content_set_unsigned_preview:
 *
 * Shows the feed of `--feed-url` without a signature, and never keeps it:
 * not the feed, not its images.
 */
void
haven_content_set_unsigned_preview (HavenContent *self,
                                    gboolean      preview)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  preview = !!preview;
  if (self->unsigned_preview == preview)
    return;

  self->unsigned_preview = preview;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSIGNED_PREVIEW]);
}

/**
 * haven_content_get_region:
 *
 * Returns: (nullable): see #HavenContent:region
 */
const char *
haven_content_get_region (HavenContent *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTENT (self), NULL);

  ensure_loaded (self);

  return haven_reader_region_get_code (self->region);
}

/**
 * haven_content_set_region:
 * @code: (nullable): the region the reader chose, or %NULL to follow the
 *   system again
 *
 * Remembers the reader's choice; it beats `--region` from now on.
 */
void
haven_content_set_region (HavenContent *self,
                          const char   *code)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  ensure_loaded (self);
  haven_reader_region_choose (self->region, code);
}

/**
 * haven_content_set_region_override:
 * @code: (nullable): a region code for this run (`--region`), or %NULL
 *
 * A region given for one run wins over the remembered one and is not saved.
 */
void
haven_content_set_region_override (HavenContent *self,
                                   const char   *code)
{
  g_return_if_fail (HAVEN_IS_CONTENT (self));

  haven_reader_region_set_override (self->region, code);
}

/**
 * haven_content_normalize_region:
 *
 * See haven_reader_region_normalize().
 */
char *
haven_content_normalize_region (const char *code)
{
  return haven_reader_region_normalize (code);
}
