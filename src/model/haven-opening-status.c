/* haven-opening-status.c: whether a service answers now, and until when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-opening-status"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "haven-opening-status.h"

/* A week and a day: enough to see every period of a weekly schedule,
 * including one that runs past midnight into the first day again. */
#define DAYS_AHEAD 8

typedef struct
{
  GDateTime *start;
  GDateTime *end;
} Interval;

static void
interval_clear (Interval *interval)
{
  g_clear_pointer (&interval->start, g_date_time_unref);
  g_clear_pointer (&interval->end, g_date_time_unref);
}

static int
interval_compare (gconstpointer a,
                  gconstpointer b)
{
  const Interval *x = a;
  const Interval *y = b;

  return g_date_time_compare (x->start, y->start);
}

/* Wall-clock times in @tz, so a daylight-saving change moves the instants
 * and never the hours the service keeps. */
static GDateTime *
local_minute (GTimeZone *tz,
              GDateTime *day,
              guint      minute)
{
  g_autoptr(GDateTime) midnight = NULL;

  midnight = g_date_time_new (tz,
                              g_date_time_get_year (day),
                              g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day),
                              0, 0, 0);
  if (minute == 0)
    return g_steal_pointer (&midnight);

  if (minute >= 24 * 60)
    {
      g_autoptr(GDateTime) next_day = g_date_time_add_days (day, 1);

      return local_minute (tz, next_day, minute - 24 * 60);
    }

  return g_date_time_new (tz,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          minute / 60, minute % 60, 0);
}

static GArray *
collect_intervals (const HavenHours *hours,
                   GTimeZone        *tz,
                   GDateTime        *local_now)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GDateTime) first_day = g_date_time_add_days (local_now, -1);

  g_array_set_clear_func (intervals, (GDestroyNotify) interval_clear);

  /* From yesterday, so a period that started then and is still running counts. */
  for (int d = 0; d < DAYS_AHEAD + 1; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, d);
      HavenWeekdays weekday = 1 << (g_date_time_get_day_of_week (day) - 1);

      for (guint i = 0; i < hours->n_periods; i++)
        {
          const HavenPeriod *period = &hours->periods[i];
          Interval interval;

          if ((period->days & weekday) == 0)
            continue;

          interval.start = local_minute (tz, day, period->open);
          interval.end = local_minute (tz, day, period->close);
          if (interval.start == NULL || interval.end == NULL)
            {
              interval_clear (&interval);
              continue;
            }
          g_array_append_val (intervals, interval);
        }
    }

  g_array_sort (intervals, interval_compare);

  return g_steal_pointer (&intervals);
}

/**
 * haven_opening_status_compute:
 * @hours: (nullable): the hours, %NULL when they are not known
 * @time_zone: (nullable): the IANA zone the hours are written in
 * @now: the current time, in any zone
 * @next_change: (out) (optional) (nullable) (transfer full): when the
 *   state changes next, in @time_zone; %NULL when it never does within a
 *   week (always open, or no periods) or the state is unknown
 *
 * Returns: whether the service answers at @now
 */
