/* test-breathing.c: the breathing circle moves only when animations are on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-breathing-circle.h"
#include "haven-test-widget.h"

static void
check_animated (gboolean animations,
                gboolean expected)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *circle = g_object_new (HAVEN_TYPE_BREATHING_CIRCLE, NULL);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animations, NULL);
  gtk_window_set_child (GTK_WINDOW (window), circle);
  gtk_window_present (GTK_WINDOW (window));

  haven_breathing_circle_set_running (HAVEN_BREATHING_CIRCLE (circle), TRUE);
  g_assert_cmpint (haven_breathing_circle_get_animated (HAVEN_BREATHING_CIRCLE (circle)), ==, expected);

  haven_breathing_circle_set_running (HAVEN_BREATHING_CIRCLE (circle), FALSE);
  g_assert_false (haven_breathing_circle_get_animated (HAVEN_BREATHING_CIRCLE (circle)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reduced_motion (void)
{
  /* The system asks for reduced motion: the circle keeps still. */
  check_animated (FALSE, FALSE);
}

static void
test_animated (void)
{
  check_animated (TRUE, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add_func ("/breathing/still-with-reduced-motion", test_reduced_motion);
  g_test_add_func ("/breathing/animated", test_animated);

  return g_test_run ();
}
