/* test-minisign.c: Haven's signature check against signatures the minisign tool made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "haven-minisign.h"
#include "minisign-test-util.h"

static MinisignTestKey *publisher;
static MinisignTestKey *stranger;

static GBytes *
sample_feed (void)
{
  static const char text[] = "{\"format_version\": \"1.0\", \"crisis\": \"116 123\"}\n";

  return g_bytes_new_static (text, sizeof text - 1);
}

static void
assert_refused (GBytes     *data,
                GBytes     *signature,
                const char *key,
                int         code)
{
  g_autoptr(GError) error = NULL;
  const char *keys[] = { key, NULL };

  g_assert_false (haven_minisign_verify (data, signature, keys, NULL, &error));
  g_assert_error (error, HAVEN_MINISIGN_ERROR, code);
  /* A sentence, never raw bytes. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_good (gconstpointer legacy_data)
{
  gboolean legacy = GPOINTER_TO_INT (legacy_data);
  g_autoptr(GBytes) feed = sample_feed ();
  g_autoptr(GBytes) sig = minisign_test_sign (publisher, feed, "feed of 2026-12-01", legacy);
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  const char *keys[] = { stranger->public_key, publisher->public_file, NULL };

  /* The algorithm is the one asked for: "Ed" legacy, "ED" prehashed. */
  {
    g_autofree char *line = g_strndup (strchr (g_bytes_get_data (sig, NULL), '\n') + 1, 4);
    g_autofree guchar *raw = NULL;
    gsize raw_len;

    raw = g_base64_decode (line, &raw_len);
    g_assert_cmpint (raw[0], ==, 'E');
    g_assert_cmpint (raw[1], ==, legacy ? 'd' : 'D');
  }

  /* Several keys may be trusted; the pub file works as well as its line. */
  g_assert_true (haven_minisign_verify (feed, sig, keys, &comment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "feed of 2026-12-01");
}

static void
test_tampered (gconstpointer legacy_data)
{
  gboolean legacy = GPOINTER_TO_INT (legacy_data);
  g_autoptr(GBytes) feed = sample_feed ();
  g_autoptr(GBytes) sig = minisign_test_sign (publisher, feed, "feed of 2026-12-01", legacy);
  g_autoptr(GBytes) changed_feed = minisign_test_flip_byte (feed, minisign_test_find (feed, "116"));
  g_autoptr(GBytes) changed_comment = minisign_test_flip_byte (sig, minisign_test_find (sig, "2026"));
  gsize sig_line = minisign_test_find (sig, "\nR") + 1;
  /* Past the algorithm and the key id: the signature itself. */
  g_autoptr(GBytes) changed_sig = minisign_test_flip_byte (sig, sig_line + 40);
  gsize global_line = minisign_test_find (sig, "2026-12-01\n") + strlen ("2026-12-01\n");
  g_autoptr(GBytes) changed_global = minisign_test_flip_byte (sig, global_line + 10);

  assert_refused (changed_feed, sig, publisher->public_key, HAVEN_MINISIGN_ERROR_BAD_SIGNATURE);
  assert_refused (feed, changed_sig, publisher->public_key, HAVEN_MINISIGN_ERROR_BAD_SIGNATURE);
  assert_refused (feed, changed_comment, publisher->public_key, HAVEN_MINISIGN_ERROR_BAD_COMMENT);
  assert_refused (feed, changed_global, publisher->public_key, HAVEN_MINISIGN_ERROR_BAD_COMMENT);
}

static void
test_other_key (void)
{
  g_autoptr(GBytes) feed = sample_feed ();
  g_autoptr(GBytes) sig = minisign_test_sign (stranger, feed, NULL, FALSE);

  assert_refused (feed, sig, publisher->public_key, HAVEN_MINISIGN_ERROR_UNKNOWN_KEY);
}

