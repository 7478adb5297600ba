/* test-help-view.c: the Get Help view's region choice on real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-feed-parser.h"
#include "haven-help-view.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is not among its children in every version. */
  if (GTK_IS_MENU_BUTTON (root))
    return find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))), type);

  return NULL;
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_choose_region_from_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = gtk_window_new ();
  HavenHelpView *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  GtkWidget *button, *search;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  haven_help_view_set_region_override (view, "GB");
  haven_help_view_set_feed (view, feed);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpstr (haven_help_view_get_region (view), ==, "GB");

  button = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  search = find_widget (button, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);

  gtk_editable_set_text (GTK_EDITABLE (search), "fran");
  iterate ();
  g_signal_emit_by_name (search, "activate");
  iterate ();

  g_assert_cmpstr (haven_help_view_get_region (view), ==, "FR");
  /* The reader's own choice is remembered. */
  saved = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved, ==, "FR");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help-view/choose-region-from-search", test_choose_region_from_search);

  return g_test_run ();
}
