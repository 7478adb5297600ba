/* feed-test-util.c: feeds for the feed tests, from files and generated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "feed-test-util.h"
#include "haven-feed-scan.h"

GBytes *
feed_test_load (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

GBytes *
feed_test_replace (GBytes     *bytes,
                   const char *from,
                   const char *to)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* The minimal feed with @n_contacts copies of its contact, each with its
 * own id.
 */
GBytes *
feed_test_new_contacts (guint       n_contacts,
                        const char *id_prefix)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  const char *text = g_bytes_get_data (minimal, NULL);
  const char *start = strstr (text, "  \"contacts\": [");
  const char *end = strstr (text, "  \"campaigns\":");
  GString *feed = g_string_new_len (text, start - text);

  g_assert_nonnull (start);
  g_assert_nonnull (end);

  g_string_append (feed, "  \"contacts\": [\n");
  for (guint i = 0; i < n_contacts; i++)
    g_string_append_printf (feed,
                            "%s{ \"id\": \"%s%u\", \"region\": \"GB\", \"name\": \"Line %u\", "
                            "\"description\": \"A test line.\", \"topics\": [\"just-talk\"], "
                            "\"audience\": \"everyone\", "
                            "\"channels\": [ { \"type\": \"phone\", \"value\": \"116 123\" } ], "
                            "\"languages\": [\"en\"], \"cost\": \"unknown\", \"priority\": 1, "
                            "\"source_url\": \"https://example.org/\", "
                            "\"checked\": \"2026-11-25\" }\n",
                            i > 0 ? "," : "", id_prefix, i, i);
  g_string_append (feed, "  ],\n");
  g_string_append (feed, end);

  return g_string_free_to_bytes (feed);
}

static GBytes *
repeat_bytes (const char *start,
              const char *middle,
              guint       n_middle,
              const char *end)
{
  GString *text = g_string_new (start);

  for (guint i = 0; i < n_middle; i++)
    g_string_append (text, middle);
  g_string_append (text, end);

  return g_string_free_to_bytes (text);
}

static HostileCase *
hostile_case_new (const char *name,
                  GBytes     *bytes,
                  const char *expected)
{
  HostileCase *self = g_new0 (HostileCase, 1);

  self->name = g_strdup (name);
  self->bytes = bytes;
  self->expected = g_strdup (expected);

  return self;
}

void
hostile_case_free (HostileCase *self)
{
  g_free (self->name);
  g_bytes_unref (self->bytes);
  g_free (self->expected);
  g_free (self);
}

/* The committed hostile feeds listed in hostile/expected.txt, and those too
 * large to commit, generated here.
 */
GPtrArray *
hostile_cases_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify)hostile_case_free);
  g_autofree char *manifest_path = g_test_build_filename (G_TEST_DIST, "hostile", "expected.txt",
                                                         NULL);
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;
  GString *padding;

  g_file_get_contents (manifest_path, &manifest, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (manifest, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_ptr_array_add (cases, hostile_case_new (fields[0], feed_test_load ("hostile", fields[0]),
                                                fields[1]));
    }

  g_ptr_array_add (cases,
                   hostile_case_new ("generated-deep-nesting-100000.json",
                                     repeat_bytes ("", "[", 100000, ""),
                                     "arrays and objects are nested more than 32 levels deep"));

  padding = g_string_new ("{\"format_version\": \"1.0\", \"padding\": \"");
  while (padding->len <= HAVEN_FEED_MAX_SIZE)
    g_string_append (padding, "0123456789abcdef");
  g_string_append (padding, "\"}");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-oversize.json", g_string_free_to_bytes (padding),
                                     "MiB are allowed."));

  g_ptr_array_add (cases,
                   hostile_case_new ("generated-2001-contacts.json",
                                     feed_test_new_contacts (2001, "line-"),
                                     "contacts: Has 2001 entries; at most 2000 are allowed."));

  g_ptr_array_add (cases,
                   hostile_case_new ("generated-repeated-members.json",
                                     repeat_bytes ("{\"a\": 0", ", \"a\": 0", 100000, "}"),
                                     "an object has more than 128 members."));

  g_ptr_array_add (cases,
                   hostile_case_new ("generated-many-problems.json",
                                     feed_test_new_contacts (1500, "Bad-"),
                                     "…and 1400 more problems."));

  g_ptr_array_add (cases,
                   hostile_case_new ("generated-huge-array.json",
                                     repeat_bytes ("{\"format_version\": \"1.0\", \"x\": [0",
                                                   ",0", 1000000, "]}"),
                                     "the feed has more than 250000 values."));

  return g_steal_pointer (&cases);
}
