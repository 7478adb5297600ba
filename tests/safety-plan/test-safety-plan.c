/* test-safety-plan.c: the safety plan's model and its private, atomic storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "haven-feed-parser.h"
#include "haven-safety-plan-store.h"
#include "haven-test-wait.h"
#include "safety-plan-test-util.h"

/* Text that a key file could get wrong: separators, escapes, comments,
 * groups, edge whitespace, new lines, non-ASCII. */
static const char * const tricky[] = {
  "I stop answering messages\nI stay in bed all day\n\nand the night feels long",
  "  leading and trailing spaces  ",
  "\ttabs\tand a backslash \\ and \\n that is not a new line",
  "[Safety Plan]\nVersion=2\n# not a comment\n; nor this",
  "a;b;c = d=e",
  "Grüße, ☀️ and 日本語",
  "",
};

static HavenSafetyPlan *
new_tricky_plan (void)
{
  HavenSafetyPlan *plan = haven_safety_plan_new ();
  guint t = 0;

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (haven_safety_plan_section_has_contacts (i))
        {
          haven_safety_plan_add_contact (plan, i, tricky[(t + 1) % G_N_ELEMENTS (tricky)], "+44 20 7946 0000");
          haven_safety_plan_add_contact (plan, i, "", "");
          haven_safety_plan_add_contact (plan, i, tricky[t % G_N_ELEMENTS (tricky)],
                                         tricky[(t + 2) % G_N_ELEMENTS (tricky)]);
        }
      else
        haven_safety_plan_set_text (plan, i, tricky[t % G_N_ELEMENTS (tricky)]);
      t++;
    }

  return plan;
}

static void
assert_plans_equal (HavenSafetyPlan *a,
                    HavenSafetyPlan *b)
{
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      GListModel *ca, *cb;

      if (!haven_safety_plan_section_has_contacts (i))
        {
          g_assert_cmpstr (haven_safety_plan_get_text (a, i), ==, haven_safety_plan_get_text (b, i));
          continue;
        }

      ca = G_LIST_MODEL (haven_safety_plan_get_contacts (a, i));
      cb = G_LIST_MODEL (haven_safety_plan_get_contacts (b, i));
      g_assert_cmpuint (g_list_model_get_n_items (ca), ==, g_list_model_get_n_items (cb));
      for (guint n = 0; n < g_list_model_get_n_items (ca); n++)
        {
          g_autoptr(HavenSafetyPlanContact) x = g_list_model_get_item (ca, n);
          g_autoptr(HavenSafetyPlanContact) y = g_list_model_get_item (cb, n);

          g_assert_cmpstr (haven_safety_plan_contact_get_name (x), ==, haven_safety_plan_contact_get_name (y));
          g_assert_cmpstr (haven_safety_plan_contact_get_number (x), ==, haven_safety_plan_contact_get_number (y));
        }
    }
}

static void
test_round_trip (void)
{
  g_autoptr(HavenSafetyPlan) plan = new_tricky_plan ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_false (haven_safety_plan_is_empty (plan));
  data = haven_safety_plan_to_data (plan, &length);
  read = haven_safety_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, read);

  /* Every field made it: each text is non-trivial but the empty one, and
   * each contact section has its three contacts. */
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    if (haven_safety_plan_section_has_contacts (i))
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (haven_safety_plan_get_contacts (read, i))), ==, 3);
}

static void
test_round_trip_each_field_alone (void)
{
  /* A value in one field must not leak into another. */
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();
      g_autoptr(HavenSafetyPlan) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;

      if (haven_safety_plan_section_has_contacts (i))
        haven_safety_plan_add_contact (plan, i, "Sam", "0800 000 000");
      else
        haven_safety_plan_set_text (plan, i, "only here");

      data = haven_safety_plan_to_data (plan, NULL);
      read = haven_safety_plan_new_from_data (data, strlen (data), &error);
      g_assert_no_error (error);
      assert_plans_equal (plan, read);
    }
}

