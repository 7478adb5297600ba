/* haven-contact-search.c: contacts that match words typed in a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-contact-search"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-contact-search.h"
#include "haven-crisis-words.h"
#include "haven-help-ranking.h"

static char *
dup_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

static gboolean
is_number_term (const char *term)
{
  gsize n_digits = 0;

  for (const char *p = term; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p != ' ' && *p != '-' && *p != '+' && *p != '(' && *p != ')')
        return FALSE;
    }

  return n_digits >= 2;
}

/* Whether @needle (folded) starts one of the words of @text. */
static gboolean
starts_a_word (const char *text,
               const char *needle)
{
  g_autofree char *folded = NULL;
  const char *p;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (p = strstr (folded, needle); p != NULL; p = strstr (p + 1, needle))
    {
      if (p == folded)
        return TRUE;
      if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
        return TRUE;
    }

  return FALSE;
}

/* Whether @needle (folded) is inside one of the words people use for
 * crisis help: "line" finds "helpline", as "crisis line" should. */
static gboolean
is_help_word (const char *needle)
{
  /* Translators: words people type when looking for crisis help, separated
   * by spaces; add your language's words, keep the English ones */
  g_autofree char *keywords = g_utf8_casefold (_("help helpline hotline crisis suicide suicidal "
                                                 "emergency talk support distress urgent"), -1);

  return g_utf8_strlen (needle, -1) >= 4 ? strstr (keywords, needle) != NULL
                                          : starts_a_word (keywords, needle);
}

/* Whether @needle (folded) begins the name or the id of one of @topic_ids:
 * "eating" finds "Eating problems", "lgbtq" finds "LGBTQ+". */
