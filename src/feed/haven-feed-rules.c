/* haven-feed-rules.c: what a valid feed must also meet to replace the one Haven has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-rules.h"

/* The parser decides whether a feed is valid on its own. These rules
 * compare it with what Haven already has: an update that is valid but
 * dated wrongly, or that would leave a reader in crisis with less help
 * than before, is refused and the copy Haven has stays.
 */

G_DEFINE_QUARK (haven-feed-rules-error-quark, haven_feed_rules_error)

static void
format_date (const GDate *date,
             char         text[16])
{
  g_date_strftime (text, 16, "%Y-%m-%d", date);
}

static void
today_utc (GDateTime *now,
           GDate     *today)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (utc), g_date_time_get_month (utc),
                  g_date_time_get_year (utc));
}

/**
 * haven_feed_rules_is_future:
 * @date: a feed's `generated` date
 * @now: the current time
 *
 * Returns: %TRUE if @date lies more than %HAVEN_FEED_RULES_FUTURE_DAYS
 *   days after @now's date in UTC, so no publisher can have made it yet
 */
gboolean
haven_feed_rules_is_future (const GDate *date,
                            GDateTime   *now)
{
  GDate today;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  today_utc (now, &today);

  return g_date_get_julian (date) > g_date_get_julian (&today) + HAVEN_FEED_RULES_FUTURE_DAYS;
}

/**
 * haven_feed_rules_check_date:
 * @generated: the `generated` date of the feed offered
 * @current: (nullable): the `generated` date of the feed Haven has
 * @now: the current time
 * @error: return location for a %HAVEN_FEED_RULES_ERROR
 *
 * A feed dated in the future is refused: kept, it would make every real
 * feed after it look older. A feed older than @current is refused, unless
 * @current itself lies in the future: such a copy came from before this
 * rule, and must not block updates for ever.
 *
 * Returns: %TRUE if the feed may replace the one Haven has
 */
gboolean
haven_feed_rules_check_date (const GDate  *generated,
                             const GDate  *current,
                             GDateTime    *now,
                             GError      **error)
{
  char sent[16];

  g_return_val_if_fail (generated != NULL && g_date_valid (generated), FALSE);
  g_return_val_if_fail (current == NULL || g_date_valid (current), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format_date (generated, sent);

  if (haven_feed_rules_is_future (generated, now))
    {
      GDate today;
      char today_text[16];

      today_utc (now, &today);
      format_date (&today, today_text);
      g_set_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_FUTURE,
                   /* Translators: both %s are dates like 2026-12-01 */
                   ngettext ("The feed is dated %s, more than %u day after today (%s). "
                             "Check the system’s date and time; if they are right, the "
                             "feed’s date is wrong.",
                             "The feed is dated %s, more than %u days after today (%s). "
                             "Check the system’s date and time; if they are right, the "
                             "feed’s date is wrong.",
                             HAVEN_FEED_RULES_FUTURE_DAYS),
                   sent, HAVEN_FEED_RULES_FUTURE_DAYS, today_text);
      return FALSE;
    }

  if (current == NULL)
    return TRUE;

  if (haven_feed_rules_is_future (current, now))
    {
      g_debug ("The feed Haven has is dated in the future; any date is newer");
      return TRUE;
    }

  if (g_date_compare (generated, current) < 0)
    {
      char have[16];

      format_date (current, have);
      g_set_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_OLDER,
                   /* Translators: both %s are dates like 2026-12-01 */
                   _("The feed is from %s, older than the one Haven has (%s)."),
                   sent, have);
      return FALSE;
    }

  return TRUE;
}

/* Region code → number of contacts (crisis lines) for it. */
static GHashTable *
count_lines (HavenFeed *feed)
{
  GListModel *contacts = haven_feed_get_contacts (feed);
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);
      const char *region = haven_contact_get_region (contact);

      /* The key is owned by a contact of @feed, which outlives the table. */
      g_hash_table_insert (counts, (gpointer)region,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, region)) + 1));
    }

  return counts;
}

static gboolean
check_against (HavenFeed   *update,
               HavenFeed   *baseline,
               gboolean     keep_lines,
               GError     **error)
{
  GListModel *regions = haven_feed_get_regions (baseline);
  guint n = g_list_model_get_n_items (regions);
  g_autoptr(GHashTable) baseline_lines = NULL;
  g_autoptr(GHashTable) update_lines = NULL;

  if (keep_lines)
    {
      baseline_lines = count_lines (baseline);
      update_lines = count_lines (update);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenRegion) had = g_list_model_get_item (regions, i);
      const char *code = haven_region_get_code (had);
      HavenRegion *offered = haven_feed_lookup_region (update, code);
      guint n_had, n_offered;

      if (offered == NULL)
        {
          g_set_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_REGION_REMOVED,
                       /* Translators: a region's name, then its code, like “Germany (DE)” */
                       _("The feed leaves out %s (%s), and with it the region’s emergency "
                         "numbers."),
                       haven_region_get_name (had), code);
          return FALSE;
        }

      n_had = haven_region_get_emergency_numbers (had)->len;
      n_offered = haven_region_get_emergency_numbers (offered)->len;
      if (n_offered < n_had)
        {
          g_set_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_EMERGENCY_NUMBERS_REMOVED,
                       /* Translators: a region's name and code, then two counts */
                       _("The feed lists fewer emergency numbers for %s (%s) than Haven has: "
                         "%u instead of %u."),
                       haven_region_get_name (had), code, n_offered, n_had);
          return FALSE;
        }

      if (keep_lines &&
          g_hash_table_lookup (baseline_lines, code) != NULL &&
          g_hash_table_lookup (update_lines, code) == NULL)
        {
          g_set_error (error, HAVEN_FEED_RULES_ERROR, HAVEN_FEED_RULES_ERROR_CRISIS_LINES_REMOVED,
                       /* Translators: a region's name, then its code, like “Germany (DE)” */
                       _("The feed has no crisis line left for %s (%s), which has crisis lines "
                         "in the content built into Haven."),
                       haven_region_get_name (had), code);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * haven_feed_rules_check_help:
 * @update: the valid feed offered
 * @bundled: (nullable): the feed built into Haven
 * @stored: (nullable): the stored copy, if it loads and is valid
 * @error: return location for a %HAVEN_FEED_RULES_ERROR
 *
 * Get Help must never show less than it does today. Against the bundled
 * feed and the copy Haven shows (the stored one, unless the bundled feed is
 * newer), @update must keep every region, with at least as many emergency
 * numbers each. A region with crisis lines in the bundled feed must keep at
 * least one; lines that only a later feed added may go when they close.
 *
 * Returns: %TRUE if @update takes no help away
 */
gboolean
haven_feed_rules_check_help (HavenFeed  *update,
                             HavenFeed  *bundled,
                             HavenFeed  *stored,
                             GError    **error)
{
  g_return_val_if_fail (HAVEN_IS_FEED (update), FALSE);
  g_return_val_if_fail (bundled == NULL || HAVEN_IS_FEED (bundled), FALSE);
  g_return_val_if_fail (stored == NULL || HAVEN_IS_FEED (stored), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bundled != NULL && !check_against (update, bundled, TRUE, error))
    return FALSE;

  /* The stored copy counts when Haven shows it, as haven_feed_store_load_best() decides. */
  if (stored != NULL &&
      (bundled == NULL ||
       g_date_compare (haven_feed_get_generated (stored), haven_feed_get_generated (bundled)) >= 0) &&
      !check_against (update, stored, FALSE, error))
    return FALSE;

  return TRUE;
}
