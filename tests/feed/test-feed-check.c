/* test-feed-check.c: the haven-feed-check tool, run as a content author would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "feed-test-util.h"

static const char *tool_path;
static char *work_dir;

typedef struct
{
  int    exit_status;
  char  *out;
  char  *err;
  gint64 elapsed_us;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_tool (Run         *run,
          const char  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  const char *arg;
  int wait_status;
  gint64 start;
  va_list args;

  g_ptr_array_add (argv, (char *)tool_path);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The tool prints in the locale's encoding; make that UTF-8. */
  envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  run->elapsed_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  /* A crash is a failure of the case, reported as the shell would. */
  if (WIFEXITED (wait_status))
    run->exit_status = WEXITSTATUS (wait_status);
  else
    run->exit_status = 128 + WTERMSIG (wait_status);
}

static char *
write_case (const char *name,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static gint64
test_slowdown (void)
{
  const char *factor = g_getenv ("HAVEN_TEST_SLOWDOWN");

  return factor != NULL ? MAX (1, g_ascii_strtoll (factor, NULL, 10)) : 1;
}

static void
test_check_hostile (gconstpointer data)
{
  const HostileCase *c = data;
  g_autofree char *path = write_case (c->name, c->bytes);
  g_auto(Run) run = { 0 };

  run_tool (&run, path, NULL);

  if (run.exit_status != 1 || strstr (run.out, c->expected) == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_test_message ("output: %s", lines[i]);
      g_test_fail_printf ("%s: exit status %d, expected 1 and a line with “%s”",
                          c->name, run.exit_status, c->expected);
      return;
    }

  /* Each line names the file it is about. */
  g_assert_true (g_str_has_prefix (run.out, path));

  /* A feed that is not JSON gets exactly one line, saying where and why. */
  if (g_str_has_prefix (c->expected, "The feed is not valid JSON: line "))
    {
      g_autofree char *line = g_strdup_printf ("%s: %s\n", path, c->expected);

      g_assert_cmpstr (run.out, ==, line);
    }

  /* Hostile input is refused, never hangs the checker, whatever it holds.
   * This is a hang guard, not a speed target (the benchmarks measure speed):
   * the bound is far above the few milliseconds a refusal takes, so a busy
   * machine does not fail it. The sanitizer build runs several times slower,
   * and .ci/run says by how much with HAVEN_TEST_SLOWDOWN.
   */
  g_assert_cmpint (run.elapsed_us, <, 20 * G_USEC_PER_SEC * test_slowdown ());

  g_unlink (path);
}

static void
test_check_valid (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "valid", "minimal.json", NULL);
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "valid", "full.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: OK (3 regions, 6 contacts, 2 campaigns, "
                                               "2 explainers)\n", full);
  g_auto(Run) run = { 0 };
  g_auto(Run) strict = { 0 };

  run_tool (&run, minimal, full, NULL);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, expected));
  g_assert_nonnull (strstr (run.out, "OK (1 regions, 1 contacts, 0 campaigns, 0 explainers)"));
  g_assert_null (strstr (run.out, "missing translation"));

  /* Plain strings count for every language: nothing to translate. */
  run_tool (&strict, "--strict", minimal, NULL);
  g_assert_cmpint (strict.exit_status, ==, 0);
  g_assert_null (strstr (strict.out, "missing translation"));
}

/* Under --strict, every text must be in each of Haven's languages. */
static void
test_check_translations (void)
{
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "valid", "full.json", NULL);
  g_autofree char *line = g_strdup_printf ("%s: fr: explainers/grief-and-loss/title: "
                                           "missing translation\n", full);
  g_autofree char *german = g_strdup_printf ("%s: de: explainers/grief-and-loss/title: ", full);
  g_autofree char *count = g_strdup_printf ("%s: pt-BR: ", full);
  g_auto(Run) run = { 0 };

  run_tool (&run, "--strict", full, NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.out, line));
  /* The piece has German, so German is not reported for it. */
  g_assert_null (strstr (run.out, german));
  /* A count per language. */
  g_assert_nonnull (strstr (run.out, count));
  g_assert_nonnull (strstr (strstr (run.out, count), " missing translations\n"));
}

