/* haven-feed-fetch.c: one update of the feed, from the request to the stored copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-updater"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-download.h"
#include "haven-feed-fetch.h"
#include "haven-feed-parser.h"
#include "haven-feed-rules.h"
#include "haven-feed-update-error.h"
#include "haven-feed-url.h"
#include "haven-minisign.h"

/* One update, in order: the stored copy is loaded and validated (in a
 * worker thread) so the request may name it; the feed is downloaded; then
 * its signature beside it; then, in a worker thread again, the signature
 * is verified before anything parses the bytes, the feed is validated,
 * the rules of haven-feed-rules.c are checked against the bundled and the
 * stored feed, and only then the stored copy is replaced.
 * HavenFeedUpdater shares one update among the requests made while it
 * runs.
 */

typedef struct
{
  HavenFeedStore   *store;
  SoupSession      *session;
  guint64           max_size;
  gint64            deadline;
  char            **trusted_keys;
  gboolean          require_signature;
  gboolean          store_updates;

  char             *url;            /* after the redirects followed so far */
  char             *host;
  HavenDownload    *download;       /* the feed's, then the signature's */
  HavenFeed        *stored;         /* the stored copy, if it loads and is valid */
  gboolean          conditional;    /* the request named the stored copy */
  GBytes           *body;           /* the feed; %NULL after a 304 */
  char             *etag;
  char             *last_modified;
  gboolean          signature_done;
  GBytes           *signature;      /* %NULL when the server had none */
} Fetch;

/* What the worker thread hands back. */
typedef struct
{
  HavenFeedUpdateResult  result;
  HavenFeed             *feed;
} Outcome;

static void fetch_store (GTask *task);

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->store);
  g_clear_object (&fetch->session);
  g_clear_pointer (&fetch->trusted_keys, g_strfreev);
  g_clear_pointer (&fetch->url, g_free);
  g_clear_pointer (&fetch->host, g_free);
  g_clear_object (&fetch->download);
  g_clear_object (&fetch->stored);
  g_clear_pointer (&fetch->body, g_bytes_unref);
  g_clear_pointer (&fetch->etag, g_free);
  g_clear_pointer (&fetch->last_modified, g_free);
  g_clear_pointer (&fetch->signature, g_bytes_unref);
  g_free (fetch);
}

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->feed);
  g_free (outcome);
}

static void
fetch_fail (GTask      *task,
            int         code,
            const char *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
fetch_fail (GTask      *task,
            int         code,
            const char *format,
            ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = g_error_new_valist (HAVEN_FEED_UPDATE_ERROR, code, format, args);
  va_end (args);

  g_task_return_error (task, error);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);

  return g_strdup (g_uri_get_host (uri));
}

/* signing: nothing reads the bytes before their signature holds. */
static gboolean
verify (Fetch   *fetch,
        GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!fetch->require_signature)
    return TRUE;

  if (haven_minisign_verify (fetch->body, fetch->signature,
                             (const char * const *)fetch->trusted_keys, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_MISSING))
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_UNSIGNED,
                 _("The feed at %s is not signed: there is no signature file beside it. "
                   "Haven kept the content it has."),
                 fetch->host);
  else if (g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_UNKNOWN_KEY) ||
           g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_NO_KEYS))
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY,
                 /* Translators: the first %s is a sentence saying what is wrong */
                 _("%s Haven kept the content it has (feed at %s)."),
                 local_error->message, fetch->host);
  else
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
                 _("%s Haven kept the content it has (feed at %s)."),
                 local_error->message, fetch->host);

  return FALSE;
}

/* The rules a valid feed must also pass to replace the one Haven has
 * (haven-feed-rules.c): a plausible date, and no help taken away.
 */
