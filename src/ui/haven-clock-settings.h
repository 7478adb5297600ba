/* haven-clock-settings.h: whether the desktop's clock shows 12 or 24 hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-opening-status.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CLOCK_SETTINGS (haven_clock_settings_get_type ())

G_DECLARE_FINAL_TYPE (HavenClockSettings, haven_clock_settings, HAVEN, CLOCK_SETTINGS, GObject)

HavenClockSettings *haven_clock_settings_get_default (void);
HavenClockFormat    haven_clock_settings_get_format  (HavenClockSettings *self);

G_END_DECLS
