/* haven-feed-value.h: checks of single values in a feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HAVEN_FEED_MAX_ID_LENGTH  64
#define HAVEN_FEED_MAX_TAG_LENGTH 16

gboolean  haven_feed_value_is_id                   (const char  *value);
gboolean  haven_feed_value_is_region_code          (const char  *value);
gboolean  haven_feed_value_is_language_tag         (const char  *value);
char     *haven_feed_value_language_tag_for_locale (const char  *locale);
gboolean  haven_feed_value_is_time_zone            (const char  *value);
gboolean  haven_feed_value_is_icon_name            (const char  *value);
gboolean  haven_feed_value_is_color                (const char  *value);
gboolean  haven_feed_value_is_email                (const char  *value);
gboolean  haven_feed_value_is_emergency_number     (const char  *value);
gboolean  haven_feed_value_is_dialable             (const char  *value);
gboolean  haven_feed_value_parse_date              (const char  *value,
                                                    GDate       *date);
gboolean  haven_feed_value_parse_time              (const char  *value,
                                                    guint       *minutes);
gboolean  haven_feed_value_parse_version           (const char  *value,
                                                    guint       *major,
                                                    guint       *minor);
gboolean  haven_feed_value_check_text              (const char  *text,
                                                    gsize        max_bytes,
                                                    GError     **error);
gboolean  haven_feed_value_check_prose             (const char  *text,
                                                    gsize        max_bytes,
                                                    GError     **error);
gboolean  haven_feed_value_check_hidden            (const char  *value,
                                                    GError     **error);
char     *haven_feed_value_quote                   (const char  *value);

G_END_DECLS
