/* haven-help-ranking.h: which contacts Get Help shows, and in what order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-contact.h"

G_BEGIN_DECLS

/* How the reader would like to reach out; the nicks are the action targets. */
typedef enum
{
  HAVEN_REACH_ANY,
  HAVEN_REACH_CALL,
  HAVEN_REACH_TEXT,
  HAVEN_REACH_CHAT,
} HavenReach;

GPtrArray *haven_help_list_contacts    (GListModel   *contacts,
                                        const char   *region,
                                        guint        *n_first);
GPtrArray *haven_help_rank_contacts    (GListModel   *contacts,
                                        const char   *region,
                                        const char   *topic,
                                        HavenReach    reach,
                                        GDateTime    *now);
gboolean   haven_contact_can_reach     (HavenContact *contact,
                                        HavenReach    reach);
HavenOpenState haven_contact_get_open_state_for_reach (HavenContact *contact,
                                                       HavenReach    reach,
                                                       GDateTime    *now);

G_END_DECLS
