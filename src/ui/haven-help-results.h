/* haven-help-results.h: Get Help's lines, ranked for the reader's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-feed.h"
#include "haven-help-ranking.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_RESULTS (haven_help_results_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpResults, haven_help_results, HAVEN, HELP_RESULTS, AdwBin)

void  haven_help_results_show            (HavenHelpResults *self,
                                          HavenFeed        *feed,
                                          const char       *region,
                                          const char       *topic,
                                          HavenReach        reach,
                                          gboolean          for_someone);
void  haven_help_results_clear           (HavenHelpResults *self);
guint haven_help_results_get_n_contacts  (HavenHelpResults *self);
void  haven_help_results_update_statuses (HavenHelpResults *self,
                                          GDateTime        *now);

G_END_DECLS
