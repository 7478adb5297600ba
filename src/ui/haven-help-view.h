/* haven-help-view.h: the Get Help view: emergency number and crisis lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_VIEW (haven_help_view_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpView, haven_help_view, HAVEN, HELP_VIEW, AdwBin)

HavenFeed  *haven_help_view_get_feed            (HavenHelpView *self);
void        haven_help_view_set_feed            (HavenHelpView *self,
                                                 HavenFeed     *feed);
void        haven_help_view_set_region_override (HavenHelpView *self,
                                                 const char    *code);
const char *haven_help_view_get_region          (HavenHelpView *self);
void        haven_help_view_set_region          (HavenHelpView *self,
                                                 const char    *code);
void        haven_help_view_reset               (HavenHelpView *self);
gboolean    haven_help_view_shows_help          (HavenHelpView *self);
void        haven_help_view_show_contact        (HavenHelpView *self,
                                                 const char    *contact_id);

G_END_DECLS