static gboolean
check_rules (Fetch      *fetch,
             HavenFeed  *feed,
             GDateTime  *now,
             GError    **error)
{
  g_autoptr(HavenFeed) bundled = NULL;
  g_autoptr(GError) rules_error = NULL;
  GDate current;
  gboolean known;

  known = haven_feed_store_get_generated (fetch->store, &current);
  if (!haven_feed_rules_check_date (haven_feed_get_generated (feed), known ? &current : NULL,
                                    now, &rules_error))
    {
      g_set_error (error, HAVEN_FEED_UPDATE_ERROR,
                   g_error_matches (rules_error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_FUTURE)
                     ? HAVEN_FEED_UPDATE_ERROR_FUTURE : HAVEN_FEED_UPDATE_ERROR_OLDER,
                   _("Haven kept the content it has instead of the feed from %s. %s"),
                   fetch->host, rules_error->message);
      return FALSE;
    }

  bundled = haven_feed_load_bundled (&rules_error);
  if (bundled == NULL)
    {
      g_warning ("The bundled feed is broken: %s", rules_error->message);
      g_clear_error (&rules_error);
    }

  if (!haven_feed_rules_check_help (feed, bundled, fetch->stored, &rules_error))
    {
      g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP,
                   _("Haven kept the content it has: the feed from %s would take crisis "
                     "help away from readers. %s"),
                   fetch->host, rules_error->message);
      return FALSE;
    }

  return TRUE;
}

/* signing: the feed's signature ------------------------------------------
 *
 * FEED-URL.minisig, beside the feed (after its redirects), fetched through
 * the same session under the same rules: the URL policy at each redirect,
 * the TLS database, the overall deadline, and a small size cap.
 */

/* The feed's address with ".minisig" after its path; a query stays. */
static char *
signature_url_for (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GUri) sig_uri = NULL;

  if (uri == NULL)
    return g_strconcat (url, ".minisig", NULL);

  path = g_strconcat (g_uri_get_path (uri), ".minisig", NULL);
  sig_uri = g_uri_build (g_uri_get_flags (uri), g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                         g_uri_get_host (uri), g_uri_get_port (uri), path,
                         g_uri_get_query (uri), NULL);

  return g_uri_to_string (sig_uri);
}

static void
signature_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  HavenDownload *download = HAVEN_DOWNLOAD (object);
  g_autoptr(GError) error = NULL;

  if (!haven_download_send_finish (download, result, &error))
    {
      g_task_return_error (task, haven_feed_update_error_for_signature (download, error, fetch->host,
                                                                        g_bytes_get_size (fetch->body)));
      return;
    }

  /* No signature: the verification says so, in the same words as for an
   * empty one. */
  if (haven_download_get_body (download) == NULL)
    g_debug ("%s answered %u for the signature", haven_download_get_url (download),
             haven_download_get_status (download));
  else
    fetch->signature = g_bytes_ref (haven_download_get_body (download));

  fetch->signature_done = TRUE;
  fetch_store (task);
}

static void
signature_start (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *url = signature_url_for (fetch->url);

  g_clear_object (&fetch->download);
  fetch->download = haven_download_new (fetch->session, url, HAVEN_MINISIGN_MAX_SIGNATURE_SIZE);
  haven_download_set_redirects (fetch->download, HAVEN_FEED_UPDATER_MAX_REDIRECTS,
                                HAVEN_URL_USE_FEED);
  haven_download_set_deadline (fetch->download, fetch->deadline);
  haven_download_send_async (fetch->download, g_task_get_cancellable (task),
                             signature_done_cb, g_object_ref (task));
}

