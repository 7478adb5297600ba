/* haven-language.c: the interface's languages, and what a language is called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-language"

#include "config.h"

#include <string.h>

#include "haven-interface-languages.h"
#include "haven-language.h"

/* English, the language of the source strings, then po/LINGUAS as feed
 * tags ("pt_BR" is "pt-BR"); meson writes the list at build time. */
static const char * const interface_languages[] = { "en", HAVEN_INTERFACE_LANGUAGES, NULL };

/* Each language in its own words, as a reader of it looks for it. Not
 * translated: "Deutsch" is what a German reader recognises in any
 * interface. */
static const struct
{
  const char *tag;
  const char *name;
} native_names[] = {
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "fr", "Français" },
  { "pt-BR", "Português (Brasil)" },
  { "pt", "Português" },
  { "ar", "العربية" },
};

/* Languages written from right to left, by primary subtag. */
static const char * const rtl_languages[] = {
  "ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi",
};

/**
 * haven_language_get_interface_languages:
 *
 * Returns: (transfer none) (array zero-terminated=1): the languages Haven's
 *   interface speaks, as feed language tags, English first; a feed should
 *   have every text in each of them
 */
const char * const *
haven_language_get_interface_languages (void)
{
  return interface_languages;
}

/**
 * haven_language_get_native_name:
 * @tag: a language tag
 *
 * Returns: (nullable): the language's name in itself ("Deutsch"), or
 *   %NULL for a language Haven has no name for
 */
const char *
haven_language_get_native_name (const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    {
      if (strcmp (native_names[i].tag, tag) == 0)
        return native_names[i].name;
    }

  return NULL;
}

/**
 * haven_language_is_rtl:
 * @tag: a language tag
 *
 * Returns: %TRUE when the language is written from right to left
 */
gboolean
haven_language_is_rtl (const char *tag)
{
  gsize length;

  g_return_val_if_fail (tag != NULL, FALSE);

  length = strcspn (tag, "-");
  for (guint i = 0; i < G_N_ELEMENTS (rtl_languages); i++)
    {
      if (strlen (rtl_languages[i]) == length && strncmp (rtl_languages[i], tag, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * haven_language_resolve:
 * @available: (array zero-terminated=1): the languages a text or a piece
 *   is written in
 * @wanted: (array zero-terminated=1): the reader's language tags, best
 *   first
 * @fallback: (nullable): the language shown when none of @wanted is
 *   available: the feed's default language, when @available has it
 * @matched: (out) (optional): set to whether one of @wanted was available
 *
 * Which language a localised text resolves to: the first of @wanted that
 * is available, else @fallback when available, else the first available.
 *
 * Returns: (nullable): the language, %NULL when @available is empty
 */
const char *
haven_language_resolve (const char * const *available,
                        const char * const *wanted,
                        const char         *fallback,
                        gboolean           *matched)
{
  g_return_val_if_fail (available != NULL, NULL);
  g_return_val_if_fail (wanted != NULL, NULL);

  if (matched != NULL)
    *matched = FALSE;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      for (guint j = 0; available[j] != NULL; j++)
        {
          if (strcmp (available[j], wanted[i]) == 0)
            {
              if (matched != NULL)
                *matched = TRUE;
              return available[j];
            }
        }
    }

  for (guint j = 0; fallback != NULL && available[j] != NULL; j++)
    {
      if (strcmp (available[j], fallback) == 0)
        return available[j];
    }

  return available[0];
}
