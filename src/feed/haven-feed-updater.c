/* haven-feed-updater.c: fetches the feed over HTTPS and keeps the last good copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-updater"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "haven-feed-fetch.h"
#include "haven-feed-parser.h"
#include "haven-feed-updater.h"
#include "haven-feed-url.h"

#define BACK_OFF_FIRST  60u         /* seconds after the first failure */
#define BACK_OFF_MAX    (6u * 3600) /* never wait longer than this */

/* One update (haven-feed-fetch.c), shared by every request made while it
 * runs. */
typedef struct
{
  HavenFeedUpdater *self;           /* owned */
  GPtrArray        *waiters;        /* GTask, owned */
  GCancellable     *cancellable;    /* cancelled when every waiter is gone */
  char             *url;
} Fetch;

/* What each request gets back. */
typedef struct
{
  HavenFeedUpdateResult  result;
  HavenFeed             *feed;
} Outcome;

struct _HavenFeedUpdater
{
  GObject          parent_instance;

  HavenFeedStore  *store;
  SoupSession     *session;
  Fetch           *fetch;
  guint            timeout;
  guint            deadline;
  guint64          max_size;
  guint            n_failures;

  /* signing */
  char           **trusted_keys;
  gboolean         require_signature;
  gboolean         store_updates;

  /* metered: whether an update may use a metered connection */
  GNetworkMonitor *network_monitor;
  gboolean         allow_metered;
};

G_DEFINE_FINAL_TYPE (HavenFeedUpdater, haven_feed_updater, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TLS_DATABASE,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_SIZE,
  PROP_BUSY,
  PROP_TRUSTED_KEYS,
  PROP_REQUIRE_SIGNATURE,
  PROP_STORE_UPDATES,
  PROP_NETWORK_MONITOR,
  PROP_ALLOW_METERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->feed);
  g_free (outcome);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_pointer (&fetch->waiters, g_ptr_array_unref);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->url, g_free);
  g_clear_object (&fetch->self);
  g_free (fetch);
}

/* Hands the result to every waiter and forgets the update. */
static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fetch *fetch = user_data;
  HavenFeedUpdater *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  HavenFeedUpdateResult update_result;

  update_result = haven_feed_fetch_finish (result, &feed, &error);

  g_assert (self->fetch == fetch);
  self->fetch = NULL;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_failures = MIN (self->n_failures + 1, 32);
      g_debug ("Update from %s failed (%u in a row): %s", fetch->url, self->n_failures, error->message);
    }
  else if (error == NULL)
    {
      self->n_failures = 0;
    }

  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (fetch->waiters, i);
      GCancellable *cancellable = g_task_get_cancellable (task);
      gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "haven-cancelled-handler"));

      if (cancellable != NULL && handler != 0)
        g_cancellable_disconnect (cancellable, handler);

      if (error != NULL)
        {
          g_task_return_error (task, g_error_copy (error));
        }
      else
        {
          Outcome *copy = g_new0 (Outcome, 1);

          copy->result = update_result;
          copy->feed = feed != NULL ? g_object_ref (feed) : NULL;
          g_task_return_pointer (task, copy, (GDestroyNotify)outcome_free);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  fetch_free (fetch);
}

static gboolean
cancel_idle_cb (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

/* When every request for the download is cancelled, stop it. Requests are
 * made and cancelled on the main context. The download is stopped from an
 * idle callback: stopping it here could finish it at once, and finishing
 * disconnects this very handler, which GCancellable does not allow from
 * inside it.
 */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Fetch *fetch = user_data;

  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      GCancellable *other = g_task_get_cancellable (g_ptr_array_index (fetch->waiters, i));

      if (other == NULL || !g_cancellable_is_cancelled (other))
        return;
    }

  g_idle_add_full (G_PRIORITY_HIGH, cancel_idle_cb, g_object_ref (fetch->cancellable), g_object_unref);
}

static void
haven_feed_updater_dispose (GObject *object)
{
  HavenFeedUpdater *self = HAVEN_FEED_UPDATER (object);

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->network_monitor);
  g_clear_pointer (&self->trusted_keys, g_strfreev);

  G_OBJECT_CLASS (haven_feed_updater_parent_class)->dispose (object);
}

