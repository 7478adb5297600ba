/* haven-crisis-words.c: words in a search that suggest a person may be in crisis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-crisis-words"

#include "config.h"

#include <string.h>

#include "haven-crisis-words.h"

/* The one list: a search containing any of these (case and accents as
 * typed are folded, see normalize()) puts the reader's crisis line first.
 * One language a line, in the UI languages: English, German, Spanish,
 * French, Portuguese and Arabic. Stems are used where a word has many
 * forms ("suicid" matches suicide, suicidal, Suizid is separate). A false
 * positive costs a calm call-out; a miss can cost more, so err wide. */
static const char * const crisis_words[] = {
  /* English */
  "suicid", "self-harm", "self harm", "selfharm", "self-injur", "hurt myself",
  "harm myself", "cut myself", "cutting myself", "kill myself", "killing myself",
  "end my life", "end it all", "want to die", "wanna die", "wish i was dead",
  "wish i were dead", "better off dead", "no reason to live", "overdose",
  /* German */
  "suizid", "selbstmord", "selbsttötung", "selbstverletz", "ritzen",
  "mich umbringen", "mich töten", "sterben will", "will sterben",
  "nicht mehr leben", "überdosis", "lebensmüde",
  /* Spanish */
  "suicidio", "suicidarme", "autolesi", "hacerme daño", "matarme",
  "quiero morir", "quitarme la vida", "no quiero vivir", "sobredosis",
  /* French */
  "me suicider", "automutil", "me faire du mal", "me tuer",
  "envie de mourir", "veux mourir", "en finir", "surdose",
  /* Portuguese */
  "suicídio", "me matar", "quero morrer", "automutila", "autolesão",
  "tirar minha vida", "tirar a minha vida", "não quero viver", "overdose",
  /* Arabic */
  "انتحار", "الانتحار", "انتحر", "أنتحر", "اقتل نفسي", "أقتل نفسي",
  "أريد أن أموت", "اريد ان اموت", "إيذاء النفس", "ايذاء النفس",
  "جرعة زائدة",
  NULL
};

const char * const *
haven_crisis_words_list (void)
{
  return crisis_words;
}

/* Case-folded, composed, with runs of white space made one space. */
static char *
normalize (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (composed == NULL)
    return NULL;

  folded = g_utf8_casefold (composed, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * haven_crisis_words_match:
 * @text: (nullable): what the reader searched for
 *
 * Returns: %TRUE when @text contains a word or phrase of the crisis list
 */
gboolean
haven_crisis_words_match (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  normalized = normalize (text);
  if (normalized == NULL)
    return FALSE;

  for (guint i = 0; crisis_words[i] != NULL; i++)
    {
      g_autofree char *word = normalize (crisis_words[i]);

      if (strstr (normalized, word) != NULL)
        return TRUE;
    }

  return FALSE;
}
