/* haven-application.h: the application, its actions and command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_APPLICATION (haven_application_get_type ())

G_DECLARE_FINAL_TYPE (HavenApplication, haven_application, HAVEN, APPLICATION, AdwApplication)

HavenApplication *haven_application_new        (void);
const char       *haven_application_get_region (HavenApplication *self);
gboolean          haven_application_get_offline (HavenApplication *self);
const char       *haven_application_get_feed_url (HavenApplication *self);
HavenFeed        *haven_application_get_feed   (HavenApplication *self);

G_END_DECLS
