/* haven-application.c: the application, its actions and command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-application"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-application.h"
#include "haven-feed-parser.h"
#include "haven-feed-store.h"
#include "haven-feed-updater.h"
#include "haven-image-cache.h"
#include "haven-minisign.h"
#include "haven-preferences-window.h"
#include "haven-search-provider.h"
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

  /* signing: --feed-key and --unsigned-preview, for this run only */
  char           *feed_key_override;
  gboolean        unsigned_preview;

  /* Fresh content: the stored copy, its updater, and what the status line says. */
  HavenFeedStore   *store;
  HavenFeedUpdater *updater;
  HavenImageCache  *image_cache;
  GCancellable     *update_cancellable;
  HavenFeedOrigin   feed_origin;
  gulong            network_changed_id;
  gboolean          network_available;
  gboolean          started_refresh;
  guint             retry_id;
  guint             start_refresh_id;
  GdkFrameClock    *first_paint_clock;
  char             *status;
  char             *status_detail;
  HavenSearchProvider *search_provider;
};

/* Refresh at start when the copy was last confirmed longer ago than this. */
#define STALE_AFTER (6 * G_TIME_SPAN_HOUR)

G_DEFINE_FINAL_TYPE (HavenApplication, haven_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_FEED,
  PROP_STATUS,
  PROP_STATUS_DETAIL,
  PROP_UNSIGNED_PREVIEW,
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
  { "update-feed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fetch, check and store fresh content without opening a window, then exit"), NULL },
  /* signing */
  { "feed-key", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Also trust feeds signed with this minisign public key, for this run"), N_("KEY") },
  { "unsigned-preview", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the unsigned feed of --feed-url for this run, without keeping it"), NULL },
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

/* One cache for the windows and the updates; it fetches through the
 * updater's session, which comes after the first frame. */
static HavenImageCache *
haven_application_ensure_image_cache (HavenApplication *self)
{
  if (self->image_cache == NULL)
    self->image_cache = haven_image_cache_new (NULL, NULL);

  return self->image_cache;
}

/* Finds Haven's main window, or makes one; presenting it is the caller's,
 * after choosing the view, so that a new window's first frame draws the
 * view asked for and no other. */
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
      /* The region first: Get Help then finds its contacts once, not once
       * for the detected region and again for this run's. */
      haven_window_set_region_override (HAVEN_WINDOW (window), self->region_override);
      haven_window_set_image_cache (HAVEN_WINDOW (window), haven_application_ensure_image_cache (self));
      g_object_bind_property (self, "feed", window, "feed", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "status", window, "status", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "status-detail", window, "status-detail", G_BINDING_SYNC_CREATE);
      /* signing */
      g_object_bind_property (self, "unsigned-preview", window, "unsigned-preview", G_BINDING_SYNC_CREATE);
    }

  return HAVEN_WINDOW (window);
}

static HavenWindow *
haven_application_present_window (HavenApplication *self)
{
  HavenWindow *window = haven_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void haven_application_start_refresh (HavenApplication *self);

/* If the window never paints (minimised at start), fresh content still comes. */
#define START_REFRESH_FALLBACK_MS 3000

static void
stop_waiting_for_first_paint (HavenApplication *self)
{
  if (self->first_paint_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->first_paint_clock, self);
      g_clear_object (&self->first_paint_clock);
    }
}

static gboolean
start_refresh_cb (gpointer data)
{
  HavenApplication *self = data;

  self->start_refresh_id = 0;
  stop_waiting_for_first_paint (self);

  /* Someone asked for a refresh meanwhile (Ctrl+R, a test): that one does. */
  if (self->updater == NULL)
    haven_application_start_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock    *clock,
                HavenApplication *self)
{
  stop_waiting_for_first_paint (self);
  g_clear_handle_id (&self->start_refresh_id, g_source_remove);
  self->start_refresh_id = g_idle_add_full (G_PRIORITY_LOW, start_refresh_cb, self, NULL);
}

/* The updater starts once the window has painted its first frame: making
 * its HTTP session loads the TLS backend and the proxy resolver, and a slow
 * or silent server should never stand between the reader and the window. */
static void
haven_application_start_refresh_after_paint (HavenApplication *self,
                                             HavenWindow      *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  self->start_refresh_id = g_timeout_add (START_REFRESH_FALLBACK_MS, start_refresh_cb, self);
  if (clock != NULL)
    {
      self->first_paint_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint_cb), self);
    }
}

