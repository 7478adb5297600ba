/* haven-minisign.c: checks minisign signatures of feeds against trusted keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A minisign public key is base64 of "Ed", an 8-byte key id and a 32-byte
 * Ed25519 key, optionally after an "untrusted comment:" line. A signature
 * file has four lines: an untrusted comment; base64 of the algorithm ("Ed":
 * the data itself is signed, "ED": its BLAKE2b-512 hash is), the key id and
 * the 64-byte signature; "trusted comment: " and its text; base64 of a
 * second signature, over the first one followed by the trusted comment's
 * text. Both signatures must hold. Everything here reads untrusted bytes:
 * sizes are bounded and anything not exactly in that form is refused.
 */

#define G_LOG_DOMAIN "haven-minisign"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "haven-minisign.h"

#define ALG_LEN      2
#define KEY_ID_LEN   8
#define KEY_LEN      crypto_sign_PUBLICKEYBYTES   /* 32 */
#define SIG_LEN      crypto_sign_BYTES            /* 64 */
#define HASH_LEN     crypto_generichash_BYTES_MAX /* 64 */

#define UNTRUSTED_PREFIX "untrusted comment:"
#define TRUSTED_PREFIX   "trusted comment: "

struct _HavenMinisignKey
{
  guint8 id[KEY_ID_LEN];
  guint8 key[KEY_LEN];
};

G_DEFINE_QUARK (haven-minisign-error-quark, haven_minisign_error)

static gboolean
ensure_sodium (GError **error)
{
  /* sodium_init() is thread-safe and cheap after the first call. */
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_SIGNATURE,
                           _("The signature could not be checked on this computer."));
      return FALSE;
    }

  return TRUE;
}

/* Decodes standard base64 of exactly @len bytes, refusing anything that
 * g_base64_decode() would quietly skip or that does not encode back to the
 * same text (stray characters, wrong padding, bits after the end). */
static gboolean
decode_base64_exact (const char *text,
                     gsize       text_len,
                     guint8     *out,
                     gsize       len)
{
  g_autofree char *copy = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *again = NULL;
  gsize decoded_len = 0;

  if (text_len == 0 || text_len % 4 != 0 || text_len != (len + 2) / 3 * 4)
    return FALSE;

  for (gsize i = 0; i < text_len; i++)
    {
      char c = text[i];

      if (!(g_ascii_isalnum (c) || c == '+' || c == '/' || (c == '=' && i >= text_len - 2)))
        return FALSE;
      if (c != '=' && i > 0 && text[i - 1] == '=')
        return FALSE;
    }

  copy = g_strndup (text, text_len);
  decoded = g_base64_decode (copy, &decoded_len);
  if (decoded == NULL || decoded_len != len)
    return FALSE;

  again = g_base64_encode (decoded, decoded_len);
  if (strcmp (again, copy) != 0)
    return FALSE;

  memcpy (out, decoded, len);
  return TRUE;
}

/* Splits @text into at most @max lines (LF or CRLF; the last one may lack
 * its end). Returns the number of lines, or -1 if there are more, or if a
 * line holds a NUL or a lone CR. */
typedef struct
{
  const char *start;
  gsize       len;
} Line;

static int
split_lines (const char *text,
             gsize       len,
             Line       *lines,
             int         max)
{
  int n = 0;
  gsize i = 0;

  while (i < len)
    {
      gsize start = i;
      gsize end;

      while (i < len && text[i] != '\n')
        {
          if (text[i] == '\0')
            return -1;
          i++;
        }

      end = i;
      if (end > start && text[end - 1] == '\r')
        end--;
      for (gsize j = start; j < end; j++)
        if (text[j] == '\r')
          return -1;

      if (n == max)
        return -1;
      lines[n].start = text + start;
      lines[n].len = end - start;
      n++;

      if (i < len)
        i++;    /* the '\n' */
    }

  return n;
}

static gboolean
line_has_prefix (const Line *line,
                 const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  return line->len >= prefix_len && memcmp (line->start, prefix, prefix_len) == 0;
}

