/* test-feed-parser.c: parsing valid feeds into the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "feed-test-util.h"
#include "haven-language.h"
#include "haven-feed-parser.h"

static HavenFeed *
parse_valid (GBytes              *bytes,
             const char * const  *languages,
             HavenFeedOrigin      origin)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeed *feed;

  feed = haven_feed_parse (bytes, languages, origin, &problems, &error);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = haven_feed_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("problem: %s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpuint (problems->len, ==, 0);

  return feed;
}

static HavenFeed *
parse_file (const char          *name,
            const char * const  *languages)
{
  g_autoptr(GBytes) bytes = feed_test_load ("valid", name);

  return parse_valid (bytes, languages, HAVEN_FEED_ORIGIN_REMOTE);
}

static void
test_parse_minimal (void)
{
  static const char * const en[] = { "en_GB.UTF-8", NULL };
  g_autoptr(HavenFeed) feed = parse_file ("minimal.json", en);
  HavenRegion *region;
  HavenContact *contact;
  HavenChannel *channel;
  GPtrArray *numbers;

  g_assert_cmpstr (haven_feed_get_format_version (feed), ==, "1.0");
  g_assert_cmpstr (haven_feed_get_default_language (feed), ==, "en");
  g_assert_cmpint (g_date_get_year (haven_feed_get_generated (feed)), ==, 2026);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_regions (feed)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_topics (feed)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_contacts (feed)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_campaigns (feed)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_explainers (feed)), ==, 0);
  g_assert_true (g_list_model_get_item_type (haven_feed_get_contacts (feed)) == HAVEN_TYPE_CONTACT);

  region = haven_feed_lookup_region (feed, "GB");
  g_assert_nonnull (region);
  g_assert_cmpstr (haven_region_get_name (region), ==, "United Kingdom");
  g_assert_cmpstr (haven_region_get_time_zones (region)[0], ==, "Europe/London");
  g_assert_null (haven_region_get_note (region));
  g_assert_null (haven_region_get_emergency_checked (region));
  g_assert_null (haven_region_get_emergency_source (region));
  numbers = haven_region_get_emergency_numbers (region);
  g_assert_cmpuint (numbers->len, ==, 2);
  g_assert_cmpstr (((HavenEmergencyNumber *)g_ptr_array_index (numbers, 0))->number, ==, "999");
  g_assert_cmpint (((HavenEmergencyNumber *)g_ptr_array_index (numbers, 0))->services, ==,
                   HAVEN_EMERGENCY_SERVICES_GENERAL);
  g_assert_null (haven_feed_lookup_region (feed, "DE"));
  g_assert_null (haven_feed_lookup_region (feed, NULL));

  contact = haven_feed_lookup_contact (feed, "gb-samaritans");
  g_assert_nonnull (contact);
  g_assert_cmpstr (haven_contact_get_region (contact), ==, "GB");
  g_assert_cmpstr (haven_contact_get_name (contact), ==, "Samaritans");
  g_assert_cmpstr (haven_contact_get_time_zone (contact), ==, "Europe/London");
  g_assert_cmpint (haven_contact_get_cost (contact), ==, HAVEN_COST_FREE);
  g_assert_cmpint (haven_contact_get_audience (contact), ==, HAVEN_AUDIENCE_EVERYONE);
  g_assert_cmpuint (haven_contact_get_priority (contact), ==, 1000);
  g_assert_true (haven_contact_get_primary (contact));
  g_assert_true (haven_contact_has_topic (contact, "grief"));
  g_assert_false (haven_contact_has_topic (contact, "abuse"));
  g_assert_cmpuint (g_strv_length ((GStrv)haven_contact_get_pairs_with (contact)), ==, 0);
  g_assert_true (haven_contact_get_hours (contact)->always_open);
  g_assert_cmpstr (haven_contact_get_source_url (contact), ==, "https://www.samaritans.org/");
  g_assert_cmpint (g_date_get_day (haven_contact_get_checked (contact)), ==, 25);
  g_assert_null (haven_contact_get_note (contact));

  channel = g_ptr_array_index (haven_contact_get_channels (contact), 1);
  g_assert_cmpint (channel->type, ==, HAVEN_CHANNEL_TYPE_EMAIL);
  g_assert_cmpstr (channel->value, ==, "jo@samaritans.org");
  g_assert_null (channel->hours);

  g_assert_true (haven_topic_get_sensitive (haven_feed_lookup_topic (feed, "self-harm")));
  g_assert_false (haven_topic_get_sensitive (haven_feed_lookup_topic (feed, "grief")));
  g_assert_null (haven_feed_lookup_campaign (feed, "nope"));
  g_assert_null (haven_feed_lookup_explainer (feed, "nope"));
}

static void
test_parse_full (void)
{
  static const char * const en[] = { "en", NULL };
  g_autoptr(HavenFeed) feed = parse_file ("full.json", en);
  HavenContact *childline = haven_feed_lookup_contact (feed, "gb-childline");
  HavenContact *adult = haven_feed_lookup_contact (feed, "gb-samaritans-adult");
  HavenExplainer *grief = haven_feed_lookup_explainer (feed, "grief-and-loss");
  HavenExplainer *self_harm = haven_feed_lookup_explainer (feed, "self-harm-basics");
  HavenCampaign *day = haven_feed_lookup_campaign (feed, "world-mental-health-day");
  HavenCampaign *local = haven_feed_lookup_campaign (feed, "local-test-campaign");
  HavenRegion *gb = haven_feed_lookup_region (feed, "GB");
  HavenInsight *insight;
  HavenBlock *block;
  GDate date;

  /* A newer minor version and unknown fields are fine. */
  g_assert_cmpstr (haven_feed_get_format_version (feed), ==, "1.3");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (g_date_compare (haven_region_get_emergency_checked (gb), &date), ==, 0);
  g_assert_cmpstr (haven_region_get_emergency_source (gb)->title, ==, "Example emergency services page");
  g_assert_cmpstr (haven_region_get_emergency_source (gb)->url, ==, "https://example.org/emergency-numbers");
  g_assert_null (haven_region_get_emergency_checked (haven_feed_lookup_region (feed, "DE")));

  g_assert_cmpstr (haven_contact_get_pairs_with (childline)[0], ==, "gb-samaritans-adult");
  g_assert_cmpstr (haven_contact_get_pairs_with (adult)[0], ==, "gb-childline");
  g_assert_null (haven_contact_get_hours (adult));
  g_assert_cmpint (haven_contact_get_audience (childline), ==, HAVEN_AUDIENCE_YOUNG_PEOPLE);
  g_assert_cmpstr (haven_contact_get_time_zone (haven_feed_lookup_contact (feed, "ch-143")), ==,
                   "Europe/Zurich");

  g_assert_false (haven_explainer_get_sensitive (grief));
  g_assert_true (haven_explainer_get_sensitive (self_harm));
  g_assert_cmpstr (haven_explainer_get_content_note (self_harm), ==,
                   "This piece talks about self-harm.");
  g_assert_cmpuint (haven_explainer_get_body (grief)->len, ==, 6);
  block = g_ptr_array_index (haven_explainer_get_body (grief), 2);
  g_assert_cmpint (block->type, ==, HAVEN_BLOCK_TYPE_LIST);
  g_assert_true (block->ordered);
  g_assert_cmpstr (block->items[0], ==, "Eat something.");
  g_assert_cmpstr (block->items[1], ==, "OK");
  block = g_ptr_array_index (haven_explainer_get_body (grief), 5);
  g_assert_cmpint (block->type, ==, HAVEN_BLOCK_TYPE_HELP);
  g_assert_null (block->text);
  g_assert_cmpstr (haven_explainer_get_creator (grief)->role, ==, "Writers");
  g_assert_cmpstr (haven_explainer_get_creator (grief)->avatar_url, ==,
                   "https://example.org/avatar.png");
  g_assert_cmpstr (((HavenPerson *)g_ptr_array_index (haven_explainer_get_reviewers (grief),
                                                      0))->credentials, ==,
                   "Clinical psychologist");
  g_assert_cmpuint (haven_explainer_get_reading_minutes (grief), ==, 5);

  g_assert_cmpstr (haven_campaign_get_explainers (day)[1], ==, "self-harm-basics");
  g_assert_null (haven_campaign_get_call_to_action_url (day));
  g_assert_cmpstr (haven_campaign_get_call_to_action_label (day), ==, "Get help now");
  g_assert_cmpstr (haven_campaign_get_call_to_action_url (local), ==, "http://127.0.0.1:8080/");
  g_assert_null (haven_campaign_get_highlight_day (local));
  g_assert_cmpint (g_date_get_day (haven_campaign_get_highlight_day (day)), ==, 10);
  g_assert_cmpstr (haven_campaign_get_accent_color (day), ==, "#3a7bd5");
  insight = g_ptr_array_index (haven_campaign_get_insights (day), 0);
  g_assert_cmpint (insight->year, ==, 2019);
  g_assert_cmpuint (insight->figures->len, ==, 2);
  g_assert_cmpfloat (((HavenFigure *)g_ptr_array_index (insight->figures, 1))->value, ==, 970.5);
  g_assert_cmpstr (((HavenFigure *)g_ptr_array_index (insight->figures, 0))->unit, ==, "million");
  g_assert_cmpstr (insight->source->url, ==,
                   "https://www.who.int/publications/i/item/9789240049338");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, G_DATE_OCTOBER, 2026);
  g_assert_true (haven_campaign_is_running (day, &date));
  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2026);
  g_assert_false (haven_campaign_is_running (day, &date));
}

