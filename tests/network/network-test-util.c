/* network-test-util.c: feeds and temporary folders for the network tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "haven-feed-parser.h"
#include "network-test-util.h"

GBytes *
network_test_bundled_feed (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (RESOURCE_BASE "/feed/feed.json",
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);

  return bytes;
}

static void
replace_member (GString    *text,
                const char *member,
                const char *value)
{
  g_autofree char *key = g_strdup_printf ("\"%s\": \"", member);
  const char *start = strstr (text->str, key);
  const char *end;
  gsize position;

  g_assert_nonnull (start);
  start += strlen (key);
  end = strchr (start, '"');
  g_assert_nonnull (end);

  position = start - text->str;
  g_string_erase (text, position, end - start);
  g_string_insert (text, position, value);
}

/* No `checked`, `emergency_checked` or `reviewed` date may come after the
 * feed's own: an older test feed keeps them at its date. */
static void
clamp_dates (GString    *text,
             const char *generated)
{
  static const char * const members[] = { "\"checked\": \"", "\"emergency_checked\": \"",
                                          "\"reviewed\": \"" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *found = text->str;

      while ((found = strstr (found, members[i])) != NULL)
        {
          gsize position = found - text->str + strlen (members[i]);

          /* Dates are YYYY-MM-DD: as strings, they sort as dates. */
          if (text->len >= position + 10 && strncmp (text->str + position, generated, 10) > 0)
            memcpy (text->str + position, generated, 10);
          found = text->str + position;
        }
    }
}

/* The bundled feed as a server would publish it (images over https://,
 * since only the bundled feed may use resource:///), with another
 * `generated` date or format version.
 */
GBytes *
network_test_feed_with (const char *generated,
                        const char *format_version)
{
  g_autoptr(GBytes) bundled = network_test_bundled_feed ();
  GString *text = g_string_new_len (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));

  g_string_replace (text, "resource:///io/github/havenwellbeing/Haven/feed/images/",
                    "https://havenwellbeing.github.io/feed/v1/images/", 0);

  if (generated != NULL)
    {
      replace_member (text, "generated", generated);
      clamp_dates (text, generated);
    }
  if (format_version != NULL)
    replace_member (text, "format_version", format_version);

  return g_string_free_to_bytes (text);
}

/**
 * network_test_date:
 * @days: how many days after the bundled feed's date; negative for before
 *
 * Test feeds are dated from the bundled feed, which every update is
 * compared with, and never more than two days after it: Haven refuses
 * feeds dated further ahead than that of today, and the bundled feed may
 * be today's.
 *
 * Returns: (transfer full): the date, as a feed writes it
 */
char *
network_test_date (int days)
{
  /* The bundled feed's date, parsed once: tests ask for dates often. */
  static GDate bundled_date;
  GDate date;
  char text[16];

  if (!g_date_valid (&bundled_date))
    {
      g_autoptr(GBytes) bundled = network_test_bundled_feed ();
      g_autoptr(GError) error = NULL;
      g_autoptr(HavenFeed) feed = haven_feed_parse (bundled, NULL, HAVEN_FEED_ORIGIN_BUNDLED,
                                                   NULL, &error);

      g_assert_no_error (error);
      bundled_date = *haven_feed_get_generated (feed);
    }

  g_assert_cmpint (days, <=, 2);
  date = bundled_date;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);

  return g_strdup (text);
}

/* network_test_feed_with() for the date network_test_date() gives. */
GBytes *
network_test_feed_on (int         days,
                      const char *format_version)
{
  g_autofree char *date = network_test_date (days);

  return network_test_feed_with (date, format_version);
}

char *
network_test_read_file (const char *directory,
                        const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;

  return data;
}

void
network_test_rm_rf (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        network_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (directory);
}

/* tests/feed/valid/minimal.json with every date (generated, checked) set to
 * @date, so that it can be older than the bundled feed and still valid.
 */
GBytes *
network_test_minimal_feed (const char *date)
{
  g_autofree char *path = g_build_filename (g_getenv ("HAVEN_SOURCE_ROOT"),
                                            "tests", "feed", "valid", "minimal.json", NULL);
  g_autofree char *data = NULL;
  GString *text;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  text = g_string_new (data);
  g_string_replace (text, "2026-11-25", date, 0);

  return g_string_free_to_bytes (text);
}

/* The published feed (network_test_feed_with()) with its images under
 * @image_base, and creators' pictures at @image_base/avatar-N.png on its
 * first @n_avatars explainers, copies of them (under new ids) beyond. */
HavenFeed *
network_test_feed_with_images (const char *image_base,
                               guint       n_avatars)
{
  g_autoptr(GBytes) published = network_test_feed_with (NULL, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (published, NULL),
                                              g_bytes_get_size (published));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *explainers;
  guint length;
  char *data;
  gsize size;
  HavenFeed *feed;

  g_string_replace (text, "https://havenwellbeing.github.io/feed/v1/images/", image_base, 0);
  json_parser_load_from_data (parser, text->str, text->len, &error);
  g_assert_no_error (error);

  explainers = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "explainers");
  length = json_array_get_length (explainers);
  for (guint i = 0; i < n_avatars; i++)
    {
      JsonObject *object = json_array_get_object_element (explainers, i % length);
      g_autofree char *avatar = g_strdup_printf ("%savatar-%u.png", image_base, i);

      if (i >= length)
        {
          /* json_node_copy() would share the members. */
          g_autofree char *original = json_to_string (json_array_get_element (explainers, i % length), FALSE);
          g_autoptr(JsonNode) copy = json_from_string (original, &error);
          g_autofree char *id = g_strdup_printf ("%s-x%u", json_object_get_string_member (object, "id"), i);

          g_assert_no_error (error);
          object = json_node_get_object (copy);
          json_object_set_string_member (object, "id", id);
          json_array_add_element (explainers, g_steal_pointer (&copy));
        }
      json_object_set_string_member (json_object_get_object_member (object, "creator"), "avatar_url", avatar);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &size);
  bytes = g_bytes_new_take (data, size);
  feed = haven_feed_parse_full (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, HAVEN_FEED_PARSE_FLAGS_UNLIMITED,
                                NULL, &error);
  g_assert_no_error (error);

  return feed;
}