static char *
format_key_id (const guint8 *id)
{
  guint64 number = 0;

  /* minisign shows the id as a little-endian number in hexadecimal, with
   * no leading zeros: the same text, so that publishers can compare. */
  for (int i = KEY_ID_LEN - 1; i >= 0; i--)
    number = (number << 8) | id[i];

  return g_strdup_printf ("%" G_GINT64_MODIFIER "X", number);
}

/**
 * haven_minisign_key_new:
 * @text: a minisign public key: its base64 line, or the whole `.pub` file
 *   (an "untrusted comment:" line, then the base64 line)
 * @error: return location for a %HAVEN_MINISIGN_ERROR_BAD_KEY
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @text is not one
 */
HavenMinisignKey *
haven_minisign_key_new (const char  *text,
                        GError     **error)
{
  g_autoptr(HavenMinisignKey) key = g_new0 (HavenMinisignKey, 1);
  guint8 raw[ALG_LEN + KEY_ID_LEN + KEY_LEN];
  Line lines[2];
  const Line *key_line;
  gsize len;
  int n;

  g_return_val_if_fail (text != NULL, NULL);

  len = strnlen (text, HAVEN_MINISIGN_MAX_KEY_SIZE + 1);
  /* Surrounding blank space, as pasted into a setting or a command line. */
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;

  n = len <= HAVEN_MINISIGN_MAX_KEY_SIZE ? split_lines (text, len, lines, G_N_ELEMENTS (lines)) : -1;
  if (n == 2 && line_has_prefix (&lines[0], UNTRUSTED_PREFIX))
    key_line = &lines[1];
  else if (n == 1)
    key_line = &lines[0];
  else
    key_line = NULL;

  if (key_line == NULL ||
      !decode_base64_exact (key_line->start, key_line->len, raw, sizeof raw) ||
      raw[0] != 'E' || raw[1] != 'd')
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_KEY,
                           _("This is not a minisign public key. A key is one line of 56 "
                             "letters, digits and signs that starts with “RW”."));
      return NULL;
    }

  memcpy (key->id, raw + ALG_LEN, KEY_ID_LEN);
  memcpy (key->key, raw + ALG_LEN + KEY_ID_LEN, KEY_LEN);

  return g_steal_pointer (&key);
}

void
haven_minisign_key_free (HavenMinisignKey *key)
{
  g_free (key);
}

/**
 * haven_minisign_key_dup_id:
 *
 * Returns: (transfer full): the key id as minisign prints it, such as
 *   `12552D05BC58A082`
 */
char *
haven_minisign_key_dup_id (const HavenMinisignKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return format_key_id (key->id);
}

/**
 * haven_minisign_verify:
 * @data: the signed bytes
 * @signature: (nullable): the `.minisig` file; %NULL or empty when there
 *   was none
 * @trusted_keys: (array zero-terminated=1): minisign public keys (see
 *   haven_minisign_key_new()); keys that are not one are skipped
 * @trusted_comment: (out) (optional) (transfer full): the signed comment
 * @error: return location for a %HAVEN_MINISIGN_ERROR
 *
 * Checks that @signature is a signature of @data, and of its trusted
 * comment, by one of @trusted_keys, with either of minisign's algorithms.
 *
 * Returns: %TRUE if it is
 */
