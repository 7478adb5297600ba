/* haven-number-box.h: one number in large text, with Call or Text and Copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_NUMBER_BOX (haven_number_box_get_type ())

G_DECLARE_FINAL_TYPE (HavenNumberBox, haven_number_box, HAVEN, NUMBER_BOX, GtkBox)

GtkWidget  *haven_number_box_new        (const char *number,
                                         const char *caption,
                                         const char *uri,
                                         gboolean    is_text,
                                         const char *keyword);
const char *haven_number_box_get_number (HavenNumberBox *self);

G_END_DECLS
