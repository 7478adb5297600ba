/* test-opening-status.c: live opening status with an injected clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "haven-opening-status.h"

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static HavenHours *
mon_to_sat_14_to_20 (void)
{
  HavenPeriod period = {
    HAVEN_WEEKDAYS_MONDAY | HAVEN_WEEKDAYS_TUESDAY | HAVEN_WEEKDAYS_WEDNESDAY |
    HAVEN_WEEKDAYS_THURSDAY | HAVEN_WEEKDAYS_FRIDAY | HAVEN_WEEKDAYS_SATURDAY,
    14 * 60, 20 * 60
  };

  return haven_hours_new_weekly (&period, 1);
}

static void
check_text (const HavenHours *hours,
            const char       *time_zone,
            GDateTime        *now,
            HavenOpenState    expected_state,
            const char       *expected_text)
{
  HavenOpenState state;
  g_autofree char *text = haven_opening_status_format (hours, time_zone, now, &state);

  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpint (state, ==, expected_state);
}

static void
test_weekly_in_berlin (void)
{
  g_autoptr(HavenHours) hours = mon_to_sat_14_to_20 ();
  /* Wednesday 25 November 2026; Berlin is UTC+1. */
  g_autoptr(GDateTime) before = utc (2026, 11, 25, 12, 0);
  g_autoptr(GDateTime) during = utc (2026, 11, 25, 13, 30);
  g_autoptr(GDateTime) after = utc (2026, 11, 25, 19, 0);
  g_autoptr(GDateTime) saturday_night = utc (2026, 11, 28, 19, 30);
  g_autoptr(GDateTime) sunday = utc (2026, 11, 29, 10, 0);

  check_text (hours, "Europe/Berlin", before, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 14:00 today");
  check_text (hours, "Europe/Berlin", during, HAVEN_OPEN_STATE_OPEN, "Open now, until 20:00");
  check_text (hours, "Europe/Berlin", after, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 14:00 Thursday");
  check_text (hours, "Europe/Berlin", saturday_night, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 14:00 Monday");
  check_text (hours, "Europe/Berlin", sunday, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 14:00 Monday");
}

static void
test_reader_time_zone_does_not_matter (void)
{
  g_autoptr(HavenHours) hours = mon_to_sat_14_to_20 ();
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  /* 14:30 in Berlin is 08:30 in New York and 22:30 in Tokyo. */
  g_autoptr(GDateTime) in_new_york = g_date_time_new (new_york, 2026, 11, 25, 8, 30, 0);
  g_autoptr(GDateTime) in_tokyo = g_date_time_new (tokyo, 2026, 11, 25, 22, 30, 0);
  /* The same wall-clock time in Tokyo is 14:30 in Tokyo: closed in Berlin. */
  g_autoptr(GDateTime) tokyo_afternoon = g_date_time_new (tokyo, 2026, 11, 25, 14, 30, 0);

  check_text (hours, "Europe/Berlin", in_new_york, HAVEN_OPEN_STATE_OPEN, "Open now, until 20:00");
  check_text (hours, "Europe/Berlin", in_tokyo, HAVEN_OPEN_STATE_OPEN, "Open now, until 20:00");
  check_text (hours, "Europe/Berlin", tokyo_afternoon, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 14:00 today");
  /* The same hours kept in Tokyo are open then. */
  check_text (hours, "Asia/Tokyo", tokyo_afternoon, HAVEN_OPEN_STATE_OPEN, "Open now, until 20:00");
}

static void
test_daylight_saving (void)
{
  HavenPeriod period = { 0x7f, 9 * 60, 17 * 60 };
  g_autoptr(HavenHours) hours = haven_hours_new_weekly (&period, 1);
  g_autoptr(GDateTime) saturday_evening = utc (2026, 3, 28, 18, 0);
  g_autoptr(GDateTime) sunday_0830_utc = utc (2026, 3, 29, 8, 30);
  g_autoptr(GDateTime) sunday_0730_utc = utc (2026, 3, 29, 7, 30);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) next_utc = NULL;
  g_autoptr(GDateTime) october = utc (2026, 10, 25, 8, 30);
  HavenOpenState state;

  /* Britain moves to BST at 01:00 UTC on Sunday 29 March 2026: the 09:00
   * opening that day is 08:00 UTC, an hour earlier than the day before. */
  state = haven_opening_status_compute (hours, "Europe/London", saturday_evening, &next);
  g_assert_cmpint (state, ==, HAVEN_OPEN_STATE_CLOSED);
  g_assert_nonnull (next);
  next_utc = g_date_time_to_utc (next);
  g_assert_cmpint (g_date_time_get_day_of_month (next_utc), ==, 29);
  g_assert_cmpint (g_date_time_get_hour (next_utc), ==, 8);
  g_assert_cmpint (g_date_time_get_minute (next_utc), ==, 0);

  check_text (hours, "Europe/London", saturday_evening, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 09:00 Sunday");
  /* 08:30 UTC is 09:30 BST: open. 07:30 UTC is 08:30 BST: not yet. */
  check_text (hours, "Europe/London", sunday_0830_utc, HAVEN_OPEN_STATE_OPEN, "Open now, until 17:00");
  check_text (hours, "Europe/London", sunday_0730_utc, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 09:00 today");
  /* Back to GMT on 25 October 2026: 08:30 UTC is 08:30 GMT, closed. */
  check_text (hours, "Europe/London", october, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 09:00 today");
}

static void
test_overnight (void)
{
  HavenPeriod periods[] = {
    { 0x7f, 22 * 60, 24 * 60 },
    { 0x7f, 0, 2 * 60 },
  };
  g_autoptr(HavenHours) hours = haven_hours_new_weekly (periods, G_N_ELEMENTS (periods));
  /* Wednesday 25 November 2026, 23:00 in Paris. */
  g_autoptr(GDateTime) late = utc (2026, 11, 25, 22, 0);
  g_autoptr(GDateTime) small_hours = utc (2026, 11, 26, 0, 30);
  g_autoptr(GDateTime) morning = utc (2026, 11, 26, 9, 0);

  check_text (hours, "Europe/Paris", late, HAVEN_OPEN_STATE_OPEN, "Open now, until 02:00 Thursday");
  check_text (hours, "Europe/Paris", small_hours, HAVEN_OPEN_STATE_OPEN, "Open now, until 02:00");
  check_text (hours, "Europe/Paris", morning, HAVEN_OPEN_STATE_CLOSED, "Closed, opens at 22:00 today");
}

static void
test_always_open_and_unknown (void)
{
  g_autoptr(HavenHours) always = haven_hours_new_always_open ();
  g_autoptr(HavenHours) weekly = mon_to_sat_14_to_20 ();
  g_autoptr(HavenHours) every_minute = NULL;
  HavenPeriod all_day = { 0x7f, 0, 24 * 60 };
  g_autoptr(GDateTime) now = utc (2026, 11, 25, 13, 30);
  g_autofree char *unknown = NULL;
  HavenOpenState state;

  every_minute = haven_hours_new_weekly (&all_day, 1);

  check_text (always, "Europe/London", now, HAVEN_OPEN_STATE_OPEN, "Open 24/7");
  check_text (always, NULL, now, HAVEN_OPEN_STATE_OPEN, "Open 24/7");
  /* Every day, all day, written as a schedule, is open round the clock too. */
  check_text (every_minute, "Europe/London", now, HAVEN_OPEN_STATE_OPEN, "Open 24/7");

  /* Unknown hours, or a zone this system does not know: never "open". */
  unknown = haven_opening_status_format (NULL, "Europe/London", now, &state);
  g_assert_cmpint (state, ==, HAVEN_OPEN_STATE_UNKNOWN);
  g_assert_null (strstr (unknown, "Open"));
  g_assert_cmpstr (unknown, ==, "Check opening hours with the service");
  g_assert_cmpint (haven_opening_status_compute (weekly, "Mars/Olympus_Mons", now, NULL),
                   ==, HAVEN_OPEN_STATE_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opening-status/weekly-in-berlin", test_weekly_in_berlin);
  g_test_add_func ("/opening-status/reader-time-zone", test_reader_time_zone_does_not_matter);
  g_test_add_func ("/opening-status/daylight-saving", test_daylight_saving);
  g_test_add_func ("/opening-status/overnight", test_overnight);
  g_test_add_func ("/opening-status/always-open-and-unknown", test_always_open_and_unknown);

  return g_test_run ();
}