static void
haven_application_activate (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  HavenWindow *window = haven_application_present_window (self);

  /* The window shows what Haven has first; fresh content follows. */
  if (!self->started_refresh)
    {
      self->started_refresh = TRUE;
      haven_application_start_refresh_after_paint (self, window);
    }
}

/* --feed-url for this run, else the feed-url setting, else the build's default. */
static char *
dup_feed_url (GSettings  *settings,
              const char *override)
{
  g_autofree char *setting = NULL;

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  setting = g_settings_get_string (settings, "feed-url");
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);

  return g_strdup (DEFAULT_FEED_URL);
}

/* signing: the keys of the feed-public-keys setting, plus --feed-key for
 * this run; an unsigned preview (--unsigned-preview) needs no signature
 * and keeps nothing. */
static void
configure_feed_trust (HavenFeedUpdater *updater,
                      GSettings        *settings,
                      const char       *feed_key,
                      gboolean          unsigned_preview)
{
  g_auto(GStrv) keys = g_settings_get_strv (settings, "feed-public-keys");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) trusted = NULL;

  g_strv_builder_addv (builder, (const char **)keys);
  if (feed_key != NULL)
    g_strv_builder_add (builder, feed_key);
  trusted = g_strv_builder_end (builder);

  haven_feed_updater_set_trusted_keys (updater, (const char * const *)trusted);
  haven_feed_updater_set_require_signature (updater, !unsigned_preview);
  haven_feed_updater_set_store_updates (updater, !unsigned_preview);
}

static void
set_status (HavenApplication *self,
            const char       *status,
            const char       *detail)
{
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (self->status_detail, detail) != 0)
    {
      g_free (self->status_detail);
      self->status_detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DETAIL]);
    }
}

/* “3 November”: when the stored copy was fetched, or the date the bundled
 * feed was made.
 */
static char *
dup_content_date (HavenApplication *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->feed_origin == HAVEN_FEED_ORIGIN_REMOTE)
    {
      g_autoptr(GDateTime) fetched = haven_feed_store_dup_fetched (self->store);

      if (fetched != NULL)
        date = g_date_time_to_local (fetched);
    }

  if (date == NULL && self->feed != NULL)
    {
      const GDate *generated = haven_feed_get_generated (self->feed);

      date = g_date_time_new_local (g_date_get_year (generated), g_date_get_month (generated),
                                    g_date_get_day (generated), 12, 0, 0);
    }

  if (date == NULL)
    return NULL;

  /* Translators: a day and month as in “Showing content from 3 November”; see
   * g_date_time_format() for the codes.
   */
  return g_date_time_format (date, C_("content date", "%-d %B"));
}

static void
show_offline_status (HavenApplication *self,
                     const char       *detail)
{
  g_autofree char *date = dup_content_date (self);
  g_autofree char *status = NULL;

  if (date != NULL)
    /* Translators: %s is a date such as “3 November” */
    status = g_strdup_printf (_("Offline. Showing content from %s."), date);
  else
    status = g_strdup (_("Offline."));

  set_status (self, status, detail);
}

static void haven_application_refresh (HavenApplication *self);

static gboolean
retry_cb (gpointer data)
{
  HavenApplication *self = data;

  self->retry_id = 0;
  haven_application_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
images_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (!haven_image_cache_update_finish (HAVEN_IMAGE_CACHE (object), result, &n_failed, &error))
    g_debug ("Images not updated: %s", error->message);
  else if (n_failed > 0)
    g_debug ("%u images could not be cached; their placeholders stay", n_failed);
}

