/* haven-contact-search.h: contacts that match words typed in a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-contact.h"
#include "haven-region.h"

G_BEGIN_DECLS

GPtrArray *haven_contact_search (GListModel         *contacts,
                                 HavenRegion        *region,
                                 const char * const *terms);

G_END_DECLS