typedef struct
{
  const char *languages[4];
  const char *ch_name;
  const char *gb_name;
  const char *telefonseelsorge;
} FallbackCase;

/* Each reader's languages give a chain: de_CH tries de-CH, then de, then
 * the feed's default language.
 */
static void
test_localised_fallback (void)
{
  static const FallbackCase cases[] = {
    { { "de_CH.UTF-8", "de_CH", "de", NULL }, "Schwiiz", "Vereinigtes Königreich",
      "Vertrauliche Beratung am Telefon, Tag und Nacht (CH)." },
    { { "de_CH", NULL }, "Schwiiz", "Vereinigtes Königreich",
      "Vertrauliche Beratung am Telefon, Tag und Nacht (CH)." },
    { { "de_AT.UTF-8", NULL }, "Schweiz", "Vereinigtes Königreich",
      "Vertrauliche Beratung am Telefon, Tag und Nacht." },
    { { "de", NULL }, "Schweiz", "Vereinigtes Königreich",
      "Vertrauliche Beratung am Telefon, Tag und Nacht." },
    { { "fr_CH", "de", NULL }, "Suisse", "Vereinigtes Königreich",
      "Vertrauliche Beratung am Telefon, Tag und Nacht." },
    { { "fr_FR.UTF-8", NULL }, "Suisse", "United Kingdom",
      "Confidential phone counselling, day and night." },
    { { "it_CH", NULL }, "Switzerland", "United Kingdom",
      "Confidential phone counselling, day and night." },
    { { "C", NULL }, "Switzerland", "United Kingdom",
      "Confidential phone counselling, day and night." },
    { { NULL }, "Switzerland", "United Kingdom",
      "Confidential phone counselling, day and night." },
  };
  g_autoptr(GBytes) bytes = feed_test_load ("valid", "full.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HavenFeed) feed = parse_valid (bytes, cases[i].languages,
                                               HAVEN_FEED_ORIGIN_REMOTE);
      HavenContact *contact = haven_feed_lookup_contact (feed, "de-telefonseelsorge");

      g_test_message ("languages: %s", cases[i].languages[0]);
      g_assert_cmpstr (haven_region_get_name (haven_feed_lookup_region (feed, "CH")), ==,
                       cases[i].ch_name);
      g_assert_cmpstr (haven_region_get_name (haven_feed_lookup_region (feed, "GB")), ==,
                       cases[i].gb_name);
      g_assert_cmpstr (haven_contact_get_description (contact), ==, cases[i].telefonseelsorge);

      /* A plain string is the same in every language. */
      g_assert_cmpstr (haven_topic_get_name (haven_feed_lookup_topic (feed, "lgbtq")), ==,
                       "LGBTQ+");
    }
}

