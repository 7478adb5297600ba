/* test-safety-plan-window.c: the safety plan window and its printout, on
 * real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "haven-help-view.h"
#include "haven-safety-plan-contact-row.h"
#include "haven-safety-plan-print.h"
#include "haven-safety-plan-step.h"
#include "haven-safety-plan-store.h"
#include "haven-safety-plan-window.h"
#include "haven-test-widget.h"

static HavenApplication *app;

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

static gboolean
is_step_of (GtkWidget     *widget,
            gconstpointer  section)
{
  return HAVEN_IS_SAFETY_PLAN_STEP (widget) &&
         haven_safety_plan_step_get_section (HAVEN_SAFETY_PLAN_STEP (widget)) == GPOINTER_TO_UINT (section);
}

/* The step of @section in the window's form. */
static GtkWidget *
find_step (HavenSafetyPlanWindow  *window,
           HavenSafetyPlanSection  section)
{
  GtkWidget *step = haven_test_find (GTK_WIDGET (window), is_step_of, GUINT_TO_POINTER (section), FALSE);

  g_assert_nonnull (step);

  return step;
}

/* The text area of a written step, once the plan is read and it takes
 * typing. */
static GtkWidget *
wait_for_text_view (HavenSafetyPlanWindow  *window,
                    HavenSafetyPlanSection  section)
{
  GtkWidget *view = haven_test_find_type (find_step (window, section), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_is_visible (view));
  haven_test_wait_for (is_sensitive, view, HAVEN_TEST_TIMEOUT_MS);

  return view;
}

/* The row at the end of a list of people or services that adds one. */
static gboolean
is_shown_add_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
         GTK_IS_LIST_BOX (gtk_widget_get_parent (widget)) && gtk_widget_is_visible (widget);
}

static HavenSafetyPlanWindow *
plan_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HAVEN_IS_SAFETY_PLAN_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
test_window_saves_privately (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  g_autofree char *contents = NULL;
  HavenSafetyPlanWindow *window;
  GtkWidget *view;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_application_activate (G_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));

  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);

  /* Nothing is written until the reader writes something. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "I stop answering my phone", -1);
  haven_test_wait_for (file_exists, path, HAVEN_TEST_TIMEOUT_MS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "I stop answering my phone"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A second request raises the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  g_assert_true (plan_window () == window);
}

static void
test_closing_all_windows_closes_plan_and_keeps_last_edit (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GList) windows = NULL;
  HavenSafetyPlanWindow *window;
  GtkWidget *view;

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  g_assert_nonnull (window);
  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_COPING);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "a walk with the dog", -1);

  /* Leave quickly: close every window of the application at once, before
   * the autosave's delay has passed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_assert_null (plan_window ());

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "a walk with the dog"));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button on screen labelled @label, in any window: the dialog is a
 * window of its own before libadwaita 1.5 and shown over the plan after. */
static GtkWidget *
find_shown_button (const char *label)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      GtkWidget *button = haven_test_find (toplevel, is_button_labelled, label, TRUE);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
button_shown (gpointer label)
{
  return find_shown_button (label) != NULL;
}

static gboolean
button_gone (gpointer label)
{
  return find_shown_button (label) == NULL;
}

/* Answers the question on screen as the reader does, with its button, and
 * waits for the question to go. */
static void
answer_dialog (const char *label)
{
  haven_test_wait_for (button_shown, (gpointer) label, HAVEN_TEST_TIMEOUT_MS);
  g_assert_true (gtk_widget_activate (find_shown_button (label)));
  haven_test_wait_for (button_gone, (gpointer) label, HAVEN_TEST_TIMEOUT_MS);
}

static gboolean
buffer_is_empty (gpointer buffer)
{
  return gtk_text_buffer_get_char_count (buffer) == 0;
}

static void
test_delete_asks_first (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  HavenSafetyPlanWindow *window;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, "to be deleted", -1);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* Saying no keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  answer_dialog ("_Keep Plan");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saying yes removes the file and empties the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  answer_dialog ("_Delete");
  haven_test_wait_for (buffer_is_empty, buffer, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), needle) != NULL)
        return child;

      found = find_label_containing (child, needle);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label_kept_safe (gpointer window)
{
  GtkWidget *label = find_label_containing (window, "safety-plan.corrupt-");

  return label != NULL && gtk_widget_is_visible (label);
}

