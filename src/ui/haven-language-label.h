/* haven-language-label.h: marks text shown in another language than the reader's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *haven_language_label_new     (const char *language);
void       haven_language_set_direction (GtkWidget  *widget,
                                         const char *language);

G_END_DECLS