/* Every image of the new feed, through the same session, whatever the reader opens. */
static void
haven_application_update_images (HavenApplication *self)
{
  haven_image_cache_set_session (haven_application_ensure_image_cache (self),
                                 haven_feed_updater_get_session (self->updater));
  haven_image_cache_update_async (self->image_cache, self->feed, self->update_cancellable,
                                  images_cb, NULL);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HavenApplication) self = user_data;
  g_autoptr(HavenFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeedUpdateResult update_result;
  guint delay;

  update_result = haven_feed_updater_update_finish (HAVEN_FEED_UPDATER (object), result,
                                                    &feed, &error);
  switch (update_result)
    {
    case HAVEN_FEED_UPDATE_UPDATED:
      g_debug ("Fresh content arrived");
      self->feed_origin = HAVEN_FEED_ORIGIN_REMOTE;
      if (g_set_object (&self->feed, feed))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
      set_status (self, NULL, NULL);
      /* signing: a preview leaves nothing behind, not even images. */
      if (!self->unsigned_preview)
        haven_application_update_images (self);
      break;

    case HAVEN_FEED_UPDATE_NOT_MODIFIED:
      set_status (self, NULL, NULL);
      break;

    case HAVEN_FEED_UPDATE_FAILED:
    default:
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Update failed: %s", error->message);
      if (g_error_matches (error, HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_OFFLINE))
        show_offline_status (self, error->message);
      else
        set_status (self, haven_feed_update_error_get_summary (error), error->message);

      delay = haven_feed_updater_get_retry_delay (HAVEN_FEED_UPDATER (object));
      g_clear_handle_id (&self->retry_id, g_source_remove);
      if (delay > 0)
        self->retry_id = g_timeout_add_seconds (delay, retry_cb, self);
      break;
    }
}

static void
haven_application_refresh (HavenApplication *self)
{
  g_autofree char *url = NULL;

  if (self->offline || self->store == NULL)
    return;

  if (self->updater == NULL)
    self->updater = haven_feed_updater_new (self->store);
  /* signing: the setting as it is now; an administrator may have changed it. */
  configure_feed_trust (self->updater, self->settings, self->feed_key_override,
                        self->unsigned_preview);
  /* Quitting cancelled the last one; a test or a service may go on. */
  if (self->update_cancellable == NULL || g_cancellable_is_cancelled (self->update_cancellable))
    {
      g_clear_object (&self->update_cancellable);
      self->update_cancellable = g_cancellable_new ();
    }

  g_clear_handle_id (&self->retry_id, g_source_remove);
  url = dup_feed_url (self->settings, self->feed_url_override);
  haven_feed_updater_update_async (self->updater, url, self->update_cancellable,
                                   refresh_cb, g_object_ref (self));
}

static void
haven_application_start_refresh (HavenApplication *self)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->offline)
    return;

  if (!self->network_available)
    {
      show_offline_status (self, NULL);
      return;
    }

  checked = haven_feed_store_dup_checked (self->store);
  now = g_date_time_new_now_utc ();
  if (self->feed_origin == HAVEN_FEED_ORIGIN_REMOTE && checked != NULL &&
      g_date_time_difference (now, checked) < STALE_AFTER && self->feed_url_override == NULL)
    {
      g_debug ("The stored copy is recent; not refreshing at start");
      return;
    }

  haven_application_refresh (self);
}

static void
network_changed_cb (GNetworkMonitor  *monitor,
                    gboolean          available,
                    HavenApplication *self)
{
  gboolean was_available = self->network_available;

  self->network_available = available;
  if (available && !was_available && self->started_refresh)
    haven_application_refresh (self);
}

static void
haven_application_refresh_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  haven_application_refresh (HAVEN_APPLICATION (user_data));
}

typedef struct
{
  gboolean               done;
  HavenFeedUpdateResult  result;
  GError                *error;
} HeadlessUpdate;

static void
headless_update_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HeadlessUpdate *update = user_data;

  update->result = haven_feed_updater_update_finish (HAVEN_FEED_UPDATER (object), result,
                                                     NULL, &update->error);
  update->done = TRUE;
}

