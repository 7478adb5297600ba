/* haven-help-contact-list.c: a column of crisis lines in Get Help
 *
 * Each line is a HavenContactRow card. The first page's lines and the
 * results' ranked lines are such columns: adding, clearing, keeping "Open
 * now" true and finding a line are done here once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-contact-list"

#include "config.h"

#include "haven-contact-row.h"
#include "haven-help-contact-list.h"

struct _HavenHelpContactList
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (HavenHelpContactList, haven_help_contact_list, GTK_TYPE_WIDGET)

static void
haven_help_contact_list_dispose (GObject *object)
{
  haven_help_contact_list_clear (HAVEN_HELP_CONTACT_LIST (object));

  G_OBJECT_CLASS (haven_help_contact_list_parent_class)->dispose (object);
}

static void
haven_help_contact_list_class_init (HavenHelpContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_contact_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contacts");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_help_contact_list_init (HavenHelpContactList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

void
haven_help_contact_list_clear (HavenHelpContactList *self)
{
  GtkWidget *child;

  g_return_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

void
haven_help_contact_list_append (HavenHelpContactList *self,
                                HavenContact         *contact,
                                GDateTime            *now)
{
  g_return_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self));
  g_return_if_fail (HAVEN_IS_CONTACT (contact));

  gtk_widget_insert_before (haven_contact_row_new (contact, now), GTK_WIDGET (self), NULL);
}

guint
haven_help_contact_list_get_n_contacts (HavenHelpContactList *self)
{
  guint n = 0;

  g_return_val_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Recomputes every line's status, so "Open now" stays true. */
void
haven_help_contact_list_update_statuses (HavenHelpContactList *self,
                                         GDateTime            *now)
{
  g_return_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    haven_contact_row_update_status (HAVEN_CONTACT_ROW (child), now);
}

/**
 * haven_help_contact_list_focus_contact:
 * @self: the list
 * @contact_id: a contact of the feed
 *
 * Moves the focus, and so the scrolling, to the contact's card.
 *
 * Returns: %TRUE when the list holds the contact and it took the focus
 */
gboolean
haven_help_contact_list_focus_contact (HavenHelpContactList *self,
                                       const char           *contact_id)
{
  g_return_val_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (haven_contact_get_id (haven_contact_row_get_contact (HAVEN_CONTACT_ROW (child))), contact_id) == 0)
      return gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);

  return FALSE;
}

/* Whether the first line is laid out on screen (the first-frame benchmark asks). */
gboolean
haven_help_contact_list_shows_first (HavenHelpContactList *self)
{
  GtkWidget *child;

  g_return_val_if_fail (HAVEN_IS_HELP_CONTACT_LIST (self), FALSE);

  child = gtk_widget_get_first_child (GTK_WIDGET (self));

  return child != NULL && gtk_widget_get_mapped (child) && gtk_widget_get_height (child) > 0;
}
