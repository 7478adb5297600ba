/* haven-feed-scan.h: an exact RFC 8259 check of a feed's raw bytes, with limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HAVEN_FEED_MAX_SIZE    ((gsize)8 * 1024 * 1024)
#define HAVEN_FEED_MAX_DEPTH   32u
#define HAVEN_FEED_MAX_MEMBERS 128u
#define HAVEN_FEED_MAX_VALUES  250000u

gboolean haven_feed_scan_size (guint64      size,
                               guint64      max_size,
                               GError     **error);
gboolean haven_feed_scan      (const char  *data,
                               gsize        length,
                               gsize        max_size,
                               guint        max_values,
                               GError     **error);

G_END_DECLS