static void
test_localised_environment (void)
{
  g_autoptr(GBytes) bytes = feed_test_load ("valid", "full.json");
  g_autoptr(HavenFeed) feed = NULL;

  /* Without a list, the parser asks GLib for the reader's languages. */
  g_setenv ("LANGUAGE", "de_CH:de", TRUE);
  feed = parse_valid (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (haven_region_get_name (haven_feed_lookup_region (feed, "CH")), ==, "Schwiiz");
}

/* An explainer is shown whole in one language: the reader's when it is
 * written in it, else the default one, and says which. */
static void
test_item_language (void)
{
  g_autoptr(GBytes) bytes = feed_test_load ("valid", "full.json");
  const char *de[] = { "de_DE.UTF-8", "de", NULL };
  const char *fr[] = { "fr_FR.UTF-8", "fr", NULL };
  const char *c[] = { "C", NULL };
  g_autoptr(HavenFeed) german = parse_valid (bytes, de, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(HavenFeed) french = parse_valid (bytes, fr, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(HavenFeed) plain = parse_valid (bytes, c, HAVEN_FEED_ORIGIN_REMOTE);
  HavenExplainer *explainer;
  HavenCampaign *campaign;

  explainer = haven_feed_lookup_explainer (german, "grief-and-loss");
  g_assert_cmpstr (haven_explainer_get_title (explainer), ==, "Trauer und Verlust");
  g_assert_cmpstr (haven_explainer_get_language (explainer), ==, "de");
  g_assert_true (haven_explainer_get_in_reader_language (explainer));

  /* Written in English only: shown in English, and marked as such. */
  explainer = haven_feed_lookup_explainer (german, "self-harm-basics");
  g_assert_cmpstr (haven_explainer_get_language (explainer), ==, "en");
  g_assert_false (haven_explainer_get_in_reader_language (explainer));

  explainer = haven_feed_lookup_explainer (french, "grief-and-loss");
  g_assert_cmpstr (haven_explainer_get_title (explainer), ==, "Grief and loss");
  g_assert_cmpstr (haven_explainer_get_language (explainer), ==, "en");
  g_assert_false (haven_explainer_get_in_reader_language (explainer));

  /* Under the C locale the interface is English, and so is the reader. */
  explainer = haven_feed_lookup_explainer (plain, "self-harm-basics");
  g_assert_cmpstr (haven_explainer_get_language (explainer), ==, "en");
  g_assert_true (haven_explainer_get_in_reader_language (explainer));

  campaign = haven_feed_lookup_campaign (german, "world-mental-health-day");
  g_assert_cmpstr (haven_campaign_get_title (campaign), ==, "Welttag der psychischen Gesundheit");
  g_assert_cmpstr (haven_campaign_get_language (campaign), ==, "de");
  g_assert_true (haven_campaign_get_in_reader_language (campaign));

  campaign = haven_feed_lookup_campaign (french, "world-mental-health-day");
  g_assert_cmpstr (haven_campaign_get_tagline (campaign), ==, "Talk, listen, look after each other.");
  g_assert_cmpstr (haven_campaign_get_language (campaign), ==, "en");
  g_assert_false (haven_campaign_get_in_reader_language (campaign));

  /* Plain strings are every language's. */
  campaign = haven_feed_lookup_campaign (french, "local-test-campaign");
  g_assert_null (haven_campaign_get_language (campaign));
  g_assert_true (haven_campaign_get_in_reader_language (campaign));
}

/* A campaign whose title has the reader's language but whose tagline
 * lacks it is shown in the default language, not half and half. */
static void
test_item_language_no_mix (void)
{
  g_autoptr(GBytes) full = feed_test_load ("valid", "full.json");
  g_autoptr(GBytes) bytes = feed_test_replace (full,
                                               "\"de\": \"Reden, zuhören, aufeinander achten.\"",
                                               "\"fr\": \"Parler, écouter.\"");
  const char *de[] = { "de", NULL };
  g_autoptr(HavenFeed) feed = parse_valid (bytes, de, HAVEN_FEED_ORIGIN_REMOTE);
  HavenCampaign *campaign = haven_feed_lookup_campaign (feed, "world-mental-health-day");

  g_assert_cmpstr (haven_campaign_get_title (campaign), ==, "World Mental Health Day");
  g_assert_cmpstr (haven_campaign_get_tagline (campaign), ==, "Talk, listen, look after each other.");
  g_assert_cmpstr (haven_campaign_get_language (campaign), ==, "en");
  g_assert_false (haven_campaign_get_in_reader_language (campaign));
}

static void
test_language_resolve (void)
{
  const char *available[] = { "en", "de", "pt-BR", NULL };
  const char *pt[] = { "pt-BR", "pt", NULL };
  const char *ar[] = { "ar-EG", "ar", NULL };
  const char *only_de[] = { "de", NULL };
  gboolean matched;

  g_assert_cmpstr (haven_language_resolve (available, pt, "en", &matched), ==, "pt-BR");
  g_assert_true (matched);
  g_assert_cmpstr (haven_language_resolve (available, ar, "en", &matched), ==, "en");
  g_assert_false (matched);
  g_assert_cmpstr (haven_language_resolve (only_de, ar, "en", &matched), ==, "de");
  g_assert_false (matched);

  g_assert_true (haven_language_is_rtl ("ar"));
  g_assert_true (haven_language_is_rtl ("ar-EG"));
  g_assert_false (haven_language_is_rtl ("en"));
  g_assert_false (haven_language_is_rtl ("arn"));
  g_assert_cmpstr (haven_language_get_native_name ("pt-BR"), ==, "Português (Brasil)");
  g_assert_cmpstr (haven_language_get_native_name ("ar"), ==, "العربية");
  g_assert_null (haven_language_get_native_name ("xx"));

  /* English, then po/LINGUAS as feed tags. */
  g_assert_cmpstr (haven_language_get_interface_languages ()[0], ==, "en");
  g_assert_true (g_strv_contains (haven_language_get_interface_languages (), "pt-BR"));
}

/* Every localised text lacking one of the languages is named by where it
 * is; plain strings, services' names and texts without letters need no
 * translation. */
static void
test_missing_texts (void)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  g_autoptr(GBytes) region = feed_test_replace (minimal, "\"name\": \"United Kingdom\"",
                                                "\"name\": { \"en\": \"United Kingdom\", "
                                                "\"de\": \"Vereinigtes Königreich\" }");
  g_autoptr(GBytes) contact = feed_test_replace (region, "\"name\": \"Samaritans\"",
                                                 "\"name\": { \"en\": \"Samaritans\" }");
  g_autoptr(GBytes) label = feed_test_replace (contact, "\"value\": \"116 123\"",
                                               "\"value\": \"116 123\", "
                                               "\"label\": { \"en\": \"24/7\" }");
  g_autoptr(GBytes) bytes = feed_test_replace (label,
                                               "\"Someone to talk to about anything, day or night.\"",
                                               "{ \"en\": \"Someone to talk to about anything, day or night.\", "
                                               "\"fr\": \"Quelqu’un à qui parler.\" }");
  const char *languages[] = { "en", "de", "fr", NULL };
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  HavenMissingText *text;

  missing = haven_feed_find_missing_texts (bytes, HAVEN_FEED_ORIGIN_REMOTE, languages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (missing);
  g_assert_cmpuint (missing->len, ==, 2);

  text = g_ptr_array_index (missing, 0);
  g_assert_cmpstr (text->language, ==, "de");
  g_assert_cmpstr (text->path, ==, "contacts/gb-samaritans/description");
  text = g_ptr_array_index (missing, 1);
  g_assert_cmpstr (text->language, ==, "fr");
  g_assert_cmpstr (text->path, ==, "regions/GB/name");

  /* An invalid feed has no list, but an error. */
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = haven_feed_find_missing_texts (label, HAVEN_FEED_ORIGIN_REMOTE, languages, NULL);
  g_assert_nonnull (missing);
  g_clear_pointer (&missing, g_ptr_array_unref);
  {
    g_autoptr(GBytes) broken = g_bytes_new_static ("{}", 2);

    missing = haven_feed_find_missing_texts (broken, HAVEN_FEED_ORIGIN_REMOTE, languages, &error);
    g_assert_null (missing);
    g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
  }
}

static void
test_resource_urls (void)
{
  g_autoptr(GBytes) full = feed_test_load ("valid", "full.json");
  g_autoptr(GBytes) bytes = feed_test_replace (full, "https://example.org/hero.png",
                                               "resource:///io/github/havenwellbeing/Haven/feed/"
                                               "images/hero.png");
  g_autoptr(HavenFeed) bundled = parse_valid (bytes, NULL, HAVEN_FEED_ORIGIN_BUNDLED);
  g_autoptr(HavenFeed) remote = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeedProblem *problem;
  HavenCampaign *campaign;

  campaign = haven_feed_lookup_campaign (bundled, "world-mental-health-day");
  g_assert_cmpstr (haven_campaign_get_hero_url (campaign), ==,
                   "resource:///io/github/havenwellbeing/Haven/feed/images/hero.png");

  remote = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, &problems, &error);
  g_assert_null (remote);
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "campaigns[0].hero.url");
  g_assert_nonnull (strstr (error->message, "campaigns[0].hero.url"));
}

static void
test_staleness (void)
{
  g_autoptr(HavenFeed) feed = parse_file ("minimal.json", NULL);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 11, 26, 12, 0, 0);
  g_autoptr(GDateTime) year_later = g_date_time_new_utc (2027, 11, 25, 12, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autoptr(GPtrArray) stale = haven_feed_check_staleness (feed, later);
  g_autoptr(GPtrArray) exactly = haven_feed_check_staleness (feed, year_later);
  g_autoptr(GPtrArray) fresh = haven_feed_check_staleness (feed, soon);
  g_autofree char *line = NULL;

  g_assert_cmpuint (stale->len, ==, 1);
  line = haven_feed_problem_to_string (g_ptr_array_index (stale, 0));
  g_assert_cmpstr (line, ==, "contacts[0]: checked 2026-11-25, more than 12 months ago");
  g_assert_cmpuint (exactly->len, ==, 0);
  g_assert_cmpuint (fresh->len, ==, 0);
}

/* Emergency numbers go stale like crisis lines do, and only when the feed
 * says when they were checked. */
static void
test_staleness_emergency (void)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  g_autoptr(GBytes) dated = feed_test_replace (minimal, "\"time_zones\": [\"Europe/London\"],",
                                               "\"time_zones\": [\"Europe/London\"], "
                                               "\"emergency_checked\": \"2026-10-01\",");
  g_autoptr(HavenFeed) feed = parse_valid (dated, NULL, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 10, 2, 12, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_new_utc (2027, 9, 30, 12, 0, 0);
  g_autoptr(GPtrArray) stale = haven_feed_check_staleness (feed, later);
  g_autoptr(GPtrArray) fresh = haven_feed_check_staleness (feed, soon);
  g_autofree char *line = NULL;

  /* The contact, checked 2026-11-25, is still fresh at both times. */
  g_assert_cmpuint (stale->len, ==, 1);
  line = haven_feed_problem_to_string (g_ptr_array_index (stale, 0));
  g_assert_cmpstr (line, ==, "regions[0].emergency_checked: checked 2026-10-01, more than 12 months ago");
  g_assert_cmpuint (fresh->len, ==, 0);
}

static void
test_error_codes (void)
{
  static const struct {
    const char *text;
    int         code;
  } cases[] = {
    { "", HAVEN_FEED_ERROR_SYNTAX },
    { "  \n ", HAVEN_FEED_ERROR_SYNTAX },
    { "{", HAVEN_FEED_ERROR_SYNTAX },
    { "{\"a\": [}", HAVEN_FEED_ERROR_SYNTAX },
    { "{\"a\": \"\\x\"}", HAVEN_FEED_ERROR_SYNTAX },
    { "{\"a\": \"\xff\"}", HAVEN_FEED_ERROR_ENCODING },
    { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      HAVEN_FEED_ERROR_TOO_DEEP },
    { "{\"format_version\": \"2.1\"}", HAVEN_FEED_ERROR_UNSUPPORTED_VERSION },
    { "{\"format_version\": \"0.9\"}", HAVEN_FEED_ERROR_UNSUPPORTED_VERSION },
    { "{\"format_version\": \"1.0\"}", HAVEN_FEED_ERROR_INVALID },
    { "{}", HAVEN_FEED_ERROR_INVALID },
    { "\"feed\"", HAVEN_FEED_ERROR_INVALID },
    { "null", HAVEN_FEED_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HavenFeed) feed = NULL;
      /* Invalid UTF-8 would break the TAP stream; name the case by its index. */
      g_test_message ("case %u", i);
      feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, &problems, &error);
      g_assert_null (feed);
      g_assert_error (error, HAVEN_FEED_ERROR, cases[i].code);
      g_assert_cmpuint (problems->len, >, 0);
    }
}

