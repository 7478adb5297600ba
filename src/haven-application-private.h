/* haven-application-private.h: what the application's files share among themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-application.h"

G_BEGIN_DECLS

void _haven_application_actions_init (HavenApplication *self);

G_END_DECLS
