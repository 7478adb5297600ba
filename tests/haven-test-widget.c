/* haven-test-widget.c: what every widget test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "haven-test-widget.h"
#include "haven-widget-util.h"

/* Setup */

static char *data_dir;

static void
remove_tree (const char *path);

static void
remove_data_dir (void)
{
  if (data_dir != NULL)
    remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

/**
 * haven_test_widget_init:
 *
 * Starts a widget test: a data and cache folder of its own, removed when
 * the test exits, so stored feeds, images and plans never meet
 * another test's or the reader's; settings in memory; no proxy; and the
 * feed address a closed port on 127.0.0.1, so Haven shows its bundled
 * content and nothing leaves the machine. A test with a server of its own
 * sets `feed-url` again.
 */
void
haven_test_widget_init (int    *argc,
                        char ***argv)
{
  g_autofree char *parent = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *cache_home = NULL;

  /* The renderer's shader cache stays where it was: it is not Haven's, and
   * compiling every shader again costs each test seconds with software GL.
   * Mesa keeps it in a mesa_shader_cache folder inside the one named here. */
  if (g_getenv ("MESA_SHADER_CACHE_DIR") == NULL)
    {
      g_autofree char *caches = NULL;

      if (g_getenv ("XDG_CACHE_HOME") != NULL)
        caches = g_strdup (g_getenv ("XDG_CACHE_HOME"));
      else if (g_getenv ("HOME") != NULL)
        caches = g_build_filename (g_getenv ("HOME"), ".cache", NULL);
      if (caches != NULL)
        g_setenv ("MESA_SHADER_CACHE_DIR", caches, TRUE);
    }

  /* Inside the data folder the test was given (meson gives one in the
   * build directory), so a test that fails leaves its files there to look
   * at, not in /tmp. Before anything asks GLib where these folders are. */
  parent = g_strdup (g_getenv ("XDG_DATA_HOME") != NULL ? g_getenv ("XDG_DATA_HOME") : g_get_tmp_dir ());
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  data_dir = g_build_filename (parent, "haven-test-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (data_dir));
  atexit (remove_data_dir);
  data_home = g_build_filename (data_dir, "data", NULL);
  cache_home = g_build_filename (data_dir, "cache", NULL);
  g_assert_cmpint (g_mkdir (data_home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (cache_home, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "feed-url", "http://127.0.0.1:9/feed.json");
  }
}

/* One application, registered as the real program is, but never meeting a
 * Haven the developer has running. */
HavenApplication *
haven_test_application_new (void)
{
  HavenApplication *app = haven_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  return app;
}

/* The application's active window, a Haven window, once it is on screen. */
HavenWindow *
haven_test_active_window (HavenApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  g_assert_true (HAVEN_IS_WINDOW (window));
  haven_test_wait_for_mapped (window);

  return HAVEN_WINDOW (window);
}

/* Activates the application, as launching Haven does. */
HavenWindow *
haven_test_open_window (HavenApplication *app)
{
  g_application_activate (G_APPLICATION (app));

  return haven_test_active_window (app);
}

static gboolean
has_no_windows (gpointer app)
{
  return gtk_application_get_windows (app) == NULL;
}

/* Quits as Ctrl+Q does: every window saves its state and closes. */
void
haven_test_close_windows (HavenApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  haven_test_wait_for (has_no_windows, app, HAVEN_TEST_TIMEOUT_MS);
}

/* Waiting */

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
haven_test_wait_for_mapped_at (const char *file,
                               int         line,
                               const char *func,
                               GtkWidget  *widget)
{
  haven_test_wait_for_at (file, line, func, is_mapped, widget, HAVEN_TEST_TIMEOUT_MS,
                          "%s to be on screen", G_OBJECT_TYPE_NAME (widget));
}

static gboolean
is_visible (gpointer widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;

  return TRUE;
}

void
haven_test_wait_for_visible_at (const char *file,
                                int         line,
                                const char *func,
                                GtkWidget  *widget)
{
  haven_test_wait_for_at (file, line, func, is_visible, widget, HAVEN_TEST_TIMEOUT_MS,
                          "%s to be visible", G_OBJECT_TYPE_NAME (widget));
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

/* Waits with the helper the application waits with, after asking for a
 * frame: a window with nothing changing paints none. */
void
haven_test_wait_for_frame_at (const char *file,
                              int         line,
                              const char *func,
                              GtkWidget  *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  guint id;

  if (clock == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not in a realized window: no frame will come",
                                                  G_OBJECT_TYPE_NAME (widget));

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return;
    }

  id = haven_after_first_frame (widget, 0, set_flag_cb, &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  haven_test_wait_for_at (file, line, func, flag_is_set, &painted, HAVEN_TEST_TIMEOUT_MS,
                          "a painted frame of %s", G_OBJECT_TYPE_NAME (widget));
  if (!painted)
    g_source_remove (id);
}

void
haven_test_wait_for_quiet_at (const char *file,
                              int         line,
                              const char *func,
                              GtkWidget  *widget)
{
  haven_test_wait_for_frame_at (file, line, func, widget);
  haven_test_wait_for_idle_at (file, line, func);
  haven_test_wait_for_frame_at (file, line, func, widget);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} TextWait;

static gboolean
text_shown (gpointer data)
{
  TextWait *wait = data;

  wait->found = haven_test_find_text (wait->root, wait->text);

  return wait->found != NULL;
}

static gboolean
text_not_shown (gpointer data)
{
  return !text_shown (data);
}

GtkWidget *
haven_test_wait_for_text_at (const char *file,
                             int         line,
                             const char *func,
                             GtkWidget  *root,
                             const char *text)
{
  TextWait wait = { root, text, NULL };

  haven_test_wait_for_at (file, line, func, text_shown, &wait, HAVEN_TEST_TIMEOUT_MS,
                          "'%s' on screen in %s", text, G_OBJECT_TYPE_NAME (root));

  return wait.found;
}

void
haven_test_wait_for_no_text_at (const char *file,
                                int         line,
                                const char *func,
                                GtkWidget  *root,
                                const char *text)
{
  TextWait wait = { root, text, NULL };

  haven_test_wait_for_at (file, line, func, text_not_shown, &wait, HAVEN_TEST_TIMEOUT_MS,
                          "'%s' to leave the screen in %s", text, G_OBJECT_TYPE_NAME (root));
}

/* Finding */

GtkWidget *
haven_test_find (GtkWidget      *root,
                 HavenTestMatch  match,
                 gconstpointer   data,
                 gboolean        mapped_only)
{
  if (root == NULL || (mapped_only && !gtk_widget_get_mapped (root)))
    return NULL;
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = haven_test_find (child, match, data, mapped_only);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is not among its children in every version. */
  if (GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)));

      if (popover != NULL && gtk_widget_get_parent (popover) != root)
        return haven_test_find (popover, match, data, mapped_only);
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_of (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return is_label_of (widget, text) || is_button_labelled (widget, text);
}

/* The first widget of @type, on screen or not. */
GtkWidget *
haven_test_find_type (GtkWidget *root,
                      GType      type)
{
  return haven_test_find (root, is_of_type, GSIZE_TO_POINTER (type), FALSE);
}

GtkWidget *
haven_test_find_class (GtkWidget  *root,
                       const char *css_class)
{
  return haven_test_find (root, has_class, css_class, FALSE);
}

/* A button whose label is exactly @label, mnemonic underscore included. */
GtkWidget *
haven_test_find_button (GtkWidget  *root,
                        const char *label)
{
  return haven_test_find (root, is_button_labelled, label, FALSE);
}

/* A label showing exactly @text, on screen or scrolled off. */
GtkWidget *
haven_test_find_label (GtkWidget  *root,
                       const char *text)
{
  return haven_test_find (root, is_label_of, text, FALSE);
}

/* A label or button showing exactly @text on screen. */
GtkWidget *
haven_test_find_text (GtkWidget  *root,
                      const char *text)
{
  return haven_test_find (root, shows_text, text, TRUE);
}

void
haven_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* A choice as the keyboard chooses it: an activatable row on screen in a
 * boxed list, activated as Enter activates the focused row. */
void
haven_test_activate_row (GtkWidget *row)
{
  GtkWidget *list;

  g_assert_nonnull (row);
  list = gtk_widget_get_parent (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_activate (row));
}
