/* haven-breathing-exercise.c: paced breathing, with a circle and words
 *
 * The reader picks a pace and presses Start; the words say which way to
 * breathe and count the seconds down, and the circle grows and shrinks in
 * the accent colour. Where the system or Haven's own Reduce Motion asks
 * for less motion, the circle goes and the words stay.
 *
 * Time comes in through haven_breathing_exercise_step(): the frame clock
 * while the circle moves, a timeout while only the words change, and a
 * test directly, so no test waits for real seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-breathing-exercise"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "haven-breathing-circle.h"
#include "haven-breathing-exercise.h"

typedef struct
{
  guint in;
  guint out;
} Pace;

/* In the order of the Pace row in haven-breathing-exercise.ui. */
static const Pace paces[] = {
  { 4, 4 },
  { 4, 6 },
  { 5, 5 },
};

/* The pace the exercise starts with: a little longer out than in. */
#define DEFAULT_PACE 1

/* How often the words are brought up to date when the circle is still. */
#define WORDS_INTERVAL_MS 200

struct _HavenBreathingExercise
{
  GtkWidget             parent_instance;

  AdwComboRow          *pace_row;
  HavenBreathingCircle *circle;
  GtkLabel             *phase_label;
  GtkButton            *toggle_button;

  GSettings            *settings;
  guint                 pace;
  gboolean              running;
  gboolean              manual_time;
  gboolean              started;
  gboolean              breathing_in;
  double                position;   /* seconds into the current breath */
  gint64                last_us;
  guint                 tick_id;
  guint                 timeout_id;
};

G_DEFINE_FINAL_TYPE (HavenBreathingExercise, haven_breathing_exercise, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
motion_allowed (HavenBreathingExercise *self)
{
  gboolean animations = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);

  return animations && !g_settings_get_boolean (self->settings, "reduce-motion");
}

/* Screen readers hear the phase when it changes, not every second of the
 * count: the label's accessible name is the phase alone. */
static void
announce (HavenBreathingExercise *self,
          const char             *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
update_view (HavenBreathingExercise *self,
             gboolean                phase_changed)
{
  const Pace *pace = &paces[self->pace];
  g_autofree char *text = NULL;
  const char *phase;
  double in_phase, progress;
  guint remaining;

  if (!self->started)
    {
      gtk_label_set_text (self->phase_label, _("Press Start when you are ready"));
      if (phase_changed)
        announce (self, gtk_label_get_text (self->phase_label));
      haven_breathing_circle_set_fullness (self->circle, 0.0);
      return;
    }

  if (self->breathing_in)
    {
      phase = _("Breathe in");
      in_phase = self->position;
      remaining = pace->in - (guint) floor (in_phase);
      progress = in_phase / pace->in;
    }
  else
    {
      phase = _("Breathe out");
      in_phase = self->position - pace->in;
      remaining = pace->out - (guint) floor (in_phase);
      progress = 1.0 - in_phase / pace->out;
    }

  if (!self->running)
    /* Translators: the breathing exercise is paused; %s is "Breathe in" or "Breathe out" */
    text = g_strdup_printf (_("Paused · %s"), phase);
  else
    /* Translators: a phase of the breathing exercise and the seconds left in it, "Breathe in · 3" */
    text = g_strdup_printf (_("%s · %u"), phase, MAX (remaining, 1u));
  gtk_label_set_text (self->phase_label, text);

  if (phase_changed)
    announce (self, self->running ? phase : text);

  /* Eased, so the turn at the top and the bottom of a breath is gentle. */
  haven_breathing_circle_set_fullness (self->circle, 0.5 - 0.5 * cos (G_PI * CLAMP (progress, 0.0, 1.0)));
}

/**
 * haven_breathing_exercise_step:
 * @self: the exercise
 * @seconds: how much time went by
 *
 * Moves a running exercise on by @seconds; a paused one stays where it is.
 */
void
haven_breathing_exercise_step (HavenBreathingExercise *self,
                               double                  seconds)
{
  const Pace *pace;
  gboolean breathing_in;

  g_return_if_fail (HAVEN_IS_BREATHING_EXERCISE (self));
  g_return_if_fail (seconds >= 0.0);

  if (!self->running)
    return;

  pace = &paces[self->pace];
  self->position = fmod (self->position + seconds, pace->in + pace->out);
  breathing_in = self->position < pace->in;

  if (breathing_in != self->breathing_in)
    {
      self->breathing_in = breathing_in;
      update_view (self, TRUE);
    }
  else
    update_view (self, FALSE);
}

static void
step_to (HavenBreathingExercise *self,
         gint64                  now_us)
{
  gint64 elapsed = now_us - self->last_us;

  self->last_us = now_us;
  /* After a suspend, or a long stall, carry on rather than race through. */
  if (elapsed > 0 && elapsed < 2 * G_USEC_PER_SEC)
    haven_breathing_exercise_step (self, elapsed / (double) G_USEC_PER_SEC);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  step_to (HAVEN_BREATHING_EXERCISE (widget), gdk_frame_clock_get_frame_time (clock));

  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  step_to (HAVEN_BREATHING_EXERCISE (user_data), g_get_monotonic_time ());

  return G_SOURCE_CONTINUE;
}

static void
stop_clock (HavenBreathingExercise *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* The frame clock drives a moving circle; with the circle gone, a timeout
 * updates the words without waking every frame. */
static void
update_clock (HavenBreathingExercise *self)
{
  gboolean motion = motion_allowed (self);

  gtk_widget_set_visible (GTK_WIDGET (self->circle), motion);
  stop_clock (self);

  if (!self->running || self->manual_time || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->last_us = g_get_monotonic_time ();
  if (motion)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  else
    self->timeout_id = g_timeout_add (WORDS_INTERVAL_MS, on_timeout, self);
}

static void
update_button (HavenBreathingExercise *self)
{
  gtk_button_set_label (self->toggle_button, self->running ? _("_Pause") : _("_Start"));
}

gboolean
haven_breathing_exercise_get_running (HavenBreathingExercise *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_EXERCISE (self), FALSE);

  return self->running;
}

/**
 * haven_breathing_exercise_set_running:
 * @self: the exercise
 * @running: %TRUE to start or resume, %FALSE to pause
 */
void
haven_breathing_exercise_set_running (HavenBreathingExercise *self,
                                      gboolean                running)
{
  g_return_if_fail (HAVEN_IS_BREATHING_EXERCISE (self));

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  if (running && !self->started)
    {
      self->started = TRUE;
      self->position = 0.0;
      self->breathing_in = TRUE;
    }

  update_button (self);
  update_view (self, TRUE);
  update_clock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

guint
haven_breathing_exercise_get_pace (HavenBreathingExercise *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_EXERCISE (self), 0);

  return self->pace;
}

/**
 * haven_breathing_exercise_set_pace:
 * @self: the exercise
 * @pace: the index of a pace in the Pace row
 *
 * A new pace starts a new breath, in.
 */
void
haven_breathing_exercise_set_pace (HavenBreathingExercise *self,
                                   guint                   pace)
{
  g_return_if_fail (HAVEN_IS_BREATHING_EXERCISE (self));
  g_return_if_fail (pace < G_N_ELEMENTS (paces));

  if (self->pace == pace)
    return;

  self->pace = pace;
  self->position = 0.0;
  self->breathing_in = TRUE;
  adw_combo_row_set_selected (self->pace_row, pace);
  update_view (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACE]);
}

/**
 * haven_breathing_exercise_get_animated:
 *
 * Returns: %TRUE when the circle is on screen and moves: the exercise
 *   runs, and neither the system nor Haven's Reduce Motion asks for less
 *   motion
 */
gboolean
haven_breathing_exercise_get_animated (HavenBreathingExercise *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_EXERCISE (self), FALSE);

  return self->running && motion_allowed (self) && gtk_widget_get_mapped (GTK_WIDGET (self));
}

