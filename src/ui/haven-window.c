/* haven-window.c: the main window with its three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-explainer-reader.h"
#include "haven-explainers-view.h"
#include "haven-help-view.h"
#include "haven-home-view.h"
#include "haven-navigable.h"
#include "haven-widget-util.h"
#include "haven-window.h"

#define N_VIEWS (HAVEN_VIEW_HELP + 1)

/* Below this window width the header bar is narrow, and below the width
 * the wide header bar needs in the reader's language: see
 * haven_window_size_allocate(). */
#define NARROW_HEADER_WIDTH 720

/* The narrowest a GNOME app window gets, before the narrow layout has been
 * measured. */
#define NARROWEST_WINDOW_WIDTH 360

/* The mouse's back button. */
#define MOUSE_BACK_BUTTON 8

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HavenContent         *content;

  AdwViewStack         *stack;
  GtkWidget            *switcher;
  GtkLabel             *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *back_button;
  GtkWidget            *leave_button;
  GtkWidget            *leave_label;
  GtkMenuButton        *menu_button;
  GtkToggleButton      *save_button;
  GtkToggleButton      *search_button;
  GtkWidget            *zoom_label;
  gboolean              narrow_header;
  /* The least width each layout was last measured to need. */
  int                   narrow_minimum;
  int                   wide_minimum;

  /* The explainer on screen, whose controls the header bar shows. */
  HavenExplainerReader *reader;
  GBinding             *saved_binding;
  GBinding             *search_binding;

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

static void update_header (HavenWindow *self);

/* The view on screen, or NULL while it is not built. */
static GtkWidget *
shown_view (HavenWindow *self)
{
  return adw_bin_get_child (self->bins[haven_window_get_view (self)]);
}

/* The header bar shows the controls of the explainer on screen, if any:
 * save for later beside Leave Quickly, the text size in the main menu.
 * Both wait behind a content note with the piece. */
