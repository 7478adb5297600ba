/* minisign-test-util.c: keys and signatures made at test time with the minisign tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests sign with the real tool a publisher uses, so that Haven is
 * checked against minisign's own output, not against our idea of it.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "minisign-test-util.h"

static const char *
minisign_path (void)
{
  const char *path = g_getenv ("HAVEN_MINISIGN");

  return path != NULL ? path : "minisign";
}

static void
run_minisign (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("Could not run %s (install the minisign package): %s", argv[0], error->message);

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s%s", argv[0], error->message, out, err);
}

MinisignTestKey *
minisign_test_key_new (void)
{
  g_autoptr(GError) error = NULL;
  MinisignTestKey *key = g_new0 (MinisignTestKey, 1);
  g_autofree char *public_path = NULL;
  g_auto(GStrv) lines = NULL;

  key->directory = g_dir_make_tmp ("haven-minisign-XXXXXX", &error);
  g_assert_no_error (error);
  public_path = g_build_filename (key->directory, "key.pub", NULL);
  key->secret_path = g_build_filename (key->directory, "key.sec", NULL);

  {
    const char *argv[] = { minisign_path (), "-G", "-W", "-p", public_path, "-s",
                           key->secret_path, NULL };
    run_minisign (argv);
  }

  g_file_get_contents (public_path, &key->public_file, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (key->public_file, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  key->public_key = g_strdup (g_strstrip (lines[1]));

  return key;
}

static void
remove_all (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
}

void
minisign_test_key_free (MinisignTestKey *key)
{
  remove_all (key->directory);
  g_free (key->directory);
  g_free (key->public_key);
  g_free (key->public_file);
  g_free (key->secret_path);
  g_free (key);
}

/* Signs @data as `minisign -S [-l] -t COMMENT` does; returns the .minisig. */
GBytes *
minisign_test_sign (MinisignTestKey *key,
                    GBytes          *data,
                    const char      *trusted_comment,
                    gboolean         legacy)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (key->directory, "data", NULL);
  g_autofree char *sig_path = g_build_filename (key->directory, "data.minisig", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { minisign_path (), "-S", "-s", key->secret_path, "-m", path,
                           "-x", sig_path, "-t",
                           trusted_comment != NULL ? trusted_comment : "signed for a test",
                           legacy ? "-l" : NULL, NULL };
    run_minisign (argv);
  }

  g_file_get_contents (sig_path, &contents, &len, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_unlink (sig_path);

  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

/* A copy of @bytes with the byte at @offset changed. */
GBytes *
minisign_test_flip_byte (GBytes *bytes,
                         gsize   offset)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint8 *copy;

  g_assert_cmpuint (offset, <, len);
  copy = g_memdup2 (data, len);
  /* Base64 stays base64 and text stays text: swap letters, not bits. */
  if (g_ascii_isalpha (copy[offset]))
    copy[offset] = copy[offset] == 'A' ? 'B' : (copy[offset] == 'a' ? 'b' : 'A');
  else if (g_ascii_isdigit (copy[offset]))
    copy[offset] = copy[offset] == '0' ? '1' : '0';
  else if (copy[offset] == '+' || copy[offset] == '/')
    copy[offset] = copy[offset] == '+' ? '/' : '+';
  else
    copy[offset] ^= 0x01;

  return g_bytes_new_take (copy, len);
}

/* Where @needle starts in @bytes; fails the test if it does not occur. */
gsize
minisign_test_find (GBytes     *bytes,
                    const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *found = g_strstr_len (data, len, needle);

  g_assert_nonnull (found);
  return found - data;
}
