/* haven-region.c: a country or territory, with its emergency numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-region"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-region.h"

struct _HavenRegion
{
  GObject parent_instance;

  char      *code;
  char      *name;
  GStrv      time_zones;
  GPtrArray *emergency_numbers;
  GDate     *emergency_checked;
  HavenLink *emergency_source;
  char      *note;
};

G_DEFINE_FINAL_TYPE (HavenRegion, haven_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_TIME_ZONES,
  PROP_EMERGENCY_NUMBERS,
  PROP_EMERGENCY_CHECKED,
  PROP_EMERGENCY_SOURCE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FLAGS_TYPE (HavenEmergencyServices, haven_emergency_services,
                     G_DEFINE_ENUM_VALUE (HAVEN_EMERGENCY_SERVICES_GENERAL, "general"),
                     G_DEFINE_ENUM_VALUE (HAVEN_EMERGENCY_SERVICES_POLICE, "police"),
                     G_DEFINE_ENUM_VALUE (HAVEN_EMERGENCY_SERVICES_AMBULANCE, "ambulance"),
                     G_DEFINE_ENUM_VALUE (HAVEN_EMERGENCY_SERVICES_FIRE, "fire"),
                     G_DEFINE_ENUM_VALUE (HAVEN_EMERGENCY_SERVICES_MEDICAL, "medical"))

G_DEFINE_BOXED_TYPE (HavenEmergencyNumber, haven_emergency_number,
                     haven_emergency_number_ref, haven_emergency_number_unref)

HavenEmergencyNumber *
haven_emergency_number_new (const char             *number,
                            HavenEmergencyServices  services)
{
  HavenEmergencyNumber *self;

  g_return_val_if_fail (number != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenEmergencyNumber);
  self->number = g_strdup (number);
  self->services = services;

  return self;
}

HavenEmergencyNumber *
haven_emergency_number_ref (HavenEmergencyNumber *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_emergency_number_clear (gpointer data)
{
  HavenEmergencyNumber *self = data;

  g_free (self->number);
}

void
haven_emergency_number_unref (HavenEmergencyNumber *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_emergency_number_clear);
}

static void
haven_region_constructed (GObject *object)
{
  HavenRegion *self = (HavenRegion *)object;

  G_OBJECT_CLASS (haven_region_parent_class)->constructed (object);

  if (self->time_zones == NULL)
    self->time_zones = g_new0 (char *, 1);
  if (self->emergency_numbers == NULL)
    self->emergency_numbers = g_ptr_array_new ();
}

static void
haven_region_finalize (GObject *object)
{
  HavenRegion *self = (HavenRegion *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->time_zones, g_strfreev);
  g_clear_pointer (&self->emergency_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->emergency_checked, g_date_free);
  g_clear_pointer (&self->emergency_source, haven_link_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (haven_region_parent_class)->finalize (object);
}

static void
haven_region_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HavenRegion *self = HAVEN_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TIME_ZONES:
      g_value_set_boxed (value, self->time_zones);
      break;

    case PROP_EMERGENCY_NUMBERS:
      g_value_set_boxed (value, self->emergency_numbers);
      break;

    case PROP_EMERGENCY_CHECKED:
      g_value_set_boxed (value, self->emergency_checked);
      break;

    case PROP_EMERGENCY_SOURCE:
      g_value_set_boxed (value, self->emergency_source);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HavenRegion *self = HAVEN_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_TIME_ZONES:
      self->time_zones = g_value_dup_boxed (value);
      break;

    case PROP_EMERGENCY_NUMBERS:
      self->emergency_numbers = g_value_dup_boxed (value);
      break;

    case PROP_EMERGENCY_CHECKED:
      self->emergency_checked = g_value_dup_boxed (value);
      break;

    case PROP_EMERGENCY_SOURCE:
      self->emergency_source = g_value_dup_boxed (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_class_init (HavenRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = haven_region_constructed;
  object_class->finalize = haven_region_finalize;
  object_class->get_property = haven_region_get_property;
  object_class->set_property = haven_region_set_property;

  /* Model objects are immutable: every property is set once, by the parser. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TIME_ZONES] =
    g_param_spec_boxed ("time-zones", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EMERGENCY_NUMBERS] =
    g_param_spec_boxed ("emergency-numbers", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_EMERGENCY_CHECKED] =
    g_param_spec_boxed ("emergency-checked", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_EMERGENCY_SOURCE] =
    g_param_spec_boxed ("emergency-source", NULL, NULL, HAVEN_TYPE_LINK, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_region_init (HavenRegion *self)
{
}

/**
 * haven_region_get_code:
 *
 * Returns: the ISO 3166-1 alpha-2 code, upper case ("GB")
 */
const char *
haven_region_get_code (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->code;
}

const char *
haven_region_get_name (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->name;
}

/**
 * haven_region_get_time_zones:
 *
 * Returns: (transfer none): IANA zone names, the default zone first
 */
const char * const *
haven_region_get_time_zones (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return (const char * const *)self->time_zones;
}

/**
 * haven_region_get_emergency_numbers:
 *
 * Returns: (transfer none) (element-type HavenEmergencyNumber): the
 *   emergency numbers, the general one first
 */
GPtrArray *
haven_region_get_emergency_numbers (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->emergency_numbers;
}

/**
 * haven_region_get_emergency_checked:
 *
 * Returns: (nullable): when a person last confirmed the emergency numbers
 */
const GDate *
haven_region_get_emergency_checked (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->emergency_checked;
}

/**
 * haven_region_get_emergency_source:
 *
 * Returns: (nullable) (transfer none): where a reader can confirm the
 *   emergency numbers
 */
HavenLink *
haven_region_get_emergency_source (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->emergency_source;
}

/**
 * haven_region_get_note:
 *
 * Returns: (nullable): a note shown under the region's contacts
 */
const char *
haven_region_get_note (HavenRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION (self), NULL);

  return self->note;
}
