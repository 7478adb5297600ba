/* haven-application-actions.h: the application's actions and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-application.h"

G_BEGIN_DECLS

void _haven_application_actions_init (HavenApplication *self);

G_END_DECLS