/* Runs in a worker thread: validating and storing take time and disk I/O. */
static void
store_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  Outcome *outcome;

  if (fetch->body == NULL)
    {
      if (!haven_feed_store_mark_checked (fetch->store, now, &error))
        g_debug ("Could not record the check: %s", error->message);
      outcome = g_new0 (Outcome, 1);
      outcome->result = HAVEN_FEED_UPDATE_NOT_MODIFIED;
      g_task_return_pointer (task, outcome, (GDestroyNotify)outcome_free);
      return;
    }

  if (!verify (fetch, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  feed = haven_feed_parse (fetch->body, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);
  if (feed == NULL)
    {
      if (g_error_matches (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_UNSUPPORTED_VERSION))
        fetch_fail (task, HAVEN_FEED_UPDATE_ERROR_UNSUPPORTED_VERSION,
                    _("The feed at %s needs a newer version of Haven: %s"),
                    fetch->host, error->message);
      else
        fetch_fail (task, HAVEN_FEED_UPDATE_ERROR_INVALID,
                    _("The server %s sent an invalid feed, so Haven kept the "
                      "content it has. %s"),
                    fetch->host, error->message);
      return;
    }

  if (!check_rules (fetch, feed, now, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* signing: a preview (--unsigned-preview) is shown, never kept. */
  if (fetch->store_updates &&
      !haven_feed_store_save (fetch->store, fetch->body, feed, fetch->etag, fetch->last_modified,
                              now, &error))
    {
      fetch_fail (task, HAVEN_FEED_UPDATE_ERROR_STORE, "%s", error->message);
      return;
    }

  outcome = g_new0 (Outcome, 1);
  outcome->result = HAVEN_FEED_UPDATE_UPDATED;
  outcome->feed = g_steal_pointer (&feed);
  g_task_return_pointer (task, outcome, (GDestroyNotify)outcome_free);
}

static void
fetch_store (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  /* signing: first the signature beside the feed. */
  if (fetch->body != NULL && fetch->require_signature && !fetch->signature_done)
    {
      signature_start (task);
      return;
    }

  g_clear_object (&fetch->download);
  g_task_run_in_thread (task, store_in_thread);
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  HavenDownload *download = HAVEN_DOWNLOAD (object);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  guint status;

  ok = haven_download_send_finish (download, result, &error);

  /* The messages name the server the feed came from, after redirects. */
  g_free (fetch->url);
  fetch->url = g_strdup (haven_download_get_url (download));
  g_free (fetch->host);
  fetch->host = host_of (fetch->url);

  if (!ok)
    {
      g_task_return_error (task, haven_feed_update_error_for_feed (download, error, fetch->host));
      return;
    }

  status = haven_download_get_status (download);
  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      /* Only a copy that loads and is valid is ever named in the request:
       * any other 304 would leave Haven with nothing, or a broken copy,
       * for good.
       */
      if (!fetch->conditional)
        {
          fetch_fail (task, HAVEN_FEED_UPDATE_ERROR_HTTP,
                      _("The server %s answered “304 Not Modified”, but Haven has no usable "
                        "copy of the feed and asked for all of it, so nothing was updated. "
                        "Ask the feed’s publisher to check the server."),
                      fetch->host);
          return;
        }

      g_debug ("%s has not changed", fetch->url);
      fetch_store (task);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      fetch_fail (task, HAVEN_FEED_UPDATE_ERROR_HTTP,
                  _("The server %s answered “%u %s” instead of sending the feed. Check the "
                    "feed address."),
                  fetch->host, status,
                  soup_message_get_reason_phrase (haven_download_get_message (download)));
      return;
    }

  fetch->etag = g_strdup (haven_download_get_response_header (download, "ETag"));
  fetch->last_modified = g_strdup (haven_download_get_response_header (download, "Last-Modified"));
  fetch->body = g_bytes_ref (haven_download_get_body (download));
  fetch_store (task);
}

static void
fetch_send (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;

  fetch->download = haven_download_new (fetch->session, fetch->url, fetch->max_size);
  haven_download_set_flags (fetch->download, HAVEN_DOWNLOAD_GZIP);
  haven_download_set_accept (fetch->download, "application/json");
  haven_download_set_redirects (fetch->download, HAVEN_FEED_UPDATER_MAX_REDIRECTS,
                                HAVEN_URL_USE_FEED);
  haven_download_set_deadline (fetch->download, fetch->deadline);

  /* A copy that is missing, cut short or invalid is never named: its ETag
   * would bring 304 for ever, and Haven would never repair it. A preview
   * asks for the whole feed too, whatever is stored.
   */
  if (fetch->stored != NULL && fetch->store_updates)
    {
      etag = haven_feed_store_dup_etag (fetch->store);
      last_modified = haven_feed_store_dup_last_modified (fetch->store);
    }
  haven_download_set_validators (fetch->download, etag, last_modified);
  fetch->conditional = etag != NULL || last_modified != NULL;

  haven_download_send_async (fetch->download, g_task_get_cancellable (task),
                             fetch_done_cb, g_object_ref (task));
}

/* Runs in a worker thread: the stored copy is read and validated before
 * the request may name it.
 */
static void
load_stored_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  HavenFeedStore *store = task_data;
  g_autoptr(GError) error = NULL;
  HavenFeed *stored;

  stored = haven_feed_store_load (store, &error);
  if (stored == NULL)
    g_debug ("No usable stored copy; asking for the whole feed: %s", error->message);

  g_task_return_pointer (task, stored, g_object_unref);
}

static void
stored_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  fetch->stored = g_task_propagate_pointer (G_TASK (result), NULL);
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      g_task_return_error (task, haven_feed_update_error_from_network (error, fetch->host, -1));
      return;
    }

  fetch_send (task);
}

