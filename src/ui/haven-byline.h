/* haven-byline.h: who made an explainer: avatar, name and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-explainer.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_BYLINE (haven_byline_get_type ())

G_DECLARE_FINAL_TYPE (HavenByline, haven_byline, HAVEN, BYLINE, GtkBox)

GtkWidget *haven_byline_new        (HavenPerson     *person,
                                    HavenImageCache *cache);
AdwAvatar *haven_byline_get_avatar (HavenByline     *self);
char      *haven_byline_format_subtitle (HavenExplainer *explainer,
                                         const char     *topic);

G_END_DECLS
