/* haven-application.c: the application: its command line and windows
 *
 * What Haven shows, how it is kept fresh and which region the reader is in
 * belong to HavenContent; the actions live in haven-application-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-application"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-application.h"
#include "haven-application-private.h"
#include "haven-minisign.h"
#include "haven-search-provider.h"
#include "haven-widget-util.h"

struct _HavenApplication
{
  AdwApplication       parent_instance;

  GSettings           *settings;
  HavenContent        *content;
  /* --feed-url, read before the content is made: its own store; and
   * what this run trusts of it (--feed-key, --unsigned-preview). */
  char                *feed_url_override;
  char                *feed_key_override;
  gboolean             unsigned_preview;
  gboolean             started;
  guint                start_id;
  HavenSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (HavenApplication, haven_application, ADW_TYPE_APPLICATION)

/* If the window never paints (minimised at start), fresh content still comes. */
#define START_REFRESH_FALLBACK_MS 3000

static const GOptionEntry option_entries[] = {
  { "help-now", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open straight at Get Help Now"), NULL },
  { "region", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use this region for this run (ISO 3166-1 alpha-2 code, such as GB)"), N_("CC") },
  { "feed-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fetch content from this address for this run"), N_("URL") },
  { "offline", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Do not use the network for this run"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "update-feed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fetch, check and store fresh content without opening a window, then exit"), NULL },
  { "feed-key", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Also trust feeds signed with this minisign public key, for this run"), N_("KEY") },
  { "unsigned-preview", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the unsigned feed of --feed-url for this run, without keeping it"), NULL },
  { NULL }
};

/**
 * haven_application_get_content:
 *
 * Returns: (transfer none): what Haven shows, its updates and the
 *   reader's region
 */
HavenContent *
haven_application_get_content (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  if (self->content == NULL)
    {
      self->content = haven_content_new (self->feed_url_override);
      haven_content_set_feed_key (self->content, self->feed_key_override);
      haven_content_set_unsigned_preview (self->content, self->unsigned_preview);
    }

  return self->content;
}

/**
 * haven_application_ensure_window:
 *
 * Finds Haven's main window, or makes one; presenting it is the caller's,
 * after choosing the view, so that a new window's first frame draws the
 * view asked for and no other.
 *
 * Returns: (transfer none): the main window
 */
HavenWindow *
haven_application_ensure_window (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  /* The active window may be another kind, such as the safety plan. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HAVEN_IS_WINDOW (l->data))
      return l->data;

  return haven_window_new (GTK_APPLICATION (self), haven_application_get_content (self));
}

static gboolean
start_content_cb (gpointer data)
{
  HavenApplication *self = data;

  self->start_id = 0;
  haven_content_start (self->content);

  return G_SOURCE_REMOVE;
}

static void
haven_application_activate (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  HavenWindow *window = haven_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));

  /* The window shows what Haven has first; fresh content follows. */
  if (!self->started)
    {
      self->started = TRUE;
      self->start_id = haven_after_first_frame (GTK_WIDGET (window), START_REFRESH_FALLBACK_MS,
                                                start_content_cb, self);
    }
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  gboolean   updated;
  GError    *error;
} HeadlessUpdate;

static void
headless_update_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HeadlessUpdate *update = user_data;

  update->ok = haven_content_refresh_finish (HAVEN_CONTENT (object), result,
                                               &update->updated, &update->error);
  g_main_loop_quit (update->loop);
}

/* `haven --update-feed`: for administrators and scripts; prints exactly one
 * line. It runs before the application registers, on a loop of its own:
 * GtkApplication's start-up opens a display, which a script run by cron
 * does not have. */
static int
haven_application_update_feed (GVariantDict *options)
{
  const char *feed_url = NULL;
  const char *feed_key = NULL;
  g_autoptr(HavenContent) content = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  HeadlessUpdate update = { loop, FALSE, FALSE, NULL };

  /* A preview is for looking at, never for keeping. */
  if (g_variant_dict_contains (options, "unsigned-preview"))
    {
      g_print ("failed: %s\n", _("--unsigned-preview never keeps a feed, so Haven did not fetch it."));
      return 1;
    }

  g_variant_dict_lookup (options, "feed-url", "&s", &feed_url);
  g_variant_dict_lookup (options, "feed-key", "&s", &feed_key);
  content = haven_content_new (feed_url);
  haven_content_set_feed_key (content, feed_key);
  haven_content_set_offline (content, g_variant_dict_contains (options, "offline"));

  haven_content_refresh_async (content, NULL, headless_update_cb, &update);
  g_main_loop_run (loop);

  if (!update.ok)
    {
      g_print ("failed: %s\n", update.error->message);
      g_clear_error (&update.error);
      return 1;
    }

  g_print ("%s\n", update.updated ? "updated" : "not modified");

  return 0;
}

static int
haven_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  const char *region = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("haven %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A key that is not one, or a preview of no address, is a typo. */
  if (g_variant_dict_lookup (options, "feed-key", "s", &self->feed_key_override))
    {
      g_autoptr(HavenMinisignKey) key = haven_minisign_key_new (self->feed_key_override, NULL);

      if (key == NULL)
        {
          g_printerr (_("--feed-key needs a minisign public key: one line of 56 letters, "
                        "digits and signs that starts with “RW”.\n"));
          return 1;
        }
    }

  self->unsigned_preview = g_variant_dict_contains (options, "unsigned-preview");
  if (self->unsigned_preview && !g_variant_dict_contains (options, "feed-url"))
    {
      g_printerr (_("--unsigned-preview needs --feed-url with the address of the feed to preview.\n"));
      return 1;
    }

  if (g_variant_dict_contains (options, "update-feed"))
    return haven_application_update_feed (options);

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    {
      g_autofree char *code = haven_content_normalize_region (region);

      if (code == NULL)
        {
          /* Translators: %s is what the user typed after --region= */
          g_printerr (_("“%s” is not a region code. Use two letters, such as GB or DE.\n"), region);
          return 1;
        }
    }

  g_variant_dict_lookup (options, "feed-url", "s", &self->feed_url_override);

  return G_APPLICATION_CLASS (haven_application_parent_class)->handle_local_options (app, options);
}

static int
haven_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  HavenContent *content = haven_application_get_content (self);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *region = NULL;
  const char *feed_url = NULL;

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    haven_content_set_region_override (content, region);

  /* The content of a running Haven keeps its store. */
  if (g_variant_dict_lookup (options, "feed-url", "&s", &feed_url) &&
      g_strcmp0 (feed_url, haven_content_get_feed_url_override (content)) != 0)
    g_application_command_line_printerr (command_line, "%s\n",
                                         _("Haven is already running; --feed-url applies only when it starts."));

  if (g_variant_dict_contains (options, "offline"))
    {
      haven_content_set_offline (content, TRUE);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                                "refresh")),
                                   FALSE);
    }

  if (g_variant_dict_contains (options, "help-now"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "help-now", NULL);
  else
    g_application_activate (app);

  return 0;
}

