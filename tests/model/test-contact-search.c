/* test-contact-search.c: what the GNOME Shell search finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "haven-contact-search.h"
#include "haven-feed-parser.h"

static HavenFeed *feed;

static char *
search (const char *region_code,
        const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  g_autoptr(GPtrArray) found = NULL;
  GString *ids = g_string_new (NULL);

  found = haven_contact_search (feed, haven_feed_lookup_region (feed, region_code),
                                (const char * const *) terms);
  for (guint i = 0; i < found->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, haven_contact_get_id (g_ptr_array_index (found, i)));
    }

  return g_string_free (ids, FALSE);
}

static void
check (const char *region_code,
       const char *query,
       const char *expected)
{
  g_autofree char *ids = search (region_code, query);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_names_and_numbers (void)
{
  check ("GB", "samaritans", "gb-samaritans");
  check ("GB", "Samar", "gb-samaritans");
  check ("GB", "116", "gb-samaritans");
  check ("GB", "116 123", "gb-samaritans");
  check ("GB", "116123", "gb-samaritans");
  check ("GB", "0808 801", "gb-beat");
  check ("GB", "beat", "gb-beat");
  check ("GB", "samaritans 116", "gb-samaritans");
  /* Only the reader's region: TelefonSeelsorge is German. */
  check ("GB", "telefonseelsorge", "");
  check ("DE", "telefonseelsorge", "de-telefonseelsorge");
  /* Inside a word does not count. */
  check ("GB", "maritans", "");
  check ("GB", "nothing-like-this", "");
}

static void
test_crisis_words_and_region (void)
{
  const char *all_gb = "gb-samaritans gb-childline gb-shout gb-papyrus gb-beat";

  check ("GB", "help", all_gb);
  check ("GB", "crisis", all_gb);
  check ("GB", "hotline", all_gb);
  check ("GB", "united kingdom", all_gb);
  check ("GB", "gb", all_gb);
  check ("GB", "crisis samaritans", "gb-samaritans");
  check ("GB", "crisis line", all_gb);
  /* A region without lines finds nothing, and says nothing untrue. */
  check ("ZA", "help", "");
}

/* The Shell passes one word a term: a phrase of the crisis list still
 * counts across them, in every interface language, and finds the lines
 * on its topic (not Beat, which is for eating problems). */
static void
test_crisis_phrases (void)
{
  const char *suicide_gb = "gb-samaritans gb-childline gb-shout gb-papyrus";

  check ("GB", "want to die", suicide_gb);
  check ("GB", "I want to die", suicide_gb);
  check ("GB", "suicide", suicide_gb);
  check ("GB", "overdose", suicide_gb);
  check ("GB", "self harm", "gb-samaritans gb-childline gb-shout");
  check ("DE", "Suizid", "de-telefonseelsorge");
  check ("DE", "ich will sterben", "de-telefonseelsorge");
  check ("GB", "quiero morir", suicide_gb);
  check ("GB", "انتحار", suicide_gb);
  /* Each word alone is no crisis phrase. */
  check ("GB", "want", "");
  check ("GB", "want to", "");
}

/* A topic's name or id finds the lines on that topic. */
static void
test_topics (void)
{
  check ("GB", "eating", "gb-beat");
  check ("GB", "grief", "gb-samaritans");
  check ("GB", "anxiety", "gb-samaritans gb-shout");
  check ("DE", "grief", "de-telefonseelsorge");
  check ("DE", "young", "de-nummer-gegen-kummer");
}

static HavenSearchEmergency
emergency (const char *region_code,
           const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);

  return haven_contact_search_emergency (haven_feed_lookup_region (feed, region_code),
                                         (const char * const *) terms);
}

static gboolean
wants_help (const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);

  return haven_contact_search_wants_help (feed, (const char * const *) terms);
}

static void
test_emergency (void)
{
  g_assert_cmpint (emergency ("GB", "999"), ==, HAVEN_SEARCH_EMERGENCY_ASKED);
  g_assert_cmpint (emergency ("GB", "99"), ==, HAVEN_SEARCH_EMERGENCY_ASKED);
  g_assert_cmpint (emergency ("GB", "ambulance"), ==, HAVEN_SEARCH_EMERGENCY_ASKED);
  g_assert_cmpint (emergency ("DE", "112"), ==, HAVEN_SEARCH_EMERGENCY_ASKED);
  g_assert_cmpint (emergency ("GB", "want to die"), ==, HAVEN_SEARCH_EMERGENCY_CRISIS);
  /* Another region's number, a line's number, anything else: no. */
  g_assert_cmpint (emergency ("GB", "112"), ==, HAVEN_SEARCH_EMERGENCY_NONE);
  g_assert_cmpint (emergency ("GB", "116 123"), ==, HAVEN_SEARCH_EMERGENCY_NONE);
  g_assert_cmpint (emergency ("GB", "fir"), ==, HAVEN_SEARCH_EMERGENCY_NONE);
  g_assert_cmpint (emergency ("GB", "samaritans"), ==, HAVEN_SEARCH_EMERGENCY_NONE);
}

/* Without a region: help words, crisis words, topics, services and
 * emergency numbers ask for help; other searches are none of Haven's. */
static void
test_wants_help (void)
{
  g_assert_true (wants_help ("crisis"));
  g_assert_true (wants_help ("want to die"));
  g_assert_true (wants_help ("Suizid"));
  g_assert_true (wants_help ("grief"));
  g_assert_true (wants_help ("samaritans"));
  g_assert_true (wants_help ("999"));
  g_assert_true (wants_help ("112"));
  g_assert_false (wants_help ("firefox"));
  g_assert_false (wants_help ("crisis firefox"));
  g_assert_false (wants_help ("2024"));
  g_assert_false (wants_help (""));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  feed = haven_feed_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/contact-search/names-and-numbers", test_names_and_numbers);
  g_test_add_func ("/contact-search/crisis-words-and-region", test_crisis_words_and_region);
  g_test_add_func ("/contact-search/crisis-phrases", test_crisis_phrases);
  g_test_add_func ("/contact-search/topics", test_topics);
  g_test_add_func ("/contact-search/emergency", test_emergency);
  g_test_add_func ("/contact-search/wants-help", test_wants_help);

  status = g_test_run ();
  g_clear_object (&feed);

  return status;
}
