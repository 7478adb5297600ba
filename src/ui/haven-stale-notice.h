/* haven-stale-notice.h: a calm line saying the content is more than 30 days old
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "haven-feed.h"

G_BEGIN_DECLS

/* Content older than this is worth a word: signed content that stops
 * changing may be held back on its way to the reader. */
#define HAVEN_STALE_NOTICE_DAYS 30

#define HAVEN_TYPE_STALE_NOTICE (haven_stale_notice_get_type ())

G_DECLARE_FINAL_TYPE (HavenStaleNotice, haven_stale_notice, HAVEN, STALE_NOTICE, GtkBox)

GtkWidget  *haven_stale_notice_new      (void);
void        haven_stale_notice_set_feed (HavenStaleNotice *self,
                                         HavenFeed        *feed);
const char *haven_stale_notice_get_text (HavenStaleNotice *self);

G_END_DECLS