static gboolean
haven_application_dbus_register (GApplication     *app,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (haven_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = haven_search_provider_new (app, haven_application_get_content (self));

  return haven_search_provider_register (self->search_provider, connection, path, error);
}

static void
haven_application_dbus_unregister (GApplication    *app,
                                   GDBusConnection *connection,
                                   const char      *object_path)
{
  HavenApplication *self = HAVEN_APPLICATION (app);

  if (self->search_provider != NULL)
    haven_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (haven_application_parent_class)->dbus_unregister (app, connection, object_path);
}

/* Text Size in Preferences: a class on every window, so all of Haven's
 * text grows together (style.css). */
static void
apply_text_size (GtkWindow *window,
                 int        size)
{
  gtk_widget_remove_css_class (GTK_WIDGET (window), "haven-text-large");
  gtk_widget_remove_css_class (GTK_WIDGET (window), "haven-text-larger");
  if (size == 1)
    gtk_widget_add_css_class (GTK_WIDGET (window), "haven-text-large");
  else if (size == 2)
    gtk_widget_add_css_class (GTK_WIDGET (window), "haven-text-larger");
}

static void
window_added_cb (HavenApplication *self,
                 GtkWindow        *window)
{
  apply_text_size (window, g_settings_get_enum (self->settings, "interface-text-size"));
}

static void
text_size_changed_cb (HavenApplication *self)
{
  int size = g_settings_get_enum (self->settings, "interface-text-size");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    apply_text_size (l->data, size);
}

static void
haven_application_startup (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);

  /* The bundled feed is complete, so Haven has content from the first start;
   * a newer copy stored by an earlier update replaces it. It is read and
   * checked while GTK opens the display, which takes longer, so the window
   * does not wait for it.
   */
  haven_content_load_in_background (haven_application_get_content (self));

  G_APPLICATION_CLASS (haven_application_parent_class)->startup (app);

  /* Started by D-Bus (the Shell's search, or an action): stay a little
   * while after answering instead of quitting at once. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "color-scheme",
                   adw_style_manager_get_default (), "color-scheme",
                   G_SETTINGS_BIND_GET);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_object (self->settings, "changed::interface-text-size",
                           G_CALLBACK (text_size_changed_cb), self, G_CONNECT_SWAPPED);

  _haven_application_actions_init (self);
}

static void
haven_application_shutdown (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);

  g_clear_handle_id (&self->start_id, g_source_remove);
  if (self->content != NULL)
    haven_content_stop (self->content);

  G_APPLICATION_CLASS (haven_application_parent_class)->shutdown (app);
}

static void
haven_application_finalize (GObject *object)
{
  HavenApplication *self = HAVEN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->content);
  g_clear_pointer (&self->feed_url_override, g_free);
  g_clear_pointer (&self->feed_key_override, g_free);

  G_OBJECT_CLASS (haven_application_parent_class)->finalize (object);
}

static void
haven_application_class_init (HavenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = haven_application_finalize;

  app_class->shutdown = haven_application_shutdown;
  app_class->activate = haven_application_activate;
  app_class->startup = haven_application_startup;
  app_class->command_line = haven_application_command_line;
  app_class->handle_local_options = haven_application_handle_local_options;
  app_class->dbus_register = haven_application_dbus_register;
  app_class->dbus_unregister = haven_application_dbus_unregister;
}

static void
haven_application_init (HavenApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A calm companion for mental well-being, "
                                              "with crisis lines one click away."));
}

HavenApplication *
haven_application_new (void)
{
  return g_object_new (HAVEN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
