/* haven-help-topic-step.h: Get Help's optional question "What's going on?"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_TOPIC_STEP (haven_help_topic_step_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpTopicStep, haven_help_topic_step, HAVEN, HELP_TOPIC_STEP, AdwBin)

void haven_help_topic_step_set_feed (HavenHelpTopicStep *self,
                                     HavenFeed          *feed);
void haven_help_topic_step_focus    (HavenHelpTopicStep *self);

G_END_DECLS
