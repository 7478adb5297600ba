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

  found = haven_contact_search (haven_feed_get_contacts (feed),
                                haven_feed_lookup_region (feed, region_code),
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
  check ("GB", "suicide", all_gb);
  check ("GB", "hotline", all_gb);
  check ("GB", "united kingdom", all_gb);
  check ("GB", "gb", all_gb);
  check ("GB", "crisis samaritans", "gb-samaritans");
  /* A region without lines finds nothing, and says nothing untrue. */
  check ("ZA", "help", "");
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

  status = g_test_run ();
  g_clear_object (&feed);

  return status;
}
