/* haven-safety-plan-window.c: the reader's safety plan, to fill in and print
 *
 * The window opens at once and reads the plan on a thread; every edit is
 * saved on a thread half a second after typing pauses, and once more, in
 * full, when the window closes, so that quitting never loses the last words.
 * The form is the template's steps (HavenSafetyPlanStep), which edit the
 * plan they are given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-safety-plan-print.h"
#include "haven-safety-plan-step.h"
#include "haven-safety-plan-store.h"
#include "haven-safety-plan-window.h"

#define SAVE_DELAY_MS 500

struct _HavenSafetyPlanWindow
{
  AdwApplicationWindow  parent_instance;

  HavenContent         *content;

  HavenSafetyPlanStore *store;
  HavenSafetyPlan      *plan;
  GCancellable         *cancellable;
  guint                 save_source;
  gboolean              dirty;
  gboolean              loaded;
  /* Set when the plan on disk could not be read nor kept aside: saving
   * would overwrite it, so Haven does not. */
  gboolean              read_only;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *plan_box;
  GtkBox               *notice_box;
  GtkLabel             *notice_label;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanWindow, haven_safety_plan_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_notice (HavenSafetyPlanWindow *self,
             const char            *message)
{
  gtk_label_set_text (self->notice_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_box), TRUE);
}

static void
show_toast (HavenSafetyPlanWindow *self,
            const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HavenSafetyPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!haven_safety_plan_store_save_finish (HAVEN_SAFETY_PLAN_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      gtk_widget_get_realized (GTK_WIDGET (self)))
    show_toast (self, error->message);
}

static gboolean
save_now (gpointer user_data)
{
  HavenSafetyPlanWindow *self = user_data;

  self->save_source = 0;
  if (!self->dirty || self->read_only)
    return G_SOURCE_REMOVE;

  self->dirty = FALSE;
  haven_safety_plan_store_save_async (self->store, self->plan, NULL, save_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (HavenSafetyPlanWindow *self)
{
  if (self->read_only)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_now, self);
}

/* Shows @plan, which becomes the one that is edited and saved. */
static void
show_plan (HavenSafetyPlanWindow *self,
           HavenSafetyPlan       *plan)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);
  g_set_object (&self->plan, plan);

  for (GtkWidget *step = gtk_widget_get_first_child (self->plan_box);
       step != NULL;
       step = gtk_widget_get_next_sibling (step))
    haven_safety_plan_step_set_plan (HAVEN_SAFETY_PLAN_STEP (step), plan);

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (on_plan_changed), self);
  self->loaded = TRUE;
  gtk_widget_set_sensitive (self->plan_box, TRUE);
}

static void
show_new_plan (HavenSafetyPlanWindow *self)
{
  g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();

  /* The services of the region Get Help shows. Suggestions are not saved
   * until the reader changes something. */
  haven_safety_plan_add_suggestions (plan, haven_content_get_feed (self->content),
                                     haven_content_get_region (self->content));
  show_plan (self, plan);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  HavenSafetyPlanWindow *self;
  g_autoptr(HavenSafetyPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = haven_safety_plan_store_load_finish (HAVEN_SAFETY_PLAN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = HAVEN_SAFETY_PLAN_WINDOW (user_data);
  if (plan != NULL)
    {
      show_plan (self, plan);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      if (!g_error_matches (error, HAVEN_SAFETY_PLAN_STORE_ERROR, HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT))
        {
          g_autofree char *message = NULL;

          /* Translators: %s says what went wrong */
          message = g_strdup_printf (_("%s\n\nSo as not to overwrite it, changes you make here will not be saved."),
                                     error->message);
          self->read_only = TRUE;
          show_notice (self, message);
        }
      else
        show_notice (self, error->message);
    }

  show_new_plan (self);
}

static void
flush (HavenSafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->read_only || self->plan == NULL)
    return;

  /* The one blocking write: a few kilobytes, so that the last edit is on
   * disk even when the application quits right after closing this. */
  self->dirty = FALSE;
  if (!haven_safety_plan_store_save (self->store, self->plan, NULL, &error))
    g_warning ("The safety plan could not be saved on closing: %s", error->message);
}

static gboolean
haven_safety_plan_window_close_request (GtkWindow *window)
{
  flush (HAVEN_SAFETY_PLAN_WINDOW (window));

  return GTK_WINDOW_CLASS (haven_safety_plan_window_parent_class)->close_request (window);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (widget);
  g_autoptr(HavenSafetyPlanPrint) print = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  print = haven_safety_plan_print_new (self->plan);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HavenSafetyPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!haven_safety_plan_store_delete_finish (HAVEN_SAFETY_PLAN_STORE (source), result, &error))
    {
      if (self->store == NULL)
        return;
      show_toast (self, error->message);
      return;
    }

  /* Closed while deleting: the plan is gone, and so is the window. */
  if (self->store == NULL)
    return;

  self->dirty = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->notice_box), FALSE);
  show_new_plan (self);
  show_toast (self, _("Your plan was deleted from this computer"));
}

