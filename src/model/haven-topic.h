/* haven-topic.h: what contacts, campaigns and explainers are about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_TOPIC (haven_topic_get_type ())

G_DECLARE_FINAL_TYPE (HavenTopic, haven_topic, HAVEN, TOPIC, GObject)

const char *haven_topic_get_id        (HavenTopic *self);
const char *haven_topic_get_name      (HavenTopic *self);
const char *haven_topic_get_icon_name (HavenTopic *self);
gboolean    haven_topic_get_sensitive (HavenTopic *self);

const char * const *haven_topic_get_help_ids (void);

G_END_DECLS