static void
test_version_message (void)
{
  static const char text[] = "{\"format_version\": \"2.0\", \"everything\": \"else\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL,
                                                &error);

  g_assert_null (feed);
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_UNSUPPORTED_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "This feed uses format 2.0; this version of Haven reads format 1.");
}

static void
test_problem_cap (void)
{
  g_autoptr(GBytes) bytes = feed_test_new_contacts (300, "Bad-");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = NULL;
  HavenFeedProblem *last;

  feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, &problems, &error);
  g_assert_null (feed);
  g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The feed has 300 problems; the first is "
                                   "contacts[0].id: “Bad-0” is not a valid id"));
  g_assert_cmpuint (problems->len, ==, 101);
  last = g_ptr_array_index (problems, 100);
  g_assert_null (last->path);
  g_assert_cmpstr (last->message, ==, "…and 200 more problems.");
}

static void
test_size_limits (void)
{
  g_autoptr(GBytes) largest = feed_test_new_contacts (2000, "line-");
  g_autoptr(GBytes) too_many = feed_test_new_contacts (2001, "line-");
  g_autoptr(HavenFeed) feed = parse_valid (largest, NULL, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(HavenFeed) unlimited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_contacts (feed)), ==, 2000);
  g_assert_nonnull (haven_feed_lookup_contact (feed, "line-1999"));

  /* Benchmarks lift the limits; nothing else may. */
  unlimited = haven_feed_parse_full (too_many, NULL, HAVEN_FEED_ORIGIN_REMOTE,
                                     HAVEN_FEED_PARSE_FLAGS_UNLIMITED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_contacts (unlimited)), ==, 2001);
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HavenFeed) feed = NULL;

  g_byte_array_append (with_bom, (const guint8 *)"\xef\xbb\xbf", 3);
  g_byte_array_append (with_bom, g_bytes_get_data (minimal, NULL), g_bytes_get_size (minimal));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&with_bom));

  feed = parse_valid (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE);
  g_assert_nonnull (feed);
}