static void
test_empty_and_invalid_documents (void)
{
  static const char * const invalid[] = {
    "",
    "not a plan",
    "[Safety Plan]\nWarningSigns=no version\n",
    "[Safety Plan]\nVersion=one\n",
    "[Other]\nVersion=1\n",
  };
  g_autoptr(HavenSafetyPlan) empty = haven_safety_plan_new ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = haven_safety_plan_to_data (empty, NULL);

  g_assert_true (haven_safety_plan_is_empty (empty));
  read = haven_safety_plan_new_from_data (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_true (haven_safety_plan_is_empty (read));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(HavenSafetyPlan) bad = NULL;
      g_autoptr(GError) bad_error = NULL;

      bad = haven_safety_plan_new_from_data (invalid[i], strlen (invalid[i]), &bad_error);
      g_assert_null (bad);
      g_assert_error (bad_error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID);
    }

  {
    const char newer[] = "[Safety Plan]\nVersion=2\n";
    g_autoptr(HavenSafetyPlan) bad = NULL;
    g_autoptr(GError) bad_error = NULL;

    bad = haven_safety_plan_new_from_data (newer, strlen (newer), &bad_error);
    g_assert_null (bad);
    g_assert_error (bad_error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_NEWER_VERSION);
  }

  {
    const char not_utf8[] = "[Safety Plan]\nVersion=1\nCoping=\xff\xfe\n";
    g_autoptr(HavenSafetyPlan) bad = NULL;
    g_autoptr(GError) bad_error = NULL;

    bad = haven_safety_plan_new_from_data (not_utf8, strlen (not_utf8), &bad_error);
    g_assert_null (bad);
    g_assert_error (bad_error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID);
  }
}

static void
count_changed (guint *count)
{
  (*count)++;
}

/* The printed plan asks its questions without talk of the screen: what
 * to add where, or what Haven fills in. */
static void
test_printed_prompts (void)
{
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      const char *printed = haven_safety_plan_section_get_printed_prompt (i);

      g_assert_nonnull (printed);
      g_assert_null (strstr (printed, "Haven"));
      g_assert_null (strstr (printed, "Add "));
      g_assert_null (strstr (printed, "Change it"));
      g_assert_true (g_str_has_prefix (haven_safety_plan_section_get_prompt (i), printed));
    }
}

static void
test_changed_signal (void)
{
  g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();
  HavenSafetyPlanContact *contact;
  guint changed = 0;

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_changed), &changed);

  haven_safety_plan_set_text (plan, HAVEN_SAFETY_PLAN_COPING, "a walk");
  g_assert_cmpuint (changed, ==, 1);
  haven_safety_plan_set_text (plan, HAVEN_SAFETY_PLAN_COPING, "a walk");
  g_assert_cmpuint (changed, ==, 1);

  contact = haven_safety_plan_add_contact (plan, HAVEN_SAFETY_PLAN_HELPERS, "Alex", "");
  g_assert_cmpuint (changed, ==, 2);
  haven_safety_plan_contact_set_number (contact, "0123");
  g_assert_cmpuint (changed, ==, 3);

  g_list_store_remove (haven_safety_plan_get_contacts (plan, HAVEN_SAFETY_PLAN_HELPERS), 0);
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_suggestions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();
  g_autoptr(HavenSafetyPlan) unknown = haven_safety_plan_new ();
  GListModel *professionals;
  HavenContact *samaritans;
  gboolean found_line = FALSE, found_emergency = FALSE;

  g_assert_no_error (error);
  samaritans = haven_feed_lookup_contact (feed, "gb-samaritans");
  g_assert_nonnull (samaritans);

  g_assert_cmpuint (haven_safety_plan_add_suggestions (plan, feed, "GB"), >=, 2);
  professionals = G_LIST_MODEL (haven_safety_plan_get_contacts (plan, HAVEN_SAFETY_PLAN_PROFESSIONALS));
  for (guint i = 0; i < g_list_model_get_n_items (professionals); i++)
    {
      g_autoptr(HavenSafetyPlanContact) contact = g_list_model_get_item (professionals, i);
      const char *name = haven_safety_plan_contact_get_name (contact);
      const char *number = haven_safety_plan_contact_get_number (contact);

      if (g_strcmp0 (name, haven_contact_get_name (samaritans)) == 0 && g_strcmp0 (number, "116 123") == 0)
        found_line = TRUE;
      if (g_strcmp0 (number, "999") == 0)
        found_emergency = TRUE;
      /* Only GB's services: nothing from another country. */
      g_assert_cmpstr (number, !=, "988");
    }
  g_assert_true (found_line);
  g_assert_true (found_emergency);

  /* Regions the feed does not know get nothing made up. */
  g_assert_cmpuint (haven_safety_plan_add_suggestions (unknown, feed, "ZZ"), ==, 0);
  g_assert_cmpuint (haven_safety_plan_add_suggestions (unknown, feed, NULL), ==, 0);
  g_assert_true (haven_safety_plan_is_empty (unknown));
}

