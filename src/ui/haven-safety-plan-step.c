/* haven-safety-plan-step.c: one step of the safety plan form
 *
 * A step shows its section's title, prompt and examples (the plan's own
 * words, which the printout shares) and binds its field to the plan: the
 * text area to the section's text, or the list to its people or services.
 * The window declares the steps in its template and hands them the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-step"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-safety-plan-contact-row.h"
#include "haven-safety-plan-step.h"

struct _HavenSafetyPlanStep
{
  AdwBin                  parent_instance;

  HavenSafetyPlanSection  section;
  char                   *add_label;
  HavenSafetyPlan        *plan;
  /* Set while the plan's text is put in the text area, which is not an edit. */
  gboolean                updating;

  GtkLabel               *heading;
  GtkLabel               *prompt;
  GtkLabel               *examples;
  GtkWidget              *text_field;
  GtkTextView            *text_view;
  GtkWidget              *contacts_field;
  GtkListBox             *contacts_list;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanStep, haven_safety_plan_step, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_ADD_LABEL,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_contacts (HavenSafetyPlanStep *self)
{
  return haven_safety_plan_section_has_contacts (self->section);
}

static void
text_changed_cb (HavenSafetyPlanStep *self,
                 GtkTextBuffer       *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || self->plan == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  haven_safety_plan_set_text (self->plan, self->section, text);
}

static void
remove_requested_cb (HavenSafetyPlanStep       *self,
                     HavenSafetyPlanContactRow *row)
{
  GListStore *contacts;
  guint position;

  if (self->plan == NULL)
    return;

  contacts = haven_safety_plan_get_contacts (self->plan, self->section);
  if (g_list_store_find (contacts, haven_safety_plan_contact_row_get_contact (row), &position))
    {
      g_list_store_remove (contacts, position);
      /* Keep the keyboard in the step rather than losing focus. */
      gtk_widget_child_focus (GTK_WIDGET (self->contacts_list), GTK_DIR_TAB_FORWARD);
    }
}

/* The list's last item, which stands for the row that adds one. */
static GListModel *
add_item_model_new (void)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

  g_list_store_append (store, item);

  return G_LIST_MODEL (store);
}