static void
haven_feed_updater_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenFeedUpdater *self = HAVEN_FEED_UPDATER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TLS_DATABASE:
      g_value_set_object (value, haven_feed_updater_get_tls_database (self));
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->fetch != NULL);
      break;

    case PROP_TRUSTED_KEYS:
      g_value_set_boxed (value, self->trusted_keys);
      break;

    case PROP_REQUIRE_SIGNATURE:
      g_value_set_boolean (value, self->require_signature);
      break;

    case PROP_STORE_UPDATES:
      g_value_set_boolean (value, self->store_updates);
      break;

    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network_monitor);
      break;

    case PROP_ALLOW_METERED:
      g_value_set_boolean (value, self->allow_metered);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_updater_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenFeedUpdater *self = HAVEN_FEED_UPDATER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TLS_DATABASE:
      haven_feed_updater_set_tls_database (self, g_value_get_object (value));
      break;

    case PROP_TIMEOUT:
      if (self->timeout != g_value_get_uint (value))
        {
          self->timeout = g_value_get_uint (value);
          soup_session_set_timeout (self->session, self->timeout);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DEADLINE:
      if (self->deadline != g_value_get_uint (value))
        {
          self->deadline = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_MAX_SIZE:
      if (self->max_size != g_value_get_uint64 (value))
        {
          self->max_size = g_value_get_uint64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_TRUSTED_KEYS:
      haven_feed_updater_set_trusted_keys (self, g_value_get_boxed (value));
      break;

    case PROP_REQUIRE_SIGNATURE:
      haven_feed_updater_set_require_signature (self, g_value_get_boolean (value));
      break;

    case PROP_STORE_UPDATES:
      haven_feed_updater_set_store_updates (self, g_value_get_boolean (value));
      break;

    case PROP_NETWORK_MONITOR:
      haven_feed_updater_set_network_monitor (self, g_value_get_object (value));
      break;

    case PROP_ALLOW_METERED:
      haven_feed_updater_set_allow_metered (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_updater_class_init (HavenFeedUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_feed_updater_dispose;
  object_class->get_property = haven_feed_updater_get_property;
  object_class->set_property = haven_feed_updater_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HAVEN_TYPE_FEED_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:tls-database:
   *
   * The certificates the server's must chain to; the system's by default.
   * Tests set a database with their own certificate authority.
   */
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL,
                         G_TYPE_TLS_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:timeout:
   *
   * Seconds to wait for a connection or for any data before giving up.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 3600, HAVEN_FEED_UPDATER_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:deadline:
   *
   * Seconds the whole download may take, so that a server sending a byte
   * now and then cannot hold it open.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL,
                       1, 3600, HAVEN_FEED_UPDATER_DEADLINE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:max-size:
   *
   * The largest response accepted, in bytes.
   */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         1, G_MAXUINT32, HAVEN_FEED_MAX_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:trusted-keys:
   *
   * signing: the minisign public keys a feed may be signed with (the
   * `feed-public-keys` setting). With none, no feed is accepted.
   */
  properties[PROP_TRUSTED_KEYS] =
    g_param_spec_boxed ("trusted-keys", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:require-signature:
   *
   * signing: whether a feed needs a valid signature beside it. Only an
   * unsigned preview turns this off, together with #HavenFeedUpdater:store-updates.
   */
  properties[PROP_REQUIRE_SIGNATURE] =
    g_param_spec_boolean ("require-signature", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:store-updates:
   *
   * signing: whether a new feed replaces the stored copy; a preview only
   * hands it back.
   */
  properties[PROP_STORE_UPDATES] =
    g_param_spec_boolean ("store-updates", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:network-monitor:
   *
   * metered: the monitor that says whether the connection is metered;
   * the default one unless a test gives its own.
   */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL,
                         G_TYPE_NETWORK_MONITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenFeedUpdater:allow-metered:
   *
   * metered: whether an update may start on a metered connection (the
   * reader's "Update content on metered connections"); off, none does.
   */
  properties[PROP_ALLOW_METERED] =
    g_param_spec_boolean ("allow-metered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_feed_updater_init (HavenFeedUpdater *self)
{
  self->timeout = HAVEN_FEED_UPDATER_TIMEOUT;
  self->deadline = HAVEN_FEED_UPDATER_DEADLINE;
  self->max_size = HAVEN_FEED_MAX_SIZE;
  self->require_signature = TRUE;
  self->store_updates = TRUE;
  self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", "Haven/" PACKAGE_VERSION,
                                "timeout", self->timeout,
                                "idle-timeout", 60,
                                "max-conns-per-host", 2,
                                NULL);
}

/**
 * haven_feed_updater_new:
 * @store: where the last good copy lives
 *
 * Returns: (transfer full): an updater with its own #SoupSession
 */
HavenFeedUpdater *
haven_feed_updater_new (HavenFeedStore *store)
{
  g_return_val_if_fail (HAVEN_IS_FEED_STORE (store), NULL);

  return g_object_new (HAVEN_TYPE_FEED_UPDATER,
                       "store", store,
                       NULL);
}

HavenFeedStore *
haven_feed_updater_get_store (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), NULL);

  return self->store;
}

/**
 * haven_feed_updater_get_session:
 *
 * Returns: (transfer none): the one session Haven fetches through, for the
 *   image cache
 */
SoupSession *
haven_feed_updater_get_session (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), NULL);

  return self->session;
}

GTlsDatabase *
haven_feed_updater_get_tls_database (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), NULL);

  return soup_session_get_tls_database (self->session);
}

void
haven_feed_updater_set_tls_database (HavenFeedUpdater *self,
                                     GTlsDatabase     *database)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (soup_session_get_tls_database (self->session) == database)
    return;

  if (database == NULL)
    database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  soup_session_set_tls_database (self->session, database);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
}

/**
 * haven_feed_updater_set_trusted_keys:
 * @keys: (nullable) (array zero-terminated=1): minisign public keys
 *
 * signing: the keys a feed's signature may be made with, for downloads
 * that start from now on.
 */
void
haven_feed_updater_set_trusted_keys (HavenFeedUpdater   *self,
                                     const char * const *keys)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));

  if (self->trusted_keys != NULL && keys != NULL &&
      g_strv_equal ((const char * const *)self->trusted_keys, keys))
    return;

  g_strfreev (self->trusted_keys);
  self->trusted_keys = g_strdupv ((char **)keys);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUSTED_KEYS]);
}