/* Storage */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("haven-safety-plan-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder Haven must create, as on a first run. */
  f->path = g_build_filename (f->dir, "haven", "safety-plan.ini", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GPtrArray *
list_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
test_store_mode (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) plan = new_tricky_plan ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  GStatBuf st;
  mode_t old_umask;

  /* The most permissive umask must not make the plan readable by others. */
  old_umask = umask (0);
  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  /* An existing plan that became readable by others is tightened, and a
   * save replaces it with a 0600 file. */
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, read);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* Nothing else was left in the folder. */
  {
    g_autoptr(GPtrArray) names = list_folder (f->path);

    g_assert_cmpuint (names->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "safety-plan.ini");
  }
}

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  haven_test_wait_for_pointer (result, HAVEN_TEST_TIMEOUT_MS);

  return *result;
}

static void
test_store_async_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) first = safety_plan_test_new_version (1);
  g_autoptr(HavenSafetyPlan) second = new_tricky_plan ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GAsyncResult) load_missing = NULL;
  g_autoptr(GAsyncResult) save1 = NULL;
  g_autoptr(GAsyncResult) save2 = NULL;
  g_autoptr(GAsyncResult) load = NULL;
  g_autoptr(GError) error = NULL;

  haven_safety_plan_store_load_async (store, NULL, on_ready, &load_missing);
  g_assert_null (haven_safety_plan_store_load_finish (store, wait_for_result (&load_missing), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two saves in flight: the later one wins, whichever thread runs first. */
  haven_safety_plan_store_save_async (store, first, NULL, on_ready, &save1);
  haven_safety_plan_store_save_async (store, second, NULL, on_ready, &save2);
  g_assert_true (haven_safety_plan_store_save_finish (store, wait_for_result (&save1), &error));
  g_assert_no_error (error);
  g_assert_true (haven_safety_plan_store_save_finish (store, wait_for_result (&save2), &error));
  g_assert_no_error (error);

  haven_safety_plan_store_load_async (store, NULL, on_ready, &load);
  read = haven_safety_plan_store_load_finish (store, wait_for_result (&load), &error);
  g_assert_no_error (error);
  assert_plans_equal (second, read);
}

static void
test_store_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) plan = new_tricky_plan ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GAsyncResult) save = NULL;
  g_autoptr(GAsyncResult) deleted = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* A save still queued when the plan is deleted must not bring it back. */
  haven_safety_plan_store_save_async (store, plan, NULL, on_ready, &save);
  haven_safety_plan_store_delete_async (store, NULL, on_ready, &deleted);
  g_assert_true (haven_safety_plan_store_save_finish (store, wait_for_result (&save), &error));
  g_assert_true (haven_safety_plan_store_delete_finish (store, wait_for_result (&deleted), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting what is not there is fine; saving afterwards works again. */
  g_assert_true (haven_safety_plan_store_delete (store, NULL, &error));
  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
check_corrupt_file_kept_aside (Fixture    *f,
                               const char *contents,
                               gsize       length)
{
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(HavenSafetyPlan) plan = new_tricky_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *aside = NULL;
  g_autofree char *aside_contents = NULL;
  gsize aside_length;
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (f->path, contents, length,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));

  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, HAVEN_SAFETY_PLAN_STORE_ERROR, HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT);

  /* The message tells the reader where it went, and that nothing was lost. */
  names = list_folder (f->path);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (names, 0), "safety-plan.corrupt-"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 0), ".ini"));
  g_assert_nonnull (strstr (error->message, g_ptr_array_index (names, 0)));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  aside = g_build_filename (folder, g_ptr_array_index (names, 0), NULL);
  g_assert_true (g_file_get_contents (aside, &aside_contents, &aside_length, NULL));
  g_assert_cmpmem (aside_contents, aside_length, contents, length);
  g_assert_cmpint (g_stat (aside, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A new plan is saved beside it; the unreadable one stays as it was. */
  g_clear_error (&error);
  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&aside_contents, g_free);
  g_assert_true (g_file_get_contents (aside, &aside_contents, &aside_length, NULL));
  g_assert_cmpmem (aside_contents, aside_length, contents, length);

  g_clear_object (&read);
  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, read);

  remove_tree (folder);
}

