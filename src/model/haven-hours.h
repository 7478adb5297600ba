/* haven-hours.h: when a contact or one of its channels answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_WEEKDAYS   (haven_weekdays_get_type ())
#define HAVEN_TYPE_OPEN_STATE (haven_open_state_get_type ())
#define HAVEN_TYPE_HOURS      (haven_hours_get_type ())

/* The nicks ("mon" … "sun") are the feed's day names. */
typedef enum
{
  HAVEN_WEEKDAYS_MONDAY    = 1 << 0,
  HAVEN_WEEKDAYS_TUESDAY   = 1 << 1,
  HAVEN_WEEKDAYS_WEDNESDAY = 1 << 2,
  HAVEN_WEEKDAYS_THURSDAY  = 1 << 3,
  HAVEN_WEEKDAYS_FRIDAY    = 1 << 4,
  HAVEN_WEEKDAYS_SATURDAY  = 1 << 5,
  HAVEN_WEEKDAYS_SUNDAY    = 1 << 6,
} HavenWeekdays;

typedef enum
{
  HAVEN_OPEN_STATE_UNKNOWN,
  HAVEN_OPEN_STATE_OPEN,
  HAVEN_OPEN_STATE_CLOSED,
} HavenOpenState;

/**
 * HavenPeriod:
 * @days: the days the period applies to
 * @open: minutes after midnight when it opens, 0 to 1439
 * @close: minutes after midnight when it closes, after @open, at most 1440
 *
 * One line of a weekly schedule, in the contact's time zone.
 */
typedef struct
{
  HavenWeekdays days;
  guint         open;
  guint         close;
} HavenPeriod;

/**
 * HavenHours:
 * @always_open: %TRUE for a service that answers day and night
 * @n_periods: the number of @periods; 0 when @always_open
 * @periods: the weekly schedule
 *
 * Immutable and reference-counted. A contact without known hours has no
 * #HavenHours at all (%NULL), never an empty schedule.
 */
typedef struct _HavenHours HavenHours;

struct _HavenHours
{
  gboolean    always_open;
  guint       n_periods;
  HavenPeriod periods[];
};

GType           haven_weekdays_get_type    (void) G_GNUC_CONST;
GType           haven_open_state_get_type  (void) G_GNUC_CONST;
GType           haven_hours_get_type       (void) G_GNUC_CONST;

HavenHours     *haven_hours_new_always_open (void);
HavenHours     *haven_hours_new_weekly      (const HavenPeriod *periods,
                                             guint              n_periods);
HavenHours     *haven_hours_ref             (HavenHours        *self);
void            haven_hours_unref           (HavenHours        *self);
gboolean        haven_hours_is_open_at      (const HavenHours  *self,
                                             GDateTime         *local_time);
HavenOpenState  haven_hours_get_open_state  (const HavenHours  *self,
                                             const char        *time_zone,
                                             GDateTime         *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenHours, haven_hours_unref)

G_END_DECLS
