/* test-keys.c: keyboard shortcuts and calling, on real widgets: the
 * shortcuts window lists the keys of Get Help Now and Leave Quickly, F1
 * puts the focus on the emergency number's first action, and a number
 * offers Call only on a computer that can call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-help-emergency-card.h"
#include "haven-number-box.h"
#include "haven-test-widget.h"
#include "haven-widget-util.h"

static HavenApplication *app;

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        return window;
    }

  return NULL;
}

static gboolean
is_shortcut_for (GtkWidget     *widget,
                 gconstpointer  action)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "action-name", &name, NULL);

  return g_strcmp0 (name, action) == 0;
}

/* The keys the row of @action shows, as GTK draws them. */
static const char *
shown_accelerator (GtkWindow  *shortcuts,
                   const char *action)
{
  GtkWidget *row = haven_test_find (GTK_WIDGET (shortcuts), is_shortcut_for, action, FALSE);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = haven_test_find_type (row, GTK_TYPE_SHORTCUT_LABEL);
  g_assert_nonnull (label);

  return gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label));
}

/* Every row that names an action shows its keys, F1 and Shift+Esc too. */
static void
test_shortcuts_window_lists_keys (void)
{
  HavenWindow *window = haven_test_open_window (app);
  GtkWindow *shortcuts;
  GtkWidget *row;

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  haven_test_wait_for_mapped (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  g_assert_cmpstr (shown_accelerator (shortcuts, "app.help-now"), ==, "F1");
  g_assert_cmpstr (shown_accelerator (shortcuts, "app.leave-quickly"), ==, "<Shift>Escape");
  g_assert_cmpstr (shown_accelerator (shortcuts, "app.quit"), ==, "<Control>q");
  g_assert_cmpstr (shown_accelerator (shortcuts, "window.close"), ==, "<Control>w");

  /* Drawn as keys: “F1” on the Get Help Now row, “Shift” and “Escape” on
   * Leave Quickly's. */
  row = haven_test_find (GTK_WIDGET (shortcuts), is_shortcut_for, "app.help-now", FALSE);
  g_assert_nonnull (haven_test_find_label (row, "F1"));
  row = haven_test_find (GTK_WIDGET (shortcuts), is_shortcut_for, "app.leave-quickly", FALSE);
  g_assert_nonnull (haven_test_find_label (row, "Shift"));
  g_assert_nonnull (haven_test_find_label (row, "Escape"));

  gtk_window_close (shortcuts);
  haven_test_close_windows (app);
}

/* F1, from Home, leaves the focus on the emergency number's first action,
 * not in the header bar. */
static void
test_f1_focuses_emergency_number (void)
{
  HavenWindow *window;
  GtkWidget *focus;
  GtkWidget *card;

  haven_content_set_region_override (haven_application_get_content (app), "GB");
  window = haven_test_open_window (app);
  haven_window_show_view (window, HAVEN_VIEW_HOME);
  haven_test_wait_for_quiet (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  g_assert_cmpint (haven_window_get_view (window), ==, HAVEN_VIEW_HELP);
  card = haven_widget_find_shown (GTK_WIDGET (window), HAVEN_TYPE_HELP_EMERGENCY_CARD);
  g_assert_nonnull (card);

  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, card));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (haven_number_box_get_number (HAVEN_NUMBER_BOX (gtk_widget_get_ancestor (focus, HAVEN_TYPE_NUMBER_BOX))),
                   ==, "999");

  haven_test_close_windows (app);
}

static gboolean
is_visible_button_starting (GtkWidget     *widget,
                            gconstpointer  prefix)
{
  GtkWidget *content;
  GtkWidget *label;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_is_visible (widget))
    return FALSE;
  /* An icon and a label in a box (haven_button_set_icon_label) */
  content = gtk_button_get_child (GTK_BUTTON (widget));
  if (!GTK_IS_BOX (content))
    return FALSE;
  label = gtk_widget_get_last_child (content);

  return GTK_IS_LABEL (label) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), prefix);
}

static GtkWidget *
number_box_in_window (GtkWidget **window)
{
  GtkWidget *box = haven_number_box_new ("999", "All emergencies", "tel:999", FALSE, NULL);

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), box);
  gtk_window_present (GTK_WINDOW (*window));
  haven_test_wait_for_mapped (box);

  return box;
}

/* With an app for tel: links, Call leads; the number is no Tab stop. */
static void
test_number_with_dialer (void)
{
  g_autofree char *ltr_number = haven_ltr_isolate ("999");
  g_autofree char *dial = g_strdup_printf ("Dial %s from any phone", ltr_number);
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *number;

  g_setenv ("HAVEN_URI_HANDLERS", "tel,sms", TRUE);
  box = number_box_in_window (&window);

  g_assert_nonnull (haven_test_find (box, is_visible_button_starting, "Call", FALSE));
  g_assert_nonnull (haven_test_find (box, is_visible_button_starting, "Copy Number", FALSE));
  number = haven_test_find_label (box, "999");
  g_assert_nonnull (number);
  g_assert_true (gtk_widget_is_visible (number));
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (number)));
  g_assert_null (haven_test_find_text (box, dial));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("HAVEN_URI_HANDLERS");
}

/* Without one, no Call that cannot work: “Dial 999 from any phone”, its
 * QR code and Copy. */
static void
test_number_without_dialer (void)
{
  g_autofree char *number = haven_ltr_isolate ("999");
  g_autofree char *dial = g_strdup_printf ("Dial %s from any phone", number);
  GtkWidget *window;
  GtkWidget *box;

  g_setenv ("HAVEN_URI_HANDLERS", "", TRUE);
  box = number_box_in_window (&window);

  g_assert_null (haven_test_find (box, is_visible_button_starting, "Call", FALSE));
  g_assert_nonnull (haven_test_find (box, is_visible_button_starting, "Copy Number", FALSE));
  haven_test_wait_for_text (box, dial);
  /* The number itself stays large, to read from the screen. */
  haven_test_wait_for_text (box, "999");
  g_assert_nonnull (haven_test_find_type (box, GTK_TYPE_PICTURE));
  g_assert_true (gtk_widget_is_visible (haven_test_find_type (box, GTK_TYPE_PICTURE)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("HAVEN_URI_HANDLERS");
}

/* Run from the build tree, with nothing installed, About still finds the
 * app's icon: it is one of the application's resources. */
static void
test_app_icon_without_install (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  /* Not GTK's missing-image icon. */
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APP_ID);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/keys/shortcuts-window-lists-keys", test_shortcuts_window_lists_keys);
  g_test_add_func ("/keys/f1-focuses-emergency-number", test_f1_focuses_emergency_number);
  g_test_add_func ("/keys/number-with-dialer", test_number_with_dialer);
  g_test_add_func ("/keys/number-without-dialer", test_number_without_dialer);
  g_test_add_func ("/keys/app-icon-without-install", test_app_icon_without_install);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
