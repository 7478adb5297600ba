/* test-help-ranking.c: the order of the Get Help view's contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "haven-feed-parser.h"
#include "haven-help-ranking.h"

static HavenFeed *
load_feed (void)
{
  g_autoptr(GError) error = NULL;
  HavenFeed *feed = haven_feed_load_bundled (&error);

  g_assert_no_error (error);
  return feed;
}

static const char *
id_at (GPtrArray *contacts,
       guint      i)
{
  g_assert_cmpuint (i, <, contacts->len);
  return haven_contact_get_id (g_ptr_array_index (contacts, i));
}

static void
test_primary_then_pairs (void)
{
  g_autoptr(HavenFeed) feed = load_feed ();
  GListModel *contacts = haven_feed_get_contacts (feed);
  g_autoptr(GPtrArray) gb = NULL;
  g_autoptr(GPtrArray) de = NULL;
  g_autoptr(GPtrArray) no = NULL;
  g_autoptr(GPtrArray) za = NULL;
  guint n_first = 0;

  gb = haven_help_list_contacts (contacts, "GB", &n_first);
  g_assert_cmpuint (n_first, ==, 2);
  g_assert_cmpstr (id_at (gb, 0), ==, "gb-samaritans");
  g_assert_cmpstr (id_at (gb, 1), ==, "gb-childline");
  /* The rest follow by priority. */
  g_assert_cmpstr (id_at (gb, 2), ==, "gb-shout");
  g_assert_cmpstr (id_at (gb, 3), ==, "gb-papyrus");
  g_assert_cmpstr (id_at (gb, 4), ==, "gb-beat");
  g_assert_cmpuint (gb->len, ==, 5);

  de = haven_help_list_contacts (contacts, "DE", &n_first);
  g_assert_cmpuint (n_first, ==, 2);
  g_assert_cmpstr (id_at (de, 0), ==, "de-telefonseelsorge");
  g_assert_cmpstr (id_at (de, 1), ==, "de-nummer-gegen-kummer");

  /* Mental Helse is Norway's only primary line and pairs with nobody. */
  no = haven_help_list_contacts (contacts, "NO", &n_first);
  g_assert_cmpuint (n_first, ==, 1);
  g_assert_cmpstr (id_at (no, 0), ==, "no-mental-helse");
  for (guint i = 0; i < no->len; i++)
    {
      GPtrArray *channels = haven_contact_get_channels (g_ptr_array_index (no, i));

      for (guint j = 0; j < channels->len; j++)
        g_assert_cmpstr (((HavenChannel *) g_ptr_array_index (channels, j))->value, !=, "113");
    }

  za = haven_help_list_contacts (contacts, "ZA", &n_first);
  g_assert_cmpuint (za->len, ==, 0);
  g_assert_cmpuint (n_first, ==, 0);
}

static void
test_rank_by_topic (void)
{
  g_autoptr(HavenFeed) feed = load_feed ();
  GListModel *contacts = haven_feed_get_contacts (feed);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  g_autoptr(GPtrArray) eating = NULL;
  g_autoptr(GPtrArray) lgbtq = NULL;

  eating = haven_help_rank_contacts (contacts, "GB", "eating-problems", HAVEN_REACH_ANY, now);
  g_assert_cmpstr (id_at (eating, 0), ==, "gb-beat");
  /* Refining reorders and never hides a line. */
  g_assert_cmpuint (eating->len, ==, 5);

  lgbtq = haven_help_rank_contacts (contacts, "US", "lgbtq", HAVEN_REACH_ANY, now);
  g_assert_cmpstr (id_at (lgbtq, 0), ==, "us-trevor-project");
}

