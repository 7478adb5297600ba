/* feed-test-util.c: feeds for the feed tests, from files and generated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

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

/* Puts @value at @index of @array, in place of what was there if @replace;
 * json-glib 1.6 can only append, so the tail is taken off and put back.
 */
static void
array_put (JsonArray *array,
           guint      index,
           JsonNode  *value,
           gboolean   replace)
{
  g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  guint length = json_array_get_length (array);

  g_assert_cmpuint (index, <, length + (replace ? 0 : 1));

  for (guint i = index + (replace ? 1 : 0); i < length; i++)
    g_ptr_array_add (tail, json_node_ref (json_array_get_element (array, i)));
  while (json_array_get_length (array) > index)
    json_array_remove_element (array, json_array_get_length (array) - 1);

  json_array_add_element (array, value);
  for (guint i = 0; i < tail->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (tail, i)));
}

/* Decodes \xNN (a backslash, x, two hex digits) into that byte, so that a
 * patch can hold bytes a JSON string cannot: a NUL, invalid UTF-8.
 */
static GString *
decode_raw (const char *raw)
{
  GString *bytes = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]))
        {
          g_string_append_c (bytes, g_ascii_xdigit_value (p[2]) * 16 +
                                    g_ascii_xdigit_value (p[3]));
          p += 3;
        }
      else
        {
          g_string_append_c (bytes, *p);
        }
    }

  return bytes;
}

#define RAW_PLACEHOLDER "@@haven-test-raw-value@@"

/* Applies one operation of a patch, a small subset of RFC 6902 JSON Patch:
 * "add" (a member, or "-" to append to an array), "replace" and "remove"
 * at a JSON pointer; "replace" takes a "value" or, for bytes that are not
 * JSON, "raw" text put in verbatim, returned in @raw.
 */
static void
apply_operation (JsonNode    *root,
                 JsonObject  *operation,
                 GString    **raw)
{
  const char *op = json_object_get_string_member (operation, "op");
  const char *pointer = json_object_get_string_member (operation, "path");
  g_auto(GStrv) tokens = g_strsplit (pointer, "/", -1);
  guint n_tokens = g_strv_length (tokens);
  JsonNode *parent = root;
  JsonNode *value = json_object_get_member (operation, "value");
  const char *last;

  g_assert_cmpuint (n_tokens, >=, 2);
  g_assert_cmpstr (tokens[0], ==, "");

  for (guint i = 1; i < n_tokens; i++)
    {
      g_autoptr(GString) token = g_string_new (tokens[i]);

      g_string_replace (token, "~1", "/", 0);
      g_string_replace (token, "~0", "~", 0);
      g_free (tokens[i]);
      tokens[i] = g_string_free (g_steal_pointer (&token), FALSE);
    }

  for (guint i = 1; i < n_tokens - 1; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (parent))
        parent = json_object_get_member (json_node_get_object (parent), tokens[i]);
      else
        parent = json_array_get_element (json_node_get_array (parent),
                                         g_ascii_strtoull (tokens[i], NULL, 10));
      g_assert_nonnull (parent);
    }

  last = tokens[n_tokens - 1];

  if (g_str_equal (op, "remove"))
    {
      if (JSON_NODE_HOLDS_OBJECT (parent))
        {
          g_assert_true (json_object_has_member (json_node_get_object (parent), last));
          json_object_remove_member (json_node_get_object (parent), last);
        }
      else
        {
          json_array_remove_element (json_node_get_array (parent),
                                     g_ascii_strtoull (last, NULL, 10));
        }
      return;
    }

  if (json_object_has_member (operation, "raw"))
    {
      g_assert_null (*raw);
      *raw = decode_raw (json_object_get_string_member (operation, "raw"));
      value = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (value, RAW_PLACEHOLDER);
    }
  else
    {
      g_assert_nonnull (value);
      value = json_node_copy (value);
    }

  g_assert_true (g_str_equal (op, "add") || g_str_equal (op, "replace"));

  if (JSON_NODE_HOLDS_OBJECT (parent))
    {
      /* "add" adds a member, "replace" changes one. */
      g_assert_true (json_object_has_member (json_node_get_object (parent), last) ==
                     g_str_equal (op, "replace"));
      json_object_set_member (json_node_get_object (parent), last, value);
    }
  else if (g_str_equal (last, "-"))
    {
      g_assert_cmpstr (op, ==, "add");
      json_array_add_element (json_node_get_array (parent), value);
    }
  else
    {
      array_put (json_node_get_array (parent), g_ascii_strtoull (last, NULL, 10), value,
                 g_str_equal (op, "replace"));
    }
}

/**
 * feed_test_new_patched:
 * @name: a file in hostile/patches/
 *
 * A hostile feed made of a valid one and one small change: the patch file
 * names the base in valid/ and the operations to apply, see
 * apply_operation(). The feed is written out pretty-printed, two spaces an
 * indent, as a content author would.
 *
 * Returns: the patched feed
 */
