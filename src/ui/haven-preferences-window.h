/* haven-preferences-window.h: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-content.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_PREFERENCES_WINDOW (haven_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HavenPreferencesWindow, haven_preferences_window, HAVEN, PREFERENCES_WINDOW, AdwWindow)

HavenPreferencesWindow *haven_preferences_window_new (GtkWindow    *parent,
                                                      HavenContent *content);

G_END_DECLS
