/* test-feed-scan.c: the RFC 8259 check before parsing, and its limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "haven-feed-problem.h"
#include "haven-feed-scan.h"

static gboolean
scan (const char  *text,
      guint        max_values,
      GError     **error)
{
  return haven_feed_scan (text, strlen (text), HAVEN_FEED_MAX_SIZE, max_values, error);
}

/* What RFC 8259 allows passes, and json-glib reads all of it. */
static void
test_scan_valid (void)
{
  static const char * const texts[] = {
    "{}", "[]", " \t\r\n{ } \t\r\n", "\"text\"", "0", "-0", "1", "-12", "0.5", "-0.5e10",
    "1E+2", "1e-2", "123456789012345678901234567890", "true", "false", "null",
    "[1, 2.5, -3e3, true, false, null, \"x\", {}, []]",
    "{\"a\": {\"b\": [{\"c\": null}]}, \"d\": \"\"}",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00 \\u20AC\"",
    "\"é € 😀 مرحبا\"",
    "{\"a\": 1, \"a\": 2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!scan (texts[i], G_MAXUINT, &error))
        g_error ("“%s” refused: %s", texts[i], error->message);

      json_parser_load_from_data (parser, texts[i], -1, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  const char *text;
  const char *message; /* the whole message */
} RefusedCase;

/* Every extension json-glib 1.6 reads is refused, and so is anything else
 * that is not RFC 8259, each with where and what.
 */
static void
test_scan_refused (void)
{
  static const RefusedCase cases[] = {
    /* json-glib's extensions */
    { "{'a': 1}", "line 1, column 2: a single-quoted string; JSON strings take double quotes (\")." },
    { "{\"a\": 'x'}", "line 1, column 7: a single-quoted string; JSON strings take double quotes (\")." },
    { "{\"a\": /* \" */ 1}", "line 1, column 7: a comment; JSON has no comments." },
    { "{\"a\": 1 // \"\n}", "line 1, column 9: a comment; JSON has no comments." },
    { "/* */ {}", "line 1, column 1: a comment; JSON has no comments." },
    { "{}\n/* \" */", "line 2, column 1: a comment; JSON has no comments." },
    { "[0x1F]", "line 1, column 2: a hexadecimal number; JSON numbers are decimal." },
    { "[0X1f]", "line 1, column 2: a hexadecimal number; JSON numbers are decimal." },
    { "{} {}", "line 1, column 4: “{” after the end of the JSON value; a feed is one value and "
      "nothing more." },
    { "{}\n[", "line 2, column 1: “[” after the end of the JSON value; a feed is one value and "
      "nothing more." },
    { "{} x", "line 1, column 4: “x” after the end of the JSON value; a feed is one value and "
      "nothing more." },
    { "{};", "line 1, column 3: “;” after the end of the JSON value; a feed is one value and "
      "nothing more." },
    { "var x = {}", "line 1, column 1: “v” where a value should follow." },
    /* numbers */
    { "[01]", "line 1, column 2: a number starts with 0; JSON numbers have no leading zeros." },
    { "[-01]", "line 1, column 2: a number starts with 0; JSON numbers have no leading zeros." },
    { "[+1]", "line 1, column 2: “+” where a value should follow." },
    { "[.5]", "line 1, column 2: “.” where a value should follow." },
    { "[1.]", "line 1, column 2: a decimal point must be followed by a digit." },
    { "[1e]", "line 1, column 2: an exponent must be followed by a digit." },
    { "[1e+]", "line 1, column 2: an exponent must be followed by a digit." },
    { "[-]", "line 1, column 2: a minus sign must be followed by a digit." },
    { "[- 1]", "line 1, column 2: a minus sign must be followed by a digit." },
    { "[NaN]", "line 1, column 2: “N” where a value should follow." },
    { "[Infinity]", "line 1, column 2: “I” where a value should follow." },
    { "[1 2]", "line 1, column 4: “2” where “,” or “]” should follow." },
    /* literals */
    { "[tru]", "line 1, column 2: “t” where a value should follow." },
    { "[True]", "line 1, column 2: “T” where a value should follow." },
    { "[nul]", "line 1, column 2: “n” where a value should follow." },
    { "[truex]", "line 1, column 6: “x” where “,” or “]” should follow." },
    /* structure */
    { "[1,]", "line 1, column 4: a comma before “]”; JSON allows no comma after the last entry." },
    { "{\"a\": 1,\n }", "line 2, column 2: a comma before “}”; JSON allows no comma after the last "
      "entry." },
    { "[,1]", "line 1, column 2: “,” where a value should follow." },
    { "{a: 1}", "line 1, column 2: “a” where a member name in double quotes should follow." },
    { "{\"a\" 1}", "line 1, column 6: “1” where “:” should follow." },
    { "{\"a\": 1 \"b\": 2}", "line 1, column 9: “\"” where “,” or “}” should follow." },
    { "[}", "line 1, column 2: “}” where a value should follow." },
    { "{]", "line 1, column 2: “]” where a member name in double quotes should follow." },
    { "[1}", "line 1, column 3: “}” where “,” or “]” should follow." },
    { "[", "line 1, column 2: the feed ends where a value should follow." },
    { "{\"a\":", "line 1, column 6: the feed ends where a value should follow." },
    { "[1", "line 1, column 3: the feed ends where “,” or “]” should follow." },
    /* whitespace RFC 8259 does not know */
    { "\f{}", "line 1, column 1: U+000C where a value should follow." },
    { "{}\v", "line 1, column 3: U+000B after the end of the JSON value; a feed is one value and "
      "nothing more." },
    { "\xc2\xa0{}", "line 1, column 1: U+00A0 where a value should follow." },
    { "\xef\xbb\xbf{}", "line 1, column 1: U+FEFF where a value should follow." },
    /* strings */
    { "[\"abc]", "line 1, column 2: a string starts here and never ends." },
    { "[\"abc\\", "line 1, column 2: a string starts here and never ends." },
    { "[\"a\tb\"]", "line 1, column 4: a string contains a raw control character; write a line "
      "break as \\n." },
    { "[\"a\nb\"]", "line 1, column 4: a string contains a raw control character; write a line "
      "break as \\n." },
    { "[\"\\x41\"]", "line 1, column 3: a string contains an escape sequence that JSON does not "
      "know." },
    { "[\"\\'\"]", "line 1, column 3: a string contains an escape sequence that JSON does not "
      "know." },
    { "[\"\\u12\"]", "line 1, column 3: a \\u escape needs four hexadecimal digits." },
    { "[\"\\u0000\"]", "line 1, column 3: a string contains \\u0000, which is not allowed." },
    { "[\"\\uDC00\"]", "line 1, column 3: a string contains half of a UTF-16 surrogate pair." },
    { "[\"\\uD800\"]", "line 1, column 3: a string contains half of a UTF-16 surrogate pair." },
    { "[\"\\uD800\\u0041\"]", "line 1, column 3: a string contains half of a UTF-16 surrogate "
      "pair." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strconcat ("The feed is not valid JSON: ", cases[i].message,
                                               NULL);

      if (scan (cases[i].text, G_MAXUINT, &error))
        g_error ("“%s” accepted", cases[i].text);

      g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX);
      if (g_strcmp0 (error->message, expected) != 0)
        g_error ("“%s”: got “%s”, expected “%s”", cases[i].text, error->message, expected);
    }
}

static void
test_scan_empty (void)
{
  static const char * const texts[] = { "", " ", "\n\r\t " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (scan (texts[i], G_MAXUINT, &error));
      g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, "The feed is empty.");
    }
}

static void
test_scan_encoding (void)
{
  static const char nul[] = "{\"a\": \"x\0y\"}";
  g_autoptr(GError) nul_error = NULL;
  g_autoptr(GError) utf8_error = NULL;

  g_assert_false (haven_feed_scan (nul, sizeof nul - 1, HAVEN_FEED_MAX_SIZE, G_MAXUINT,
                                   &nul_error));
  g_assert_error (nul_error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_ENCODING);
  g_assert_cmpstr (nul_error->message, ==, "Line 1, column 9: the feed contains a NUL byte.");

  g_assert_false (scan ("{\n\"a\": \"\xc3\x28\"}", G_MAXUINT, &utf8_error));
  g_assert_error (utf8_error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_ENCODING);
  g_assert_cmpstr (utf8_error->message, ==,
                   "Line 2, column 7: the feed is not valid UTF-8 text; save it as UTF-8.");
}

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, i % 2 == 0 ? "[" : "{\"a\": ");
  g_string_append (text, "0");
  for (guint i = depth; i > 0; i--)
    g_string_append (text, (i - 1) % 2 == 0 ? "]" : "}");

  return g_string_free (text, FALSE);
}