static void
test_store_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  const char binary[] = "\x89PNG\r\n\x1a\n\0\xff\xfe";
  const char truncated[] = "[Safety Plan]\nVers";
  const char newer[] = "[Safety Plan]\nVersion=7\nWarningSigns=from a newer Haven\n";

  check_corrupt_file_kept_aside (f, binary, sizeof binary - 1);
  check_corrupt_file_kept_aside (f, truncated, sizeof truncated - 1);
  check_corrupt_file_kept_aside (f, newer, sizeof newer - 1);
  check_corrupt_file_kept_aside (f, "", 0);
}

/* Two Havens (two instances, or one left running) save the same plan at
 * once, each loading it back after every save: every save and load
 * succeeds, every load is one whole plan, and what is left is the last
 * save of one of them, alone in its folder. */
static void
test_store_two_processes (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "safety-plan-writer", NULL);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const guint count = 150;
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GSubprocess *children[2];
  guint version = 0;

  first = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            writer, f->path, "1", count_text, NULL);
  g_assert_no_error (error);
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             writer, f->path, "100001", count_text, NULL);
  g_assert_no_error (error);
  children[0] = first;
  children[1] = second;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *errors = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (children[i], NULL, NULL, NULL, &errors, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_if_exited (children[i]) || g_subprocess_get_exit_status (children[i]) != 0)
        g_error ("Writer %u failed: %s", i + 1, errors);
    }

  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (safety_plan_test_get_version (read, &version));
  if (version != count && version != 100000 + count)
    g_error ("The plan left is version %u, not the last save of either writer", version);

  names = list_folder (f->path);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "safety-plan.ini");
}

static void
write_plan_file (const char *path,
                 const char *contents,
                 gsize       length,
                 int         mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents_full (path, contents, length,
                                           G_FILE_SET_CONTENTS_NONE, mode, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_mode (const char *path,
             int         mode)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, mode);
}

/* A link planted at the plan's path, or at its folder, is never followed:
 * loading refuses with a message and changes nothing where it points. */
static void
test_store_symlink_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) plan = new_tricky_plan ();
  g_autoptr(HavenSafetyPlan) other = safety_plan_test_new_version (7);
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *target = g_build_filename (f->dir, "someone-elses.ini", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *elsewhere_plan = g_build_filename (elsewhere, "safety-plan.ini", NULL);
  g_autofree char *data_text = haven_safety_plan_to_data (plan, NULL);
  g_autofree char *contents = NULL;

  /* A readable file, such as one an attacker wants made private, or one
   * that must stay readable. */
  write_plan_file (target, data_text, strlen (data_text), 0644);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (target, f->path), ==, 0);

  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  assert_mode (target, 0644);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  g_clear_error (&error);

  /* Saving replaces the link itself, never what it points to. */
  g_assert_true (haven_safety_plan_store_save (store, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  assert_mode (f->path, 0600);
  assert_mode (target, 0644);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, data_text);

  /* The plan's folder as a link to another folder is refused too. */
  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0755), ==, 0);
  write_plan_file (elsewhere_plan, data_text, strlen (data_text), 0644);
  g_assert_cmpint (symlink (elsewhere, folder), ==, 0);

  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_mode (elsewhere_plan, 0644);
  g_clear_error (&error);
  g_assert_false (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);
  g_assert_false (haven_safety_plan_store_delete (store, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_mode (elsewhere_plan, 0644);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (elsewhere_plan, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, data_text);
  g_unlink (folder);
}

/* In a child, with a deadline: a FIFO must not make loading wait for a
 * writer that never comes. */
static void
test_store_not_a_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);

  if (g_test_subprocess ())
    {
      g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
      g_autoptr(HavenSafetyPlan) read = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);
      read = haven_safety_plan_store_load (store, NULL, &error);
      g_assert_null (read);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_clear_error (&error);
      /* Left where it is: it was not Haven's. */
      g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

      g_unlink (f->path);
      g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
      read = haven_safety_plan_store_load (store, NULL, &error);
      g_assert_null (read);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return g_strstr_len (contents, length, needle) != NULL;
}