/* Running text keeps what Persian and emoji need; a heading beside it does
 * not, nor any text the bidi controls that reorder digits.
 */
static void
test_prose_characters (void)
{
  g_autoptr(GBytes) full = feed_test_load ("valid", "full.json");
  g_autoptr(GBytes) persian = feed_test_replace (full, "Grief is not a problem to solve.",
                                                 "\u0645\u06cc\u200c\u062e\u0648\u0627"
                                                 "\u0647\u0645 \U0001f469\u200d\U0001f467");
  g_autoptr(GBytes) override = feed_test_replace (full, "Grief is not a problem to solve.",
                                                  "Call \u202e321 611.");
  g_autoptr(HavenFeed) feed = parse_valid (persian, NULL, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(HavenFeed) refused = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_nonnull (feed);

  refused = haven_feed_parse (override, NULL, HAVEN_FEED_ORIGIN_REMOTE, &problems, NULL);
  g_assert_null (refused);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((HavenFeedProblem *)g_ptr_array_index (problems, 0))->path, ==,
                   "explainers[0].body[1].text.en");
}

static void
test_channel_uris (void)
{
  g_autoptr(HavenFeed) feed = parse_file ("full.json", NULL);
  static const struct {
    const char *contact;
    guint       channel;
    const char *uri;
  } cases[] = {
    { "gb-samaritans", 0, "tel:116123" },
    { "gb-samaritans", 1, "mailto:jo@samaritans.org" },
    { "gb-shout", 0, "sms:85258?body=SHOUT" },
    { "gb-childline", 1, "https://www.childline.org.uk/get-support/1-2-1-counsellor-chat/" },
    { "ch-143", 1, "https://wa.me/41000000000" },
    { "de-telefonseelsorge", 0, "tel:08001110111" },
  };
  g_autofree char *international = haven_phone_number_dup_uri ("+1 (800) 273-8255");
  g_autofree char *star_code = haven_phone_number_dup_uri ("*4141");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HavenContact *contact = haven_feed_lookup_contact (feed, cases[i].contact);
      HavenChannel *channel = g_ptr_array_index (haven_contact_get_channels (contact),
                                                 cases[i].channel);
      g_autofree char *uri = haven_channel_dup_uri (channel);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }

  g_assert_cmpstr (international, ==, "tel:+18002738255");
  g_assert_cmpstr (star_code, ==, "tel:*4141");
}

