/* haven-help-ranking.c: which contacts Get Help shows, and in what order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-ranking"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-ranking.h"

static GPtrArray *
contacts_in_region (GListModel *contacts,
                    const char *region)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);

      if (g_strcmp0 (haven_contact_get_region (contact), region) == 0)
        g_ptr_array_add (found, g_steal_pointer (&contact));
    }

  return g_steal_pointer (&found);
}

static int
compare_priority (HavenContact *a,
                  HavenContact *b)
{
  guint pa = haven_contact_get_priority (a);
  guint pb = haven_contact_get_priority (b);

  if (pa != pb)
    return pa > pb ? -1 : 1;

  return g_utf8_collate (haven_contact_get_name (a), haven_contact_get_name (b));
}

static int
compare_priority_func (gconstpointer a,
                       gconstpointer b)
{
  return compare_priority (*(HavenContact **) a, *(HavenContact **) b);
}

static gboolean
array_has (GPtrArray    *array,
           HavenContact *contact)
{
  return g_ptr_array_find (array, contact, NULL);
}

/**
 * haven_help_list_contacts:
 * @contacts: every contact of the feed
 * @region: a region code
 * @n_first: (out) (optional): how many of the result are the region's
 *   primary lines and the services paired with them
 *
 * The order Get Help opens with: each primary line, highest priority
 * first, followed at once by the services it pairs with; then every other
 * contact of the region by priority.
 *
 * Returns: (transfer container) (element-type HavenContact): the contacts
 */
GPtrArray *
haven_help_list_contacts (GListModel *contacts,
                          const char *region,
                          guint      *n_first)
{
  g_autoptr(GPtrArray) in_region = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  guint first;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);

  in_region = contacts_in_region (contacts, region);
  g_ptr_array_sort (in_region, compare_priority_func);

  for (guint i = 0; i < in_region->len; i++)
    {
      HavenContact *contact = g_ptr_array_index (in_region, i);
      g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
      const char * const *pairs_with;

      if (!haven_contact_get_primary (contact) || array_has (ordered, contact))
        continue;

      g_ptr_array_add (ordered, g_object_ref (contact));

      pairs_with = haven_contact_get_pairs_with (contact);
      for (guint j = 0; j < in_region->len; j++)
        {
          HavenContact *other = g_ptr_array_index (in_region, j);

          if (pairs_with != NULL &&
              g_strv_contains (pairs_with, haven_contact_get_id (other)) &&
              !array_has (ordered, other))
            g_ptr_array_add (pairs, other);
        }
      /* in_region is sorted, so the pairs already are. */
      for (guint j = 0; j < pairs->len; j++)
        g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (pairs, j)));
    }

  first = ordered->len;

  for (guint i = 0; i < in_region->len; i++)
    {
      HavenContact *contact = g_ptr_array_index (in_region, i);

      if (!array_has (ordered, contact))
        g_ptr_array_add (ordered, g_object_ref (contact));
    }

  if (n_first != NULL)
    *n_first = first;

  return g_steal_pointer (&ordered);
}

static gboolean
channel_reaches (const HavenChannel *channel,
                 HavenReach          reach)
{
  switch (channel->type)
    {
    case HAVEN_CHANNEL_TYPE_PHONE:
      return reach == HAVEN_REACH_ANY || reach == HAVEN_REACH_CALL;

    case HAVEN_CHANNEL_TYPE_SMS:
    case HAVEN_CHANNEL_TYPE_WHATSAPP:
      return reach == HAVEN_REACH_ANY || reach == HAVEN_REACH_TEXT;

    case HAVEN_CHANNEL_TYPE_CHAT:
    case HAVEN_CHANNEL_TYPE_WEB:
      return reach == HAVEN_REACH_ANY || reach == HAVEN_REACH_CHAT;

    case HAVEN_CHANNEL_TYPE_EMAIL:
    default:
      return reach == HAVEN_REACH_ANY;
    }
}

/**
 * haven_contact_can_reach:
 * @contact: a contact
 * @reach: how the reader would like to reach out
 *
 * Returns: %TRUE when one of the contact's channels works that way
 */
