/* haven-creator-page.h: a creator and the pieces they made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CREATOR_PAGE (haven_creator_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenCreatorPage, haven_creator_page, HAVEN, CREATOR_PAGE, GtkBox)

GtkWidget  *haven_creator_page_new         (void);
void        haven_creator_page_set_creator (HavenCreatorPage *self,
                                            HavenFeed        *feed,
                                            const char       *name,
                                            HavenImageCache  *cache);
const char *haven_creator_page_get_creator (HavenCreatorPage *self);
GListModel *haven_creator_page_get_pieces  (HavenCreatorPage *self);

G_END_DECLS
