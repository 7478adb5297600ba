/* haven-search-provider.h: crisis lines in GNOME Shell's search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-content.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SEARCH_PROVIDER (haven_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (HavenSearchProvider, haven_search_provider, HAVEN, SEARCH_PROVIDER, GObject)

HavenSearchProvider *haven_search_provider_new        (GApplication        *application,
                                                       HavenContent        *content);
gboolean             haven_search_provider_register   (HavenSearchProvider *self,
                                                       GDBusConnection     *connection,
                                                       const char          *object_path,
                                                       GError             **error);
void                 haven_search_provider_unregister (HavenSearchProvider *self);

G_END_DECLS