static void
update_reader_controls (HavenWindow *self)
{
  gboolean reading = self->reader != NULL && !haven_explainer_reader_get_showing_note (self->reader);

  gtk_widget_set_visible (GTK_WIDGET (self->save_button), reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zoom.in", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zoom.out", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zoom.reset", reading);
  gtk_button_set_icon_name (GTK_BUTTON (self->save_button),
                            gtk_toggle_button_get_active (self->save_button) ? "starred-symbolic" : "non-starred-symbolic");

  if (self->reader != NULL)
    {
      /* Translators: the reader's text size, in percent */
      g_autofree char *size = g_strdup_printf (_("%d%%"), haven_explainer_reader_get_text_size (self->reader));

      gtk_button_set_label (GTK_BUTTON (self->zoom_label), size);
    }
}

static void
set_reader (HavenWindow          *self,
            HavenExplainerReader *reader)
{
  if (self->reader == reader)
    return;

  if (self->reader != NULL)
    {
      g_clear_pointer (&self->saved_binding, g_binding_unbind);
      g_signal_handlers_disconnect_by_data (self->reader, self);
    }
  g_set_weak_pointer (&self->reader, reader);
  if (reader != NULL)
    {
      self->saved_binding = g_object_bind_property (reader, "saved", self->save_button, "active",
                                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_swapped (reader, "notify::showing-note", G_CALLBACK (update_reader_controls), self);
      g_signal_connect_swapped (reader, "notify::text-size", G_CALLBACK (update_reader_controls), self);
    }
}

/* The explainers' search toggle and typing to search work while the list
 * is on screen, wherever the focus is in the window. */
static void
update_search (HavenWindow *self,
               GtkWidget   *view,
               gboolean     on_page)
{
  GtkSearchBar *bar = NULL;
  gboolean searchable = HAVEN_IS_EXPLAINERS_VIEW (view) && !on_page;

  if (HAVEN_IS_EXPLAINERS_VIEW (view))
    bar = haven_explainers_view_get_search_bar (HAVEN_EXPLAINERS_VIEW (view));
  if (bar != NULL && self->search_binding == NULL)
    self->search_binding = g_object_bind_property (bar, "search-mode-enabled", self->search_button, "active",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (bar != NULL)
    gtk_search_bar_set_key_capture_widget (bar, searchable ? GTK_WIDGET (self) : NULL);
  else
    {
      GtkWidget *explainers = adw_bin_get_child (self->bins[HAVEN_VIEW_EXPLAINERS]);

      if (explainers != NULL)
        gtk_search_bar_set_key_capture_widget (haven_explainers_view_get_search_bar (HAVEN_EXPLAINERS_VIEW (explainers)),
                                               NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), searchable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nav.search", searchable);
}

/* A page below a view's first has a back button and its title in the
 * header bar; a view's first page has the view switcher (at the bottom,
 * and the window's name at the top, on a narrow window). */
static void
update_header (HavenWindow *self)
{
  GtkWidget *view = shown_view (self);
  const char *title = NULL;
  GtkWidget *page = NULL;

  if (HAVEN_IS_NAVIGABLE (view))
    {
      title = haven_navigable_get_page_title (HAVEN_NAVIGABLE (view));
      page = haven_navigable_get_page (HAVEN_NAVIGABLE (view));
    }

  gtk_widget_set_visible (self->back_button, page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "nav.back", page != NULL);
  if (page != NULL)
    gtk_label_set_text (self->window_title, title != NULL ? title : "");
  else
    gtk_label_set_text (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  /* A narrow window has no room for a page's title beside Back, Get Help
   * Now and the menus: it would shrink to an ellipsis. Every page heads
   * its content with its title, and the views are named in the switcher
   * at the bottom. */
  gtk_widget_set_visible (self->switcher, page == NULL && !self->narrow_header);
  gtk_widget_set_visible (GTK_WIDGET (self->window_title),
                          page != NULL && !self->narrow_header);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, self->narrow_header);

  set_reader (self, HAVEN_IS_EXPLAINER_READER (page) ? HAVEN_EXPLAINER_READER (page) : NULL);
  update_reader_controls (self);
  update_search (self, view, page != NULL);
}

/* A page just opened takes the focus if it did not: the back button,
 * so a keyboard and a screen reader start where the page begins. */
static void
page_changed_cb (HavenWindow *self)
{
  GtkWidget *view = shown_view (self);
  GtkWidget *page;
  GtkWidget *focus;

  update_header (self);

  if (!HAVEN_IS_NAVIGABLE (view) || (page = haven_navigable_get_page (HAVEN_NAVIGABLE (view))) == NULL)
    return;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    gtk_widget_grab_focus (self->back_button);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *view = shown_view (HAVEN_WINDOW (widget));

  if (HAVEN_IS_NAVIGABLE (view))
    haven_navigable_go_back (HAVEN_NAVIGABLE (view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWidget *view = shown_view (HAVEN_WINDOW (widget));

  if (HAVEN_IS_EXPLAINERS_VIEW (view))
    gtk_widget_activate_action (view, "explainers.search", NULL);
}

/* The text size belongs to the reader; the window's actions reach it
 * wherever the focus is. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->reader == NULL)
    return;

  if (g_str_equal (action_name, "zoom.in"))
    gtk_widget_activate_action (GTK_WIDGET (self->reader), "reader.zoom-in", NULL);
  else if (g_str_equal (action_name, "zoom.out"))
    gtk_widget_activate_action (GTK_WIDGET (self->reader), "reader.zoom-out", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->reader), "reader.zoom-reset", NULL);
}

static void
mouse_back_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               HavenWindow     *self)
{
  GtkWidget *view = shown_view (self);

  if (HAVEN_IS_NAVIGABLE (view) && haven_navigable_go_back (HAVEN_NAVIGABLE (view)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GtkWidget *
zoom_button_new (const char *icon_name,
                 const char *action_name,
                 const char *tooltip,
                 const char *name)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", icon_name,
                                    "action-name", action_name,
                                    "tooltip-text", tooltip,
                                    NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return button;
}

/* Smaller, the size (which resets it), larger: one row of the main menu,
 * as text editors have it. */
static void
add_zoom_controls (HavenWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "haven-zoom-box");
  gtk_box_append (GTK_BOX (box),
                  zoom_button_new ("zoom-out-symbolic", "zoom.out", _("Smaller Text (Ctrl+−)"), _("Smaller Text")));
  self->zoom_label = g_object_new (GTK_TYPE_BUTTON,
                                   "label", _("100%"),
                                   "action-name", "zoom.reset",
                                   "tooltip-text", _("Reset Text Size (Ctrl+0)"),
                                   NULL);
  gtk_widget_add_css_class (self->zoom_label, "flat");
  gtk_widget_add_css_class (self->zoom_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->zoom_label);
  gtk_box_append (GTK_BOX (box),
                  zoom_button_new ("zoom-in-symbolic", "zoom.in", _("Larger Text (Ctrl+Plus)"), _("Larger Text")));

  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), box, "zoom");
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
      g_signal_connect_object (child, "page-changed", G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->bins[view], child);
      update_header (self);
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
  update_header (self);
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
 * in every language: Leave Quickly is an icon, and the view switcher moves
 * to the bottom. */
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
  update_header (self);
}

/* The least width of the wide layout, measured again if the layout or
 * what it shows changed since (the measure cache answers otherwise). */
static int
wide_layout_minimum (HavenWindow *self)
{
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);

  return self->wide_minimum;
}

/* A wide window can always be made narrow: it asks for no more width than
 * the narrow layout needs, and haven_window_size_allocate() switches to that
 * layout when it is given less than the wide one needs. */
static void
haven_window_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (haven_window_parent_class);

  /* A height for a width the wide layout cannot have is the height at its
   * least width: the layout changes before it is given less. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && !self->narrow_header)
    for_size = MAX (for_size, wide_layout_minimum (self));

  parent_class->measure (widget, orientation, for_size,
                         minimum, natural,
                         minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;

  if (self->narrow_header)
    {
      self->narrow_minimum = *minimum;
    }
  else
    {
      self->wide_minimum = *minimum;
      *minimum = MIN (*minimum, self->narrow_minimum);
    }
}

/* The window's width decides, which neither layout changes: a window saved
 * narrow opens narrow, and widens once it is wide enough for the wide
 * layout; a wide one narrows when made narrower than that. */
static void
haven_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  gboolean narrow = width < MAX (NARROW_HEADER_WIDTH, self->wide_minimum);

  /* Before the children are allocated, so they are laid out once. */
  if (narrow != self->narrow_header)
    set_narrow_header (self, narrow);

  /* Widened for the first time, or in a language whose names need more. */
  if (!narrow && width < wide_layout_minimum (self))
    set_narrow_header (self, TRUE);

  GTK_WIDGET_CLASS (haven_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = HAVEN_WINDOW (object);

  g_clear_handle_id (&self->build_views_id, g_source_remove);
  set_reader (self, NULL);
  g_clear_pointer (&self->search_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);
  if (self->content != NULL)
    g_signal_handlers_disconnect_by_data (self->content, self);
  g_clear_object (&self->content);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_window_parent_class)->dispose (object);
}

/* Shows or hides the status line over the bottom of the page. It never
 * takes the focus or blocks anything. */
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
  if (status != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "haven-status-shown");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "haven-status-shown");

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