/**
 * haven_breathing_exercise_set_manual_time:
 * @self: the exercise
 * @manual: %TRUE to move only with haven_breathing_exercise_step()
 *
 * For tests: the real clock stops driving the exercise, so what a test
 * sees depends on the time it gives, not on how fast the machine is.
 */
void
haven_breathing_exercise_set_manual_time (HavenBreathingExercise *self,
                                          gboolean                manual)
{
  g_return_if_fail (HAVEN_IS_BREATHING_EXERCISE (self));

  self->manual_time = !!manual;
  update_clock (self);
}

static void
pace_selected_cb (HavenBreathingExercise *self)
{
  guint selected = adw_combo_row_get_selected (self->pace_row);

  if (selected < G_N_ELEMENTS (paces))
    haven_breathing_exercise_set_pace (self, selected);
}

static void
toggle_clicked_cb (HavenBreathingExercise *self)
{
  haven_breathing_exercise_set_running (self, !self->running);
}

static void
haven_breathing_exercise_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (haven_breathing_exercise_parent_class)->map (widget);

  update_clock (HAVEN_BREATHING_EXERCISE (widget));
}

static void
haven_breathing_exercise_unmap (GtkWidget *widget)
{
  stop_clock (HAVEN_BREATHING_EXERCISE (widget));

  GTK_WIDGET_CLASS (haven_breathing_exercise_parent_class)->unmap (widget);
}

static void
haven_breathing_exercise_dispose (GObject *object)
{
  HavenBreathingExercise *self = HAVEN_BREATHING_EXERCISE (object);
  GtkWidget *child;

  stop_clock (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_BREATHING_EXERCISE);
  /* The template's unnamed children are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_breathing_exercise_parent_class)->dispose (object);
}

static void
haven_breathing_exercise_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HavenBreathingExercise *self = HAVEN_BREATHING_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_PACE:
      g_value_set_uint (value, self->pace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_breathing_exercise_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HavenBreathingExercise *self = HAVEN_BREATHING_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      haven_breathing_exercise_set_running (self, g_value_get_boolean (value));
      break;

    case PROP_PACE:
      haven_breathing_exercise_set_pace (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_breathing_exercise_class_init (HavenBreathingExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_breathing_exercise_dispose;
  object_class->get_property = haven_breathing_exercise_get_property;
  object_class->set_property = haven_breathing_exercise_set_property;
  widget_class->map = haven_breathing_exercise_map;
  widget_class->unmap = haven_breathing_exercise_unmap;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACE] =
    g_param_spec_uint ("pace", NULL, NULL, 0, G_N_ELEMENTS (paces) - 1, DEFAULT_PACE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_BREATHING_CIRCLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-breathing-exercise.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingExercise, pace_row);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingExercise, circle);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingExercise, phase_label);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingExercise, toggle_button);
  gtk_widget_class_bind_template_callback (widget_class, toggle_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "breathingexercise");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_breathing_exercise_init (HavenBreathingExercise *self)
{
  GtkLayoutManager *layout;

  self->pace = DEFAULT_PACE;
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  adw_combo_row_set_selected (self->pace_row, self->pace);
  g_signal_connect_swapped (self->pace_row, "notify::selected", G_CALLBACK (pace_selected_cb), self);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reduce-motion",
                           G_CALLBACK (update_clock), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-enable-animations",
                           G_CALLBACK (update_clock), self, G_CONNECT_SWAPPED);

  update_button (self);
  update_view (self, TRUE);
  update_clock (self);
}
