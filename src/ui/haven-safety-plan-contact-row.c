/* haven-safety-plan-contact-row.c: one person or service of a safety plan
 *
 * The row shows the name and number, with Call, Text and Copy beside them;
 * expanded, its two entry rows edit the contact in place and its Remove
 * button asks the list the row is in to take it out
 * (HavenSafetyPlanContactRow::remove-requested).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-contact-row"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-safety-plan-contact-row.h"
#include "haven-widget-util.h"

struct _HavenSafetyPlanContactRow
{
  AdwExpanderRow          parent_instance;

  HavenSafetyPlanContact *contact;

  AdwEntryRow            *name_entry;
  AdwEntryRow            *number_entry;
  GtkWidget              *remove_button;
  GtkWidget              *call_button;
  GtkWidget              *text_button;
  GtkWidget              *copy_button;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanContactRow, haven_safety_plan_contact_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Remove Jo" tells a screen reader user which row the button is in. */
static void
update_remove_label (HavenSafetyPlanContactRow *self)
{
  const char *name = haven_safety_plan_contact_get_name (self->contact);
  g_autofree char *label = NULL;

  if (*name != '\0')
    /* Translators: the accessible name of the button that removes a person or service */
    label = g_strdup_printf (_("Remove %s"), name);
  else
    label = g_strdup (_("Remove"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A number a phone can dial: digits, with + ( ) - . and spaces between. */
static char *
dup_dialable (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 0))
        g_string_append_c (digits, *p);
      else if (!strchr (" ()-.", *p))
        return NULL;
    }

  if (digits->len < 2)
    return NULL;

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* The row shows who it is: the name over the number, or the number alone. */
static void
update_title (HavenSafetyPlanContactRow *self)
{
  const char *name = haven_safety_plan_contact_get_name (self->contact);
  const char *number = haven_safety_plan_contact_get_number (self->contact);

  if (*name == '\0' && *number == '\0')
    {
      /* Translators: the title of a person or service in the safety plan with nothing filled in yet */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("No name yet"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), "");
    }
  else if (*name == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), number);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), "");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), number);
    }
}

static void
update_actions (HavenSafetyPlanContactRow *self)
{
  const char *number = haven_safety_plan_contact_get_number (self->contact);
  g_autofree char *dialable = dup_dialable (number);
  const char *name = haven_safety_plan_contact_get_name (self->contact);
  g_autofree char *call = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;

  gtk_widget_set_visible (self->call_button, dialable != NULL && haven_uri_scheme_has_handler ("tel"));
  gtk_widget_set_visible (self->text_button, dialable != NULL && haven_uri_scheme_has_handler ("sms"));
  gtk_widget_set_visible (self->copy_button, *number != '\0');

  if (*name == '\0')
    name = number;
  /* Translators: accessible names of the buttons beside a person in the safety plan; %s is the name */
  call = g_strdup_printf (_("Call %s"), name);
  text = g_strdup_printf (_("Text %s"), name);
  /* Translators: %s is a phone number */
  copy = g_strdup_printf (_("Copy number %s"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_button), GTK_ACCESSIBLE_PROPERTY_LABEL, call, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL, copy, -1);
  /* Newer GTK names a button after its mnemonic label ("Call") through a
   * labelled-by relation, which wins over the names above. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->call_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->text_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
open_link (HavenSafetyPlanContactRow *self,
           const char                *scheme)
{
  g_autofree char *dialable = dup_dialable (haven_safety_plan_contact_get_number (self->contact));
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (dialable == NULL)
    return;

  uri = g_strconcat (scheme, ":", dialable, NULL);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
call_clicked_cb (HavenSafetyPlanContactRow *self)
{
  open_link (self, "tel");
}

static void
text_clicked_cb (HavenSafetyPlanContactRow *self)
{
  open_link (self, "sms");
}

/* The last “Number copied” toast, while an overlay holds it. */
static AdwToast *copied_toast;

/* The window's toast says it was copied; copies in a row share one
 * toast rather than queueing a toast each. */
static void
copy_clicked_cb (HavenSafetyPlanContactRow *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          haven_safety_plan_contact_get_number (self->contact));

  if (overlay == NULL)
    return;

  /* libadwaita 1.2 crashes dismissing a toast while it slides in, so a
   * copy while the last toast is still up lets that one say it. */
  if (copied_toast != NULL)
    return;
  toast = adw_toast_new (_("Number copied"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&copied_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
remove_clicked_cb (HavenSafetyPlanContactRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
haven_safety_plan_contact_row_constructed (GObject *object)
{
  HavenSafetyPlanContactRow *self = HAVEN_SAFETY_PLAN_CONTACT_ROW (object);

  G_OBJECT_CLASS (haven_safety_plan_contact_row_parent_class)->constructed (object);

  g_object_bind_property (self->contact, "name", self->name_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->contact, "number", self->number_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->contact, "notify::name",
                           G_CALLBACK (update_remove_label), self, G_CONNECT_SWAPPED);
  update_remove_label (self);
  g_signal_connect_object (self->contact, "notify::name",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact, "notify::number",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
  g_signal_connect_object (self->contact, "notify::name",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact, "notify::number",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
}

static void
haven_safety_plan_contact_row_dispose (GObject *object)
{
  HavenSafetyPlanContactRow *self = HAVEN_SAFETY_PLAN_CONTACT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_SAFETY_PLAN_CONTACT_ROW);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (haven_safety_plan_contact_row_parent_class)->dispose (object);
}

static void
haven_safety_plan_contact_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  HavenSafetyPlanContactRow *self = HAVEN_SAFETY_PLAN_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_contact_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  HavenSafetyPlanContactRow *self = HAVEN_SAFETY_PLAN_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      self->contact = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_contact_row_class_init (HavenSafetyPlanContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = haven_safety_plan_contact_row_constructed;
  object_class->dispose = haven_safety_plan_contact_row_dispose;
  object_class->get_property = haven_safety_plan_contact_row_get_property;
  object_class->set_property = haven_safety_plan_contact_row_set_property;

  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         HAVEN_TYPE_SAFETY_PLAN_CONTACT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenSafetyPlanContactRow::remove-requested:
   *
   * The reader asked to remove this person or service from the plan.
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/haven-safety-plan-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, number_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, call_button);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, text_button);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, call_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanContactRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
haven_safety_plan_contact_row_init (HavenSafetyPlanContactRow *self)
{
  GtkEditable *number_text;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A phone's on-screen keyboard offers digits for the number. */
  number_text = gtk_editable_get_delegate (GTK_EDITABLE (self->number_entry));
  if (GTK_IS_TEXT (number_text))
    gtk_text_set_input_purpose (GTK_TEXT (number_text), GTK_INPUT_PURPOSE_PHONE);
}

GtkWidget *
haven_safety_plan_contact_row_new (HavenSafetyPlanContact *contact)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT (contact), NULL);

  return g_object_new (HAVEN_TYPE_SAFETY_PLAN_CONTACT_ROW, "contact", contact, NULL);
}

HavenSafetyPlanContact *
haven_safety_plan_contact_row_get_contact (HavenSafetyPlanContactRow *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT_ROW (self), NULL);

  return self->contact;
}

/**
 * haven_safety_plan_contact_row_edit:
 * @self: a row
 *
 * Opens the row and puts the cursor in the name, as for a new person.
 */
void
haven_safety_plan_contact_row_edit (HavenSafetyPlanContactRow *self)
{
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