const char * const *
haven_feed_updater_get_trusted_keys (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), NULL);

  return (const char * const *)self->trusted_keys;
}

void
haven_feed_updater_set_require_signature (HavenFeedUpdater *self,
                                          gboolean          require)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));

  require = !!require;
  if (self->require_signature == require)
    return;

  self->require_signature = require;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRE_SIGNATURE]);
}

void
haven_feed_updater_set_store_updates (HavenFeedUpdater *self,
                                      gboolean          store_updates)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));

  store_updates = !!store_updates;
  if (self->store_updates == store_updates)
    return;

  self->store_updates = store_updates;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_UPDATES]);
}

/**
 * haven_feed_updater_get_busy:
 *
 * Returns: %TRUE while a download runs
 */
gboolean
haven_feed_updater_get_busy (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), FALSE);

  return self->fetch != NULL;
}

/**
 * haven_feed_updater_get_retry_delay:
 *
 * How long to wait before trying again on its own: 0 after a success,
 * then a minute, doubling with each failure in a row up to six hours.
 *
 * Returns: seconds
 */
guint
haven_feed_updater_get_retry_delay (HavenFeedUpdater *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), 0);

  if (self->n_failures == 0)
    return 0;

  if (self->n_failures > 16)
    return BACK_OFF_MAX;

  return MIN (BACK_OFF_FIRST << (self->n_failures - 1), BACK_OFF_MAX);
}

/**
 * haven_feed_updater_set_network_monitor:
 * @monitor: (nullable): the monitor to ask, or %NULL for the default one
 */
void
haven_feed_updater_set_network_monitor (HavenFeedUpdater *self,
                                        GNetworkMonitor  *monitor)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (monitor == NULL)
    monitor = g_network_monitor_get_default ();
  if (g_set_object (&self->network_monitor, monitor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_MONITOR]);
}

void
haven_feed_updater_set_allow_metered (HavenFeedUpdater *self,
                                      gboolean          allow)
{
  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));

  allow = !!allow;
  if (self->allow_metered == allow)
    return;

  self->allow_metered = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_METERED]);
}

