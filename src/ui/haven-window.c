/* haven-window.c: the main window with its three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-explainers-view.h"
#include "haven-help-view.h"
#include "haven-home-view.h"
#include "haven-window.h"

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HavenFeed            *feed;

  AdwViewStack         *stack;
  HavenHelpView        *help_view;
};

G_DEFINE_FINAL_TYPE (HavenWindow, haven_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Page names in haven-window.ui, indexed by HavenView. */
static const char * const view_names[] = { "home", "explainers", "help" };

static gboolean
haven_window_close_request (GtkWindow *window)
{
  HavenWindow *self = HAVEN_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    g_settings_set (self->settings, "window-size", "(ii)", width, height);

  return GTK_WINDOW_CLASS (haven_window_parent_class)->close_request (window);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (haven_window_parent_class)->dispose (object);
}

static void
haven_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HavenWindow *self = HAVEN_WINDOW (object);

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
haven_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      if (g_set_object (&self->feed, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* For tests/bench/bench-first-frame: when the first frame is painted,
 * print the monotonic time and whether Get Help was in it. */
static void
report_first_frame (GdkFrameClock *clock,
                    HavenWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, report_first_frame, self);
  g_print ("first-frame %" G_GINT64_FORMAT " help=%d\n",
           g_get_monotonic_time (),
           haven_window_get_view (self) == HAVEN_VIEW_HELP &&
           haven_help_view_shows_help (self->help_view));
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (report_first_frame), widget);
}

static void
haven_window_class_init (HavenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = haven_window_dispose;
  object_class->get_property = haven_window_get_property;
  object_class->set_property = haven_window_set_property;
  window_class->close_request = haven_window_close_request;

  /**
   * HavenWindow:feed:
   *
   * The content the views show; the application replaces it when an update lands.
   */
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_EXPLAINERS_VIEW);
  g_type_ensure (HAVEN_TYPE_HELP_VIEW);
  g_type_ensure (HAVEN_TYPE_HOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, help_view);
}

static void
haven_window_init (HavenWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_getenv ("HAVEN_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

HavenWindow *
haven_window_new (gpointer application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (HAVEN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
haven_window_show_view (HavenWindow *self,
                        HavenView    view)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (view < G_N_ELEMENTS (view_names));

  adw_view_stack_set_visible_child_name (self->stack, view_names[view]);
}

HavenView
haven_window_get_view (HavenWindow *self)
{
  const char *name;

  g_return_val_if_fail (HAVEN_IS_WINDOW (self), HAVEN_VIEW_HOME);

  name = adw_view_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return i;

  return HAVEN_VIEW_HOME;
}

/**
 * haven_window_set_region_override:
 * @self: a window
 * @code: (nullable): the region given with `--region` for this run
 */
void
haven_window_set_region_override (HavenWindow *self,
                                  const char  *code)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));

  haven_help_view_set_region_override (self->help_view, code);
}

/**
 * haven_window_show_contact:
 * @self: a window
 * @contact_id: a contact of the feed
 *
 * Shows Get Help with the focus on that contact's card.
 */
void
haven_window_show_contact (HavenWindow *self,
                           const char  *contact_id)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));

  haven_window_show_view (self, HAVEN_VIEW_HELP);
  haven_help_view_show_contact (self->help_view, contact_id);
}
