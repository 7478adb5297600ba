/* haven-breathing-circle.c: a circle that grows as you breathe in
 *
 * It only draws: HavenBreathingExercise paces the breaths and says how full
 * the lungs are, from 0 (out) to 1 (in).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-breathing-circle"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-breathing-circle.h"

/* The smallest circle, as a part of the largest: never a dot. */
#define MIN_SCALE 0.45

struct _HavenBreathingCircle
{
  GtkWidget parent_instance;

  double    fullness;
};

G_DEFINE_FINAL_TYPE (HavenBreathingCircle, haven_breathing_circle, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FULLNESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_breathing_circle_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float scale = (float) (MIN_SCALE + (1.0 - MIN_SCALE) * self->fullness);
  float radius = MIN (width, height) / 2.0f * scale;
  GskRoundedRect circle;
  GdkRGBA color, fill;
  float border = 3.0f;

  /* The accent colour, from style.css: "breathingcircle { color: … }". */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  fill = color;
  fill.alpha = 0.25f;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (width / 2.0f - radius, height / 2.0f - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &circle.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &circle,
                              (float[4]) { border, border, border, border },
                              (GdkRGBA[4]) { color, color, color, color });
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
  *minimum = 120;
  *natural = 200;
}

static void
haven_breathing_circle_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_FULLNESS:
      g_value_set_double (value, self->fullness);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_breathing_circle_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HavenBreathingCircle *self = HAVEN_BREATHING_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_FULLNESS:
      haven_breathing_circle_set_fullness (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_breathing_circle_class_init (HavenBreathingCircleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = haven_breathing_circle_get_property;
  object_class->set_property = haven_breathing_circle_set_property;
  widget_class->snapshot = haven_breathing_circle_snapshot;
  widget_class->measure = haven_breathing_circle_measure;

  /**
   * HavenBreathingCircle:fullness:
   *
   * How far the breath in has gone: 0 is the smallest circle, 1 the largest.
   */
  properties[PROP_FULLNESS] =
    g_param_spec_double ("fullness", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "breathingcircle");
  /* The exercise's words say what the circle shows. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
haven_breathing_circle_init (HavenBreathingCircle *self)
{
}

double
haven_breathing_circle_get_fullness (HavenBreathingCircle *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_CIRCLE (self), 0.0);

  return self->fullness;
}

void
haven_breathing_circle_set_fullness (HavenBreathingCircle *self,
                                     double                fullness)
{
  g_return_if_fail (HAVEN_IS_BREATHING_CIRCLE (self));

  fullness = CLAMP (fullness, 0.0, 1.0);
  if (self->fullness == fullness)
    return;

  self->fullness = fullness;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULLNESS]);
}
