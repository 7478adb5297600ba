/* haven-test-widget-check.c: the widget tests' helper waits for what it says
 *
 * Each change happens later, from the main loop, as in a real widget; the
 * helper must wait for it, and fail with a clear message when it never
 * comes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "haven-test-widget.h"
#include "haven-widget-util.h"

typedef struct
{
  GtkWidget *window;
  GtkWidget *label;
  GtkWidget *revealer;
  GtkWidget *button;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->window = gtk_window_new ();
  fixture->label = gtk_label_new ("Before");
  fixture->revealer = gtk_revealer_new ();
  fixture->button = gtk_button_new_with_label ("Press");
  gtk_widget_add_css_class (fixture->label, "checked-label");
  gtk_widget_set_visible (fixture->label, FALSE);
  gtk_box_append (GTK_BOX (box), fixture->label);
  gtk_box_append (GTK_BOX (box), fixture->revealer);
  gtk_box_append (GTK_BOX (box), fixture->button);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  haven_test_wait_for_mapped (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static gboolean
show_cb (gpointer widget)
{
  gtk_widget_set_visible (widget, TRUE);

  return G_SOURCE_REMOVE;
}

static gboolean
relabel_cb (gpointer label)
{
  gtk_label_set_label (label, "After");

  return G_SOURCE_REMOVE;
}

static gboolean
reveal_cb (gpointer revealer)
{
  gtk_revealer_set_reveal_child (revealer, TRUE);

  return G_SOURCE_REMOVE;
}

static gboolean
click_cb (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");

  return G_SOURCE_REMOVE;
}

static void
test_visible_and_mapped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_timeout_add (50, show_cb, fixture->label);
  g_assert_false (gtk_widget_get_visible (fixture->label));
  haven_test_wait_for_visible (fixture->label);
  haven_test_wait_for_mapped (fixture->label);
  g_assert_true (gtk_widget_get_mapped (fixture->label));
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *window = fixture->window;

  /* Not on screen while hidden, found on screen once shown. */
  g_assert_null (haven_test_find_text (window, "Before"));
  g_assert_true (haven_test_find_label (window, "Before") == fixture->label);
  g_idle_add (show_cb, fixture->label);
  g_assert_true (haven_test_wait_for_text (window, "Before") == fixture->label);

  g_timeout_add (50, relabel_cb, fixture->label);
  haven_test_wait_for_no_text (window, "Before");
  g_assert_true (haven_test_wait_for_text (window, "After") == fixture->label);

  g_assert_true (haven_test_find_button (window, "Press") == fixture->button);
  g_assert_true (haven_test_find_text (window, "Press") == fixture->button);
  g_assert_true (haven_test_find_type (window, GTK_TYPE_REVEALER) == fixture->revealer);
  g_assert_true (haven_test_find_class (window, "checked-label") == fixture->label);
  g_assert_null (haven_test_find_button (window, "After"));
}

static void
test_property (Fixture       *fixture,
               gconstpointer  data)
{
  g_timeout_add (50, reveal_cb, fixture->revealer);
  haven_test_wait_for_property (fixture->revealer, "reveal-child", TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));

  g_timeout_add (50, relabel_cb, fixture->label);
  haven_test_wait_for_property (fixture->label, "label", "After");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (fixture->label)), ==, "After");
}

static void
test_signal (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(HavenTestSignal) clicked = haven_test_signal_watch (fixture->button, "clicked");

  g_timeout_add (50, click_cb, fixture->button);
  g_assert_cmpuint (haven_test_signal_count (clicked), ==, 0);
  haven_test_wait_for_signal (clicked);
  g_assert_cmpuint (haven_test_signal_count (clicked), ==, 1);

  haven_test_click (fixture->button);
  g_assert_cmpuint (haven_test_signal_count (clicked), ==, 2);
}

static gboolean
set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

/* What the application puts off until it is idle is done when the wait ends. */
static void
test_idle_and_frame (Fixture       *fixture,
                     gconstpointer  data)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, set_flag_cb, &done, NULL);
  haven_test_wait_for_idle ();
  g_assert_true (done);

  gtk_widget_set_visible (fixture->label, TRUE);
  g_assert_cmpint (gtk_widget_get_width (fixture->label), ==, 0);
  haven_test_wait_for_frame (fixture->label);
  g_assert_cmpint (gtk_widget_get_width (fixture->label), >, 0);

  done = FALSE;
  g_idle_add_full (G_PRIORITY_LOW, set_flag_cb, &done, NULL);
  haven_test_wait_for_quiet (fixture->window);
  g_assert_true (done);
}

/* Work put off until a widget's first frame waits for the frame that
 * shows that widget, not for the window's: nothing runs while the widget
 * is hidden, and once it runs, the widget is laid out. */
static void
test_after_first_frame (Fixture       *fixture,
                        gconstpointer  data)
{
  gboolean done = FALSE;

  haven_after_first_frame (fixture->label, 0, set_flag_cb, &done);
  haven_test_wait_for_frame (fixture->window);
  haven_test_wait_for_idle ();
  g_assert_false (done);

  gtk_widget_set_visible (fixture->label, TRUE);
  haven_test_wait_for (flag_is_set, &done, HAVEN_TEST_TIMEOUT_MS);
  g_assert_cmpint (gtk_widget_get_width (fixture->label), >, 0);
}

static gboolean
append_cb (gpointer store)
{
  g_autoptr(GtkStringObject) item = gtk_string_object_new ("one");

  g_list_store_append (store, item);

  return G_SOURCE_REMOVE;
}

static void
test_n_items (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  g_timeout_add (50, append_cb, store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  haven_test_wait_for_n_items (store, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A wait that never ends well fails the test where it was called, saying
 * what it waited for and how long. */
static void
test_timeout_fails (void)
{
  if (g_test_subprocess ())
    {
      haven_test_wait_for (never, NULL, 100);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*haven-test-widget-check.c:*test_timeout_fails*"
                             "timed out after * ms waiting for never (NULL)*");
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add ("/helper/visible-and-mapped", Fixture, NULL, fixture_set_up, test_visible_and_mapped, fixture_tear_down);
  g_test_add ("/helper/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/helper/property", Fixture, NULL, fixture_set_up, test_property, fixture_tear_down);
  g_test_add ("/helper/signal", Fixture, NULL, fixture_set_up, test_signal, fixture_tear_down);
  g_test_add ("/helper/idle-and-frame", Fixture, NULL, fixture_set_up, test_idle_and_frame, fixture_tear_down);
  g_test_add ("/helper/after-first-frame", Fixture, NULL, fixture_set_up, test_after_first_frame, fixture_tear_down);
  g_test_add_func ("/helper/n-items", test_n_items);
  g_test_add_func ("/helper/timeout-fails", test_timeout_fails);

  return g_test_run ();
}
