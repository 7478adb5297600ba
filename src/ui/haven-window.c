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
#include "haven-widget-util.h"
#include "haven-window.h"

#define N_VIEWS (HAVEN_VIEW_HELP + 1)

/* Below this window width the header bar is narrow: see
 * haven_window_size_allocate(). */
#define NARROW_HEADER_WIDTH 720

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HavenContent         *content;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *leave_button;
  GtkWidget            *leave_label;
  gboolean              narrow_header;

  /* The update status line, HavenContent:status. */
  GtkRevealer          *status_revealer;
  GtkLabel             *status_label;
  GtkLabel             *status_detail_label;
  GtkToggleButton      *status_details_button;

  /* Shown for an unsigned preview (--unsigned-preview). */
  GtkRevealer          *preview_revealer;

  /* Each view is built into its bin when first needed. */
  AdwBin               *bins[N_VIEWS];
  guint                 build_views_id;
};

G_DEFINE_FINAL_TYPE (HavenWindow, haven_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
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

static GtkWidget *
haven_window_ensure_view (HavenWindow *self,
                          HavenView    view)
{
  static GType (* const get_type[]) (void) = {
    haven_home_view_get_type, haven_explainers_view_get_type, haven_help_view_get_type,
  };
  GtkWidget *child = adw_bin_get_child (self->bins[view]);

  if (child == NULL)
    {
      child = g_object_new (get_type[view] (), NULL);
      /* The region first: Get Help then finds its contacts once. */
      if (view == HAVEN_VIEW_HELP)
        g_object_bind_property (self->content, "region", child, "region",
                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
      else
        g_object_set (child, "image-cache", haven_content_get_image_cache (self->content), NULL);
      g_object_bind_property (self->content, "feed", child, "feed", G_BINDING_SYNC_CREATE);
      adw_bin_set_child (self->bins[view], child);
    }

  return child;
}

/* Builds the view on screen, if it is not built yet. The others wait for
 * the first frame, which so waits only for the view it draws, such as Get
 * Help's numbers with `--help-now`. A window not shown yet has no view on
 * screen: the one it opens on is often chosen after it is made. */
static void
haven_window_build_shown_view (HavenWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    haven_window_ensure_view (self, haven_window_get_view (self));
}

/* The first view not built yet, or N_VIEWS. */
static HavenView
next_unbuilt_view (HavenWindow *self)
{
  HavenView view = 0;

  while (view < N_VIEWS && adw_bin_get_child (self->bins[view]) != NULL)
    view++;

  return view;
}

/* After the first frame, one view an idle, so no frame waits for two. */
static gboolean
build_views_cb (gpointer data)
{
  HavenWindow *self = data;
  HavenView view = next_unbuilt_view (self);

  if (view < N_VIEWS)
    {
      haven_window_ensure_view (self, view);
      return G_SOURCE_CONTINUE;
    }

  self->build_views_id = 0;

  return G_SOURCE_REMOVE;
}

static void
haven_window_map (GtkWidget *widget)
{
  /* Before the stack is mapped, so the view on screen maps with it. */
  haven_window_build_shown_view (HAVEN_WINDOW (widget));

  GTK_WIDGET_CLASS (haven_window_parent_class)->map (widget);
}

/* A narrow window keeps Get Help Now and Leave Quickly in its header bar,
 * in every language: Leave Quickly is an icon, and the title, which the
 * view switcher at the bottom makes least needed, gives way. */
static void
set_narrow_header (HavenWindow *self,
                   gboolean     narrow)
{
  self->narrow_header = narrow;
  gtk_widget_set_visible (self->leave_label, !narrow);
  /* Alone, the icon is flat as the menu's is. */
  if (narrow)
    gtk_widget_add_css_class (self->leave_button, "image-button");
  else
    gtk_widget_remove_css_class (self->leave_button, "image-button");
  adw_view_switcher_title_set_title (self->switcher_title,
                                     narrow ? "" : gtk_window_get_title (GTK_WINDOW (self)));
}

/* The window's width decides, which neither state changes: a window first
 * measures narrow, so it can open at 360 px, and widens once it is wide. */
static void
haven_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  gboolean narrow = width < NARROW_HEADER_WIDTH;

  /* Before the children are allocated, so they are laid out once. */
  if (narrow != self->narrow_header)
    set_narrow_header (self, narrow);

  GTK_WIDGET_CLASS (haven_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  g_clear_handle_id (&self->build_views_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);
  if (self->content != NULL)
    g_signal_handlers_disconnect_by_data (self->content, self);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_window_parent_class)->dispose (object);
}

/* Shows or hides the status line under the header bar. It never takes
 * the focus or blocks anything. */
static void
update_status_line (HavenWindow *self)
{
  const char *status = haven_content_get_status (self->content);
  const char *detail = haven_content_get_status_detail (self->content);
  gboolean has_detail;

  if (status != NULL && *status == '\0')
    status = NULL;
  if (detail != NULL && *detail == '\0')
    detail = NULL;

  if (status != NULL)
    gtk_label_set_label (self->status_label, status);
  gtk_revealer_set_reveal_child (self->status_revealer, status != NULL);

  /* The content's detail is the error's own text, for a developer's log:
   * the reader is told in plain words what happened and what Haven does. */
  has_detail = detail != NULL;
  if (has_detail)
    g_debug ("Status detail: %s", detail);
  gtk_label_set_label (self->status_detail_label,
                       has_detail ? _("Haven couldn’t get new content from its server, so it is "
                                      "showing the content it already has. It tries again on its "
                                      "own: there is nothing you need to do.")
                                  : "");

  gtk_widget_set_visible (GTK_WIDGET (self->status_details_button), has_detail);
  if (!has_detail)
    gtk_toggle_button_set_active (self->status_details_button, FALSE);
}

static void
haven_window_constructed (GObject *object)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  G_OBJECT_CLASS (haven_window_parent_class)->constructed (object);

  g_signal_connect_swapped (self->content, "notify::status",
                            G_CALLBACK (update_status_line), self);
  g_signal_connect_swapped (self->content, "notify::status-detail",
                            G_CALLBACK (update_status_line), self);
  update_status_line (self);
  g_object_bind_property (self->content, "unsigned-preview", self->preview_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
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
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
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
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * haven_window_get_status:
 *
 * Returns: (nullable): the sentence the status line shows, or %NULL when
 *   it is hidden
 */
const char *
haven_window_get_status (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->status_revealer))
    return NULL;

  return gtk_label_get_label (self->status_label);
}

