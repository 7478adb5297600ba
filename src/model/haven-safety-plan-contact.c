/* haven-safety-plan-contact.c: a person or service in a safety plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-safety-plan-contact.h"

struct _HavenSafetyPlanContact
{
  GObject  parent_instance;

  char    *name;
  char    *number;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanContact, haven_safety_plan_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_safety_plan_contact_finalize (GObject *object)
{
  HavenSafetyPlanContact *self = (HavenSafetyPlanContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->number, g_free);

  G_OBJECT_CLASS (haven_safety_plan_contact_parent_class)->finalize (object);
}

static void
haven_safety_plan_contact_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HavenSafetyPlanContact *self = HAVEN_SAFETY_PLAN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_contact_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HavenSafetyPlanContact *self = HAVEN_SAFETY_PLAN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      haven_safety_plan_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      haven_safety_plan_contact_set_number (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_contact_class_init (HavenSafetyPlanContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = haven_safety_plan_contact_finalize;
  object_class->get_property = haven_safety_plan_contact_get_property;
  object_class->set_property = haven_safety_plan_contact_set_property;

  /**
   * HavenSafetyPlanContact:name:
   *
   * Who or what this is, as the reader wrote it; never %NULL.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenSafetyPlanContact:number:
   *
   * How to reach them, as the reader wrote it; never %NULL.
   */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_safety_plan_contact_init (HavenSafetyPlanContact *self)
{
  self->name = g_strdup ("");
  self->number = g_strdup ("");
}

HavenSafetyPlanContact *
haven_safety_plan_contact_new (const char *name,
                               const char *number)
{
  return g_object_new (HAVEN_TYPE_SAFETY_PLAN_CONTACT,
                       "name", name != NULL ? name : "",
                       "number", number != NULL ? number : "",
                       NULL);
}

const char *
haven_safety_plan_contact_get_name (HavenSafetyPlanContact *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT (self), NULL);

  return self->name;
}

void
haven_safety_plan_contact_set_name (HavenSafetyPlanContact *self,
                                    const char             *name)
{
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
haven_safety_plan_contact_get_number (HavenSafetyPlanContact *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT (self), NULL);

  return self->number;
}

void
haven_safety_plan_contact_set_number (HavenSafetyPlanContact *self,
                                      const char             *number)
{
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_CONTACT (self));

  if (number == NULL)
    number = "";

  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}
