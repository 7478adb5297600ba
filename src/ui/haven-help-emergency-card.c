/* haven-help-emergency-card.c: Get Help's card of the region's emergency numbers
 *
 * The one place the emergency numbers are laid out: the first page of Get
 * Help and its results both show this card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-emergency-card"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-contact.h"
#include "haven-help-emergency-card.h"
#include "haven-number-box.h"
#include "haven-widget-util.h"

struct _HavenHelpEmergencyCard
{
  AdwBin  parent_instance;

  GtkBox   *numbers_box;
  GtkLabel *checked_label;
};

G_DEFINE_FINAL_TYPE (HavenHelpEmergencyCard, haven_help_emergency_card, ADW_TYPE_BIN)

static char *
dup_services_text (HavenEmergencyServices services)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (services & HAVEN_EMERGENCY_SERVICES_GENERAL)
    g_ptr_array_add (parts, _("All emergencies"));
  if (services & HAVEN_EMERGENCY_SERVICES_POLICE)
    g_ptr_array_add (parts, _("Police"));
  if (services & HAVEN_EMERGENCY_SERVICES_AMBULANCE)
    g_ptr_array_add (parts, _("Ambulance"));
  if (services & HAVEN_EMERGENCY_SERVICES_FIRE)
    g_ptr_array_add (parts, _("Fire"));
  if (services & HAVEN_EMERGENCY_SERVICES_MEDICAL)
    g_ptr_array_add (parts, _("Medical emergencies"));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between emergency services */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
haven_help_emergency_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_HELP_EMERGENCY_CARD);

  G_OBJECT_CLASS (haven_help_emergency_card_parent_class)->dispose (object);
}

static void
haven_help_emergency_card_class_init (HavenHelpEmergencyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_emergency_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-emergency-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpEmergencyCard, numbers_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpEmergencyCard, checked_label);
}

static void
haven_help_emergency_card_init (HavenHelpEmergencyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * haven_help_emergency_card_set_region:
 * @self: the card
 * @region: (nullable): the region whose emergency numbers to show
 *
 * Shows @region's emergency numbers, each with what it is for, and when
 * they were checked, as crisis lines say it; without a region the card
 * hides.
 */
void
haven_help_emergency_card_set_region (HavenHelpEmergencyCard *self,
                                      HavenRegion            *region)
{
  GtkWidget *child;
  GPtrArray *numbers;
  HavenLink *source;
  g_autofree char *checked = NULL;

  g_return_if_fail (HAVEN_IS_HELP_EMERGENCY_CARD (self));
  g_return_if_fail (!region || HAVEN_IS_REGION (region));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box))) != NULL)
    gtk_box_remove (self->numbers_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self), region != NULL);
  if (region == NULL)
    return;

  numbers = haven_region_get_emergency_numbers (region);
  for (guint i = 0; i < numbers->len; i++)
    {
      HavenEmergencyNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *caption = dup_services_text (number->services);
      g_autofree char *uri = haven_phone_number_dup_uri (number->number);

      gtk_box_append (self->numbers_box, haven_number_box_new (number->number, caption, uri, FALSE, NULL));
    }

  source = haven_region_get_emergency_source (region);
  checked = haven_checked_markup_new (haven_region_get_emergency_checked (region),
                                      source ? source->url : NULL,
                                      source ? source->title : NULL,
                                      FALSE);
  gtk_label_set_markup (self->checked_label, checked ? checked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->checked_label), checked != NULL);
}

/**
 * haven_help_emergency_card_shows_numbers:
 * @self: the card
 *
 * Returns: %TRUE when the first emergency number is laid out on screen
 */
gboolean
haven_help_emergency_card_shows_numbers (HavenHelpEmergencyCard *self)
{
  GtkWidget *first;

  g_return_val_if_fail (HAVEN_IS_HELP_EMERGENCY_CARD (self), FALSE);

  first = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box));

  return first != NULL && gtk_widget_get_mapped (first) && gtk_widget_get_height (first) > 0;
}

/**
 * haven_help_emergency_card_focus:
 * @self: the card
 *
 * Moves the focus to the first number's first action: Call, or Copy on a
 * computer that cannot call.
 *
 * Returns: %TRUE when the card took the focus
 */
gboolean
haven_help_emergency_card_focus (HavenHelpEmergencyCard *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_EMERGENCY_CARD (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->numbers_box), GTK_DIR_TAB_FORWARD);
}
