/* haven-feed-intake.c: checks a downloaded feed and keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-intake.h"
#include "haven-feed-parser.h"
#include "haven-feed-rules.h"
#include "haven-minisign.h"

/* What HavenFeedUpdater does with a feed once it is downloaded, in a
 * worker thread (validating and storing take time and disk I/O): first
 * the signature, before anything parses the bytes; then the feed itself;
 * then the rules of haven-feed-rules.c against the bundled and the stored
 * feed; and only then the stored copy is replaced.
 */

/* signing: nothing reads the bytes before their signature holds. */
static gboolean
verify (const HavenFeedIntake  *intake,
        GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!intake->require_signature)
    return TRUE;

  if (haven_minisign_verify (intake->body, intake->signature, intake->trusted_keys,
                             NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_MISSING))
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_UNSIGNED,
                 _("The feed at %s is not signed: there is no signature file beside it. "
                   "Haven kept the content it has."),
                 intake->host);
  else if (g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_UNKNOWN_KEY) ||
           g_error_matches (local_error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_NO_KEYS))
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY,
                 /* Translators: the first %s is a sentence saying what is wrong */
                 _("%s Haven kept the content it has (feed at %s)."),
                 local_error->message, intake->host);
  else
    g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
                 _("%s Haven kept the content it has (feed at %s)."),
                 local_error->message, intake->host);

  return FALSE;
}

/* The rules a valid feed must also pass to replace the one Haven has
 * (haven-feed-rules.c): a plausible date, and no help taken away.
 */
static gboolean
check_rules (const HavenFeedIntake  *intake,
             HavenFeed              *feed,
             GDateTime              *now,
             GError                **error)
{
  g_autoptr(HavenFeed) bundled = NULL;
  g_autoptr(GError) rules_error = NULL;
  GDate current;
  gboolean known;

  known = haven_feed_store_get_generated (intake->store, &current);
  if (!haven_feed_rules_check_date (haven_feed_get_generated (feed), known ? &current : NULL,
                                    now, &rules_error))
    {
      g_set_error (error, HAVEN_FEED_UPDATE_ERROR,
                   g_error_matches (rules_error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_FUTURE)
                     ? HAVEN_FEED_UPDATE_ERROR_FUTURE : HAVEN_FEED_UPDATE_ERROR_OLDER,
                   _("Haven kept the content it has instead of the feed from %s. %s"),
                   intake->host, rules_error->message);
      return FALSE;
    }

  bundled = haven_feed_load_bundled (&rules_error);
  if (bundled == NULL)
    {
      g_warning ("The bundled feed is broken: %s", rules_error->message);
      g_clear_error (&rules_error);
    }

  if (!haven_feed_rules_check_help (feed, bundled, intake->stored, &rules_error))
    {
      g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP,
                   _("Haven kept the content it has: the feed from %s would take crisis "
                     "help away from readers. %s"),
                   intake->host, rules_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * haven_feed_intake_run:
 * @intake: what the download brought
 * @feed_out: (out) (transfer full): the new feed, with
 *   %HAVEN_FEED_UPDATE_UPDATED
 * @error: return location for a #HAVEN_FEED_UPDATE_ERROR
 *
 * Blocks: call it in a worker thread. A body the server did not send
 * (304) only records the check.
 *
 * Returns: %HAVEN_FEED_UPDATE_UPDATED, %HAVEN_FEED_UPDATE_NOT_MODIFIED, or
 *   %HAVEN_FEED_UPDATE_FAILED with @error set
 */
HavenFeedUpdateResult
haven_feed_intake_run (const HavenFeedIntake  *intake,
                       HavenFeed             **feed_out,
                       GError                **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HavenFeed) feed = NULL;

  if (intake->body == NULL)
    {
      if (!haven_feed_store_mark_checked (intake->store, now, &local_error))
        g_debug ("Could not record the check: %s", local_error->message);
      return HAVEN_FEED_UPDATE_NOT_MODIFIED;
    }

  if (!verify (intake, error))
    return HAVEN_FEED_UPDATE_FAILED;

  feed = haven_feed_parse (intake->body, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &local_error);
  if (feed == NULL)
    {
      if (g_error_matches (local_error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_UNSUPPORTED_VERSION))
        g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_UNSUPPORTED_VERSION,
                     _("The feed at %s needs a newer version of Haven: %s"),
                     intake->host, local_error->message);
      else
        g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_INVALID,
                     _("The server %s sent an invalid feed, so Haven kept the "
                       "content it has. %s"),
                     intake->host, local_error->message);
      return HAVEN_FEED_UPDATE_FAILED;
    }

  if (!check_rules (intake, feed, now, error))
    return HAVEN_FEED_UPDATE_FAILED;

  /* signing: a preview (--unsigned-preview) is shown, never kept. */
  if (intake->store_updates &&
      !haven_feed_store_save (intake->store, intake->body, feed, intake->etag,
                              intake->last_modified, now, &local_error))
    {
      g_set_error (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_STORE,
                   "%s", local_error->message);
      return HAVEN_FEED_UPDATE_FAILED;
    }

  if (feed_out != NULL)
    *feed_out = g_steal_pointer (&feed);

  return HAVEN_FEED_UPDATE_UPDATED;
}