static void
test_scan_depth (void)
{
  g_autofree char *deepest = nested (HAVEN_FEED_MAX_DEPTH);
  g_autofree char *too_deep = nested (HAVEN_FEED_MAX_DEPTH + 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (scan (deepest, G_MAXUINT, NULL));

  g_assert_false (scan (too_deep, G_MAXUINT, &error));
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "nested more than 32 levels deep"));
}

static char *
object_with_members (guint n_members)
{
  GString *text = g_string_new ("{");

  for (guint i = 0; i < n_members; i++)
    g_string_append_printf (text, "%s\"k%u\": [\"a\", \"b\"]", i > 0 ? ", " : "", i);
  g_string_append (text, "}");

  return g_string_free (text, FALSE);
}

static void
test_scan_members (void)
{
  g_autofree char *most = object_with_members (HAVEN_FEED_MAX_MEMBERS);
  g_autofree char *too_many = object_with_members (HAVEN_FEED_MAX_MEMBERS + 1);
  g_autofree char *in_array = g_strdup_printf ("[%s, %s]", most, most);
  g_autoptr(GError) error = NULL;

  g_assert_true (scan (most, G_MAXUINT, NULL));
  /* The count is per object. */
  g_assert_true (scan (in_array, G_MAXUINT, NULL));

  g_assert_false (scan (too_many, G_MAXUINT, &error));
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "an object has more than 128 members"));
}