/* `haven --update-feed`: for administrators and scripts; prints exactly one line. */
static int
haven_application_update_feed_headless (HavenApplication *self,
                                        GVariantDict     *options)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HavenFeedStore) store = haven_feed_store_new (NULL);
  g_autoptr(HavenFeedUpdater) updater = NULL;
  g_autoptr(HavenFeed) current = NULL;
  g_autofree char *url = NULL;
  const char *override = NULL;
  const char *feed_key = NULL;
  HeadlessUpdate update = { 0 };

  if (g_variant_dict_contains (options, "offline"))
    {
      g_print ("failed: %s\n", _("--offline was given, so Haven did not use the network."));
      return 1;
    }

  /* signing: a preview is for looking at, never for keeping. */
  if (g_variant_dict_contains (options, "unsigned-preview"))
    {
      g_print ("failed: %s\n", _("--unsigned-preview never keeps a feed, so Haven did not fetch it."));
      return 1;
    }

  g_variant_dict_lookup (options, "feed-url", "&s", &override);
  g_variant_dict_lookup (options, "feed-key", "&s", &feed_key);
  url = dup_feed_url (settings, override);

  /* Knowing what Haven shows lets the updater refuse older content. */
  current = haven_feed_store_load_best (store, NULL, NULL);
  updater = haven_feed_updater_new (store);
  configure_feed_trust (updater, settings, feed_key, FALSE);
  haven_feed_updater_update_async (updater, url, NULL, headless_update_cb, &update);
  while (!update.done)
    g_main_context_iteration (NULL, TRUE);

  switch (update.result)
    {
    case HAVEN_FEED_UPDATE_UPDATED:
      g_print ("updated\n");
      return 0;

    case HAVEN_FEED_UPDATE_NOT_MODIFIED:
      g_print ("not modified\n");
      return 0;

    case HAVEN_FEED_UPDATE_FAILED:
    default:
      g_print ("failed: %s\n", update.error->message);
      g_clear_error (&update.error);
      return 1;
    }
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

  /* signing: a key that is not one, or a preview of no address, is a typo. */
  {
    const char *feed_key = NULL;

    if (g_variant_dict_lookup (options, "feed-key", "&s", &feed_key))
      {
        g_autoptr(HavenMinisignKey) key = haven_minisign_key_new (feed_key, NULL);

        if (key == NULL)
          {
            g_printerr (_("--feed-key needs a minisign public key: one line of 56 letters, "
                          "digits and signs that starts with “RW”.\n"));
            return 1;
          }
      }

    if (g_variant_dict_contains (options, "unsigned-preview") &&
        !g_variant_dict_contains (options, "feed-url"))
      {
        g_printerr (_("--unsigned-preview needs --feed-url with the address of the feed to preview.\n"));
        return 1;
      }
  }

  if (g_variant_dict_contains (options, "update-feed"))
    return haven_application_update_feed_headless (HAVEN_APPLICATION (app), options);

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
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      g_free (self->region_override);
      self->region_override = normalize_region (region);
      if (HAVEN_IS_WINDOW (window))
        haven_window_set_region_override (HAVEN_WINDOW (window), self->region_override);
    }

  if (g_variant_dict_lookup (options, "feed-url", "&s", &feed_url))
    {
      g_free (self->feed_url_override);
      self->feed_url_override = g_strdup (feed_url);
    }

  /* signing: for this run; the updater is made with them on the first refresh. */
  {
    const char *feed_key = NULL;

    if (g_variant_dict_lookup (options, "feed-key", "&s", &feed_key))
      {
        g_free (self->feed_key_override);
        self->feed_key_override = g_strdup (feed_key);
      }

    if (g_variant_dict_contains (options, "unsigned-preview") && !self->unsigned_preview)
      {
        self->unsigned_preview = TRUE;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSIGNED_PREVIEW]);
      }

  }

  if (g_variant_dict_contains (options, "offline"))
    {
      self->offline = TRUE;
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

static void
haven_application_help_now (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));

  haven_window_show_view (window, HAVEN_VIEW_HELP);
  gtk_window_present (GTK_WINDOW (window));
}

/* From the Shell's search: Get Help, at one contact. */
static void
haven_application_show_contact (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));

  haven_window_show_contact (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
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

  self->search_provider = haven_search_provider_new (app);

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

static int
dialogs_first (gconstpointer a,
               gconstpointer b)
{
  return (gtk_window_get_transient_for (GTK_WINDOW (b)) != NULL) -
         (gtk_window_get_transient_for (GTK_WINDOW (a)) != NULL);
}

/* The application's windows, held, with the ones that belong to another
 * window first: closing a window destroys its dialogs, and a dialog's
 * dispose still speaks to the window it belongs to. */
static GList *
dup_windows_dialogs_first (GtkApplication *app)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app),
                                     (GCopyFunc) g_object_ref, NULL);

  return g_list_sort (windows, dialogs_first);
}

static void
haven_application_quit (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = dup_windows_dialogs_first (GTK_APPLICATION (app));

  /* Quitting stops any download; the stored copy stays as it was. */
  if (HAVEN_APPLICATION (app)->update_cancellable != NULL)
    g_cancellable_cancel (HAVEN_APPLICATION (app)->update_cancellable);

  /* Closing each window lets it save its state first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  g_application_quit (app);
}

/* Leave quickly: every window goes at once, without saving its state, and
 * a number Haven copied does not stay behind on the clipboard. */
static void
haven_application_leave_quickly (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = dup_windows_dialogs_first (GTK_APPLICATION (app));
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL)
    {
      GdkClipboard *clipboard = gdk_display_get_clipboard (display);

      if (gdk_clipboard_is_local (clipboard))
        gdk_clipboard_set_content (clipboard, NULL);
    }

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  g_application_quit (app);
}

