/* haven-contact-search.c: contacts that match words typed in a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-contact-search"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-contact-search.h"
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

static gboolean
contact_matches (HavenContact *contact,
                 HavenRegion  *region,
                 const char   *keywords,
                 const char   *term)
{
  g_autofree char *needle = NULL;
  GPtrArray *channels = haven_contact_get_channels (contact);

  if (is_number_term (term))
    {
      g_autofree char *digits = dup_digits (term);

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

  needle = g_utf8_casefold (term, -1);
  if (g_utf8_strlen (needle, -1) < 2)
    return FALSE;

  return starts_a_word (haven_contact_get_name (contact), needle) ||
         starts_a_word (haven_region_get_name (region), needle) ||
         g_ascii_strcasecmp (haven_region_get_code (region), term) == 0 ||
         starts_a_word (keywords, needle);
}

/**
 * haven_contact_search:
 * @contacts: every contact of the feed
 * @region: the reader's region
 * @terms: the words typed, each of which must match
 *
 * A word matches a contact when it begins a word of the service's name or
 * of the region's name, is the region's code, begins one of the words
 * people use for crisis help ("help", "crisis", "suicide", "hotline"…),
 * or, made of digits, is part of one of the service's numbers.
 *
 * Returns: (transfer container) (element-type HavenContact): the matching
 *   contacts of @region, in the order Get Help shows them
 */
GPtrArray *
haven_contact_search (GListModel         *contacts,
                      HavenRegion        *region,
                      const char * const *terms)
{
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  /* Translators: words people type when looking for crisis help, separated
   * by spaces; add your language's words, keep the English ones */
  const char *keywords = _("help helpline hotline crisis suicide suicidal emergency talk support "
                           "distress urgent");

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);
  g_return_val_if_fail (HAVEN_IS_REGION (region), NULL);

  if (terms == NULL || terms[0] == NULL)
    return g_steal_pointer (&found);

  ordered = haven_help_list_contacts (contacts, haven_region_get_code (region), NULL);
  for (guint i = 0; i < ordered->len; i++)
    {
      HavenContact *contact = g_ptr_array_index (ordered, i);
      gboolean all = TRUE;

      for (guint j = 0; terms[j] != NULL && all; j++)
        all = contact_matches (contact, region, keywords, terms[j]);

      if (all)
        g_ptr_array_add (found, g_object_ref (contact));
    }

  return g_steal_pointer (&found);
}
