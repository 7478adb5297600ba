/* haven-application.h: the application: its command line and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-content.h"
#include "haven-window.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_APPLICATION (haven_application_get_type ())

G_DECLARE_FINAL_TYPE (HavenApplication, haven_application, HAVEN, APPLICATION, AdwApplication)

HavenApplication *haven_application_new           (void);
HavenContent     *haven_application_get_content   (HavenApplication *self);
HavenWindow      *haven_application_ensure_window (HavenApplication *self);

G_END_DECLS