/* Every file under @path that contains @needle. */
static void
find_containing (const char *path,
                 const char *needle,
                 GPtrArray  *found)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      if (file_contains (path, needle))
        g_ptr_array_add (found, g_strdup (path));
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      find_containing (child, needle, found);
    }
}

/* A reader who deletes their plan expects no copy of it to be left: not
 * the copy kept aside when it could not be read, nor a killed save's
 * temporary file. */
static void
test_store_delete_every_copy (Fixture       *f,
                              gconstpointer  data)
{
  const char *secret = "a line only my plan has";
  const char *unreadable = "[Safety Plan]\nVersion=7\nReasonsForLiving=a line only my plan has\n";
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  g_autoptr(HavenSafetyPlan) plan = haven_safety_plan_new ();
  g_autoptr(HavenSafetyPlan) read = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *temp = g_build_filename (folder, ".safety-plan.ini.k1LLed", NULL);
  g_autofree char *text = NULL;
  gsize length;

  haven_safety_plan_set_text (plan, HAVEN_SAFETY_PLAN_REASONS_FOR_LIVING, secret);
  text = haven_safety_plan_to_data (plan, &length);

  /* A plan Haven could not read (here, from a newer Haven), kept aside
   * when loaded. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_plan_file (f->path, unreadable, strlen (unreadable), 0600);
  read = haven_safety_plan_store_load (store, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, HAVEN_SAFETY_PLAN_STORE_ERROR, HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* The plan saved again, and a save killed after writing its temporary file. */
  g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
  g_assert_no_error (error);
  write_plan_file (temp, text, length, 0600);

  find_containing (f->dir, secret, found);
  g_assert_cmpuint (found->len, ==, 3);
  g_ptr_array_set_size (found, 0);

  g_assert_true (haven_safety_plan_store_delete (store, NULL, &error));
  g_assert_no_error (error);

  find_containing (f->dir, secret, found);
  if (found->len > 0)
    g_error ("Deleting the plan left it in %s", (const char *) g_ptr_array_index (found, 0));
  names = list_folder (f->path);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_store_killed_writer (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "safety-plan-writer", NULL);
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  guint rounds = 40, landed_mid_write = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(HavenSafetyPlan) initial = safety_plan_test_new_version (round * 1000);
      g_autoptr(HavenSafetyPlan) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first = g_strdup_printf ("%u", round * 1000 + 1);
      g_autofree char *output = NULL;
      const char *argv[] = { writer, f->path, first, NULL };
      guint last_saved = round * 1000, version = 0, delay_ms;
      GPid pid;
      int out_fd, status;
      g_autoptr(GPtrArray) names = NULL;

      /* The old plan, written by the same code. */
      g_assert_true (haven_safety_plan_store_save (store, initial, NULL, &error));
      g_assert_no_error (error);

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      delay_ms = g_test_rand_int_range (5, 120);
      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      {
        g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

        g_io_channel_set_close_on_unref (channel, TRUE);
        g_io_channel_read_to_end (channel, &output, NULL, NULL);
      }
      /* The last complete line is the last save that returned. */
      {
        g_auto(GStrv) lines = g_strsplit (output != NULL ? output : "", "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (lines[i + 1] != NULL && lines[i][0] != '\0')
            last_saved = (guint) g_ascii_strtoull (lines[i], NULL, 10);
      }

      read = haven_safety_plan_store_load (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (read);
      g_assert_true (safety_plan_test_get_version (read, &version));
      /* Old or new: the last save that returned, or the one under way. */
      g_assert_cmpuint (version, >=, last_saved);
      g_assert_cmpuint (version, <=, last_saved + 1);
      if (version == last_saved + 1)
        landed_mid_write++;

      /* No leftovers: loading removed the writer's temporary file. */
      names = list_folder (f->path);
      g_assert_cmpuint (names->len, ==, 1);
    }

  g_test_message ("%u of %u kills landed after a rename the writer did not report", landed_mid_write, rounds);
}

/* kill -9 rounds during saves: the next save (not only a load) removes
 * what the killed writers left, so nothing grows round after round. */
static void
test_store_killed_writer_leftovers (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "safety-plan-writer", NULL);
  g_autoptr(HavenSafetyPlanStore) store = haven_safety_plan_store_new (f->path);
  guint rounds = 30, left_over = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(HavenSafetyPlan) plan = safety_plan_test_new_version (round);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                writer, f->path, "1000000", NULL);
      g_assert_no_error (error);
      /* Its first save has returned: it is saving the next ones. */
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (output, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "1000000");

      /* Kill it somewhere in the middle of some later save. */
      g_usleep (g_test_rand_int_range (0, 30000));
      g_subprocess_force_exit (child);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (child));

      before = list_folder (f->path);
      if (before->len > 1)
        left_over++;

      g_assert_true (haven_safety_plan_store_save (store, plan, NULL, &error));
      g_assert_no_error (error);
      after = list_folder (f->path);
      g_assert_cmpuint (after->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (after, 0), ==, "safety-plan.ini");
    }

  g_test_message ("%u of %u kills left a file beside the plan, which the next save removed",
                  left_over, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety-plan/printed-prompts", test_printed_prompts);
  g_test_add_func ("/safety-plan/round-trip", test_round_trip);
  g_test_add_func ("/safety-plan/round-trip-each-field-alone", test_round_trip_each_field_alone);
  g_test_add_func ("/safety-plan/invalid-documents", test_empty_and_invalid_documents);
  g_test_add_func ("/safety-plan/changed-signal", test_changed_signal);
  g_test_add_func ("/safety-plan/suggestions", test_suggestions);
  g_test_add ("/safety-plan/store/mode-0600", Fixture, NULL, fixture_set_up, test_store_mode, fixture_tear_down);
  g_test_add ("/safety-plan/store/async-round-trip", Fixture, NULL, fixture_set_up, test_store_async_round_trip, fixture_tear_down);
  g_test_add ("/safety-plan/store/delete", Fixture, NULL, fixture_set_up, test_store_delete, fixture_tear_down);
  g_test_add ("/safety-plan/store/corrupt-kept-aside", Fixture, NULL, fixture_set_up, test_store_corrupt, fixture_tear_down);
  g_test_add ("/safety-plan/store/killed-writer-old-or-new", Fixture, NULL, fixture_set_up, test_store_killed_writer, fixture_tear_down);
  g_test_add ("/safety-plan/store/killed-writer-leftovers", Fixture, NULL, fixture_set_up, test_store_killed_writer_leftovers, fixture_tear_down);
  g_test_add ("/safety-plan/store/two-processes", Fixture, NULL, fixture_set_up, test_store_two_processes, fixture_tear_down);
  g_test_add ("/safety-plan/store/symlink-refused", Fixture, NULL, fixture_set_up, test_store_symlink_refused, fixture_tear_down);
  g_test_add ("/safety-plan/store/not-a-file", Fixture, NULL, fixture_set_up, test_store_not_a_file, fixture_tear_down);
  g_test_add ("/safety-plan/store/delete-every-copy", Fixture, NULL, fixture_set_up, test_store_delete_every_copy, fixture_tear_down);

  return g_test_run ();
}