static void
haven_window_class_init (HavenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = haven_window_constructed;
  object_class->dispose = haven_window_dispose;
  object_class->get_property = haven_window_get_property;
  object_class->set_property = haven_window_set_property;
  widget_class->map = haven_window_map;
  widget_class->size_allocate = haven_window_size_allocate;
  window_class->close_request = haven_window_close_request;

  /**
   * HavenWindow:haven-content:
   *
   * The content the views show and the status line speaks of. (Not
   * "content": that is AdwApplicationWindow's child.)
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("haven-content", NULL, NULL,
                         HAVEN_TYPE_CONTENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_EXPLAINERS_VIEW);
  g_type_ensure (HAVEN_TYPE_HELP_VIEW);
  g_type_ensure (HAVEN_TYPE_HOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leave_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leave_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_details_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, preview_revealer);
  gtk_widget_class_bind_template_child_full (widget_class, "home_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_HOME]));
  gtk_widget_class_bind_template_child_full (widget_class, "explainers_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_EXPLAINERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "help_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_HELP]));
  gtk_widget_class_bind_template_callback (widget_class, haven_window_build_shown_view);
}

static void
haven_window_init (HavenWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_narrow_header (self, TRUE);
  /* After the first frame, one view an idle, so no frame waits for two. */
  self->build_views_id = haven_after_first_frame (GTK_WIDGET (self), 0, build_views_cb, self);

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

HavenWindow *
haven_window_new (GtkApplication *application,
                  HavenContent   *content)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HAVEN_IS_CONTENT (content), NULL);

  return g_object_new (HAVEN_TYPE_WINDOW,
                       "application", application,
                       "haven-content", content,
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
  haven_help_view_show_contact (HAVEN_HELP_VIEW (haven_window_ensure_view (self, HAVEN_VIEW_HELP)),
                                contact_id);
}