static gboolean
is_topic_word (HavenFeed          *feed,
               const char * const *topic_ids,
               const char         *needle)
{
  for (guint i = 0; topic_ids != NULL && topic_ids[i] != NULL; i++)
    {
      HavenTopic *topic = haven_feed_lookup_topic (feed, topic_ids[i]);

      if (starts_a_word (topic_ids[i], needle) ||
          (topic != NULL && starts_a_word (haven_topic_get_name (topic), needle)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_number (GPtrArray  *channels,
            const char *digits)
{
  for (guint i = 0; i < channels->len; i++)
    {
      HavenChannel *channel = g_ptr_array_index (channels, i);
      g_autofree char *number = NULL;

      if (channel->type != HAVEN_CHANNEL_TYPE_PHONE &&
          channel->type != HAVEN_CHANNEL_TYPE_SMS &&
          channel->type != HAVEN_CHANNEL_TYPE_WHATSAPP)
        continue;

      number = dup_digits (channel->value);
      if (strstr (number, digits) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
contact_matches (HavenFeed    *feed,
                 HavenContact *contact,
                 HavenRegion  *region,
                 const char   *term)
{
  g_autofree char *needle = NULL;

  if (is_number_term (term))
    {
      g_autofree char *digits = dup_digits (term);

      return has_number (haven_contact_get_channels (contact), digits);
    }

  needle = g_utf8_casefold (term, -1);
  if (g_utf8_strlen (needle, -1) < 2)
    return FALSE;

  return starts_a_word (haven_contact_get_name (contact), needle) ||
         starts_a_word (haven_region_get_name (region), needle) ||
         g_ascii_strcasecmp (haven_region_get_code (region), term) == 0 ||
         is_help_word (needle) ||
         is_topic_word (feed, haven_contact_get_topics (contact), needle);
}

static char *
dup_query (const char * const *terms)
{
  return g_strjoinv (" ", (char **) terms);
}

/**
 * haven_contact_search:
 * @feed: the content, with its contacts and topics
 * @region: the reader's region
 * @terms: the words typed, as the Shell passes them: one word each
 *
 * When the words hold a crisis word or phrase of any interface language
 * (see haven_crisis_words_topic(); a phrase may run across terms, as in
 * "want" "to" "die"), the answer is the region's lines for that topic, or
 * every line of the region when none is on that topic.
 *
 * Otherwise every word must match: a word matches a contact when it begins
 * a word of the service's name, of one of its topics ("grief", "eating") or
 * of the region's name, is the region's code, is part of one of the words
 * people use for crisis help ("help", "crisis", "hotline"…), or, made of
 * digits, is part of one of the service's numbers.
 *
 * Returns: (transfer container) (element-type HavenContact): the matching
 *   contacts of @region, in the order Get Help shows them
 */
GPtrArray *
haven_contact_search (HavenFeed          *feed,
                      HavenRegion        *region,
                      const char * const *terms)
{
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = NULL;
  const char *crisis_topic;

  g_return_val_if_fail (HAVEN_IS_FEED (feed), NULL);
  g_return_val_if_fail (HAVEN_IS_REGION (region), NULL);

  if (terms == NULL || terms[0] == NULL)
    return g_steal_pointer (&found);

  ordered = haven_help_list_contacts (haven_feed_get_contacts (feed),
                                      haven_region_get_code (region), NULL);
  query = dup_query (terms);
  crisis_topic = haven_crisis_words_topic (query);

  if (crisis_topic != NULL)
    {
      for (guint i = 0; i < ordered->len; i++)
        {
          HavenContact *contact = g_ptr_array_index (ordered, i);
          const char * const *topics = haven_contact_get_topics (contact);

          if (topics != NULL && g_strv_contains (topics, crisis_topic))
            g_ptr_array_add (found, g_object_ref (contact));
        }

      return found->len > 0 ? g_steal_pointer (&found) : g_steal_pointer (&ordered);
    }

  for (guint i = 0; i < ordered->len; i++)
    {
      HavenContact *contact = g_ptr_array_index (ordered, i);
      gboolean all = TRUE;

      for (guint j = 0; terms[j] != NULL && all; j++)
        all = contact_matches (feed, contact, region, terms[j]);

      if (all)
        g_ptr_array_add (found, g_object_ref (contact));
    }

  return g_steal_pointer (&found);
}

static gboolean
is_emergency_number (HavenRegion *region,
                     const char  *digits,
                     gboolean     whole)
{
  GPtrArray *numbers = haven_region_get_emergency_numbers (region);

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      HavenEmergencyNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *number_digits = dup_digits (number->number);

      if (whole ? g_str_equal (number_digits, digits) : strstr (number_digits, digits) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_emergency_term (HavenRegion *region,
                   const char  *term,
                   gboolean     whole)
{
  /* Translators: words people type when looking for the emergency
   * services, separated by spaces; add your language's words, keep the
   * English ones */
  g_autofree char *words = g_utf8_casefold (_("emergency ambulance police"), -1);
  g_autofree char *needle = NULL;

  if (is_number_term (term))
    {
      g_autofree char *digits = dup_digits (term);

      return is_emergency_number (region, digits, whole);
    }

  needle = g_utf8_casefold (term, -1);

  /* Not "fir" for "firefox": a few letters more than most words share. */
  return g_utf8_strlen (needle, -1) >= 4 && starts_a_word (words, needle);
}

/**
 * haven_contact_search_emergency:
 * @region: the reader's region
 * @terms: the words typed
 *
 * Returns: whether, and where, the search should offer @region's
 *   emergency number: first when a word is part of that number or names
 *   the emergency services, after the crisis lines when the words hold
 *   a crisis word or phrase
 */
HavenSearchEmergency
haven_contact_search_emergency (HavenRegion        *region,
                                const char * const *terms)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (HAVEN_IS_REGION (region), HAVEN_SEARCH_EMERGENCY_NONE);

  if (terms == NULL || terms[0] == NULL)
    return HAVEN_SEARCH_EMERGENCY_NONE;

  query = dup_query (terms);
  if (haven_crisis_words_topic (query) != NULL)
    return HAVEN_SEARCH_EMERGENCY_CRISIS;

  for (guint i = 0; terms[i] != NULL; i++)
    if (is_emergency_term (region, terms[i], FALSE))
      return HAVEN_SEARCH_EMERGENCY_ASKED;

  return HAVEN_SEARCH_EMERGENCY_NONE;
}

static gboolean
is_any_emergency_term (HavenFeed  *feed,
                    const char *term)
{
  GListModel *regions = haven_feed_get_regions (feed);
  guint n = g_list_model_get_n_items (regions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenRegion) region = g_list_model_get_item (regions, i);

      if (is_emergency_term (region, term, TRUE))
        return TRUE;
    }

  return FALSE;
}

static gboolean
any_contact_matches (HavenFeed  *feed,
                     const char *needle)
{
  GListModel *contacts = haven_feed_get_contacts (feed);
  guint n = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);

      if (starts_a_word (haven_contact_get_name (contact), needle) ||
          is_topic_word (feed, haven_contact_get_topics (contact), needle))
        return TRUE;
    }

  return FALSE;
}

static gboolean
term_wants_help (HavenFeed  *feed,
                 const char *term)
{
  g_autofree char *needle = NULL;

  if (is_number_term (term))
    return is_any_emergency_term (feed, term);

  needle = g_utf8_casefold (term, -1);
  if (g_utf8_strlen (needle, -1) < 2)
    return FALSE;

  return is_help_word (needle) || any_contact_matches (feed, needle) ||
         is_any_emergency_term (feed, term);
}

/**
 * haven_contact_search_wants_help:
 * @feed: the content
 * @terms: the words typed
 *
 * For a reader whose region Haven does not know: whether the words ask
 * for help, so that the search offers Get Help. They do when they hold a
 * crisis word or phrase, or when every word is a help word, begins the
 * name or a topic of a service of any region, or is an emergency number
 * or names the emergency services.
 *
 * Returns: %TRUE when the search should offer Get Help
 */
gboolean
haven_contact_search_wants_help (HavenFeed          *feed,
                                 const char * const *terms)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (HAVEN_IS_FEED (feed), FALSE);

  if (terms == NULL || terms[0] == NULL)
    return FALSE;

  query = dup_query (terms);
  if (haven_crisis_words_topic (query) != NULL)
    return TRUE;

  for (guint i = 0; terms[i] != NULL; i++)
    if (!term_wants_help (feed, terms[i]))
      return FALSE;

  return TRUE;
}