static void
test_missing_and_corrupt (void)
{
  g_autoptr(GBytes) feed = sample_feed ();
  g_autoptr(GBytes) sig = minisign_test_sign (publisher, feed, NULL, FALSE);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  gsize len;
  const char *text = g_bytes_get_data (sig, &len);
  g_autoptr(GBytes) truncated = g_bytes_new (text, len / 2);
  g_autofree char *padded_text = g_strconcat (text, "\n", NULL);
  g_autoptr(GBytes) extra_line = g_bytes_new (padded_text, strlen (padded_text) + 0);
  g_autofree char *extra_text = g_strconcat (text, "more\n", NULL);
  g_autoptr(GBytes) trailing = g_bytes_new (extra_text, strlen (extra_text));
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>Not found</html>\n", 23);
  g_autoptr(GBytes) with_nul = g_bytes_new (text, len + 1);
  g_autofree char *huge_text = g_strnfill (HAVEN_MINISIGN_MAX_SIGNATURE_SIZE + 1, 'A');
  g_autoptr(GBytes) huge = g_bytes_new_static (huge_text, strlen (huge_text));
  /* A stray character in the base64 line, which g_base64_decode() would skip. */
  gsize sig_line = minisign_test_find (sig, "\nR") + 1;
  g_autoptr(GString) stray = g_string_new_len (text, len);

  g_string_insert_c (stray, sig_line + 20, '*');

  assert_refused (feed, NULL, publisher->public_key, HAVEN_MINISIGN_ERROR_MISSING);
  assert_refused (feed, empty, publisher->public_key, HAVEN_MINISIGN_ERROR_MISSING);
  assert_refused (feed, truncated, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  assert_refused (feed, extra_line, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  assert_refused (feed, trailing, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  assert_refused (feed, html, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  assert_refused (feed, with_nul, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  assert_refused (feed, huge, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  {
    g_autoptr(GBytes) stray_bytes = g_bytes_new (stray->str, stray->len);

    assert_refused (feed, stray_bytes, publisher->public_key, HAVEN_MINISIGN_ERROR_CORRUPT);
  }

  /* CRLF line ends, as a Windows editor saves them, still verify. */
  {
    g_autofree char *crlf_text = NULL;
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autoptr(GBytes) crlf = NULL;
    g_autoptr(GError) error = NULL;
    const char *keys[] = { publisher->public_key, NULL };

    crlf_text = g_strjoinv ("\r\n", lines);
    crlf = g_bytes_new (crlf_text, strlen (crlf_text));
    g_assert_true (haven_minisign_verify (feed, crlf, keys, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenMinisignKey) key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GBytes) feed = sample_feed ();
  g_autoptr(GBytes) sig = minisign_test_sign (publisher, feed, NULL, FALSE);
  const char *no_keys[] = { NULL };
  const char *bad_keys[] = { "RWQ-not-a-key", "", NULL };
  const char *bad_then_good[] = { "RWQ-not-a-key", publisher->public_key, NULL };

  key = haven_minisign_key_new (publisher->public_file, &error);
  g_assert_no_error (error);
  id = haven_minisign_key_dup_id (key);
  /* minisign names the key by the same id in its .pub file's comment. */
  shown = g_strdup_printf ("minisign public key %s", id);
  g_assert_nonnull (strstr (publisher->public_file, shown));

  g_assert_null (haven_minisign_key_new ("RWQ-not-a-key", &error));
  g_assert_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_KEY);
  g_clear_error (&error);
  /* Padding bits, a third line, a signature passed as a key: refused. */
  {
    g_autofree char *three = g_strconcat (publisher->public_file, "\nRWQ\n", NULL);

    g_assert_null (haven_minisign_key_new (three, &error));
    g_assert_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_KEY);
    g_clear_error (&error);
  }
  {
    g_autofree char *as_text = g_strndup (g_bytes_get_data (sig, NULL), g_bytes_get_size (sig));

    g_assert_null (haven_minisign_key_new (as_text, &error));
    g_assert_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_KEY);
    g_clear_error (&error);
  }

  assert_refused (feed, sig, NULL, HAVEN_MINISIGN_ERROR_NO_KEYS);
  g_assert_false (haven_minisign_verify (feed, sig, no_keys, NULL, &error));
  g_assert_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_NO_KEYS);
  g_clear_error (&error);
  g_assert_false (haven_minisign_verify (feed, sig, bad_keys, NULL, &error));
  g_assert_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_NO_KEYS);
  g_clear_error (&error);
  g_assert_true (haven_minisign_verify (feed, sig, bad_then_good, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  publisher = minisign_test_key_new ();
  stranger = minisign_test_key_new ();

  g_test_add_data_func ("/minisign/good/prehashed", GINT_TO_POINTER (FALSE), test_good);
  g_test_add_data_func ("/minisign/good/legacy", GINT_TO_POINTER (TRUE), test_good);
  g_test_add_data_func ("/minisign/tampered/prehashed", GINT_TO_POINTER (FALSE), test_tampered);
  g_test_add_data_func ("/minisign/tampered/legacy", GINT_TO_POINTER (TRUE), test_tampered);
  g_test_add_func ("/minisign/other-key", test_other_key);
  g_test_add_func ("/minisign/missing-and-corrupt", test_missing_and_corrupt);
  g_test_add_func ("/minisign/keys", test_keys);

  status = g_test_run ();

  minisign_test_key_free (publisher);
  minisign_test_key_free (stranger);

  return status;
}
