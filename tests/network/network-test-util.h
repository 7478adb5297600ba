/* network-test-util.h: feeds and temporary folders for the network tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-feed.h"

G_BEGIN_DECLS

GBytes *network_test_bundled_feed (void);
GBytes *network_test_feed_with    (const char *generated,
                                   const char *format_version);
GBytes *network_test_minimal_feed (const char *date);
char   *network_test_date         (int         days);
GBytes *network_test_feed_on      (int         days,
                                   const char *format_version);
char   *network_test_read_file    (const char *directory,
                                   const char *name);
void    network_test_rm_rf        (const char *directory);
HavenFeed *network_test_feed_with_images (const char *image_base,
                                          guint       n_avatars);

G_END_DECLS
