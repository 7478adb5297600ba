/* haven-help-choice-row.c: one choice in Get Help's lists
 *
 * An activatable AdwActionRow with an arrow that says it leads on. Its
 * action-name and action-target say what it does. libadwaita 1.2 gives a
 * row no accessible name, so the row names itself after its title and
 * describes itself with its subtitle, as a screen reader should read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-choice-row"

#include "config.h"

#include "haven-help-choice-row.h"

struct _HavenHelpChoiceRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (HavenHelpChoiceRow, haven_help_choice_row, ADW_TYPE_ACTION_ROW)

static void
update_accessible (HavenHelpChoiceRow *self)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
haven_help_choice_row_class_init (HavenHelpChoiceRowClass *klass)
{
}

static void
haven_help_choice_row_init (HavenHelpChoiceRow *self)
{
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);

  g_signal_connect (self, "notify::title", G_CALLBACK (update_accessible), NULL);
  g_signal_connect (self, "notify::subtitle", G_CALLBACK (update_accessible), NULL);
}