/**
 * haven_feed_fetch_async:
 * @store: where the last good copy lives
 * @session: the session to fetch through
 * @url: the feed's address, checked against the URL policy
 * @rules: what the update must meet
 * @cancellable: (nullable): stops the update, as long as it downloads
 * @callback: called when the update is done
 * @user_data: data for @callback
 *
 * Asks the server for the feed if it changed since the stored copy
 * (If-None-Match, If-Modified-Since, only when that copy loads and is
 * valid), checks what it sends and only then replaces the stored copy.
 */
void
haven_feed_fetch_async (HavenFeedStore             *store,
                        SoupSession                *session,
                        const char                 *url,
                        const HavenFeedFetchRules  *rules,
                        GCancellable               *cancellable,
                        GAsyncReadyCallback         callback,
                        gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->store = g_object_ref (store);
  fetch->session = g_object_ref (session);
  fetch->max_size = rules->max_size;
  fetch->deadline = rules->deadline;
  fetch->trusted_keys = g_strdupv ((char **)rules->trusted_keys);
  fetch->require_signature = rules->require_signature;
  fetch->store_updates = rules->store_updates;
  fetch->url = g_strdup (url);
  fetch->host = host_of (url);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_feed_fetch_async);
  g_task_set_task_data (task, fetch, (GDestroyNotify)fetch_free);
  /* What happened is returned: a feed stored is stored, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  load = g_task_new (NULL, NULL, stored_loaded_cb, g_object_ref (task));
  g_task_set_source_tag (load, haven_feed_fetch_async);
  g_task_set_task_data (load, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (load, load_stored_in_thread);
}

/**
 * haven_feed_fetch_finish:
 * @feed_out: (out) (optional) (transfer full): the new feed, with
 *   %HAVEN_FEED_UPDATE_UPDATED
 *
 * Returns: as haven_feed_updater_update_finish()
 */
HavenFeedUpdateResult
haven_feed_fetch_finish (GAsyncResult  *result,
                         HavenFeed    **feed_out,
                         GError       **error)
{
  Outcome *outcome;
  HavenFeedUpdateResult update_result;

  g_return_val_if_fail (g_task_is_valid (result, NULL), HAVEN_FEED_UPDATE_FAILED);

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return HAVEN_FEED_UPDATE_FAILED;

  update_result = outcome->result;
  if (feed_out != NULL)
    *feed_out = g_steal_pointer (&outcome->feed);
  outcome_free (outcome);

  return update_result;
}
