/* test-region-detect.c: the reader's region from the locale and time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "haven-feed-parser.h"
#include "haven-region-detect.h"

static const char * const zone_tables[] = {
  "/usr/share/zoneinfo/zone.tab",
  "/usr/share/zoneinfo/zone1970.tab",
  NULL
};

static void
check_locale (const char *locale,
              const char *expected)
{
  g_autofree char *code = haven_region_code_from_locale (locale);

  g_assert_cmpstr (code, ==, expected);
}

static void
test_locale_territory (void)
{
  check_locale ("en_GB.UTF-8", "GB");
  check_locale ("de_DE", "DE");
  check_locale ("de_CH.UTF-8", "CH");
  check_locale ("fr_FR@euro", "FR");
  check_locale ("sr_RS.UTF-8@latin", "RS");
  check_locale ("en_gb", "GB");
  check_locale ("C", NULL);
  check_locale ("C.UTF-8", NULL);
  check_locale ("POSIX", NULL);
  check_locale ("en", NULL);
  check_locale ("es_419", NULL);
  check_locale ("", NULL);
  check_locale (NULL, NULL);
}

static void
test_language_names (void)
{
  const char * const gb[] = { "en_GB.UTF-8", "en_GB", "en.UTF-8", "en", "C", NULL };
  const char * const later[] = { "en", "de_AT.UTF-8", "C", NULL };
  const char * const none[] = { "C.UTF-8", "C", NULL };
  g_autofree char *a = haven_region_code_from_languages (gb);
  g_autofree char *b = haven_region_code_from_languages (later);
  g_autofree char *c = haven_region_code_from_languages (none);

  g_assert_cmpstr (a, ==, "GB");
  g_assert_cmpstr (b, ==, "AT");
  g_assert_null (c);
}

static void
test_zone_table_text (void)
{
  const char *table =
    "# tzdb timezone descriptions\n"
    "#country-\n"
    "#codes\tcoordinates\tTZ\tcomments\n"
    "DE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\n"
    "GB,GG,IM,JE\t+513030-0000731\tEurope/London\n"
    "US\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\n";
  g_autofree char *berlin = haven_region_code_from_time_zone ("Europe/Berlin", table);
  g_autofree char *london = haven_region_code_from_time_zone ("Europe/London", table);
  g_autofree char *new_york = haven_region_code_from_time_zone ("America/New_York", table);
  g_autofree char *paris = haven_region_code_from_time_zone ("Europe/Paris", table);
  g_autofree char *prefix = haven_region_code_from_time_zone ("Europe/Berl", table);

  g_assert_cmpstr (berlin, ==, "DE");
  g_assert_cmpstr (london, ==, "GB");
  g_assert_cmpstr (new_york, ==, "US");
  g_assert_null (paris);
  g_assert_null (prefix);
}

static void
check_detect (const char * const *languages,
              const char         *time_zone,
              GListModel         *regions,
              const char         *expected)
{
  g_autofree char *code = haven_region_detect (languages, time_zone, zone_tables, regions);

  g_assert_cmpstr (code, ==, expected);
}

static void
test_detect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GListModel *regions;
  const char * const c_locale[] = { "C.UTF-8", "C", NULL };
  const char * const de_ch[] = { "de_CH.UTF-8", "de_CH", "de", "C", NULL };
  const char * const unknown_territory[] = { "en_ZW.UTF-8", "en", "C", NULL };

  g_assert_no_error (error);
  regions = haven_feed_get_regions (feed);

  /* The locale wins over the time zone. */
  check_detect (de_ch, "Europe/London", regions, "CH");
  /* Without a territory, the time zone decides, from the system's tzdata. */
  check_detect (c_locale, "Europe/Berlin", regions, "DE");
  check_detect (c_locale, "Europe/Zurich", regions, "CH");
  check_detect (c_locale, "Europe/Oslo", regions, "NO");
  check_detect (c_locale, "America/Chicago", regions, "US");
  /* A territory Haven has no region for falls back to the time zone. */
  check_detect (unknown_territory, "Europe/London", regions, "GB");
  check_detect (c_locale, "Africa/Nairobi", regions, "KE");
  check_detect (c_locale, "Asia/Dubai", regions, "AE");
  /* Nothing known: Haven asks. */
  check_detect (c_locale, "Africa/Kinshasa", regions, NULL);
  check_detect (c_locale, "UTC", regions, NULL);
  check_detect (c_locale, NULL, regions, NULL);
  check_detect (NULL, NULL, regions, NULL);
}

/* What HavenContent asks: this process's locale, and where the locale
 * names no territory, the system's time zone (TZ here, /etc/localtime on
 * a desktop). */
static void
test_for_system (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autofree char *berlin = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *gb = NULL;

  g_assert_no_error (error);

  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  berlin = haven_region_detect_for_system (haven_feed_get_regions (feed));
  g_assert_cmpstr (berlin, ==, "DE");

  g_setenv ("TZ", "UTC", TRUE);
  utc = haven_region_detect_for_system (haven_feed_get_regions (feed));
  g_assert_null (utc);

  /* The locale's territory still wins. */
  g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  gb = haven_region_detect_for_system (haven_feed_get_regions (feed));
  g_assert_cmpstr (gb, ==, "GB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region-detect/locale-territory", test_locale_territory);
  g_test_add_func ("/region-detect/language-names", test_language_names);
  g_test_add_func ("/region-detect/zone-table-text", test_zone_table_text);
  g_test_add_func ("/region-detect/detect", test_detect);
  g_test_add_func ("/region-detect/for-system", test_for_system);

  return g_test_run ();
}
