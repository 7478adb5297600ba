/* haven-help-choice-row.c: one choice in Get Help's lists
 *
 * An activatable AdwActionRow with an arrow that says it leads on. Its
 * action-name and action-target say what it does. libadwaita 1.2 gives a
 * row no accessible name, so the row is named by its title and described
 * by its subtitle, as a screen reader should read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-choice-row"

#include "config.h"

#include "haven-help-choice-row.h"
#include "haven-widget-util.h"

struct _HavenHelpChoiceRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (HavenHelpChoiceRow, haven_help_choice_row, ADW_TYPE_ACTION_ROW)

static void
update_description (HavenHelpChoiceRow *self)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (self));

  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The row's own label with the CSS class @css_class, such as "title". */
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

  /* Labelled by its title label, the row's name is the title and no more
   * (an accessible label of its own, GTK 4.8 would follow with the title
   * again). GTK 4.8 reads no description from a described-by relation. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, haven_widget_find_label (GTK_WIDGET (self), "title"), NULL,
                                  -1);
  g_signal_connect (self, "notify::subtitle", G_CALLBACK (update_description), NULL);
}
