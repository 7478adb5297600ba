/* haven-clock-settings.c: whether the desktop's clock shows 12 or 24 hours
 *
 * The one owner of GNOME's clock-format for Haven: views that write times
 * of day ask it and follow its "format" property.
 *
 * In a Flatpak sandbox org.gnome.desktop.interface cannot be read through
 * GSettings, so the settings portal answers (org.freedesktop.portal.Settings);
 * elsewhere GSettings does, where the schema is installed. Without either,
 * times are written as the locale writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-clock-settings"

#include "config.h"

#include "haven-clock-settings.h"

#define INTERFACE_SCHEMA "org.gnome.desktop.interface"
#define CLOCK_FORMAT_KEY "clock-format"

#define PORTAL_BUS_NAME  "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS  "org.freedesktop.portal.Settings"

struct _HavenClockSettings
{
  GObject           parent_instance;

  HavenClockFormat  format;
  GSettings        *settings;       /* outside a sandbox */
  GDBusConnection  *bus;            /* in a sandbox */
  guint             changed_id;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (HavenClockSettings, haven_clock_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_format (HavenClockSettings *self,
            const char         *nick)
{
  HavenClockFormat format = HAVEN_CLOCK_FORMAT_LOCALE;

  if (g_strcmp0 (nick, "12h") == 0)
    format = HAVEN_CLOCK_FORMAT_12H;
  else if (g_strcmp0 (nick, "24h") == 0)
    format = HAVEN_CLOCK_FORMAT_24H;

  if (self->format == format)
    return;

  g_debug ("The desktop's clock format is %s", nick != NULL ? nick : "not known");
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static void
settings_changed_cb (HavenClockSettings *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, CLOCK_FORMAT_KEY);

  set_format (self, nick);
}

/* The portal wraps the value in a variant, and older portals wrap that
 * in one more. */
static void
set_format_from_portal (HavenClockSettings *self,
                        GVariant           *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }

  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING))
    set_format (self, g_variant_get_string (inner, NULL));
}

static void
portal_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HavenClockSettings) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The settings portal did not say the clock format: %s", error->message);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  set_format_from_portal (self, value);
}

static void
portal_changed_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  HavenClockSettings *self = user_data;
  g_autoptr(GVariant) value = NULL;
  const char *namespace, *key;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, INTERFACE_SCHEMA) && g_str_equal (key, CLOCK_FORMAT_KEY))
    set_format_from_portal (self, value);
}

static void
bus_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HavenClockSettings) self = user_data;
  g_autoptr(GError) error = NULL;

  self->bus = g_bus_get_finish (result, &error);
  if (self->bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session bus to ask the settings portal: %s", error->message);
      return;
    }

  self->changed_id = g_dbus_connection_signal_subscribe (self->bus, PORTAL_BUS_NAME,
                                                         PORTAL_SETTINGS, "SettingChanged",
                                                         PORTAL_PATH, INTERFACE_SCHEMA,
                                                         G_DBUS_SIGNAL_FLAGS_NONE,
                                                         portal_changed_cb, self, NULL);
  g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_SETTINGS, "Read",
                          g_variant_new ("(ss)", INTERFACE_SCHEMA, CLOCK_FORMAT_KEY),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, portal_read_cb, g_object_ref (self));
}

static void
haven_clock_settings_dispose (GObject *object)
{
  HavenClockSettings *self = HAVEN_CLOCK_SETTINGS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->bus != NULL && self->changed_id != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->bus);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (haven_clock_settings_parent_class)->dispose (object);
}

static void
haven_clock_settings_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HavenClockSettings *self = HAVEN_CLOCK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_clock_settings_class_init (HavenClockSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_clock_settings_dispose;
  object_class->get_property = haven_clock_settings_get_property;

  /**
   * HavenClockSettings:format:
   *
   * 12 or 24 hours as the desktop's clock shows them, or
   * %HAVEN_CLOCK_FORMAT_LOCALE when Haven cannot tell.
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       HAVEN_TYPE_CLOCK_FORMAT, HAVEN_CLOCK_FORMAT_LOCALE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_clock_settings_init (HavenClockSettings *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  self->cancellable = g_cancellable_new ();

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_cb, g_object_ref (self));
      return;
    }

  /* Not every system has GNOME's schemas; without them, the locale. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, INTERFACE_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, CLOCK_FORMAT_KEY))
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::" CLOCK_FORMAT_KEY,
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self);
}

/**
 * haven_clock_settings_get_default:
 *
 * Returns: (transfer none): the clock settings of this process
 */
HavenClockSettings *
haven_clock_settings_get_default (void)
{
  static HavenClockSettings *instance;

  if (instance == NULL)
    instance = g_object_new (HAVEN_TYPE_CLOCK_SETTINGS, NULL);

  return instance;
}

HavenClockFormat
haven_clock_settings_get_format (HavenClockSettings *self)
{
  g_return_val_if_fail (HAVEN_IS_CLOCK_SETTINGS (self), HAVEN_CLOCK_FORMAT_LOCALE);

  return self->format;
}
