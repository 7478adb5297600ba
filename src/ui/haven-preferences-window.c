/* haven-preferences-window.c: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-preferences-window.h"

struct _HavenPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (HavenPreferencesWindow, haven_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Rows of the Style combo, in the order of haven-preferences-window.ui. */
static const char * const style_nicks[] = { "default", "force-light", "force-dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_strcmp0 (nick, style_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_nicks))
    return NULL;

  return g_variant_new_string (style_nicks[selected]);
}

static void
haven_preferences_window_dispose (GObject *object)
{
  HavenPreferencesWindow *self = HAVEN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_preferences_window_parent_class)->dispose (object);
}

static void
haven_preferences_window_class_init (HavenPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/haven-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, style_row);
}

static void
haven_preferences_window_init (HavenPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping,
                                NULL, NULL);
}

HavenPreferencesWindow *
haven_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_new (HAVEN_TYPE_PREFERENCES_WINDOW,
                       "application", gtk_window_get_application (parent),
                       "transient-for", parent,
                       NULL);
}
