/* haven-content-status.c: what the status line says about the content shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-content"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-content-status.h"

/* “3 November”: when the stored copy was fetched, or the date the bundled
 * feed was made.
 */
static char *
dup_content_date (HavenFeedStore  *store,
                  HavenFeedOrigin  origin,
                  HavenFeed       *feed)
{
  g_autoptr(GDateTime) date = NULL;

  if (origin == HAVEN_FEED_ORIGIN_REMOTE)
    {
      g_autoptr(GDateTime) fetched = haven_feed_store_dup_fetched (store);

      if (fetched != NULL)
        date = g_date_time_to_local (fetched);
    }

  if (date == NULL && feed != NULL)
    {
      const GDate *generated = haven_feed_get_generated (feed);

      date = g_date_time_new_local (g_date_get_year (generated), g_date_get_month (generated),
                                    g_date_get_day (generated), 12, 0, 0);
    }

  if (date == NULL)
    return NULL;

  /* Translators: a day and month as in “Showing content from 3 November”; see
   * g_date_time_format() for the codes.
   */
  return g_date_time_format (date, C_("content date", "%-d %B"));
}

/**
 * haven_content_status_dup_offline:
 * @store: the reader's stored copy
 * @origin: where the feed shown came from
 * @feed: (nullable): the feed shown
 *
 * Returns: (transfer full): “Offline. Showing content from 3 November.”,
 *   or “Offline.” when there is no date to give
 */
char *
haven_content_status_dup_offline (HavenFeedStore  *store,
                                  HavenFeedOrigin  origin,
                                  HavenFeed       *feed)
{
  g_autofree char *date = dup_content_date (store, origin, feed);

  if (date == NULL)
    return g_strdup (_("Offline."));

  /* Translators: %s is a date such as “3 November” */
  return g_strdup_printf (_("Offline. Showing content from %s."), date);
}