/**
 * haven_feed_updater_update_async:
 * @url: the feed's address; https://, or http:// to the loopback
 *   interface
 * @cancellable: (nullable): cancels this request
 * @callback: called when the update is done
 * @user_data: data for @callback
 *
 * Asks the server for the feed if it changed since the stored copy
 * (If-None-Match, If-Modified-Since, only when that copy loads and is
 * valid), validates what it sends, checks the rules of haven-feed-rules.c
 * against the bundled and the stored feed, and only then replaces the
 * stored copy. Requests made while a download runs share
 * it (and its URL). On a metered connection nothing starts unless
 * #HavenFeedUpdater:allow-metered is set. Never blocks.
 */
void
haven_feed_updater_update_async (HavenFeedUpdater    *self,
                                 const char          *url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Fetch *fetch;

  g_return_if_fail (HAVEN_IS_FEED_UPDATER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_feed_updater_update_async);

  if (!haven_feed_url_check (url, HAVEN_URL_USE_FEED, HAVEN_FEED_ORIGIN_REMOTE, &error))
    {
      g_task_return_new_error (task, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                               _("Haven does not fetch a feed from “%s”: %s"), url, error->message);
      return;
    }

  fetch = self->fetch;
  if (fetch == NULL && !self->allow_metered &&
      g_network_monitor_get_network_metered (self->network_monitor))
    {
      g_debug ("The connection is metered; not updating from %s", url);
      g_task_return_new_error (task, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_METERED,
                               "%s", _("The network connection is metered, so Haven did not update "
                                       "its content. To update on metered connections too, turn it "
                                       "on in Preferences."));
      return;
    }

  if (fetch == NULL)
    {
      fetch = g_new0 (Fetch, 1);
      fetch->self = g_object_ref (self);
      fetch->waiters = g_ptr_array_new_with_free_func (g_object_unref);
      fetch->cancellable = g_cancellable_new ();
      fetch->url = g_strdup (url);
      self->fetch = fetch;
    }
  else if (g_strcmp0 (fetch->url, url) != 0)
    {
      g_debug ("A download from %s runs; the request for %s joins it", fetch->url, url);
    }

  g_ptr_array_add (fetch->waiters, g_object_ref (task));
  if (cancellable != NULL)
    {
      gulong handler = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                                              fetch, NULL);

      g_object_set_data (G_OBJECT (task), "haven-cancelled-handler", GSIZE_TO_POINTER (handler));
    }

  if (fetch->waiters->len == 1)
    {
      HavenFeedFetchRules rules = {
        .max_size = self->max_size,
        .deadline = g_get_monotonic_time () + self->deadline * G_USEC_PER_SEC,
        .trusted_keys = (const char * const *)self->trusted_keys,
        .require_signature = self->require_signature,
        .store_updates = self->store_updates,
      };

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      haven_feed_fetch_async (self->store, self->session, url, &rules, fetch->cancellable,
                              fetch_done_cb, fetch);
    }
}

/**
 * haven_feed_updater_update_finish:
 * @result: the result
 * @feed_out: (out) (optional) (transfer full): the new feed, for
 *   %HAVEN_FEED_UPDATE_UPDATED
 * @error: return location for a #HAVEN_FEED_UPDATE_ERROR, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: %HAVEN_FEED_UPDATE_UPDATED, %HAVEN_FEED_UPDATE_NOT_MODIFIED, or
 *   %HAVEN_FEED_UPDATE_FAILED with @error set; the stored copy is then
 *   unchanged
 */
HavenFeedUpdateResult
haven_feed_updater_update_finish (HavenFeedUpdater  *self,
                                  GAsyncResult      *result,
                                  HavenFeed        **feed_out,
                                  GError           **error)
{
  Outcome *outcome;
  HavenFeedUpdateResult update_result;

  g_return_val_if_fail (HAVEN_IS_FEED_UPDATER (self), HAVEN_FEED_UPDATE_FAILED);
  g_return_val_if_fail (g_task_is_valid (result, self), HAVEN_FEED_UPDATE_FAILED);

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return HAVEN_FEED_UPDATE_FAILED;

  update_result = outcome->result;
  if (feed_out != NULL)
    *feed_out = g_steal_pointer (&outcome->feed);
  outcome_free (outcome);

  return update_result;
}
