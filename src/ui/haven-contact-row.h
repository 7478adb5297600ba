/* haven-contact-row.h: one crisis or support service, with its ways in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-contact.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CONTACT_ROW (haven_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (HavenContactRow, haven_contact_row, HAVEN, CONTACT_ROW, AdwBin)

GtkWidget    *haven_contact_row_new           (HavenContact    *contact,
                                               GDateTime       *now);
HavenContact *haven_contact_row_get_contact   (HavenContactRow *self);
void          haven_contact_row_update_status (HavenContactRow *self,
                                               GDateTime       *now);
char         *haven_language_dup_name         (const char      *code);

G_END_DECLS
