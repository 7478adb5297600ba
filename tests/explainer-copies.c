/* explainer-copies.c: the bundled feed with many copies of its explainers,
 * for tests and benchmarks of long lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "explainer-copies.h"

/**
 * feed_with_explainer_copies:
 * @factor: how many of each explainer, the original included
 * @flags: %HAVEN_FEED_PARSE_FLAGS_UNLIMITED for more than the feed limits allow
 *
 * Returns: (transfer full): the bundled feed with @factor copies of each
 *   explainer, the copies under new ids
 */
HavenFeed *
feed_with_explainer_copies (guint               factor,
                            HavenFeedParseFlags flags)
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *explainers;
  guint length;
  char *data;
  gsize size;
  HavenFeed *feed;

  bundled = g_resources_lookup_data (RESOURCE_BASE "/feed/feed.json", 0, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), &error);
  g_assert_no_error (error);

  explainers = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "explainers");
  length = json_array_get_length (explainers);
  for (guint copy = 1; copy < factor; copy++)
    for (guint i = 0; i < length; i++)
      {
        JsonObject *original = json_array_get_object_element (explainers, i);
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        g_autofree char *id = NULL;

        /* Only the id changes, so the members' own values can be shared. */
        json_object_iter_init (&iter, original);
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (object, name, json_node_copy (member));
        id = g_strdup_printf ("%s-x%u", json_object_get_string_member (original, "id"), copy);
        json_object_set_string_member (object, "id", id);
        json_array_add_object_element (explainers, object);
      }

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &size);
  bytes = g_bytes_new_take (data, size);
  feed = haven_feed_parse_full (bytes, NULL, HAVEN_FEED_ORIGIN_BUNDLED, flags, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_explainers (feed)), ==, factor * length);

  return feed;
}
