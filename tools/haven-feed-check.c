/* haven-feed-check.c: checks feed files against the feed format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-check"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "haven-feed-parser.h"
#include "haven-language.h"
#include "haven-minisign.h"

typedef enum
{
  CHECK_VALID,
  CHECK_INVALID,
  CHECK_UNREADABLE,
} CheckResult;

static gboolean strict;
static gboolean bundled;
static char **files;
static char **verify_keys;

static const GOptionEntry entries[] = {
  { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
    N_("Treat warnings, such as contacts not checked for 12 months, as problems"), NULL },
  { "bundled", 0, 0, G_OPTION_ARG_NONE, &bundled,
    N_("Check as the feed bundled with Haven, which may use resource:/// images"), NULL },
  { "verify-key", 0, 0, G_OPTION_ARG_STRING_ARRAY, &verify_keys,
    N_("Also check FILE.minisig, the feed’s signature, against this minisign public key "
       "(the key itself or its .pub file; may be given more than once)"), N_("KEY") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
  { NULL }
};

/* Reads at most one byte more than a feed may have, so that a stream of
 * unknown size is refused without reading all of it.
 */
static GBytes *
read_feed (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;

  return g_input_stream_read_bytes (G_INPUT_STREAM (stream), HAVEN_FEED_MAX_SIZE + 1, NULL, error);
}

/* --verify-key takes the key or the file minisign -G wrote it to. */
static GStrv
load_keys (GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; verify_keys[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      const char *text = verify_keys[i];
      g_autoptr(HavenMinisignKey) key = NULL;

      if (g_file_test (text, G_FILE_TEST_IS_REGULAR))
        {
          if (!g_file_get_contents (text, &contents, NULL, error))
            return NULL;
          text = contents;
        }

      key = haven_minisign_key_new (text, error);
      if (key == NULL)
        {
          g_prefix_error (error, "%s: ", verify_keys[i]);
          return NULL;
        }

      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* Checks PATH.minisig before anything parses the feed, as Haven does. */
static CheckResult
check_signature (const char         *path,
                 GBytes             *bytes,
                 const char * const *keys)
{
  g_autofree char *sig_path = g_strconcat (path, ".minisig", NULL);
  g_autoptr(GFile) sig_file = g_file_new_for_commandline_arg (sig_path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  stream = g_file_read (sig_file, NULL, &error);
  if (stream == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_printerr ("%s: %s\n", sig_path, error->message);
      return CHECK_UNREADABLE;
    }
  if (stream != NULL)
    {
      signature = g_input_stream_read_bytes (G_INPUT_STREAM (stream),
                                             HAVEN_MINISIGN_MAX_SIGNATURE_SIZE + 1, NULL, &error);
      if (signature == NULL)
        {
          g_printerr ("%s: %s\n", sig_path, error->message);
          return CHECK_UNREADABLE;
        }
    }
  g_clear_error (&error);

  if (!haven_minisign_verify (bytes, signature, keys, &comment, &error))
    {
      /* TRANSLATORS: the first %s is a file name, the second a sentence */
      g_print (_("%s: signature: %s\n"), path, error->message);
      return CHECK_INVALID;
    }

  /* TRANSLATORS: the first %s is a file name, the second what the publisher wrote */
  g_print (_("%s: signature OK (trusted comment: %s)\n"), path, comment);
  return CHECK_VALID;
}

/* Every localised text in each of the interface's languages: a line per
 * missing translation, then how many each language lacks. */
static gboolean
check_translations (const char *path,
                    GBytes     *bytes)
{
  const char * const *languages = haven_language_get_interface_languages ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  missing = haven_feed_find_missing_texts (bytes,
                                           bundled ? HAVEN_FEED_ORIGIN_BUNDLED : HAVEN_FEED_ORIGIN_REMOTE,
                                           languages, &error);
  if (missing == NULL)
    {
      g_print ("%s: %s\n", path, error->message);
      return FALSE;
    }

  for (guint i = 0; i < missing->len; i++)
    {
      HavenMissingText *text = g_ptr_array_index (missing, i);

      /* TRANSLATORS: the first %s is a file name, the second a language tag
       * (de, pt-BR), the third where the text is in the feed */
      g_print (_("%s: %s: %s: missing translation\n"), path, text->language, text->path);
    }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      guint count = 0;

      for (guint j = 0; j < missing->len; j++)
        count += g_strcmp0 (((HavenMissingText *)g_ptr_array_index (missing, j))->language,
                            languages[i]) == 0;

      if (count > 0)
        /* TRANSLATORS: the first %s is a file name, the second a language tag */
        g_print (ngettext ("%s: %s: %u missing translation\n",
                           "%s: %s: %u missing translations\n", count),
                 path, languages[i], count);
    }

  return missing->len == 0;
}

static CheckResult
check_file (const char         *path,
            const char * const *keys)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  /* An oversized file is refused with its real size, without reading it. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      !haven_feed_scan_size (g_file_info_get_size (info), HAVEN_FEED_MAX_SIZE, &error))
    {
      g_print ("%s: %s\n", path, error->message);
      return CHECK_INVALID;
    }

  bytes = read_feed (file, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return CHECK_UNREADABLE;
    }

  if (keys != NULL)
    {
      CheckResult signature_result = check_signature (path, bytes, keys);

      if (signature_result != CHECK_VALID)
        return signature_result;
    }

  feed = haven_feed_parse (bytes, NULL,
                           bundled ? HAVEN_FEED_ORIGIN_BUNDLED : HAVEN_FEED_ORIGIN_REMOTE,
                           &problems, &error);
  if (feed == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = haven_feed_problem_to_string (g_ptr_array_index (problems, i));

          g_print ("%s: %s\n", path, line);
        }

      return CHECK_INVALID;
    }

  now = g_date_time_new_now_local ();
  warnings = haven_feed_check_staleness (feed, now);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = haven_feed_problem_to_string (g_ptr_array_index (warnings, i));

      /* TRANSLATORS: the first %s is a file name, the second a problem */
      g_print (_("%s: warning: %s\n"), path, line);
    }

  /* TRANSLATORS: the first %s is a file name */
  g_print (_("%s: OK (%u regions, %u contacts, %u campaigns, %u explainers)\n"),
           path,
           g_list_model_get_n_items (haven_feed_get_regions (feed)),
           g_list_model_get_n_items (haven_feed_get_contacts (feed)),
           g_list_model_get_n_items (haven_feed_get_campaigns (feed)),
           g_list_model_get_n_items (haven_feed_get_explainers (feed)));

  if (strict && !check_translations (path, bytes))
    return CHECK_INVALID;

  if (strict && warnings->len > 0)
    return CHECK_INVALID;

  return CHECK_VALID;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  CheckResult result = CHECK_VALID;
  g_auto(GStrv) keys = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks Haven feeds against the feed format. Prints OK and "
                                  "what a feed holds, or one line per problem with the JSON "
                                  "path of the value at fault. With --verify-key, first checks "
                                  "FILE.minisig, the signature minisign -Sm FILE made.\n\n"
                                  "Exit status: 0 when every feed is valid, 1 when one is not, "
                                  "2 when one cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return CHECK_UNREADABLE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("%s: no feed given; see --help\n"), g_get_prgname ());
      return CHECK_UNREADABLE;
    }

  if (verify_keys != NULL)
    {
      keys = load_keys (&error);
      if (keys == NULL)
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return CHECK_UNREADABLE;
        }
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      CheckResult file_result = check_file (files[i], (const char * const *)keys);

      result = MAX (result, file_result);
    }

  g_strfreev (files);
  g_strfreev (verify_keys);

  return result;
}