static void
test_rank_by_channel_and_open_now (void)
{
  g_autoptr(HavenFeed) feed = load_feed ();
  GListModel *contacts = haven_feed_get_contacts (feed);
  /* Wednesday 25 November 2026: 11:00 in Berlin, before Nummer gegen Kummer opens. */
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 11, 25, 10, 0, 0);
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2026, 11, 25, 14, 0, 0);
  g_autoptr(GPtrArray) text = NULL;
  g_autoptr(GPtrArray) call = NULL;
  g_autoptr(GPtrArray) young_morning = NULL;
  g_autoptr(GPtrArray) young_afternoon = NULL;

  text = haven_help_rank_contacts (contacts, "GB", NULL, HAVEN_REACH_TEXT, morning);
  g_assert_cmpstr (id_at (text, 0), ==, "gb-shout");

  call = haven_help_rank_contacts (contacts, "GB", NULL, HAVEN_REACH_CALL, morning);
  g_assert_cmpstr (id_at (call, 0), ==, "gb-samaritans");

  /* Young people in Germany: the young people's line is closed in the
   * morning, so it ranks below TelefonSeelsorge only when both cover the
   * topic; here only it does, so topic still wins... */
  young_morning = haven_help_rank_contacts (contacts, "DE", "young-people", HAVEN_REACH_ANY, morning);
  g_assert_cmpstr (id_at (young_morning, 0), ==, "de-nummer-gegen-kummer");
  /* ...and for just talking, which both cover, open now decides. */
  g_clear_pointer (&young_morning, g_ptr_array_unref);
  young_morning = haven_help_rank_contacts (contacts, "DE", "just-talk", HAVEN_REACH_ANY, morning);
  young_afternoon = haven_help_rank_contacts (contacts, "DE", "just-talk", HAVEN_REACH_ANY, afternoon);
  g_assert_cmpstr (id_at (young_morning, 0), ==, "de-telefonseelsorge");
  g_assert_cmpstr (id_at (young_morning, 1), ==, "de-nummer-gegen-kummer");
  g_assert_cmpstr (id_at (young_afternoon, 0), ==, "de-telefonseelsorge");
}

static void
test_can_reach (void)
{
  g_autoptr(HavenFeed) feed = load_feed ();
  HavenContact *shout = haven_feed_lookup_contact (feed, "gb-shout");
  HavenContact *samaritans = haven_feed_lookup_contact (feed, "gb-samaritans");
  HavenContact *us_988 = haven_feed_lookup_contact (feed, "us-988");

  g_assert_true (haven_contact_can_reach (shout, HAVEN_REACH_TEXT));
  g_assert_false (haven_contact_can_reach (shout, HAVEN_REACH_CALL));
  g_assert_true (haven_contact_can_reach (samaritans, HAVEN_REACH_CALL));
  g_assert_false (haven_contact_can_reach (samaritans, HAVEN_REACH_TEXT));
  g_assert_true (haven_contact_can_reach (us_988, HAVEN_REACH_CHAT));
  g_assert_true (haven_contact_can_reach (us_988, HAVEN_REACH_ANY));
}

static void
test_channel_hours (void)
{
  g_autoptr(HavenFeed) feed = load_feed ();
  HavenContact *seelsorge = haven_feed_lookup_contact (feed, "at-telefonseelsorge");
  /* Wednesday 25 November 2026 in Vienna (UTC+1): 02:00 and 17:00. */
  g_autoptr(GDateTime) night = g_date_time_new_utc (2026, 11, 25, 1, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 11, 25, 16, 0, 0);
  HavenChannel *chat = g_ptr_array_index (haven_contact_get_channels (seelsorge), 1);

  g_assert_cmpint (chat->type, ==, HAVEN_CHANNEL_TYPE_CHAT);
  /* The phone answers day and night; the chat only from 16:00 to 23:00. */
  g_assert_cmpint (haven_contact_get_open_state (seelsorge, night), ==, HAVEN_OPEN_STATE_OPEN);
  g_assert_cmpint (haven_contact_get_channel_open_state (seelsorge, chat, night), ==,
                   HAVEN_OPEN_STATE_CLOSED);
  g_assert_cmpint (haven_contact_get_open_state_for_reach (seelsorge, HAVEN_REACH_CHAT, night),
                   ==, HAVEN_OPEN_STATE_CLOSED);
  g_assert_cmpint (haven_contact_get_open_state_for_reach (seelsorge, HAVEN_REACH_CALL, night),
                   ==, HAVEN_OPEN_STATE_OPEN);
  g_assert_cmpint (haven_contact_get_open_state_for_reach (seelsorge, HAVEN_REACH_CHAT, evening),
                   ==, HAVEN_OPEN_STATE_OPEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/help-ranking/primary-then-pairs", test_primary_then_pairs);
  g_test_add_func ("/help-ranking/topic", test_rank_by_topic);
  g_test_add_func ("/help-ranking/channel-and-open-now", test_rank_by_channel_and_open_now);
  g_test_add_func ("/help-ranking/can-reach", test_can_reach);
  g_test_add_func ("/help-ranking/channel-hours", test_channel_hours);

  return g_test_run ();
}