static void
haven_application_about (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  HavenWindow *window = haven_application_present_window (HAVEN_APPLICATION (user_data));
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
  HavenWindow *window = haven_application_present_window (HAVEN_APPLICATION (user_data));
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
  HavenWindow *window = haven_application_present_window (HAVEN_APPLICATION (user_data));
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
  { "leave-quickly", haven_application_leave_quickly },
  { "show-contact", haven_application_show_contact, "s" },
  { "about", haven_application_about },
  { "shortcuts", haven_application_shortcuts },
  { "preferences", haven_application_preferences },
  { "refresh", haven_application_refresh_action },
  { "safety-plan", haven_application_safety_plan },
};

typedef struct
{
  HavenFeedStore  *store;
  HavenFeedOrigin  origin;
  GError          *error;
} FeedLoad;

static gpointer
load_feed_thread (gpointer data)
{
  FeedLoad *load = data;

  return haven_feed_store_load_best (load->store, &load->origin, &load->error);
}

static void
haven_application_startup (GApplication *app)
{
  static const char *help_now_accels[] = { "F1", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *refresh_accels[] = { "<Control>r", NULL };
  static const char *leave_accels[] = { "<Shift>Escape", NULL };

  HavenApplication *self = HAVEN_APPLICATION (app);
  FeedLoad load = { NULL, };
  GThread *loader;

  /* The bundled feed is complete, so Haven has content from the first start;
   * a newer copy stored by an earlier update replaces it. It is read and
   * checked while GTK opens the display, which takes longer, so the window
   * does not wait for it.
   */
  self->store = haven_feed_store_new (NULL);
  load.store = self->store;
  loader = g_thread_new ("haven-feed-load", load_feed_thread, &load);

  G_APPLICATION_CLASS (haven_application_parent_class)->startup (app);

  self->feed = g_thread_join (loader);
  self->feed_origin = load.origin;
  if (self->feed == NULL)
    g_critical ("The bundled feed is broken: %s", load.error->message);
  g_clear_error (&load.error);

  /* Started by D-Bus (the Shell's search, or an action): stay a little
   * while after answering instead of quitting at once. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

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
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.leave-quickly", leave_accels);

  self->network_available = g_network_monitor_get_network_available (g_network_monitor_get_default ());
  self->network_changed_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                               G_CALLBACK (network_changed_cb), self);
}

static void
haven_application_shutdown (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);

  if (self->update_cancellable != NULL)
    g_cancellable_cancel (self->update_cancellable);
  g_clear_signal_handler (&self->network_changed_id, g_network_monitor_get_default ());
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->start_refresh_id, g_source_remove);
  stop_waiting_for_first_paint (self);

  G_APPLICATION_CLASS (haven_application_parent_class)->shutdown (app);
}

static void
haven_application_finalize (GObject *object)
{
  HavenApplication *self = HAVEN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->feed);
  g_clear_object (&self->search_provider);
  g_clear_pointer (&self->region_override, g_free);
  g_clear_pointer (&self->feed_url_override, g_free);
  g_clear_pointer (&self->feed_key_override, g_free);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->updater);
  g_clear_object (&self->store);
  g_clear_object (&self->update_cancellable);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_detail, g_free);

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

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATUS_DETAIL:
      g_value_set_string (value, self->status_detail);
      break;

    case PROP_UNSIGNED_PREVIEW:
      g_value_set_boolean (value, self->unsigned_preview);
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

  /**
   * HavenApplication:status:
   *
   * What the last update did, for the status line, or %NULL when all is well.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenApplication:status-detail:
   *
   * The whole error message behind #HavenApplication:status.
   */
  properties[PROP_STATUS_DETAIL] =
    g_param_spec_string ("status-detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenApplication:unsigned-preview:
   *
   * signing: whether this run shows an unsigned feed (--unsigned-preview),
   * which it never keeps.
   */
  properties[PROP_UNSIGNED_PREVIEW] =
    g_param_spec_boolean ("unsigned-preview", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