gboolean
haven_minisign_verify (GBytes             *data,
                       GBytes             *signature,
                       const char * const *trusted_keys,
                       char              **trusted_comment,
                       GError            **error)
{
  const HavenMinisignKey *signer = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_minisign_key_free);
  guint8 sig_line[ALG_LEN + KEY_ID_LEN + SIG_LEN];
  guint8 global_sig[SIG_LEN];
  g_autofree guint8 *signed_comment = NULL;
  const guint8 *message;
  gsize message_len;
  guint8 hash[HASH_LEN];
  const char *text;
  gsize text_len;
  Line lines[4];
  const char *comment;
  gsize comment_len;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_sodium (error))
    return FALSE;

  for (gsize i = 0; trusted_keys != NULL && trusted_keys[i] != NULL; i++)
    {
      g_autoptr(GError) key_error = NULL;
      HavenMinisignKey *key = haven_minisign_key_new (trusted_keys[i], &key_error);

      if (key == NULL)
        g_message ("A trusted feed key is not a minisign public key; it is skipped");
      else
        g_ptr_array_add (keys, key);
    }

  if (keys->len == 0)
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_NO_KEYS,
                           _("No signing key is trusted, so no signature can be checked."));
      return FALSE;
    }

  if (signature == NULL || g_bytes_get_size (signature) == 0)
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_MISSING,
                           _("The feed has no signature."));
      return FALSE;
    }

  text = g_bytes_get_data (signature, &text_len);
  if (text_len > HAVEN_MINISIGN_MAX_SIGNATURE_SIZE ||
      split_lines (text, text_len, lines, G_N_ELEMENTS (lines)) != 4 ||
      !line_has_prefix (&lines[0], UNTRUSTED_PREFIX) ||
      !decode_base64_exact (lines[1].start, lines[1].len, sig_line, sizeof sig_line) ||
      !(sig_line[0] == 'E' && (sig_line[1] == 'd' || sig_line[1] == 'D')) ||
      !line_has_prefix (&lines[2], TRUSTED_PREFIX) ||
      !decode_base64_exact (lines[3].start, lines[3].len, global_sig, sizeof global_sig))
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_CORRUPT,
                           _("The signature file is damaged or is not a minisign signature."));
      return FALSE;
    }

  comment = lines[2].start + strlen (TRUSTED_PREFIX);
  comment_len = lines[2].len - strlen (TRUSTED_PREFIX);
  if (!g_utf8_validate_len (comment, comment_len, NULL))
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_CORRUPT,
                           _("The signature file is damaged or is not a minisign signature."));
      return FALSE;
    }

  for (guint i = 0; i < keys->len && signer == NULL; i++)
    {
      const HavenMinisignKey *key = g_ptr_array_index (keys, i);

      if (memcmp (key->id, sig_line + ALG_LEN, KEY_ID_LEN) == 0)
        signer = key;
    }

  if (signer == NULL)
    {
      g_autofree char *id = format_key_id (sig_line + ALG_LEN);

      g_set_error (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_UNKNOWN_KEY,
                   /* Translators: %s is a key id such as 12552D05BC58A082 */
                   _("The feed is signed with a key Haven does not trust (key %s)."), id);
      return FALSE;
    }

  message = g_bytes_get_data (data, &message_len);
  if (sig_line[1] == 'D')
    {
      /* Prehashed: the signature covers the BLAKE2b-512 hash of the data. */
      crypto_generichash (hash, sizeof hash, message, message_len, NULL, 0);
      message = hash;
      message_len = sizeof hash;
    }

  if (crypto_sign_verify_detached (sig_line + ALG_LEN + KEY_ID_LEN, message, message_len,
                                   signer->key) != 0)
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_SIGNATURE,
                           _("The feed is not what its publisher signed: it was changed, or "
                             "the signature belongs to another file."));
      return FALSE;
    }

  signed_comment = g_malloc (SIG_LEN + comment_len);
  memcpy (signed_comment, sig_line + ALG_LEN + KEY_ID_LEN, SIG_LEN);
  memcpy (signed_comment + SIG_LEN, comment, comment_len);
  if (crypto_sign_verify_detached (global_sig, signed_comment, SIG_LEN + comment_len,
                                   signer->key) != 0)
    {
      g_set_error_literal (error, HAVEN_MINISIGN_ERROR, HAVEN_MINISIGN_ERROR_BAD_COMMENT,
                           _("The signature’s trusted comment was changed after signing."));
      return FALSE;
    }

  if (trusted_comment != NULL)
    *trusted_comment = g_strndup (comment, comment_len);

  return TRUE;
}
