/* haven-search-provider.c: crisis lines in GNOME Shell's search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-contact-search.h"
#include "haven-opening-status.h"
#include "haven-search-provider.h"

/* org.gnome.Shell.SearchProvider2, as gnome-shell documents it. */
static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _HavenSearchProvider
{
  GObject          parent_instance;

  GApplication    *application;
  HavenContent    *content;
  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (HavenSearchProvider, haven_search_provider, G_TYPE_OBJECT)

/* Results that are not a contact of the feed; a feed id has no ":". */
#define EMERGENCY_ID    "haven:emergency"
#define GET_HELP_NOW_ID "haven:get-help-now"

static HavenRegion *
lookup_region (HavenSearchProvider *self)
{
  HavenFeed *feed = haven_content_get_feed (self->content);
  const char *code = haven_content_get_region (self->content);

  return feed != NULL && code != NULL ? haven_feed_lookup_region (feed, code) : NULL;
}

static GVariant *
search (HavenSearchProvider *self,
        GVariant            *terms_variant)
{
  HavenFeed *feed = haven_content_get_feed (self->content);
  HavenRegion *region = lookup_region (self);
  g_autofree const char **terms = g_variant_get_strv (terms_variant, NULL);
  g_autoptr(GPtrArray) found = NULL;
  HavenSearchEmergency emergency;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));

  /* The region Get Help shows; without one, Get Help and its region list. */
  if (region != NULL)
    {
      found = haven_contact_search (feed, region, terms);
      emergency = haven_contact_search_emergency (region, terms);

      if (emergency == HAVEN_SEARCH_EMERGENCY_ASKED)
        g_variant_builder_add (&builder, "s", EMERGENCY_ID);
      for (guint i = 0; i < found->len; i++)
        g_variant_builder_add (&builder, "s", haven_contact_get_id (g_ptr_array_index (found, i)));
      if (emergency == HAVEN_SEARCH_EMERGENCY_CRISIS)
        g_variant_builder_add (&builder, "s", EMERGENCY_ID);
    }
  else if (feed != NULL && haven_contact_search_wants_help (feed, terms))
    g_variant_builder_add (&builder, "s", GET_HELP_NOW_ID);

  return g_variant_new ("(as)", &builder);
}

static char *
dup_description (HavenContact *contact)
{
  GPtrArray *channels = haven_contact_get_channels (contact);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *status = NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < channels->len; i++)
    {
      HavenChannel *channel = g_ptr_array_index (channels, i);

      if (channel->type == HAVEN_CHANNEL_TYPE_PHONE)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, channel->value);
        }
      else if (channel->type == HAVEN_CHANNEL_TYPE_SMS)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          if (channel->keyword != NULL)
            /* Translators: first %s is a word such as SHOUT, second a number */
            g_string_append_printf (text, _("text %s to %s"), channel->keyword, channel->value);
          else
            /* Translators: %s is a number */
            g_string_append_printf (text, _("text %s"), channel->value);
        }
    }

  status = haven_opening_status_format (haven_contact_get_hours (contact),
                                        haven_contact_get_time_zone (contact),
                                        now, NULL);
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, status);

  return g_string_free (text, FALSE);
}

/* “999”, or “112, 911” where a region has several. */
static char *
dup_emergency_numbers (HavenRegion *region)
{
  GPtrArray *numbers = haven_region_get_emergency_numbers (region);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    g_strv_builder_add (builder, ((HavenEmergencyNumber *) g_ptr_array_index (numbers, i))->number);
  list = g_strv_builder_end (builder);

  /* Translators: the separator between emergency numbers */
  return g_strjoinv (_(", "), list);
}

static GVariant *
result_metas (HavenSearchProvider *self,
              GVariant            *ids_variant)
{
  HavenFeed *feed = haven_content_get_feed (self->content);
  g_autofree const char **ids = g_variant_get_strv (ids_variant, NULL);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GVariant) icon_variant = g_icon_serialize (icon);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; feed != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;

      if (g_str_equal (ids[i], EMERGENCY_ID))
        {
          HavenRegion *region = lookup_region (self);
          g_autofree char *numbers = NULL;

          if (region == NULL)
            continue;

          numbers = dup_emergency_numbers (region);
          /* Translators: %s is one or more emergency numbers, such as “999” or “112, 911” */
          name = g_strdup_printf (_("Emergency: %s"), numbers);
          description = g_strdup (_("If you or someone else is in danger now, call the emergency number."));
        }
      else if (g_str_equal (ids[i], GET_HELP_NOW_ID))
        {
          name = g_strdup (_("Get Help Now"));
          description = g_strdup (_("Choose your country or region to see its crisis lines and "
                                    "emergency number."));
        }
      else
        {
          HavenContact *contact = haven_feed_lookup_contact (feed, ids[i]);

          if (contact == NULL)
            continue;

          name = g_strdup (haven_contact_get_name (contact));
          description = dup_description (contact);
        }

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      if (icon_variant != NULL)
        g_variant_builder_add (&builder, "{sv}", "icon", icon_variant);
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  HavenSearchProvider *self = user_data;

  /* Shell may start Haven only to ask; hold it while it answers. */
  g_application_hold (self->application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation, result_metas (self, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;

      /* The emergency number heads Get Help; without a region, Get Help
       * shows the region list. */
      g_variant_get (parameters, "(&s^a&su)", &id, NULL, NULL);
      if (g_str_equal (id, EMERGENCY_ID) || g_str_equal (id, GET_HELP_NOW_ID))
        g_action_group_activate_action (G_ACTION_GROUP (self->application), "help-now", NULL);
      else
        g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-contact",
                                        g_variant_new_string (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "help-now", NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (self->application);
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

static void
haven_search_provider_dispose (GObject *object)
{
  HavenSearchProvider *self = HAVEN_SEARCH_PROVIDER (object);

  haven_search_provider_unregister (self);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (haven_search_provider_parent_class)->dispose (object);
}

static void
haven_search_provider_class_init (HavenSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = haven_search_provider_dispose;
}

static void
haven_search_provider_init (HavenSearchProvider *self)
{
}

/**
 * haven_search_provider_new:
 * @application: what the Shell's search starts and holds while it answers
 * @content: the contacts and the reader's region
 */
HavenSearchProvider *
haven_search_provider_new (GApplication *application,
                           HavenContent *content)
{
  HavenSearchProvider *self = g_object_new (HAVEN_TYPE_SEARCH_PROVIDER, NULL);

  g_set_weak_pointer (&self->application, application);
  self->content = g_object_ref (content);

  return self;
}

gboolean
haven_search_provider_register (HavenSearchProvider  *self,
                                GDBusConnection      *connection,
                                const char           *object_path,
                                GError              **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (HAVEN_IS_SEARCH_PROVIDER (self), FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  g_set_object (&self->connection, connection);

  return TRUE;
}

void
haven_search_provider_unregister (HavenSearchProvider *self)
{
  g_return_if_fail (HAVEN_IS_SEARCH_PROVIDER (self));

  if (self->connection != NULL && self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