GBytes *
feed_test_new_patched (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) patch_bytes = feed_test_load ("hostile/patches", name);
  g_autoptr(JsonParser) patch_parser = json_parser_new ();
  g_autoptr(JsonParser) base_parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GString) raw = NULL;
  g_autoptr(GString) text = NULL;
  JsonObject *patch;
  JsonArray *operations;
  char *data;
  gsize length;

  json_parser_load_from_data (patch_parser, g_bytes_get_data (patch_bytes, NULL),
                              g_bytes_get_size (patch_bytes), &error);
  g_assert_no_error (error);
  patch = json_node_get_object (json_parser_get_root (patch_parser));

  base = feed_test_load ("valid", json_object_get_string_member (patch, "base"));
  json_parser_load_from_data (base_parser, g_bytes_get_data (base, NULL), g_bytes_get_size (base),
                              &error);
  g_assert_no_error (error);

  operations = json_object_get_array_member (patch, "patch");
  for (guint i = 0; i < json_array_get_length (operations); i++)
    apply_operation (json_parser_get_root (base_parser),
                     json_array_get_object_element (operations, i), &raw);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (base_parser));
  data = json_generator_to_data (generator, &length);
  text = g_string_new_len (data, length);
  g_free (data);
  g_string_append_c (text, '\n');

  if (raw != NULL)
    {
      const char *at = strstr (text->str, "\"" RAW_PLACEHOLDER "\"");
      gsize position;

      g_assert_nonnull (at);
      position = at - text->str;
      g_string_erase (text, position, strlen ("\"" RAW_PLACEHOLDER "\""));
      g_string_insert_len (text, position, raw->str, raw->len);
    }

  return g_string_free_to_bytes (g_steal_pointer (&text));
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

/* The minimal feed up to its closing brace, to append members to. */
static GString *
minimal_open (void)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  GString *text = g_string_new_len (g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  const char *brace = strrchr (text->str, '}');

  g_assert_nonnull (brace);
  g_string_truncate (text, brace - text->str);

  return text;
}

static void
append_repeated (GString    *text,
                 const char *unit,
                 guint       n_units)
{
  for (guint i = 0; i < n_units; i++)
    g_string_append (text, unit);
}

#define BYPASS_DEPTH 600000

/* Feeds that json-glib 1.6 reads but RFC 8259 does not allow, each with a
 * quotation mark inside the part that is not JSON. A check that skips
 * strings without knowing those parts takes the quotation mark for the
 * start of a string and misses what follows up to the next one: 600,000
 * nested arrays (json-glib recurses once per level and overflows its
 * stack) or 3,000,000 values (seconds and gigabytes to parse). Each feed is
 * over 1 MiB.
 */
static void
add_bypass_cases (GPtrArray *cases)
{
  GString *text;

  text = minimal_open ();
  g_string_append (text, ", \"x\": ['\"', ");
  append_repeated (text, "[", BYPASS_DEPTH);
  append_repeated (text, "]", BYPASS_DEPTH);
  g_string_append (text, ", '\"']}\n");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-bypass-single-quoted-600000-arrays.json",
                                     g_string_free_to_bytes (text),
                                     "The feed is not valid JSON: line 49, column 9: a "
                                     "single-quoted string; JSON strings take double quotes "
                                     "(\")."));

  text = minimal_open ();
  g_string_append (text, ", \"x\": /* \" */ ");
  append_repeated (text, "[", BYPASS_DEPTH);
  append_repeated (text, "]", BYPASS_DEPTH);
  g_string_append (text, " /* \" */ }\n");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-bypass-comment-600000-arrays.json",
                                     g_string_free_to_bytes (text),
                                     "The feed is not valid JSON: line 49, column 8: a comment; "
                                     "JSON has no comments."));

  text = minimal_open ();
  g_string_append (text, ", \"x\": [ /* \" */ 0");
  append_repeated (text, ",0", 3000000);
  g_string_append (text, " /* \" */ ]}\n");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-bypass-comment-3000000-values.json",
                                     g_string_free_to_bytes (text),
                                     "The feed is not valid JSON: line 49, column 10: a comment; "
                                     "JSON has no comments."));

  /* A second document after the feed, which json-glib parses as well. */
  text = minimal_open ();
  g_string_append (text, "}\n{\"a\": '\"', \"b\": ");
  append_repeated (text, "[", BYPASS_DEPTH);
  append_repeated (text, "]", BYPASS_DEPTH);
  g_string_append (text, ", \"c\": '\"'}\n");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-bypass-second-document-600000-arrays.json",
                                     g_string_free_to_bytes (text),
                                     "The feed is not valid JSON: line 50, column 1: “{” after "
                                     "the end of the JSON value; a feed is one value and nothing "
                                     "more."));

  text = minimal_open ();
  g_string_append (text, "}\nx\n");
  g_ptr_array_add (cases,
                   hostile_case_new ("generated-trailing-text.json",
                                     g_string_free_to_bytes (text),
                                     "The feed is not valid JSON: line 50, column 1: “x” after "
                                     "the end of the JSON value; a feed is one value and nothing "
                                     "more."));
}

/* A hostile feed of the manifest: a file of its own when it is short or
 * no JSON at all, else a patch of a valid feed.
 */
static GBytes *
load_hostile (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return feed_test_load ("hostile", name);

  return feed_test_new_patched (name);
}

/* The hostile feeds listed in hostile/expected.txt, and those too large
 * to commit, generated here.
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
      g_ptr_array_add (cases, hostile_case_new (fields[0], load_hostile (fields[0]), fields[1]));
    }

  add_bypass_cases (cases);

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
