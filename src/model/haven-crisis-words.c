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
typedef struct
{
  const char *word;
  const char *topic;
} CrisisWord;

#define SUICIDE   "suicidal-thoughts"
#define SELF_HARM "self-harm"

static const CrisisWord crisis_words[] = {
  /* English */
  { "suicid", SUICIDE }, { "self-harm", SELF_HARM }, { "self harm", SELF_HARM },
  { "selfharm", SELF_HARM }, { "self-injur", SELF_HARM }, { "hurt myself", SELF_HARM },
  { "harm myself", SELF_HARM }, { "cut myself", SELF_HARM }, { "cutting myself", SELF_HARM },
  { "kill myself", SUICIDE }, { "killing myself", SUICIDE }, { "end my life", SUICIDE },
  { "end it all", SUICIDE }, { "want to die", SUICIDE }, { "wanna die", SUICIDE },
  { "wish i was dead", SUICIDE }, { "wish i were dead", SUICIDE },
  { "better off dead", SUICIDE }, { "no reason to live", SUICIDE }, { "overdose", SUICIDE },
  /* German */
  { "suizid", SUICIDE }, { "selbstmord", SUICIDE }, { "selbsttötung", SUICIDE },
  { "selbstverletz", SELF_HARM }, { "ritzen", SELF_HARM }, { "mich umbringen", SUICIDE },
  { "mich töten", SUICIDE }, { "sterben will", SUICIDE }, { "will sterben", SUICIDE },
  { "nicht mehr leben", SUICIDE }, { "überdosis", SUICIDE }, { "lebensmüde", SUICIDE },
  /* Spanish */
  { "suicidio", SUICIDE }, { "suicidarme", SUICIDE }, { "autolesi", SELF_HARM },
  { "hacerme daño", SELF_HARM }, { "matarme", SUICIDE }, { "quiero morir", SUICIDE },
  { "quitarme la vida", SUICIDE }, { "no quiero vivir", SUICIDE }, { "sobredosis", SUICIDE },
  /* French */
  { "me suicider", SUICIDE }, { "automutil", SELF_HARM }, { "me faire du mal", SELF_HARM },
  { "me tuer", SUICIDE }, { "envie de mourir", SUICIDE }, { "veux mourir", SUICIDE },
  { "en finir", SUICIDE }, { "surdose", SUICIDE },
  /* Portuguese */
  { "suicídio", SUICIDE }, { "me matar", SUICIDE }, { "quero morrer", SUICIDE },
  { "automutila", SELF_HARM }, { "autolesão", SELF_HARM }, { "tirar minha vida", SUICIDE },
  { "tirar a minha vida", SUICIDE }, { "não quero viver", SUICIDE },
  /* Arabic */
  { "انتحار", SUICIDE }, { "الانتحار", SUICIDE }, { "انتحر", SUICIDE }, { "أنتحر", SUICIDE },
  { "اقتل نفسي", SUICIDE }, { "أقتل نفسي", SUICIDE }, { "أريد أن أموت", SUICIDE },
  { "اريد ان اموت", SUICIDE }, { "إيذاء النفس", SELF_HARM }, { "ايذاء النفس", SELF_HARM },
  { "جرعة زائدة", SUICIDE },
};

/**
 * haven_crisis_words_list:
 *
 * Returns: (transfer none): every word and phrase of the list, %NULL-terminated
 */
const char * const *
haven_crisis_words_list (void)
{
  static const char **list;

  if (g_once_init_enter (&list))
    {
      const char **words = g_new0 (const char *, G_N_ELEMENTS (crisis_words) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (crisis_words); i++)
        words[i] = crisis_words[i].word;
      g_once_init_leave (&list, words);
    }

  return list;
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
 * haven_crisis_words_topic:
 * @text: (nullable): what the reader searched for
 *
 * Returns: (nullable): the Get Help topic of the first crisis word or phrase
 *   in @text (`suicidal-thoughts` or `self-harm`), %NULL when it has none
 */
const char *
haven_crisis_words_topic (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  normalized = normalize (text);
  if (normalized == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (crisis_words); i++)
    {
      g_autofree char *word = normalize (crisis_words[i].word);

      if (strstr (normalized, word) != NULL)
        return crisis_words[i].topic;
    }

  return NULL;
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
  return haven_crisis_words_topic (text) != NULL;
}