static void
test_corrupt_plan_reported (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  HavenSafetyPlanWindow *window;
  GtkWidget *view;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "\x01\x02 not a plan", -1, NULL));

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  haven_test_wait_for (has_label_kept_safe, window, HAVEN_TEST_TIMEOUT_MS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Writing again starts a new plan beside the one kept aside. */
  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "a fresh start", -1);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    guint kept = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "safety-plan.corrupt-"))
        {
          g_autofree char *aside = g_build_filename (folder, name, NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "\x01\x02 not a plan");
          kept++;
        }
    g_assert_cmpuint (kept, ==, 1);
  }
}

static void
test_fits_narrow_and_tab_moves_on (void)
{
  HavenSafetyPlanWindow *window;
  GtkWidget *content;
  GtkWidget *view;
  int minimum, natural;
  guint n_views = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  view = wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);

  /* Long words and an opened contact row must fit 360 px. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Averyveryverylongwordwithoutanyspacesatallthatkeepsgoingandgoing", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-notice", NULL));
  haven_test_wait_for_mapped (window);
  haven_test_activate_row (haven_test_find (GTK_WIDGET (window), is_shown_add_row, NULL, FALSE));

  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("the plan's content needs %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  /* Every text area lets Tab move on, so the plan works from the keyboard. */
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      view = haven_test_find_type (find_step (window, i), GTK_TYPE_TEXT_VIEW);
      if (!gtk_widget_is_visible (view))
        continue;
      g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));
      g_assert_true (gtk_widget_get_focusable (view));
      n_views++;
    }
  g_assert_cmpuint (n_views, ==, 5);

  gtk_window_close (GTK_WINDOW (window));
}

/* The form's steps are the plan's sections in the order they are read and
 * printed, each titled as the plan names it, each with one field. */
static void
test_steps_follow_the_plan (void)
{
  HavenSafetyPlanWindow *window;
  GtkWidget *step = NULL;
  guint i = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);
  step = gtk_widget_get_parent (find_step (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS));

  for (step = gtk_widget_get_first_child (step); step != NULL; step = gtk_widget_get_next_sibling (step), i++)
    {
      GtkWidget *view = haven_test_find_type (step, GTK_TYPE_TEXT_VIEW);
      GtkWidget *list = haven_test_find_type (step, GTK_TYPE_LIST_BOX);
      GtkWidget *heading;

      g_assert_true (HAVEN_IS_SAFETY_PLAN_STEP (step));
      g_assert_cmpuint (haven_safety_plan_step_get_section (HAVEN_SAFETY_PLAN_STEP (step)), ==, i);
      g_assert_true (haven_safety_plan_step_get_plan (HAVEN_SAFETY_PLAN_STEP (step)) != NULL);
      heading = haven_test_wait_for_text (step, haven_safety_plan_section_get_title (i));
      g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)) == GTK_ACCESSIBLE_ROLE_HEADING);
      g_assert_nonnull (haven_test_find_text (step, haven_safety_plan_section_get_prompt (i)));
      g_assert_cmpint (gtk_widget_is_visible (view), !=, haven_safety_plan_section_has_contacts (i));
      g_assert_cmpint (gtk_widget_is_visible (list), ==, haven_safety_plan_section_has_contacts (i));
    }
  g_assert_cmpuint (i, ==, HAVEN_SAFETY_PLAN_N_SECTIONS);

  gtk_window_close (GTK_WINDOW (window));
}

typedef struct
{
  const char *path;
  const char *text;
  gboolean    present;
} SavedText;

static gboolean
saved_text_is (gpointer data)
{
  SavedText *wait = data;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (wait->path, &contents, NULL, NULL))
    return FALSE;

  return (strstr (contents, wait->text) != NULL) == wait->present;
}

/* Add a Person opens a new row with the cursor in its name; what is typed
 * there is saved and shown as the row's title, and the row's Remove takes
 * the person out of the plan on disk too. */