static GtkWidget *
create_add_row (HavenSafetyPlanStep *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->add_label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  HavenSafetyPlanStep *self = user_data;
  GtkWidget *row;

  if (!HAVEN_IS_SAFETY_PLAN_CONTACT (item))
    return create_add_row (self);

  row = haven_safety_plan_contact_row_new (item);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (remove_requested_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
add_contact (HavenSafetyPlanStep *self)
{
  GListModel *contacts;
  GtkListBoxRow *row;

  if (self->plan == NULL)
    return;

  haven_safety_plan_add_contact (self->plan, self->section, "", "");

  /* Open the new person and put the cursor in their name. */
  contacts = G_LIST_MODEL (haven_safety_plan_get_contacts (self->plan, self->section));
  row = gtk_list_box_get_row_at_index (self->contacts_list, g_list_model_get_n_items (contacts) - 1);
  if (HAVEN_IS_SAFETY_PLAN_CONTACT_ROW (row))
    haven_safety_plan_contact_row_edit (HAVEN_SAFETY_PLAN_CONTACT_ROW (row));
}

static void
row_activated_cb (HavenSafetyPlanStep *self,
                  GtkListBoxRow       *row)
{
  if (!HAVEN_IS_SAFETY_PLAN_CONTACT_ROW (row))
    add_contact (self);
}

static void
haven_safety_plan_step_constructed (GObject *object)
{
  HavenSafetyPlanStep *self = HAVEN_SAFETY_PLAN_STEP (object);
  const char *title = haven_safety_plan_section_get_title (self->section);
  const char *prompt = haven_safety_plan_section_get_prompt (self->section);

  G_OBJECT_CLASS (haven_safety_plan_step_parent_class)->constructed (object);

  gtk_label_set_label (self->heading, title);
  gtk_label_set_label (self->prompt, prompt);
  gtk_label_set_label (self->examples, haven_safety_plan_section_get_examples (self->section));

  /* One field shows; hidden, the other is out of the keyboard's and
   * screen readers' way. */
  gtk_widget_set_visible (self->text_field, !has_contacts (self));
  gtk_widget_set_visible (self->contacts_field, has_contacts (self));
  if (has_contacts (self))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->contacts_list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, prompt,
                                      -1);
      g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                               G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
haven_safety_plan_step_dispose (GObject *object)
{
  HavenSafetyPlanStep *self = HAVEN_SAFETY_PLAN_STEP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_SAFETY_PLAN_STEP);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (haven_safety_plan_step_parent_class)->dispose (object);
}

static void
haven_safety_plan_step_finalize (GObject *object)
{
  HavenSafetyPlanStep *self = HAVEN_SAFETY_PLAN_STEP (object);

  g_free (self->add_label);

  G_OBJECT_CLASS (haven_safety_plan_step_parent_class)->finalize (object);
}

static void
haven_safety_plan_step_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HavenSafetyPlanStep *self = HAVEN_SAFETY_PLAN_STEP (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_enum (value, self->section);
      break;

    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_step_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HavenSafetyPlanStep *self = HAVEN_SAFETY_PLAN_STEP (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_get_enum (value);
      break;

    case PROP_ADD_LABEL:
      self->add_label = g_value_dup_string (value);
      break;

    case PROP_PLAN:
      haven_safety_plan_step_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_step_class_init (HavenSafetyPlanStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = haven_safety_plan_step_constructed;
  object_class->dispose = haven_safety_plan_step_dispose;
  object_class->finalize = haven_safety_plan_step_finalize;
  object_class->get_property = haven_safety_plan_step_get_property;
  object_class->set_property = haven_safety_plan_step_set_property;

  /**
   * HavenSafetyPlanStep:section:
   *
   * Which step of the plan this is: its words, and its kind of field.
   */
  properties[PROP_SECTION] =
    g_param_spec_enum ("section", NULL, NULL,
                       HAVEN_TYPE_SAFETY_PLAN_SECTION, HAVEN_SAFETY_PLAN_WARNING_SIGNS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenSafetyPlanStep:add-label:
   *
   * The title of the row that adds a person or service, for a step
   * that lists them.
   */
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenSafetyPlanStep:plan:
   *
   * The plan the step shows and edits, or %NULL before it is read.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         HAVEN_TYPE_SAFETY_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/haven-safety-plan-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, heading);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, prompt);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, examples);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, text_field);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, text_view);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, contacts_field);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanStep, contacts_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
haven_safety_plan_step_init (HavenSafetyPlanStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenSafetyPlanSection
haven_safety_plan_step_get_section (HavenSafetyPlanStep *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STEP (self), HAVEN_SAFETY_PLAN_WARNING_SIGNS);

  return self->section;
}

HavenSafetyPlan *
haven_safety_plan_step_get_plan (HavenSafetyPlanStep *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STEP (self), NULL);

  return self->plan;
}

/**
 * haven_safety_plan_step_set_plan:
 * @self: a step
 * @plan: (nullable): the plan to show and edit
 *
 * Shows @plan's text or contacts for this step; edits go straight to @plan.
 */
void
haven_safety_plan_step_set_plan (HavenSafetyPlanStep *self,
                                 HavenSafetyPlan     *plan)
{
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_STEP (self));
  g_return_if_fail (plan == NULL || HAVEN_IS_SAFETY_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  if (has_contacts (self) && plan != NULL)
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
      g_autoptr(GListModel) add_item = add_item_model_new ();
      g_autoptr(GtkFlattenListModel) rows = NULL;

      g_list_store_append (parts, haven_safety_plan_get_contacts (plan, self->section));
      g_list_store_append (parts, add_item);
      rows = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
      gtk_list_box_bind_model (self->contacts_list, G_LIST_MODEL (rows), create_contact_row, self, NULL);
    }
  else if (has_contacts (self))
    {
      gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
    }
  else
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                plan != NULL ? haven_safety_plan_get_text (plan, self->section) : "", -1);
      self->updating = FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
