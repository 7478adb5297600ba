/* test-feed-hostile.c: every hostile feed is refused with the right problem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "feed-test-util.h"
#include "haven-feed-parser.h"

static gboolean
problems_contain (GPtrArray  *problems,
                  const char *expected)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = haven_feed_problem_to_string (g_ptr_array_index (problems, i));

      if (strstr (line, expected) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_hostile_case (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  feed = haven_feed_parse (c->bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, &problems, &error);

  g_assert_null (feed);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HAVEN_FEED_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (problems->len, >, 0);

  if (!problems_contain (problems, c->expected))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = haven_feed_problem_to_string (g_ptr_array_index (problems, i));

          g_test_message ("problem: %s", line);
        }
      g_test_fail_printf ("%s: no problem contains “%s”", c->name, c->expected);
    }

  /* Problems stay bounded, however broken the feed. */
  g_assert_cmpuint (problems->len, <=, 101);
}

static void
test_hostile_count (gconstpointer data)
{
  const GPtrArray *cases = data;

  /* The issue asks for at least 45 hostile feeds. */
  g_assert_cmpuint (cases->len, >=, 45);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  cases = hostile_cases_new ();
  g_test_add_data_func ("/feed/hostile/count", cases, test_hostile_count);
  for (guint i = 0; i < cases->len; i++)
    {
      const HostileCase *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/feed/hostile/%s", c->name);

      g_test_add_data_func (path, c, test_hostile_case);
    }

  status = g_test_run ();

  return status;
}