static void
test_check_stale (void)
{
  g_autoptr(GBytes) minimal = feed_test_load ("valid", "minimal.json");
  g_autoptr(GBytes) stale = feed_test_replace (minimal, "\"checked\": \"2026-11-25\"",
                                               "\"checked\": \"2020-01-01\"");
  g_autofree char *path = write_case ("stale.json", stale);
  g_autofree char *warning = g_strdup_printf ("%s: warning: contacts[0]: checked 2020-01-01, "
                                              "more than 12 months ago\n", path);
  g_auto(Run) lenient = { 0 };
  g_auto(Run) strict = { 0 };

  /* A stale contact is a warning... */
  run_tool (&lenient, path, NULL);
  g_assert_cmpint (lenient.exit_status, ==, 0);
  g_assert_nonnull (strstr (lenient.out, warning));
  g_assert_nonnull (strstr (lenient.out, "OK ("));

  /* ...and a failure when asked to be strict. */
  run_tool (&strict, "--strict", path, NULL);
  g_assert_cmpint (strict.exit_status, ==, 1);
  g_assert_nonnull (strstr (strict.out, warning));

  g_unlink (path);
}

static void
test_check_bundled_origin (void)
{
  g_autoptr(GBytes) full = feed_test_load ("valid", "full.json");
  g_autoptr(GBytes) bundled = feed_test_replace (full, "https://example.org/hero.png",
                                                 "resource:///io/github/havenwellbeing/Haven/"
                                                 "feed/images/hero.png");
  g_autofree char *path = write_case ("bundled.json", bundled);
  g_auto(Run) remote = { 0 };
  g_auto(Run) local = { 0 };

  run_tool (&remote, path, NULL);
  g_assert_cmpint (remote.exit_status, ==, 1);
  g_assert_nonnull (strstr (remote.out, "campaigns[0].hero.url: resource:///"));

  run_tool (&local, "--bundled", path, NULL);
  g_assert_cmpint (local.exit_status, ==, 0);

  g_unlink (path);
}

static void
test_check_unreadable (void)
{
  g_autofree char *missing = g_build_filename (work_dir, "does-not-exist.json", NULL);
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "valid", "minimal.json", NULL);
  g_autoptr(GBytes) bad_date = feed_test_new_patched ("bad-date.json");
  g_autofree char *invalid = write_case ("bad-date.json", bad_date);
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };

  /* The worst result wins: unreadable over invalid over valid. */
  run_tool (&run, minimal, missing, invalid, NULL);
  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_nonnull (strstr (run.err, missing));
  g_assert_nonnull (strstr (run.out, "OK ("));
  g_assert_nonnull (strstr (run.out, "contacts[0].checked"));

  run_tool (&none, NULL, NULL);
  g_assert_cmpint (none.exit_status, ==, 2);

  g_unlink (invalid);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tool_path = g_getenv ("HAVEN_FEED_CHECK");
  if (tool_path == NULL)
    {
      g_printerr ("Set HAVEN_FEED_CHECK to the haven-feed-check to test\n");
      return 1;
    }

  work_dir = g_dir_make_tmp ("haven-feed-check-XXXXXX", &error);
  g_assert_no_error (error);

  cases = hostile_cases_new ();
  for (guint i = 0; i < cases->len; i++)
    {
      const HostileCase *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/feed/check/hostile/%s", c->name);

      g_test_add_data_func (path, c, test_check_hostile);
    }
  g_test_add_func ("/feed/check/valid", test_check_valid);
  g_test_add_func ("/feed/check/stale", test_check_stale);
  g_test_add_func ("/feed/check/translations", test_check_translations);
  g_test_add_func ("/feed/check/bundled-origin", test_check_bundled_origin);
  g_test_add_func ("/feed/check/unreadable", test_check_unreadable);

  status = g_test_run ();

  g_rmdir (work_dir);
  g_clear_pointer (&work_dir, g_free);

  return status;
}
