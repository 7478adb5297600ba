/* haven-breathing-circle.c: a circle that grows as you breathe in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-breathing-circle"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "haven-breathing-circle.h"

/* Slow breathing: in for four seconds, out for six. */
#define IN_SECONDS  4
#define OUT_SECONDS 6

struct _HavenBreathingCircle
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  gint64     started;
  guint      tick_id;
  guint      timeout_id;
  double     scale;
  gboolean   breathing_in;
};

G_DEFINE_FINAL_TYPE (HavenBreathingCircle, haven_breathing_circle, GTK_TYPE_WIDGET)

static gboolean
animations_enabled (HavenBreathingCircle *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);

  return enabled;
}

static void
set_phase (HavenBreathingCircle *self,
           gboolean              breathing_in)
{
  if (self->breathing_in == breathing_in && self->started != 0)
    return;

  self->breathing_in = breathing_in;
  gtk_label_set_text (GTK_LABEL (self->label), breathing_in ? _("Breathe in") : _("Breathe out"));
}

/* Where in one breath we are, from 0 to IN_SECONDS + OUT_SECONDS. */
static double
breath_position (HavenBreathingCircle *self,
                 gint64                now_us)
{
  double elapsed = (now_us - self->started) / (double) G_USEC_PER_SEC;

  return fmod (elapsed, IN_SECONDS + OUT_SECONDS);
}

static void
update (HavenBreathingCircle *self,
        gint64                now_us,
        gboolean              animate)
{
  double t = breath_position (self, now_us);

  set_phase (self, t < IN_SECONDS);

  if (animate)
    {
      /* Eased, so the turn at the top and the bottom of a breath is gentle. */
      double progress = t < IN_SECONDS ? t / IN_SECONDS : 1.0 - (t - IN_SECONDS) / OUT_SECONDS;

      self->scale = 0.5 + 0.5 * (0.5 - 0.5 * cos (G_PI * progress));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (widget);

  update (self, gdk_frame_clock_get_frame_time (clock), TRUE);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  HavenBreathingCircle *self = user_data;

  update (self, g_get_monotonic_time (), FALSE);

  return G_SOURCE_CONTINUE;
}

static void
stop (HavenBreathingCircle *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/**
 * haven_breathing_circle_set_running:
 * @self: the circle
 * @running: whether to pace the breaths
 *
 * With animations turned off in the system, the circle stays still and only
 * the words change.
 */
void
haven_breathing_circle_set_running (HavenBreathingCircle *self,
                                    gboolean              running)
{
  g_return_if_fail (HAVEN_IS_BREATHING_CIRCLE (self));

  stop (self);
  self->scale = 0.75;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!running)
    return;

  self->started = g_get_monotonic_time ();
  self->breathing_in = FALSE;
  set_phase (self, TRUE);

  if (animations_enabled (self))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  else
    self->timeout_id = g_timeout_add (250, on_timeout, self);
}

/**
 * haven_breathing_circle_get_animated:
 *
 * Returns: %TRUE when the circle moves (animations are on and it runs)
 */
gboolean
haven_breathing_circle_get_animated (HavenBreathingCircle *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_CIRCLE (self), FALSE);

  return self->tick_id != 0;
}

static void
haven_breathing_circle_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius = MIN (width, height) / 2.0f * (float) self->scale;
  GskRoundedRect circle;
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  color.alpha = 0.15f;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (width / 2.0f - radius, height / 2.0f - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &color, &circle.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_widget_snapshot_child (widget, self->label, snapshot);
}

static void
haven_breathing_circle_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (widget);
  int label_min, label_nat;

  gtk_widget_measure (self->label, orientation, -1, &label_min, &label_nat, NULL, NULL);
  *minimum = MAX (label_min, 160);
  *natural = MAX (label_nat, 240);
}

static void
haven_breathing_circle_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (widget);

  gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

static void
haven_breathing_circle_unmap (GtkWidget *widget)
{
  stop (HAVEN_BREATHING_CIRCLE (widget));

  GTK_WIDGET_CLASS (haven_breathing_circle_parent_class)->unmap (widget);
}

static void
haven_breathing_circle_dispose (GObject *object)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (object);

  stop (self);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (haven_breathing_circle_parent_class)->dispose (object);
}

static void
haven_breathing_circle_class_init (HavenBreathingCircleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_breathing_circle_dispose;
  widget_class->snapshot = haven_breathing_circle_snapshot;
  widget_class->measure = haven_breathing_circle_measure;
  widget_class->size_allocate = haven_breathing_circle_size_allocate;
  widget_class->unmap = haven_breathing_circle_unmap;

  gtk_widget_class_set_css_name (widget_class, "breathingcircle");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_breathing_circle_init (HavenBreathingCircle *self)
{
  self->scale = 0.75;
  self->label = gtk_label_new (_("Breathe in"));
  gtk_widget_add_css_class (self->label, "title-2");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}