static void
test_open_state (void)
{
  g_autoptr(HavenFeed) feed = parse_file ("full.json", NULL);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  HavenContact *telefonseelsorge = haven_feed_lookup_contact (feed, "de-telefonseelsorge");
  HavenContact *adult = haven_feed_lookup_contact (feed, "gb-samaritans-adult");
  HavenChannel *chat = g_ptr_array_index (haven_contact_get_channels (telefonseelsorge), 2);
  static const struct {
    int            day;   /* of November 2026: the 23rd is a Monday */
    int            hour;
    int            minute;
    HavenOpenState state;
  } cases[] = {
    { 23, 8, 59, HAVEN_OPEN_STATE_CLOSED },
    { 23, 9, 0, HAVEN_OPEN_STATE_OPEN },
    { 23, 12, 30, HAVEN_OPEN_STATE_CLOSED },
    { 23, 14, 0, HAVEN_OPEN_STATE_OPEN },
    { 23, 23, 59, HAVEN_OPEN_STATE_OPEN },
    { 28, 3, 0, HAVEN_OPEN_STATE_OPEN },
  };

  if (berlin == NULL)
    {
      g_test_skip ("This system has no time zone data for Europe/Berlin");
      return;
    }

  g_assert_nonnull (chat->hours);
  g_assert_cmpuint (chat->hours->n_periods, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) local = g_date_time_new (berlin, 2026, 11, cases[i].day,
                                                    cases[i].hour, cases[i].minute, 0);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

      g_assert_cmpint (haven_hours_get_open_state (chat->hours, "Europe/Berlin", utc), ==,
                       cases[i].state);
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_cmpint (haven_contact_get_open_state (telefonseelsorge, now), ==,
                     HAVEN_OPEN_STATE_OPEN);
    g_assert_cmpint (haven_contact_get_open_state (adult, now), ==, HAVEN_OPEN_STATE_UNKNOWN);
    g_assert_cmpint (haven_hours_get_open_state (chat->hours, "Not/AZone", now), ==,
                     HAVEN_OPEN_STATE_UNKNOWN);
  }
}