static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
test_add_and_remove_person (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  HavenSafetyPlanWindow *window;
  HavenSafetyPlan *plan;
  GListStore *helpers;
  g_autoptr(HavenSafetyPlanContact) contact = NULL;
  GtkWidget *step, *list, *add, *row, *name, *number, *focus, *remove, *copy;
  SavedText wait = { path, "Name=Jo Example", TRUE };
  guint n;

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  haven_test_wait_for_mapped (window);
  wait_for_text_view (window, HAVEN_SAFETY_PLAN_WARNING_SIGNS);
  step = find_step (window, HAVEN_SAFETY_PLAN_HELPERS);
  plan = haven_safety_plan_step_get_plan (HAVEN_SAFETY_PLAN_STEP (step));
  helpers = haven_safety_plan_get_contacts (plan, HAVEN_SAFETY_PLAN_HELPERS);
  n = g_list_model_get_n_items (G_LIST_MODEL (helpers));

  /* The people are a boxed list, whose last row adds one. */
  list = haven_test_find_type (step, GTK_TYPE_LIST_BOX);
  g_assert_true (gtk_widget_has_css_class (list, "boxed-list"));
  add = haven_test_wait_for_text (step, "Add a Person");
  add = gtk_widget_get_ancestor (add, ADW_TYPE_ACTION_ROW);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n)) == add);
  haven_test_activate_row (add);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (helpers)), ==, n + 1);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n));
  g_assert_true (HAVEN_IS_SAFETY_PLAN_CONTACT_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  name = haven_test_find_type (row, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name)), ==, "Name");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));

  gtk_editable_set_text (GTK_EDITABLE (name), "Jo Example");
  contact = g_list_model_get_item (G_LIST_MODEL (helpers), n);
  g_assert_cmpstr (haven_safety_plan_contact_get_name (contact), ==, "Jo Example");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Jo Example");
  haven_test_wait_for (saved_text_is, &wait, HAVEN_TEST_TIMEOUT_MS);

  /* With a number, the row shows it and the person can be copied from
   * the plan (and called or texted where something here takes tel: and
   * sms: links). */
  copy = haven_test_find (row, has_tooltip, "Copy Number", FALSE);
  g_assert_false (gtk_widget_get_visible (copy));
  number = gtk_widget_get_next_sibling (name);
  g_assert_true (ADW_IS_ENTRY_ROW (number));
  gtk_editable_set_text (GTK_EDITABLE (number), "555 0100");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "555 0100");
  haven_test_wait_for_mapped (copy);
  haven_test_click (copy);
  {
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (row));
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "555 0100");
    g_value_unset (&value);
  }
  /* A toast says so; copying again keeps one toast, not a queue of them. */
  g_assert_nonnull (haven_test_wait_for_text (GTK_WIDGET (window), "Number copied"));
  haven_test_click (copy);
  haven_test_wait_for_quiet (window);
  g_assert_nonnull (haven_test_find_text (GTK_WIDGET (window), "Number copied"));

  remove = haven_test_find (row, has_tooltip, "Remove", FALSE);
  g_assert_true (GTK_IS_BUTTON (remove));
  haven_test_wait_for_mapped (remove);
  haven_test_click (remove);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (helpers)), ==, n);
  g_assert_false (g_list_store_find (helpers, contact, NULL));
  wait.present = FALSE;
  haven_test_wait_for (saved_text_is, &wait, HAVEN_TEST_TIMEOUT_MS);

  gtk_window_close (GTK_WINDOW (window));
}

static void
fill_plan (HavenSafetyPlan *plan,
           guint            repeat)
{
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (haven_safety_plan_section_has_contacts (i))
        {
          haven_safety_plan_add_contact (plan, i, "Alex Example", "01632 960000");
          haven_safety_plan_add_contact (plan, i, "Sam Sample", "01632 960001");
        }
      else
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint n = 0; n < repeat; n++)
            g_string_append_printf (text, "Entry%u-%u of section %u\n", i, n, i);
          haven_safety_plan_set_text (plan, i, text->str);
        }
    }
}

