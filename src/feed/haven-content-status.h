/* haven-content-status.h: what the status line says about the content shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "haven-feed-store.h"

G_BEGIN_DECLS

char *haven_content_status_dup_offline (HavenFeedStore  *store,
                                        HavenFeedOrigin  origin,
                                        HavenFeed       *feed);

G_END_DECLS
