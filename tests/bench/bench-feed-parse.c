/* bench-feed-parse.c: parse and validation time against json-glib's alone
 *
 * Builds feeds 1, 10 and 100 times the size of the bundled feed by
 * repeating its contacts, topics, campaigns and explainers under new ids,
 * and times haven_feed_parse() against a bare json_parser_load_from_data()
 * of the same bytes, in the same run. Both include freeing what they built.
 *
 *   bench-feed-parse [FEED.json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "haven-feed-parser.h"

/* Sizes are measured in interleaved rounds, so that a busy spell of a
 * shared machine weighs on every size alike: each round parses the 1x feed
 * 16 times, the 10x feed twice and the 100x feed once.
 */
#define N_ROUNDS 7

static const guint factors[] = { 1, 10, 100 };
static const guint runs_per_round[] = { 16, 2, 1 };

static const char * const languages[] = { "en_GB.UTF-8", "en", NULL };

static char *
dup_with_suffix (const char *id,
                 guint       copy)
{
  return g_strdup_printf ("%s-x%u", id, copy);
}

/* Renames the ids in @member of @object, a list of ids of copied items. */
static void
rename_references (JsonObject *object,
                   const char *member,
                   guint       copy)
{
  JsonArray *old_list;
  JsonArray *new_list;

  if (!json_object_has_member (object, member))
    return;

  old_list = json_object_get_array_member (object, member);
  new_list = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old_list); i++)
    {
      g_autofree char *id = dup_with_suffix (json_array_get_string_element (old_list, i), copy);

      json_array_add_string_element (new_list, id);
    }
  json_object_set_array_member (object, member, new_list);
}

/* json_node_copy() shares objects and arrays; copies must not. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (object, name, deep_copy (member));

      copy = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        json_array_add_element (array,
                                deep_copy (json_array_get_element (json_node_get_array (node), i)));

      copy = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }
  else
    {
      copy = json_node_copy (node);
    }

  return copy;
}

static void
replicate_list (JsonObject *root,
                const char *member,
                guint       factor,
                const char *reference_member)
{
  JsonArray *list = json_object_get_array_member (root, member);
  guint length = json_array_get_length (list);

  for (guint copy = 1; copy < factor; copy++)
    {
      for (guint i = 0; i < length; i++)
        {
          JsonNode *node = deep_copy (json_array_get_element (list, i));
          JsonObject *object = json_node_get_object (node);
          g_autofree char *id = dup_with_suffix (json_object_get_string_member (object, "id"),
                                                 copy);

          json_object_set_string_member (object, "id", id);
          if (reference_member != NULL)
            rename_references (object, reference_member, copy);
          json_array_add_element (list, node);
        }
    }
}

/* Regions keep their codes (there are not enough two-letter codes to
 * repeat them), and copied items refer to the original topics.
 */
static GBytes *
build_feed (GBytes *bundled,
            guint   factor)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  char *data;
  gsize length;

  json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL),
                              g_bytes_get_size (bundled), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  replicate_list (root, "topics", factor, NULL);
  replicate_list (root, "contacts", factor, "pairs_with");
  replicate_list (root, "explainers", factor, NULL);
  replicate_list (root, "campaigns", factor, "explainers");

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* CPU time of this thread, in milliseconds: what other processes do on a
 * shared machine does not count.
 */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
time_json_glib (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_object_unref (parser);
  g_assert_no_error (error);

  return now_ms () - start;
}

static double
time_haven (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  HavenFeed *feed;

  feed = haven_feed_parse_full (bytes, languages, HAVEN_FEED_ORIGIN_BUNDLED,
                                HAVEN_FEED_PARSE_FLAGS_UNLIMITED, NULL, &error);
  g_clear_object (&feed);
  g_assert_no_error (error);

  return now_ms () - start;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n_values)
{
  qsort (values, n_values, sizeof (double), compare_doubles);

  return values[n_values / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *feeds[G_N_ELEMENTS (factors)];
  GArray *json_glib[G_N_ELEMENTS (factors)];
  GArray *haven[G_N_ELEMENTS (factors)];
  double haven_ms[G_N_ELEMENTS (factors)];
  double json_glib_ms[G_N_ELEMENTS (factors)];

  if (argc > 1)
    {
      char *contents;
      gsize length;

      if (!g_file_get_contents (argv[1], &contents, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      bundled = g_bytes_new_take (contents, length);
    }
  else
    {
      bundled = g_resources_lookup_data (RESOURCE_BASE "/feed/feed.json",
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bundled == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      feeds[f] = build_feed (bundled, factors[f]);
      json_glib[f] = g_array_new (FALSE, FALSE, sizeof (double));
      haven[f] = g_array_new (FALSE, FALSE, sizeof (double));

      /* Warm up caches, the type system and the allocator. */
      time_json_glib (feeds[f]);
      time_haven (feeds[f]);
    }

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
        {
          for (guint run = 0; run < runs_per_round[f]; run++)
            {
              double ms = time_json_glib (feeds[f]);

              g_array_append_val (json_glib[f], ms);
              ms = time_haven (feeds[f]);
              g_array_append_val (haven[f], ms);
            }
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      json_glib_ms[f] = median (&g_array_index (json_glib[f], double, 0), json_glib[f]->len);
      haven_ms[f] = median (&g_array_index (haven[f], double, 0), haven[f]->len);

      g_print ("# %ux: %" G_GSIZE_FORMAT " bytes, json-glib %.2f ms, medians of %u runs\n",
               factors[f], g_bytes_get_size (feeds[f]), json_glib_ms[f], haven[f]->len);
      g_print ("parse-validate-%ux %.2f ms %.2f\n", factors[f], haven_ms[f],
               haven_ms[f] / json_glib_ms[f]);

      g_bytes_unref (feeds[f]);
      g_array_unref (json_glib[f]);
      g_array_unref (haven[f]);
    }

  /* Memory that no longer fits the caches makes even json-glib alone grow
   * faster than the input; this puts the growth in proportion.
   */
  g_print ("# json-glib alone: growth %.1f\n", json_glib_ms[2] / json_glib_ms[0]);
  g_print ("growth-100x-vs-1x %.1f\n", haven_ms[2] / haven_ms[0]);

  return 0;
}