/* Strings, numbers, literals, arrays and objects count; member names do
 * not; brackets and quotes inside strings are text.
 */
static void
test_scan_values (void)
{
  static const struct
  {
    const char *text;
    guint       n_values;
  } cases[] = {
    { "{}", 1 },
    { "[1, \"two\", true, false, null]", 6 },
    { "{\"a\": 1, \"b\": [2, 3]}", 5 },
    { "{\"[[[\": \"]]]\\\"{{{\"}", 2 },
    { "[[[]]]", 3 },
    { "[-1.5e3, 0, \"\"]", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!scan (cases[i].text, cases[i].n_values, NULL))
        g_error ("“%s” refused with %u values allowed", cases[i].text, cases[i].n_values);

      g_assert_false (scan (cases[i].text, cases[i].n_values - 1, &error));
      g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "the feed has more than"));
    }
}

static void
test_scan_size (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (haven_feed_scan ("[1]", 3, 3, G_MAXUINT, NULL));
  g_assert_false (haven_feed_scan ("[1] ", 4, 3, G_MAXUINT, &error));
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE);
}

/* The scan walks the feed once with its own stack: the largest feed of the
 * widest shape and a million brackets take well under three seconds, and
 * nothing recurses.
 */
static void
test_scan_linear (void)
{
  GString *wide = g_string_new ("[0");
  GString *deep = g_string_new (NULL);
  const char *factor = g_getenv ("HAVEN_TEST_SLOWDOWN");
  gint64 slowdown = factor != NULL ? MAX (1, g_ascii_strtoll (factor, NULL, 10)) : 1;
  gint64 start, elapsed;

  while (wide->len < HAVEN_FEED_MAX_SIZE - 2)
    g_string_append (wide, ",0");
  g_string_append (wide, "]");

  /* A million brackets: refused at the 33rd, before anything recurses. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');

  start = g_get_monotonic_time ();
  g_assert_true (haven_feed_scan (wide->str, wide->len, HAVEN_FEED_MAX_SIZE, G_MAXUINT, NULL));
  g_assert_false (haven_feed_scan (deep->str, deep->len, HAVEN_FEED_MAX_SIZE, G_MAXUINT, NULL));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("scanned in %" G_GINT64_FORMAT " µs", elapsed);

  /* The sanitizer build runs several times slower (HAVEN_TEST_SLOWDOWN). */
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC * slowdown);

  g_string_free (wide, TRUE);
  g_string_free (deep, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/scan/valid", test_scan_valid);
  g_test_add_func ("/feed/scan/refused", test_scan_refused);
  g_test_add_func ("/feed/scan/empty", test_scan_empty);
  g_test_add_func ("/feed/scan/encoding", test_scan_encoding);
  g_test_add_func ("/feed/scan/depth", test_scan_depth);
  g_test_add_func ("/feed/scan/members", test_scan_members);
  g_test_add_func ("/feed/scan/values", test_scan_values);
  g_test_add_func ("/feed/scan/size", test_scan_size);
  g_test_add_func ("/feed/scan/linear", test_scan_linear);

  return g_test_run ();
}