HavenOpenState
haven_opening_status_compute (const HavenHours  *hours,
                              const char        *time_zone,
                              GDateTime         *now,
                              GDateTime        **next_change)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GDateTime) open_until = NULL;

  g_return_val_if_fail (now != NULL, HAVEN_OPEN_STATE_UNKNOWN);

  if (next_change != NULL)
    *next_change = NULL;

  if (hours == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  if (hours->always_open)
    return HAVEN_OPEN_STATE_OPEN;

  if (time_zone == NULL || (tz = g_time_zone_new_identifier (time_zone)) == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  local_now = g_date_time_to_timezone (now, tz);
  if (local_now == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  intervals = collect_intervals (hours, tz, local_now);

  /* Merge the periods that touch or overlap: 22:00–24:00 then 00:00–02:00
   * is one stretch, open until 02:00. */
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *interval = &g_array_index (intervals, Interval, i);

      if (open_until == NULL)
        {
          if (g_date_time_compare (interval->start, local_now) <= 0 &&
              g_date_time_compare (local_now, interval->end) < 0)
            open_until = g_date_time_ref (interval->end);
        }
      else if (g_date_time_compare (interval->start, open_until) <= 0)
        {
          if (g_date_time_compare (interval->end, open_until) > 0)
            {
              g_date_time_unref (open_until);
              open_until = g_date_time_ref (interval->end);
            }
        }
      else
        break;
    }

  if (open_until != NULL)
    {
      g_autoptr(GDateTime) horizon = g_date_time_add_days (local_now, DAYS_AHEAD - 1);

      if (next_change != NULL && g_date_time_compare (open_until, horizon) < 0)
        *next_change = g_steal_pointer (&open_until);
      return HAVEN_OPEN_STATE_OPEN;
    }

  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *interval = &g_array_index (intervals, Interval, i);

      if (g_date_time_compare (interval->start, local_now) > 0)
        {
          if (next_change != NULL)
            *next_change = g_date_time_ref (interval->start);
          break;
        }
    }

  return HAVEN_OPEN_STATE_CLOSED;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

G_DEFINE_ENUM_TYPE (HavenClockFormat, haven_clock_format,
                    G_DEFINE_ENUM_VALUE (HAVEN_CLOCK_FORMAT_LOCALE, "locale"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CLOCK_FORMAT_24H, "24h"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CLOCK_FORMAT_12H, "12h"))

/* The time of day as the desktop's clock writes it; without a clock
 * setting, as the reader's locale does: 22:00 in most of the world,
 * 10:00 PM where the locale's own time format is 12-hour (its LC_TIME
 * format uses %I, %l or %r, as en_US and ar_EG do).
 */
static char *
format_time_of_day (GDateTime        *time,
                    HavenClockFormat  clock_format)
{
  if (clock_format == HAVEN_CLOCK_FORMAT_LOCALE)
    {
      const char *locale_format = nl_langinfo (T_FMT);

      if (strstr (locale_format, "%I") != NULL || strstr (locale_format, "%l") != NULL ||
          strstr (locale_format, "%r") != NULL)
        clock_format = HAVEN_CLOCK_FORMAT_12H;
    }

  if (clock_format == HAVEN_CLOCK_FORMAT_12H)
    return g_date_time_format (time, "%-l:%M %p");

  return g_date_time_format (time, "%H:%M");
}

/**
 * haven_opening_status_format:
 * @hours: (nullable): the hours, %NULL when they are not known
 * @time_zone: (nullable): the IANA zone the hours are written in
 * @now: the current time
 * @out_state: (out) (optional): the state the text describes
 *
 * Words for the state: "Open 24/7", "Open now, until 22:00", "Closed,
 * opens at 09:00 Monday", with times and weekdays written as the reader's
 * locale writes them. Times are the service's own. When Haven cannot
 * know, it says so and never claims the service is open.
 *
 * Returns: (transfer full): the text
 */
char *
haven_opening_status_format (const HavenHours *hours,
                             const char       *time_zone,
                             GDateTime        *now,
                             HavenOpenState   *out_state)
{
  return haven_opening_status_format_for_clock (hours, time_zone, now,
                                                HAVEN_CLOCK_FORMAT_LOCALE, out_state);
}

/**
 * haven_opening_status_format_for_clock:
 * @clock_format: 12 or 24 hours, as the desktop's clock shows them
 *
 * haven_opening_status_format(), with times written as @clock_format says.
 *
 * Returns: (transfer full): the text
 */
char *
haven_opening_status_format_for_clock (const HavenHours *hours,
                                       const char       *time_zone,
                                       GDateTime        *now,
                                       HavenClockFormat  clock_format,
                                       HavenOpenState   *out_state)
{
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *weekday = NULL;
  HavenOpenState state;

  state = haven_opening_status_compute (hours, time_zone, now, &next);
  if (out_state != NULL)
    *out_state = state;

  if (state == HAVEN_OPEN_STATE_UNKNOWN)
    return g_strdup (_("Check opening hours with the service"));

  if (next == NULL)
    return g_strdup (state == HAVEN_OPEN_STATE_OPEN ? _("Open 24/7")
                                                   : _("Closed: no opening hours listed"));

  local_now = g_date_time_to_timezone (now, g_date_time_get_timezone (next));
  time = format_time_of_day (next, clock_format);
  weekday = g_date_time_format (next, "%A");

  if (state == HAVEN_OPEN_STATE_OPEN)
    {
      if (same_day (next, local_now))
        /* Translators: %s is a time such as 22:00 */
        return g_strdup_printf (_("Open now, until %s"), time);
      /* Translators: %s is a time such as 02:00, then a weekday */
      return g_strdup_printf (_("Open now, until %s %s"), time, weekday);
    }

  if (same_day (next, local_now))
    /* Translators: %s is a time such as 14:00 */
    return g_strdup_printf (_("Closed, opens at %s today"), time);

  /* Translators: %s is a time such as 09:00, then a weekday such as Monday */
  return g_strdup_printf (_("Closed, opens at %s %s"), time, weekday);
}
