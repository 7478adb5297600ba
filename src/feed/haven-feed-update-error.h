/* haven-feed-update-error.h: what went wrong with a feed update, in words a reader can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-download.h"

G_BEGIN_DECLS

/* Each returns a new #HAVEN_FEED_UPDATE_ERROR (or %G_IO_ERROR_CANCELLED as
 * it is) that names @host, the server the feed came from. */
GError *haven_feed_update_error_from_network   (const GError   *error,
                                                const char     *host,
                                                gssize          body_size);
GError *haven_feed_update_error_for_feed       (HavenDownload  *download,
                                                const GError   *error,
                                                const char     *host);
GError *haven_feed_update_error_for_signature  (HavenDownload  *download,
                                                const GError   *error,
                                                const char     *host,
                                                gsize           feed_size);

G_END_DECLS
