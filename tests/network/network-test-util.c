/* network-test-util.c: feeds and temporary folders for the network tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

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
    replace_member (text, "generated", generated);
  if (format_version != NULL)
    replace_member (text, "format_version", format_version);

  return g_string_free_to_bytes (text);
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