static void
delete_response (GObject               *dialog,
                 const char            *response,
                 HavenSafetyPlanWindow *self)
{
  if (g_strcmp0 (response, "delete") != 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  self->read_only = FALSE;
  haven_safety_plan_store_delete_async (self->store, NULL, delete_cb, g_object_ref (self));
}

/* Libadwaita 1.5 replaced the message dialog, a window of its own, with an
 * alert dialog shown over its window; the older one lays its text out a
 * pixel too narrow on 1.7 now and then. Built against 1.5 or later, Haven
 * uses the alert dialog (its API is newer than the 1.2 it pins). */
#if ADW_CHECK_VERSION (1, 5, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
present_delete_dialog (HavenSafetyPlanWindow *self,
                       const char            *heading,
                       const char            *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Keep Plan"),
                                  "delete", _("_Delete"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "delete",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
present_delete_dialog (HavenSafetyPlanWindow *self,
                       const char            *heading,
                       const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Plan"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
#endif

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_delete_dialog (HAVEN_SAFETY_PLAN_WINDOW (widget),
                         _("Delete Your Safety Plan?"),
                         _("Everything you wrote in it will be removed from this computer. "
                           "This cannot be undone. A copy you printed or saved stays yours."));
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->notice_box), FALSE);
}

static void
haven_safety_plan_window_constructed (GObject *object)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (object);

  G_OBJECT_CLASS (haven_safety_plan_window_parent_class)->constructed (object);

  haven_safety_plan_store_load_async (self->store, self->cancellable, load_cb, self);
}

static void
haven_safety_plan_window_dispose (GObject *object)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (object);

  flush (self);
  g_cancellable_cancel (self->cancellable);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_SAFETY_PLAN_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->content);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (haven_safety_plan_window_parent_class)->dispose (object);
}

static void
haven_safety_plan_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (object);

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
haven_safety_plan_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HavenSafetyPlanWindow *self = HAVEN_SAFETY_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      self->content = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_safety_plan_window_class_init (HavenSafetyPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = haven_safety_plan_window_constructed;
  object_class->dispose = haven_safety_plan_window_dispose;
  object_class->get_property = haven_safety_plan_window_get_property;
  object_class->set_property = haven_safety_plan_window_set_property;
  window_class->close_request = haven_safety_plan_window_close_request;

  /**
   * HavenSafetyPlanWindow:haven-content:
   *
   * Where suggested services for a new plan come from: the feed, and the
   * region the reader is in.
   */
  properties[PROP_CONTENT] =
    g_param_spec_object ("haven-content", NULL, NULL,
                         HAVEN_TYPE_CONTENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_SAFETY_PLAN_STEP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/haven-safety-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanWindow, plan_box);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanWindow, notice_box);
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyPlanWindow, notice_label);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

static void
haven_safety_plan_window_init (HavenSafetyPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = haven_safety_plan_store_new (NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * haven_safety_plan_window_new:
 * @content: the feed and the reader's region, for the suggested services
 *
 * The window belongs to @application, so that closing all of the
 * application's windows (leaving quickly) closes it too.
 */
HavenSafetyPlanWindow *
haven_safety_plan_window_new (GtkApplication *application,
                              HavenContent   *content)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HAVEN_IS_CONTENT (content), NULL);

  return g_object_new (HAVEN_TYPE_SAFETY_PLAN_WINDOW,
                       "application", application,
                       "haven-content", content,
                       NULL);
}