static void
test_properties (void)
{
  g_autoptr(HavenFeed) feed = parse_file ("full.json", NULL);
  HavenContact *contact = haven_feed_lookup_contact (feed, "gb-shout");
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GListModel) contacts = NULL;
  HavenCost cost;

  g_object_get (contact, "name", &name, "cost", &cost, "channels", &channels, NULL);
  g_assert_cmpstr (name, ==, "Shout");
  g_assert_cmpint (cost, ==, HAVEN_COST_FREE);
  g_assert_true (channels == haven_contact_get_channels (contact));

  g_object_get (feed, "contacts", &contacts, NULL);
  g_assert_true (contacts == haven_feed_get_contacts (feed));
}

static void
test_load_bundled (void)
{
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  HavenLink *directory;

  feed = haven_feed_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpuint (g_list_model_get_n_items (haven_feed_get_regions (feed)), >, 0);

  /* Readers in a place Haven knows no lines for are pointed somewhere. */
  directory = haven_feed_get_directory (feed);
  g_assert_nonnull (directory);
  g_assert_true (g_str_has_prefix (directory->url, "https://"));
}

static void
test_directory (void)
{
  static const char * const en[] = { "en_GB.UTF-8", NULL };
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  g_autoptr(HavenFeed) without = parse_valid (minimal, en, HAVEN_FEED_ORIGIN_REMOTE);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (minimal, NULL),
                                              g_bytes_get_size (minimal));
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = NULL;

  g_assert_null (haven_feed_get_directory (without));

  /* A directory must be a link a reader can follow safely. */
  g_assert_cmpint (g_string_replace (text, "\"default_language\"",
                                     "\"directory\": { \"title\": \"Helplines\", "
                                     "\"url\": \"javascript:alert(1)\" }, \"default_language\"",
                                     1), ==, 1);
  bad = g_string_free_to_bytes (g_steal_pointer (&text));
  feed = haven_feed_parse (bad, en, HAVEN_FEED_ORIGIN_REMOTE, &problems, &error);
  g_assert_null (feed);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((HavenFeedProblem *)g_ptr_array_index (problems, 0))->path, ==,
                   "directory.url");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/parser/minimal", test_parse_minimal);
  g_test_add_func ("/feed/parser/directory", test_directory);
  g_test_add_func ("/feed/parser/full", test_parse_full);
  g_test_add_func ("/feed/parser/localised-fallback", test_localised_fallback);
  g_test_add_func ("/feed/parser/localised-environment", test_localised_environment);
  g_test_add_func ("/feed/parser/resource-urls", test_resource_urls);
  g_test_add_func ("/feed/parser/item-language", test_item_language);
  g_test_add_func ("/feed/parser/item-language-no-mix", test_item_language_no_mix);
  g_test_add_func ("/feed/parser/language-resolve", test_language_resolve);
  g_test_add_func ("/feed/parser/missing-texts", test_missing_texts);
  g_test_add_func ("/feed/parser/staleness", test_staleness);
  g_test_add_func ("/feed/parser/staleness-emergency", test_staleness_emergency);
  g_test_add_func ("/feed/parser/error-codes", test_error_codes);
  g_test_add_func ("/feed/parser/version-message", test_version_message);
  g_test_add_func ("/feed/parser/problem-cap", test_problem_cap);
  g_test_add_func ("/feed/parser/size-limits", test_size_limits);
  g_test_add_func ("/feed/parser/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/feed/parser/channel-uris", test_channel_uris);
  g_test_add_func ("/feed/parser/prose-characters", test_prose_characters);
  g_test_add_func ("/feed/parser/open-state", test_open_state);
  g_test_add_func ("/feed/parser/properties", test_properties);
  g_test_add_func ("/feed/parser/load-bundled", test_load_bundled);

  return g_test_run ();
}
