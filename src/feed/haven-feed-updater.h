/* haven-feed-updater.h: fetches the feed over HTTPS and keeps the last good copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "haven-feed.h"
#include "haven-feed-store.h"

G_BEGIN_DECLS

#define HAVEN_FEED_UPDATE_ERROR   (haven_feed_update_error_quark ())
#define HAVEN_TYPE_FEED_UPDATER   (haven_feed_updater_get_type ())

/* Default limits; the properties of the same names change them. */
#define HAVEN_FEED_UPDATER_TIMEOUT   20u   /* seconds without progress */
#define HAVEN_FEED_UPDATER_DEADLINE  90u   /* seconds for the whole update */
#define HAVEN_FEED_UPDATER_MAX_REDIRECTS 5u

typedef enum
{
  HAVEN_FEED_UPDATE_ERROR_OFFLINE,
  HAVEN_FEED_UPDATE_ERROR_TIMED_OUT,
  HAVEN_FEED_UPDATE_ERROR_TLS,
  HAVEN_FEED_UPDATE_ERROR_NETWORK,
  HAVEN_FEED_UPDATE_ERROR_HTTP,
  HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
  HAVEN_FEED_UPDATE_ERROR_TOO_LARGE,
  HAVEN_FEED_UPDATE_ERROR_TRUNCATED,
  HAVEN_FEED_UPDATE_ERROR_INVALID,
  HAVEN_FEED_UPDATE_ERROR_UNSUPPORTED_VERSION,
  HAVEN_FEED_UPDATE_ERROR_OLDER,
  HAVEN_FEED_UPDATE_ERROR_STORE,
  HAVEN_FEED_UPDATE_ERROR_FUTURE,
  HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP,
  /* signing: the feed's minisign signature */
  HAVEN_FEED_UPDATE_ERROR_UNSIGNED,
  HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
  HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY,
  /* metered: the connection is metered and updates there are off */
  HAVEN_FEED_UPDATE_ERROR_METERED,
} HavenFeedUpdateError;

typedef enum
{
  HAVEN_FEED_UPDATE_FAILED,
  HAVEN_FEED_UPDATE_UPDATED,
  HAVEN_FEED_UPDATE_NOT_MODIFIED,
} HavenFeedUpdateResult;

G_DECLARE_FINAL_TYPE (HavenFeedUpdater, haven_feed_updater, HAVEN, FEED_UPDATER, GObject)

GQuark                 haven_feed_update_error_quark       (void);
const char            *haven_feed_update_error_get_summary (const GError        *error);

HavenFeedUpdater      *haven_feed_updater_new              (HavenFeedStore      *store);
HavenFeedStore        *haven_feed_updater_get_store        (HavenFeedUpdater    *self);
SoupSession           *haven_feed_updater_get_session      (HavenFeedUpdater    *self);
GTlsDatabase          *haven_feed_updater_get_tls_database (HavenFeedUpdater    *self);
void                   haven_feed_updater_set_tls_database (HavenFeedUpdater    *self,
                                                            GTlsDatabase        *database);
/* signing: which keys a feed must be signed with, and previews */
void                   haven_feed_updater_set_trusted_keys (HavenFeedUpdater    *self,
                                                            const char * const  *keys);
const char * const    *haven_feed_updater_get_trusted_keys (HavenFeedUpdater    *self);
void                   haven_feed_updater_set_require_signature (HavenFeedUpdater *self,
                                                                 gboolean          require);
void                   haven_feed_updater_set_store_updates (HavenFeedUpdater   *self,
                                                             gboolean            store_updates);
/* metered */
void                   haven_feed_updater_set_network_monitor (HavenFeedUpdater *self,
                                                               GNetworkMonitor  *monitor);
void                   haven_feed_updater_set_allow_metered (HavenFeedUpdater   *self,
                                                             gboolean            allow);
gboolean               haven_feed_updater_get_busy         (HavenFeedUpdater    *self);
guint                  haven_feed_updater_get_retry_delay  (HavenFeedUpdater    *self);
void                   haven_feed_updater_update_async     (HavenFeedUpdater    *self,
                                                            const char          *url,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HavenFeedUpdateResult  haven_feed_updater_update_finish    (HavenFeedUpdater    *self,
                                                            GAsyncResult        *result,
                                                            HavenFeed          **feed_out,
                                                            GError             **error);

G_END_DECLS
