/* haven-hours.c: when a contact or one of its channels answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-hours"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-hours.h"

G_DEFINE_FLAGS_TYPE (HavenWeekdays, haven_weekdays,
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_MONDAY, "mon"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_TUESDAY, "tue"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_WEDNESDAY, "wed"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_THURSDAY, "thu"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_FRIDAY, "fri"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_SATURDAY, "sat"),
                     G_DEFINE_ENUM_VALUE (HAVEN_WEEKDAYS_SUNDAY, "sun"))

G_DEFINE_ENUM_TYPE (HavenOpenState, haven_open_state,
                    G_DEFINE_ENUM_VALUE (HAVEN_OPEN_STATE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (HAVEN_OPEN_STATE_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (HAVEN_OPEN_STATE_CLOSED, "closed"))

G_DEFINE_BOXED_TYPE (HavenHours, haven_hours, haven_hours_ref, haven_hours_unref)

HavenHours *
haven_hours_new_always_open (void)
{
  HavenHours *self = g_atomic_rc_box_new0 (HavenHours);

  self->always_open = TRUE;

  return self;
}

HavenHours *
haven_hours_new_weekly (const HavenPeriod *periods,
                        guint              n_periods)
{
  HavenHours *self;

  g_return_val_if_fail (periods != NULL || n_periods == 0, NULL);
  g_return_val_if_fail (n_periods <= G_MAXUINT16, NULL);

  self = g_atomic_rc_box_alloc0 (sizeof (HavenHours) + n_periods * sizeof (HavenPeriod));
  self->n_periods = n_periods;
  if (n_periods > 0)
    memcpy (self->periods, periods, n_periods * sizeof (HavenPeriod));

  return self;
}

HavenHours *
haven_hours_ref (HavenHours *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
haven_hours_unref (HavenHours *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release (self);
}

/**
 * haven_hours_is_open_at:
 * @self: the hours
 * @local_time: a time in the time zone the hours are written in
 *
 * Returns: %TRUE when one of the periods covers @local_time
 */
gboolean
haven_hours_is_open_at (const HavenHours *self,
                        GDateTime        *local_time)
{
  HavenWeekdays day;
  guint minute;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (local_time != NULL, FALSE);

  if (self->always_open)
    return TRUE;

  /* g_date_time_get_day_of_week() counts from 1 for Monday. */
  day = 1 << (g_date_time_get_day_of_week (local_time) - 1);
  minute = g_date_time_get_hour (local_time) * 60 + g_date_time_get_minute (local_time);

  for (guint i = 0; i < self->n_periods; i++)
    {
      const HavenPeriod *period = &self->periods[i];

      if ((period->days & day) != 0 && period->open <= minute && minute < period->close)
        return TRUE;
    }

  return FALSE;
}

/**
 * haven_hours_get_open_state:
 * @self: (nullable): the hours, or %NULL when they are not known
 * @time_zone: the IANA time zone the hours are written in
 * @now: the current time, in any time zone
 *
 * Haven never claims a service is open when it cannot know: unknown hours
 * and a time zone this system does not know both give
 * %HAVEN_OPEN_STATE_UNKNOWN.
 *
 * Returns: whether the service answers at @now
 */
HavenOpenState
haven_hours_get_open_state (const HavenHours *self,
                            const char       *time_zone,
                            GDateTime        *now)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local_time = NULL;

  g_return_val_if_fail (now != NULL, HAVEN_OPEN_STATE_UNKNOWN);

  if (self == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  if (self->always_open)
    return HAVEN_OPEN_STATE_OPEN;

  if (time_zone == NULL || (tz = g_time_zone_new_identifier (time_zone)) == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  local_time = g_date_time_to_timezone (now, tz);
  if (local_time == NULL)
    return HAVEN_OPEN_STATE_UNKNOWN;

  return haven_hours_is_open_at (self, local_time) ? HAVEN_OPEN_STATE_OPEN
                                                   : HAVEN_OPEN_STATE_CLOSED;
}