/* The reader put the status line away: it stays hidden until the status
 * changes. */
static void
status_hide_clicked_cb (HavenWindow *self)
{
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "haven-status-shown");
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

/* A byline's creator name, in any view: the creator's page is in the
 * Explainers view, with the header's Back. */
static void
show_creator_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  HavenWindow *self = user_data;
  GtkWidget *view;

  haven_window_show_view (self, HAVEN_VIEW_EXPLAINERS);
  view = haven_window_ensure_view (self, HAVEN_VIEW_EXPLAINERS);
  gtk_widget_activate_action_variant (view, "explainers.show-creator", parameter);
}

static const GActionEntry win_entries[] = {
  { .name = "show-creator", .activate = show_creator_action, .parameter_type = "s" },
};

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
  widget_class->measure = haven_window_measure;
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
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leave_button);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leave_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, status_details_button);
  gtk_widget_class_bind_template_callback (widget_class, status_hide_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, preview_revealer);
  gtk_widget_class_bind_template_child_full (widget_class, "home_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_HOME]));
  gtk_widget_class_bind_template_child_full (widget_class, "explainers_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_EXPLAINERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "help_bin", FALSE,
                                             G_STRUCT_OFFSET (HavenWindow, bins[HAVEN_VIEW_HELP]));
  gtk_widget_class_bind_template_callback (widget_class, haven_window_build_shown_view);

  gtk_widget_class_install_action (widget_class, "nav.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "nav.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "zoom.in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.reset", NULL, zoom_action);

  /* Window-wide, wherever the focus is: a view's own keys come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "nav.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "nav.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "nav.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "nav.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "nav.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "zoom.out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "zoom.out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "zoom.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "zoom.reset", NULL);
}

static void
haven_window_init (HavenWindow *self)
{
  int width, height;
  GtkGesture *mouse_back;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->narrow_minimum = NARROWEST_WINDOW_WIDTH;
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  add_zoom_controls (self);
  g_signal_connect_swapped (self->save_button, "notify::active", G_CALLBACK (update_reader_controls), self);
  mouse_back = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse_back), MOUSE_BACK_BUTTON);
  g_signal_connect (mouse_back, "pressed", G_CALLBACK (mouse_back_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse_back));
  /* After the first frame, one view an idle, so no frame waits for two. */
  self->build_views_id = haven_after_first_frame (GTK_WIDGET (self), 0, build_views_cb, self);

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  /* Laid out for the width it opens at, so that nothing in the header
   * bar or at the bottom moves as the window appears. */
  set_narrow_header (self, width < NARROW_HEADER_WIDTH);
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

/**
 * haven_window_show_exercise:
 * @self: a window
 * @exercise: "breathe" or "ground"
 *
 * Shows one of Get Help's calm exercises (Home offers them too).
 */
void
haven_window_show_exercise (HavenWindow *self,
                            const char  *exercise)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (exercise, "breathe") == 0 || g_strcmp0 (exercise, "ground") == 0);

  haven_window_show_view (self, HAVEN_VIEW_HELP);
  gtk_widget_activate_action (haven_window_ensure_view (self, HAVEN_VIEW_HELP),
                              "help.show-page", "s", exercise);
}