static char *
pdf_text (const char *pdf)
{
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  const char *argv[] = { pdftotext, "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_nonnull (pdftotext);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  /* g_strstr_len, not strstr: GCC 12 at -O2 takes strstr's result for a
   * pointer into pdf_text()'s locals (-Wdangling-pointer, a false alarm). */
  for (const char *at = g_strstr_len (text, -1, needle); at != NULL; at = g_strstr_len (at + 1, -1, needle))
    n++;

  return n;
}

static void
check_export (const char *paper,
              guint       repeat,
              int         min_pages)
{
  g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("safety-plan-%s-%u.pdf", paper, repeat);
  g_autofree char *pdf = g_build_filename (g_getenv ("HAVEN_PDF_DIR") ? g_getenv ("HAVEN_PDF_DIR") : g_get_user_data_dir (),
                                           name, NULL);
  g_autofree char *text = NULL;
  int n_pages = 0;

  fill_plan (plan, repeat);
  g_assert_true (haven_safety_plan_print_export_pdf (plan, pdf, paper, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >=, min_pages);

  /* Every line the reader wrote is on paper, once, and every heading. */
  text = pdf_text (pdf);
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      g_assert_nonnull (strstr (text, haven_safety_plan_section_get_title (i)));
      if (haven_safety_plan_section_has_contacts (i))
        continue;
      for (guint n = 0; n < repeat; n++)
        {
          g_autofree char *line = g_strdup_printf ("Entry%u-%u of section", i, n);

          g_assert_cmpuint (count_occurrences (text, line), ==, 1);
        }
    }
  g_assert_nonnull (strstr (text, "Alex Example: 01632 960000"));
  g_assert_nonnull (strstr (text, "Sam Sample: 01632 960001"));
  /* The app's chrome is not printed. */
  g_assert_null (strstr (text, "Get Help Now"));
  g_assert_null (strstr (text, "Kept only on this computer"));
}

static void
test_export_pdf (void)
{
  check_export (GTK_PAPER_NAME_A4, 3, 1);
  check_export (GTK_PAPER_NAME_LETTER, 3, 1);
  /* Long sections flow over several pages without losing a line. */
  check_export (GTK_PAPER_NAME_A4, 60, 5);
  check_export (GTK_PAPER_NAME_LETTER, 60, 5);
}

static gboolean
window_has_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_EDITABLE (widget) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (window_has_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
plan_has_suggestions (gpointer window)
{
  return window_has_text (window, "Emergency services");
}

/* A new plan suggests the services of the region the reader chose in Get
 * Help, not the one the locale names. */
static void
test_suggests_region_chosen_in_get_help (void)
{
  g_autofree char *path = haven_safety_plan_store_dup_default_path ();
  HavenWindow *main_window;
  GtkWidget *help_view, *button, *search;
  HavenSafetyPlanWindow *window;

  /* Suggestions are for a plan not written yet. */
  while ((window = plan_window ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);

  main_window = haven_application_ensure_window (app);
  haven_window_show_view (main_window, HAVEN_VIEW_HELP);
  gtk_window_present (GTK_WINDOW (main_window));
  help_view = haven_test_find_type (GTK_WIDGET (main_window), HAVEN_TYPE_HELP_VIEW);
  g_assert_nonnull (help_view);

  /* The reader picks France in Get Help's region chooser. */
  button = haven_test_find_type (help_view, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  search = haven_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                 GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "France");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (haven_help_view_get_region (HAVEN_HELP_VIEW (help_view)), ==, "FR");

  g_action_group_activate_action (G_ACTION_GROUP (app), "safety-plan", NULL);
  window = plan_window ();
  g_assert_nonnull (window);
  haven_test_wait_for (plan_has_suggestions, window, HAVEN_TEST_TIMEOUT_MS);

  g_assert_true (window_has_text (GTK_WIDGET (window), "3114 – Numéro national de prévention du suicide"));
  g_assert_true (window_has_text (GTK_WIDGET (window), "112"));
  g_assert_false (window_has_text (GTK_WIDGET (window), "Samaritans"));
  g_assert_false (window_has_text (GTK_WIDGET (window), "999"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A data folder of its own, removed at exit, before anything asks GLib
   * where it is. */
  haven_test_widget_init (&argc, &argv);
  app = haven_test_application_new ();

  g_test_add_func ("/safety-plan/window/saves-privately", test_window_saves_privately);
  g_test_add_func ("/safety-plan/window/closing-all-windows", test_closing_all_windows_closes_plan_and_keeps_last_edit);
  g_test_add_func ("/safety-plan/window/delete-asks-first", test_delete_asks_first);
  g_test_add_func ("/safety-plan/window/corrupt-plan-reported", test_corrupt_plan_reported);
  g_test_add_func ("/safety-plan/window/fits-narrow", test_fits_narrow_and_tab_moves_on);
  g_test_add_func ("/safety-plan/window/steps-follow-the-plan", test_steps_follow_the_plan);
  g_test_add_func ("/safety-plan/window/add-and-remove-person", test_add_and_remove_person);
  g_test_add_func ("/safety-plan/print/export-pdf", test_export_pdf);
  g_test_add_func ("/safety-plan/window/suggests-region-chosen-in-get-help",
                   test_suggests_region_chosen_in_get_help);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
