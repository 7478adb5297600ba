/* haven-help-contact-list.h: a column of crisis lines in Get Help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-contact.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_CONTACT_LIST (haven_help_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpContactList, haven_help_contact_list, HAVEN, HELP_CONTACT_LIST, GtkWidget)

void     haven_help_contact_list_clear           (HavenHelpContactList *self);
void     haven_help_contact_list_append          (HavenHelpContactList *self,
                                                  HavenContact         *contact,
                                                  GDateTime            *now);
guint    haven_help_contact_list_get_n_contacts  (HavenHelpContactList *self);
void     haven_help_contact_list_update_statuses (HavenHelpContactList *self,
                                                  GDateTime            *now);
gboolean haven_help_contact_list_focus_contact   (HavenHelpContactList *self,
                                                  const char           *contact_id);
gboolean haven_help_contact_list_shows_first     (HavenHelpContactList *self);

G_END_DECLS
