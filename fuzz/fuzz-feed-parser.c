/* fuzz-feed-parser.c: libFuzzer target for the feed parser and checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <glib/gi18n.h>

#include "haven-feed-parser.h"
#include "haven-feed-scan.h"
#include "haven-feed-value.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a bug the fuzzer should report, not a log line. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

/* Reads every part of a feed the way the app does, so that a model the
 * parser accepted but built wrongly shows up here.
 */
static void
walk_feed (HavenFeed *feed)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 6, 1, 12, 0, 0);
  g_autoptr(GPtrArray) warnings = haven_feed_check_staleness (feed, now);
  GListModel *contacts = haven_feed_get_contacts (feed);
  GListModel *campaigns = haven_feed_get_campaigns (feed);

  g_assert (warnings->len <= g_list_model_get_n_items (contacts));

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);
      GPtrArray *channels = haven_contact_get_channels (contact);

      g_assert (haven_feed_lookup_contact (feed, haven_contact_get_id (contact)) != NULL);
      g_assert (haven_feed_lookup_region (feed, haven_contact_get_region (contact)) != NULL);
      g_assert (g_utf8_validate (haven_contact_get_name (contact), -1, NULL));
      haven_contact_get_open_state (contact, now);

      for (guint j = 0; j < channels->len; j++)
        {
          g_autofree char *uri = haven_channel_dup_uri (g_ptr_array_index (channels, j));

          g_assert (uri != NULL);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(HavenCampaign) campaign = g_list_model_get_item (campaigns, i);
      const char * const *explainers = haven_campaign_get_explainers (campaign);

      for (guint j = 0; explainers[j] != NULL; j++)
        g_assert (haven_feed_lookup_explainer (feed, explainers[j]) != NULL);
    }
}

/* An input that starts with byte 0x01 is a recipe rather than a feed:
 * 0x01, a repeat count in two bytes (little-endian, times 16), the lengths
 * of a prefix and of a middle part in one byte each, then the prefix, the
 * middle and the suffix. The feed is the prefix, the middle repeated, and
 * the suffix, up to a little over the size limit. So a few dozen bytes
 * reach the shapes only megabytes show: a million nested brackets or
 * values behind a comment, a second document after the first.
 */
#define RECIPE_MAX_OUTPUT (HAVEN_FEED_MAX_SIZE + 64)

static GBytes *
bytes_from_recipe (const uint8_t *data,
                   size_t         size)
{
  size_t n_repeats, prefix_length, middle_length;
  const uint8_t *prefix, *middle, *suffix;
  GByteArray *feed;

  if (size < 5 || data[0] != 0x01)
    return NULL;

  n_repeats = (size_t)(data[1] | data[2] << 8) * 16;
  prefix_length = MIN (data[3], size - 5);
  middle_length = MIN (data[4], size - 5 - prefix_length);
  prefix = data + 5;
  middle = prefix + prefix_length;
  suffix = middle + middle_length;

  feed = g_byte_array_new ();
  g_byte_array_append (feed, prefix, prefix_length);
  for (size_t i = 0; middle_length > 0 && i < n_repeats && feed->len < RECIPE_MAX_OUTPUT; i++)
    g_byte_array_append (feed, middle, middle_length);
  g_byte_array_append (feed, suffix, data + size - suffix);

  return g_byte_array_free_to_bytes (feed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const languages[] = { "de_CH.UTF-8", "fr", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *)data, MIN (size, 4096));

  bytes = bytes_from_recipe (data, size);
  if (bytes == NULL)
    bytes = g_bytes_new_static (data, size);

  feed = haven_feed_parse (bytes, languages,
                           (size & 1) ? HAVEN_FEED_ORIGIN_BUNDLED : HAVEN_FEED_ORIGIN_REMOTE,
                           &problems, &error);

  if (feed != NULL)
    {
      g_assert (error == NULL && problems->len == 0);
      walk_feed (feed);
    }
  else
    {
      g_assert (error != NULL && error->domain == HAVEN_FEED_ERROR && problems->len > 0);
    }

  /* The single-value checks also see hostile text directly. */
  haven_feed_url_is_allowed (text, HAVEN_URL_USE_IMAGE, HAVEN_FEED_ORIGIN_BUNDLED);
  haven_feed_value_check_text (text, 8000, NULL);
  g_free (haven_feed_value_quote (text));
  g_free (haven_feed_value_language_tag_for_locale (text));

  return 0;
}
