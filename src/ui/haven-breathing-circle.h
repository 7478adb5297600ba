/* haven-breathing-circle.h: a circle that grows as you breathe in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_BREATHING_CIRCLE (haven_breathing_circle_get_type ())

G_DECLARE_FINAL_TYPE (HavenBreathingCircle, haven_breathing_circle, HAVEN, BREATHING_CIRCLE, GtkWidget)

double haven_breathing_circle_get_fullness (HavenBreathingCircle *self);
void   haven_breathing_circle_set_fullness (HavenBreathingCircle *self,
                                            double                fullness);

G_END_DECLS