gboolean
haven_contact_can_reach (HavenContact *contact,
                         HavenReach    reach)
{
  GPtrArray *channels = haven_contact_get_channels (contact);

  if (reach == HAVEN_REACH_ANY)
    return TRUE;

  for (guint i = 0; i < channels->len; i++)
    if (channel_reaches (g_ptr_array_index (channels, i), reach))
      return TRUE;

  return FALSE;
}

static int
open_rank (HavenOpenState state)
{
  /* Unknown hours rank below open and above closed: they may well answer. */
  switch (state)
    {
    case HAVEN_OPEN_STATE_OPEN:
      return 2;
    case HAVEN_OPEN_STATE_UNKNOWN:
      return 1;
    case HAVEN_OPEN_STATE_CLOSED:
    default:
      return 0;
    }
}

/**
 * haven_contact_get_open_state_for_reach:
 * @contact: a contact
 * @reach: how the reader would like to reach out
 * @now: the current time
 *
 * A channel can keep hours of its own (a chat in the evenings only), so a
 * service that answers the phone day and night is not "open" to someone
 * who wants to chat at 02:00.
 *
 * Returns: the best state among the channels that reach out that way, or
 *   the contact's own state when none does
 */
HavenOpenState
haven_contact_get_open_state_for_reach (HavenContact *contact,
                                        HavenReach    reach,
                                        GDateTime    *now)
{
  GPtrArray *channels = haven_contact_get_channels (contact);
  HavenOpenState best = HAVEN_OPEN_STATE_CLOSED;
  gboolean any = FALSE;

  for (guint i = 0; i < channels->len; i++)
    {
      HavenChannel *channel = g_ptr_array_index (channels, i);
      HavenOpenState state;

      if (!channel_reaches (channel, reach))
        continue;

      any = TRUE;
      state = haven_contact_get_channel_open_state (contact, channel, now);
      if (open_rank (state) > open_rank (best))
        best = state;
    }

  return any ? best : haven_contact_get_open_state (contact, now);
}

typedef struct
{
  const char *topic;
  HavenReach  reach;
  GDateTime  *now;
} RankQuery;

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  HavenContact *x = *(HavenContact **) a;
  HavenContact *y = *(HavenContact **) b;
  RankQuery *query = user_data;
  int kx, ky;

  if (query->topic != NULL)
    {
      kx = haven_contact_has_topic (x, query->topic);
      ky = haven_contact_has_topic (y, query->topic);
      if (kx != ky)
        return ky - kx;
    }

  kx = open_rank (haven_contact_get_open_state_for_reach (x, query->reach, query->now));
  ky = open_rank (haven_contact_get_open_state_for_reach (y, query->reach, query->now));
  if (kx != ky)
    return ky - kx;

  kx = haven_contact_can_reach (x, query->reach);
  ky = haven_contact_can_reach (y, query->reach);
  if (kx != ky)
    return ky - kx;

  return compare_priority (x, y);
}

/**
 * haven_help_rank_contacts:
 * @contacts: every contact of the feed
 * @region: a region code
 * @topic: (nullable): what is going on, a topic id
 * @reach: how the reader would like to reach out
 * @now: the current time
 *
 * Every contact of the region, ranked by whether it covers @topic, then
 * whether it answers at @now, then whether it can be reached the way the
 * reader prefers, then by the feed's priority. Nobody is left out: a
 * refinement reorders and never hides a line.
 *
 * Returns: (transfer container) (element-type HavenContact): the contacts
 */
GPtrArray *
haven_help_rank_contacts (GListModel *contacts,
                          const char *region,
                          const char *topic,
                          HavenReach  reach,
                          GDateTime  *now)
{
  g_autoptr(GPtrArray) ranked = NULL;
  RankQuery query = { topic, reach, now };

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ranked = contacts_in_region (contacts, region);
  g_ptr_array_sort_with_data (ranked, compare_ranked, &query);

  return g_steal_pointer (&ranked);
}
