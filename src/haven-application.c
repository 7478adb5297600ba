/* haven-application.c: the application, its actions and command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-application"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-application.h"
#include "haven-feed-parser.h"
#include "haven-preferences-window.h"
#include "haven-safety-plan-window.h"
#include "haven-window.h"

struct _HavenApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  HavenFeed      *feed;
  char           *region_override;
  char           *feed_url_override;
  gboolean        offline;
};

G_DEFINE_FINAL_TYPE (HavenApplication, haven_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  { NULL }
};

/* A region code is two ASCII letters; it is stored upper case. */
static char *
normalize_region (const char *code)
{
  if (code == NULL || strlen (code) != 2 ||
      !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]))
    return NULL;

  return g_ascii_strup (code, -1);
}

static HavenWindow *
haven_application_ensure_window (HavenApplication *self)
{
  GtkWindow *window = NULL;

  /* The active window may be another kind, such as the safety plan. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HAVEN_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  if (window == NULL)
    {
      window = GTK_WINDOW (haven_window_new (self));
      g_object_bind_property (self, "feed", window, "feed", G_BINDING_SYNC_CREATE);
    }

  gtk_window_present (window);

  return HAVEN_WINDOW (window);
}

static void
haven_application_activate (GApplication *app)
{
  haven_application_ensure_window (HAVEN_APPLICATION (app));
}

static int
haven_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  const char *region = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("haven %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    {
      g_autofree char *code = normalize_region (region);

      if (code == NULL)
        {
          /* Translators: %s is what the user typed after --region= */
          g_printerr (_("“%s” is not a region code. Use two letters, such as GB or DE.\n"), region);
          return 1;
        }
    }

  return G_APPLICATION_CLASS (haven_application_parent_class)->handle_local_options (app, options);
}

static int
haven_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *region = NULL;
  const char *feed_url = NULL;

  if (g_variant_dict_lookup (options, "region", "&s", &region))
    {
      g_free (self->region_override);
      self->region_override = normalize_region (region);
    }

  if (g_variant_dict_lookup (options, "feed-url", "&s", &feed_url))
    {
      g_free (self->feed_url_override);
      self->feed_url_override = g_strdup (feed_url);
    }

  if (g_variant_dict_contains (options, "offline"))
    self->offline = TRUE;

  if (g_variant_dict_contains (options, "help-now"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "help-now", NULL);
  else
    g_application_activate (app);

  return 0;
}

static void
haven_application_help_now (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));

  haven_window_show_view (window, HAVEN_VIEW_HELP);
}

static void
haven_application_quit (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window lets it save its state first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (app);
}

static void
haven_application_about (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));
  GtkWidget *about;
  static const char *developers[] = { "Haven contributors https://github.com/havenwellbeing/haven", NULL };
  static const char *guidance[] = {
    "ReportingOnSuicide.org https://reportingonsuicide.org/",
    "Samaritans media guidelines https://www.samaritans.org/about-samaritans/media-guidelines/",
    "WHO and IASP, Preventing suicide: a resource for media professionals (2023) https://www.who.int/publications/i/item/9789240076846",
    "Orygen #chatsafe https://www.orygen.org.au/chatsafe",
    "Beat media guidelines https://www.beateatingdisorders.org.uk/",
    NULL
  };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Haven"),
                        "developer-name", _("Haven contributors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/havenwellbeing/haven",
                        "issue-url", "https://github.com/havenwellbeing/haven/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Haven contributors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Haven is a calm companion for mental well-being. "
                                      "It is not a substitute for professional care. "
                                      "Each crisis contact names the operator’s site it was checked against."),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Safe-messaging guidance"),
                                                guidance);
  gtk_window_present (GTK_WINDOW (about));
}

static void
haven_application_shortcuts (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/haven-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
  gtk_window_present (shortcuts);
}

static void
haven_application_preferences (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));
  HavenPreferencesWindow *preferences;

  preferences = haven_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* app.safety-plan: opens the reader's safety plan, or raises it when it is
 * open. Any view can offer it with action-name "app.safety-plan". */
static void
haven_application_safety_plan (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  HavenApplication *self = HAVEN_APPLICATION (user_data);
  GtkWindow *plan = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HAVEN_IS_SAFETY_PLAN_WINDOW (l->data))
      {
        plan = l->data;
        break;
      }

  if (plan == NULL)
    {
      GtkWindow *main_window = NULL;
      int width, height;

      plan = GTK_WINDOW (haven_safety_plan_window_new (GTK_APPLICATION (self), self->feed,
                                                       self->region_override));

      /* Open as large as the main window, which remembers its size. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        if (HAVEN_IS_WINDOW (l->data))
          main_window = l->data;
      if (main_window != NULL)
        {
          gtk_window_get_default_size (main_window, &width, &height);
          if (width > 0 && height > 0)
            gtk_window_set_default_size (plan, width, height);
        }
    }

  gtk_window_present (plan);
}

static const GActionEntry app_actions[] = {
  { "help-now", haven_application_help_now },
  { "quit", haven_application_quit },
  { "about", haven_application_about },
  { "shortcuts", haven_application_shortcuts },
  { "preferences", haven_application_preferences },
  { "safety-plan", haven_application_safety_plan },
};

static void
haven_application_startup (GApplication *app)
{
  static const char *help_now_accels[] = { "F1", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  HavenApplication *self = HAVEN_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (haven_application_parent_class)->startup (app);

  /* The bundled feed is complete, so Haven has content from the first start. */
  self->feed = haven_feed_load_bundled (&error);
  if (self->feed == NULL)
    g_critical ("The bundled feed is broken: %s", error->message);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "color-scheme",
                   adw_style_manager_get_default (), "color-scheme",
                   G_SETTINGS_BIND_GET);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help-now", help_now_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
haven_application_finalize (GObject *object)
{
  HavenApplication *self = HAVEN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->feed);
  g_clear_pointer (&self->region_override, g_free);
  g_clear_pointer (&self->feed_url_override, g_free);

  G_OBJECT_CLASS (haven_application_parent_class)->finalize (object);
}

static void
haven_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HavenApplication *self = HAVEN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_application_class_init (HavenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = haven_application_finalize;
  object_class->get_property = haven_application_get_property;

  /**
   * HavenApplication:feed:
   *
   * The content Haven shows: the bundled feed until a newer one is stored.
   */
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->activate = haven_application_activate;
  app_class->startup = haven_application_startup;
  app_class->command_line = haven_application_command_line;
  app_class->handle_local_options = haven_application_handle_local_options;
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

/**
 * haven_application_get_region:
 *
 * Returns: (nullable): the region given with `--region` for this run, as an
 *   upper-case ISO 3166-1 alpha-2 code, or %NULL
 */
const char *
haven_application_get_region (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->region_override;
}

/**
 * haven_application_get_feed:
 *
 * Returns: (transfer none) (nullable): the content Haven shows
 */
HavenFeed *
haven_application_get_feed (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->feed;
}

gboolean
haven_application_get_offline (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), FALSE);

  return self->offline;
}

const char *
haven_application_get_feed_url (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->feed_url_override;
}
