/* haven-help-choice-row.h: one choice in Get Help's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_HELP_CHOICE_ROW (haven_help_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (HavenHelpChoiceRow, haven_help_choice_row, HAVEN, HELP_CHOICE_ROW, AdwActionRow)

G_END_DECLS
