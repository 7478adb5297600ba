/* haven-preferences-window.c: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-preferences-window.h"
#include "haven-region-detect.h"

struct _HavenPreferencesWindow
{
  AdwWindow             parent_instance;

  GSettings            *settings;
  HavenContent         *content;
  /* The region codes of the Region row, in its order; "" is Automatic. */
  GPtrArray            *region_codes;
  gboolean              filling_regions;

  AdwComboRow          *region_row;
  AdwComboRow          *style_row;
  AdwComboRow          *text_size_row;
  GtkSwitch            *reduce_motion_switch;
  GtkSwitch            *metered_switch;
};

G_DEFINE_FINAL_TYPE (HavenPreferencesWindow, haven_preferences_window, ADW_TYPE_WINDOW)

/* Rows of the Style and Text Size combos, in the order of
 * haven-preferences-window.ui, each ending in NULL. */
static const char * const style_nicks[] = { "default", "force-light", "force-dark", NULL };
static const char * const text_size_nicks[] = { "default", "large", "larger", NULL };

static gboolean
nick_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nick, nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
nick_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static const char *
region_name (HavenPreferencesWindow *self,
             const char             *code)
{
  HavenFeed *feed = haven_content_get_feed (self->content);
  HavenRegion *region = feed != NULL && code != NULL ? haven_feed_lookup_region (feed, code) : NULL;

  return region != NULL ? haven_region_get_name (region) : NULL;
}

/* Automatic says what Haven found. Which region it is comes from
 * HavenContent; only the words about where it came from are worked out
 * here, the way haven_region_detect() looks: the language first. */
static void
update_region_subtitle (HavenPreferencesWindow *self)
{
  const char *code = haven_content_get_region (self->content);
  const char *name = region_name (self, code);
  g_autofree char *from_language = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (adw_combo_row_get_selected (self->region_row) != 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->region_row),
                                   _("Whose crisis lines and emergency numbers Haven shows"));
      return;
    }

  if (name == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->region_row),
                                   _("Haven could not tell where you are: choose your region"));
      return;
    }

  from_language = haven_region_code_from_languages (g_get_language_names ());
  zone = g_time_zone_new_local ();
  if (g_strcmp0 (from_language, code) == 0)
    /* Translators: %s is a region such as United Kingdom */
    subtitle = g_strdup_printf (_("%s, detected from your language settings"), name);
  else
    /* Translators: the first %s is a region such as United Kingdom, the second a time zone such as Europe/London */
    subtitle = g_strdup_printf (_("%s, detected from your time zone, %s"),
                                name, g_time_zone_get_identifier (zone));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->region_row), subtitle);
}

static void
fill_regions (HavenPreferencesWindow *self)
{
  HavenFeed *feed = haven_content_get_feed (self->content);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_settings_get_string (self->settings, "region");
  guint selected = 0;

  g_ptr_array_set_size (self->region_codes, 0);
  g_ptr_array_add (self->region_codes, g_strdup (""));
  gtk_string_list_append (names, _("Automatic"));

  if (feed != NULL)
    {
      GListModel *regions = haven_feed_get_regions (feed);

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(HavenRegion) region = g_list_model_get_item (regions, i);
          const char *code = haven_region_get_code (region);

          if (g_ascii_strcasecmp (code, chosen) == 0)
            selected = self->region_codes->len;
          g_ptr_array_add (self->region_codes, g_strdup (code));
          gtk_string_list_append (names, haven_region_get_name (region));
        }
    }

  self->filling_regions = TRUE;
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, selected);
  self->filling_regions = FALSE;

  update_region_subtitle (self);
}

static void
region_selected_cb (HavenPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);
  const char *code;

  if (self->filling_regions || selected >= self->region_codes->len)
    return;

  code = g_ptr_array_index (self->region_codes, selected);
  haven_content_set_region (self->content, code[0] != '\0' ? code : NULL);
  update_region_subtitle (self);
}

static void
haven_preferences_window_dispose (GObject *object)
{
  HavenPreferencesWindow *self = HAVEN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_PREFERENCES_WINDOW);
  if (self->content != NULL)
    g_signal_handlers_disconnect_by_data (self->content, self);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->region_codes, g_ptr_array_unref);

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
  /* Escape closes it, as it closes libadwaita's preferences windows. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, reduce_motion_switch);
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, metered_switch);
}

static void
haven_preferences_window_init (HavenPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_get_mapping, nick_set_mapping,
                                (gpointer) style_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "interface-text-size",
                                self->text_size_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_get_mapping, nick_set_mapping,
                                (gpointer) text_size_nicks, NULL);
  g_settings_bind (self->settings, "reduce-motion",
                   self->reduce_motion_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "update-on-metered",
                   self->metered_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * haven_preferences_window_new:
 * @parent: the window it belongs to
 * @content: the content, which owns the reader's region and knows the
 *   regions there are
 */
HavenPreferencesWindow *
haven_preferences_window_new (GtkWindow    *parent,
                              HavenContent *content)
{
  HavenPreferencesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HAVEN_IS_CONTENT (content), NULL);

  self = g_object_new (HAVEN_TYPE_PREFERENCES_WINDOW,
                       "application", gtk_window_get_application (parent),
                       "transient-for", parent,
                       NULL);
  self->content = g_object_ref (content);
  fill_regions (self);
  g_signal_connect_swapped (self->region_row, "notify::selected",
                            G_CALLBACK (region_selected_cb), self);
  g_signal_connect_swapped (content, "notify::feed", G_CALLBACK (fill_regions), self);
  g_signal_connect_swapped (content, "notify::region", G_CALLBACK (update_region_subtitle), self);

  return self;
}
