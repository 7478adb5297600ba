/* test-crisis-words.c: which searches put the crisis line first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "haven-crisis-words.h"

static void
test_matches_every_language (void)
{
  const char *searches[] = {
    /* English, in the ways people type it */
    "suicide", "Suicidal thoughts", "SELF-HARM", "self harm", "i want  to die",
    "how to kill myself", "overdose", "I wish I was dead",
    /* German */
    "Suizid", "selbstmord gedanken", "Selbstverletzung", "ich will sterben", "Überdosis",
    /* Spanish */
    "suicidio", "quiero morir", "autolesiones", "sobredosis",
    /* French */
    "suicide", "je veux mourir", "automutilation", "envie de mourir",
    /* Portuguese */
    "suicídio", "quero morrer", "automutilação",
    /* Arabic */
    "انتحار", "أريد أن أموت", "إيذاء النفس",
    NULL
  };

  for (guint i = 0; searches[i] != NULL; i++)
    if (!haven_crisis_words_match (searches[i]))
      g_error ("“%s” should put the crisis line first", searches[i]);
}

static void
test_ordinary_searches (void)
{
  const char *searches[] = {
    "", "sleep", "anxiety", "panic attacks", "grief", "talking to a doctor",
    "Schlaf", "ansiedad", "sommeil", "solidão", "القلق", "diet", "self-care",
    NULL
  };

  g_assert_false (haven_crisis_words_match (NULL));
  for (guint i = 0; searches[i] != NULL; i++)
    if (haven_crisis_words_match (searches[i]))
      g_error ("“%s” should not count as a crisis search", searches[i]);
}

static void
test_list_is_valid (void)
{
  const char * const *words = haven_crisis_words_list ();

  g_assert_cmpuint (g_strv_length ((char **) words), >, 30);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_assert_true (g_utf8_validate (words[i], -1, NULL));
      g_assert_cmpuint (strlen (words[i]), >=, 4);
      /* Every word matches itself. */
      g_assert_true (haven_crisis_words_match (words[i]));
    }
}

static void
test_topics (void)
{
  /* Self-harm searches find the self-harm topic, in every language… */
  g_assert_cmpstr (haven_crisis_words_topic ("self harm"), ==, "self-harm");
  g_assert_cmpstr (haven_crisis_words_topic ("Selbstverletzung"), ==, "self-harm");
  g_assert_cmpstr (haven_crisis_words_topic ("automutilação"), ==, "self-harm");
  g_assert_cmpstr (haven_crisis_words_topic ("إيذاء النفس"), ==, "self-harm");
  /* …and the others suicidal thoughts. */
  g_assert_cmpstr (haven_crisis_words_topic ("I want to die"), ==, "suicidal-thoughts");
  g_assert_cmpstr (haven_crisis_words_topic ("Suizid"), ==, "suicidal-thoughts");
  g_assert_cmpstr (haven_crisis_words_topic ("انتحار"), ==, "suicidal-thoughts");
  g_assert_null (haven_crisis_words_topic ("sleep"));
  g_assert_null (haven_crisis_words_topic (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crisis-words/every-language", test_matches_every_language);
  g_test_add_func ("/crisis-words/ordinary", test_ordinary_searches);
  g_test_add_func ("/crisis-words/list", test_list_is_valid);
  g_test_add_func ("/crisis-words/topics", test_topics);

  return g_test_run ();
}
