/* haven-application-actions.c: the application's actions and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-application"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-application-private.h"
#include "haven-help-emergency-card.h"
#include "haven-preferences-window.h"
#include "haven-safety-plan-window.h"
#include "haven-widget-util.h"

static HavenWindow *
present_window (HavenApplication *self)
{
  HavenWindow *window = haven_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* The emergency card's first action: with F1, Call 999 (or Copy) is the
 * next key press away, not the header's buttons and every number. */
static gboolean
focus_emergency_card (HavenWindow *window)
{
  GtkWidget *card = haven_widget_find_shown (GTK_WIDGET (window), HAVEN_TYPE_HELP_EMERGENCY_CARD);

  return card != NULL && haven_help_emergency_card_focus (HAVEN_HELP_EMERGENCY_CARD (card));
}

static gboolean
focus_emergency_card_cb (gpointer data)
{
  g_autoptr(HavenWindow) window = data;

  if (haven_window_get_view (window) == HAVEN_VIEW_HELP)
    focus_emergency_card (window);

  return G_SOURCE_REMOVE;
}

static void
haven_application_help_now (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  HavenWindow *window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));

  haven_window_show_view (window, HAVEN_VIEW_HELP);
  gtk_window_present (GTK_WINDOW (window));

  /* A window opening at Get Help may lay its numbers out with its first
   * frame: they take the focus then. */
  if (!focus_emergency_card (window))
    haven_after_first_frame (GTK_WIDGET (window), 3000, focus_emergency_card_cb,
                             g_object_ref (window));
}

/* app.exercise("breathe" or "ground"): one of the calm exercises, from
 * Home or anywhere else. */
static void
haven_application_exercise (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  const char *exercise = g_variant_get_string (parameter, NULL);
  HavenWindow *window;

  if (!g_str_equal (exercise, "breathe") && !g_str_equal (exercise, "ground"))
    return;

  window = haven_application_ensure_window (HAVEN_APPLICATION (user_data));
  haven_window_show_exercise (window, exercise);
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

static void
haven_application_refresh (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  haven_content_refresh (haven_application_get_content (HAVEN_APPLICATION (user_data)));
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
  haven_content_stop (haven_application_get_content (HAVEN_APPLICATION (app)));

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
  HavenWindow *window = present_window (HAVEN_APPLICATION (user_data));
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
  HavenWindow *window = present_window (HAVEN_APPLICATION (user_data));
  GtkShortcutsWindow *shortcuts;

  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/haven-shortcuts-window.ui");
      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      /* As the window's help overlay, the rows that name an action show
       * its keys (F1, Shift+Esc), which the window's application knows;
       * the window keeps it, and closing it hides it for next time. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window), shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
haven_application_preferences (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  HavenWindow *window = present_window (HAVEN_APPLICATION (user_data));
  HavenPreferencesWindow *preferences;

  preferences = haven_preferences_window_new (GTK_WINDOW (window),
                                              haven_application_get_content (HAVEN_APPLICATION (user_data)));
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

      plan = GTK_WINDOW (haven_safety_plan_window_new (GTK_APPLICATION (self),
                                                       haven_application_get_content (self)));

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
  { "exercise", haven_application_exercise, "s" },
  { "about", haven_application_about },
  { "shortcuts", haven_application_shortcuts },
  { "preferences", haven_application_preferences },
  { "refresh", haven_application_refresh },
  { "safety-plan", haven_application_safety_plan },
};

static const struct {
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.help-now", { "F1", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "app.refresh", { "<Control>r", NULL } },
  { "app.leave-quickly", { "<Shift>Escape", NULL } },
};

void
_haven_application_actions_init (HavenApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);
}
