/* haven-window.h: the main window with its three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-content.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_VIEW_HOME,
  HAVEN_VIEW_EXPLAINERS,
  HAVEN_VIEW_HELP,
} HavenView;

#define HAVEN_TYPE_WINDOW (haven_window_get_type ())

G_DECLARE_FINAL_TYPE (HavenWindow, haven_window, HAVEN, WINDOW, AdwApplicationWindow)

HavenWindow *haven_window_new       (GtkApplication *application,
                                     HavenContent   *content);
void         haven_window_show_view (HavenWindow *self,
                                     HavenView    view);
HavenView    haven_window_get_view  (HavenWindow *self);
const char  *haven_window_get_status (HavenWindow *self);
void         haven_window_show_exercise       (HavenWindow *self,
                                               const char  *exercise);
void         haven_window_show_contact        (HavenWindow *self,
                                               const char  *contact_id);

G_END_DECLS
