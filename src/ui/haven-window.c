/* haven-window.c: the main window with its three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-bench.h"
#include "haven-explainers-view.h"
#include "haven-help-view.h"
#include "haven-home-view.h"
#include "haven-window.h"

#define N_VIEWS (HAVEN_VIEW_HELP + 1)

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HavenFeed            *feed;
  HavenImageCache      *image_cache;

  AdwViewStack         *stack;

  /* The update status line. */
  char                 *status;
  char                 *status_detail;
  GtkRevealer          *status_revealer;
  GtkLabel             *status_label;
  GtkLabel             *status_detail_label;
  GtkToggleButton      *status_details_button;

  /* signing: the unsigned-preview banner */
  GtkRevealer          *preview_revealer;

  /* Each view is built into its bin when first needed. */
  AdwBin               *bins[N_VIEWS];
  char                 *region_override;
  gulong                after_paint_id;
  guint                 build_views_id;
};

G_DEFINE_FINAL_TYPE (HavenWindow, haven_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FEED,
  PROP_STATUS,
  PROP_STATUS_DETAIL,
  PROP_UNSIGNED_PREVIEW,
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

static HavenHelpView *
get_help_view (HavenWindow *self)
{
  return HAVEN_HELP_VIEW (adw_bin_get_child (self->bins[HAVEN_VIEW_HELP]));
}

/* For the benchmark: whether Get Help's emergency number and first crisis
 * line were in the frame.
 */
static char *
describe_first_frame (GtkWidget *widget)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  HavenHelpView *help_view = get_help_view (self);

  return g_strdup_printf ("help=%d",
                          haven_window_get_view (self) == HAVEN_VIEW_HELP &&
                          help_view != NULL && haven_help_view_shows_help (help_view));
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
      if (view == HAVEN_VIEW_HELP)
        haven_help_view_set_region_override (HAVEN_HELP_VIEW (child), self->region_override);
      if (view != HAVEN_VIEW_HELP)
        g_object_set (child, "image-cache", self->image_cache, NULL);
      g_object_set (child, "feed", self->feed, NULL);
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
after_paint_cb (GdkFrameClock *clock,
                HavenWindow   *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  if (self->build_views_id == 0)
    self->build_views_id = g_idle_add_full (G_PRIORITY_LOW, build_views_cb, self, NULL);
}

static void
haven_window_realize (GtkWidget *widget)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  GTK_WIDGET_CLASS (haven_window_parent_class)->realize (widget);

  if (next_unbuilt_view (self) < N_VIEWS && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (after_paint_cb), self);
}

static void
haven_window_map (GtkWidget *widget)
{
  /* Before the stack is mapped, so the view on screen maps with it. */
  haven_window_build_shown_view (HAVEN_WINDOW (widget));

  GTK_WIDGET_CLASS (haven_window_parent_class)->map (widget);
}

static void
haven_window_unrealize (GtkWidget *widget)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (haven_window_parent_class)->unrealize (widget);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  g_clear_handle_id (&self->build_views_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed);
  g_clear_object (&self->image_cache);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_detail, g_free);
  g_clear_pointer (&self->region_override, g_free);

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

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATUS_DETAIL:
      g_value_set_string (value, self->status_detail);
      break;

    case PROP_UNSIGNED_PREVIEW:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->preview_revealer));
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
        {
          for (HavenView view = 0; view < N_VIEWS; view++)
            if (adw_bin_get_child (self->bins[view]) != NULL)
              g_object_set (adw_bin_get_child (self->bins[view]), "feed", self->feed, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STATUS:
      haven_window_set_status (self, g_value_get_string (value), self->status_detail);
      break;

    case PROP_STATUS_DETAIL:
      haven_window_set_status (self, self->status, g_value_get_string (value));
      break;

    case PROP_UNSIGNED_PREVIEW:
      if (gtk_revealer_get_reveal_child (self->preview_revealer) != g_value_get_boolean (value))
        {
          gtk_revealer_set_reveal_child (self->preview_revealer, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * haven_window_set_status:
 * @status: (nullable): a short sentence about the last update, or %NULL
 * @detail: (nullable): the whole story, shown on request
 *
 * Shows or hides the status line under the header bar. It never takes
 * the focus or blocks anything.
 */
void
haven_window_set_status (HavenWindow *self,
                         const char  *status,
                         const char  *detail)
{
  gboolean has_detail;

  g_return_if_fail (HAVEN_IS_WINDOW (self));

  if (status != NULL && *status == '\0')
    status = NULL;
  if (detail != NULL && *detail == '\0')
    detail = NULL;

  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      if (status != NULL)
        gtk_label_set_label (self->status_label, status);
      gtk_revealer_set_reveal_child (self->status_revealer, status != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (detail, self->status_detail) != 0)
    {
      g_free (self->status_detail);
      self->status_detail = g_strdup (detail);
      gtk_label_set_label (self->status_detail_label, detail != NULL ? detail : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DETAIL]);
    }

  has_detail = detail != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->status_details_button), has_detail);
  if (!has_detail)
    gtk_toggle_button_set_active (self->status_details_button, FALSE);
}

const char *
haven_window_get_status (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  return self->status;
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
  widget_class->realize = haven_window_realize;
  widget_class->map = haven_window_map;
  widget_class->unrealize = haven_window_unrealize;
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

  /**
   * HavenWindow:status:
   *
   * A calm sentence about the last update, such as “Offline. Showing
   * content from 3 November.”, or %NULL to show none.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenWindow:status-detail:
   *
   * What exactly went wrong, shown on request.
   */
  properties[PROP_STATUS_DETAIL] =
    g_param_spec_string ("status-detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenWindow:unsigned-preview:
   *
   * signing: whether the content is an unsigned preview, which a banner
   * under the header bar says.
   */
  properties[PROP_UNSIGNED_PREVIEW] =
    g_param_spec_boolean ("unsigned-preview", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_EXPLAINERS_VIEW);
  g_type_ensure (HAVEN_TYPE_HELP_VIEW);
  g_type_ensure (HAVEN_TYPE_HOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, stack);
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
  haven_bench_watch_first_frame (GTK_WIDGET (self), describe_first_frame);

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

  g_free (self->region_override);
  self->region_override = g_strdup (code);
  if (get_help_view (self) != NULL)
    haven_help_view_set_region_override (get_help_view (self), code);
}

/**
 * haven_window_set_image_cache:
 * @cache: (nullable): where a network feed's art and creators' pictures
 *   are; set before the window is shown, the views pass it to the widgets
 */
void
haven_window_set_image_cache (HavenWindow     *self,
                              HavenImageCache *cache)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (!cache || HAVEN_IS_IMAGE_CACHE (cache));

  g_set_object (&self->image_cache, cache);
  for (HavenView view = HAVEN_VIEW_HOME; view < HAVEN_VIEW_HELP; view++)
    if (adw_bin_get_child (self->bins[view]) != NULL)
      g_object_set (adw_bin_get_child (self->bins[view]), "image-cache", cache, NULL);
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
