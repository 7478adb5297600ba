/* test-stale-notice.c: Home and Get Help say calmly when the content is more
 * than 30 days old, and keep showing it, numbers included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "haven-contact-row.h"
#include "haven-feed-parser.h"
#include "haven-help-view.h"
#include "haven-home-view.h"
#include "haven-stale-notice.h"
#include "network/network-test-util.h"

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

  return NULL;
}

static HavenFeed *
feed_days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(GBytes) published = network_test_feed_with (date, NULL);
  g_autoptr(GRegex) checked = g_regex_new ("\"(checked|emergency_checked|updated|reviewed)\": \"[0-9-]+\"", 0, 0, NULL);
  g_autofree char *replacement = g_strdup_printf ("\"\\1\": \"%s\"", date);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HavenFeed *feed;

  /* Nothing in a feed may be checked after the feed was made. */
  text = g_regex_replace (checked, g_bytes_get_data (published, NULL), g_bytes_get_size (published),
                          0, replacement, 0, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (text, strlen (text));
  feed = haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_REMOTE, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static gboolean
wait_for_widget (GtkWidget *root,
                 GType      type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (find_widget (root, type) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

/* The date as the notice writes it, such as "3 November 2026". */
static char *
day_of (HavenFeed *feed)
{
  const GDate *generated = haven_feed_get_generated (feed);
  char text[64];

  g_date_strftime (text, sizeof text, "%B %Y", generated);
  return g_strdup_printf ("%u %s", g_date_get_day (generated), text);
}

static void
check_view (GtkWidget *view,
            void     (*set_feed) (GtkWidget *view, HavenFeed *feed))
{
  g_autoptr(HavenFeed) old = feed_days_ago (40);
  g_autoptr(HavenFeed) recent = feed_days_ago (2);
  g_autofree char *day = day_of (old);
  GtkWidget *window = gtk_window_new ();
  HavenStaleNotice *notice;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  set_feed (view, old);
  notice = HAVEN_STALE_NOTICE (find_widget (view, HAVEN_TYPE_STALE_NOTICE));
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_test_message ("%s", haven_stale_notice_get_text (notice));
  g_assert_nonnull (strstr (haven_stale_notice_get_text (notice), day));

  set_feed (view, recent);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_assert_null (haven_stale_notice_get_text (notice));

  set_feed (view, old);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_help_feed (GtkWidget *view,
               HavenFeed *feed)
{
  haven_help_view_set_feed (HAVEN_HELP_VIEW (view), feed);
}

static void
set_home_feed (GtkWidget *view,
               HavenFeed *feed)
{
  haven_home_view_set_feed (HAVEN_HOME_VIEW (view), feed);
}

static void
test_home (void)
{
  check_view (g_object_new (HAVEN_TYPE_HOME_VIEW, NULL), set_home_feed);
}

static void
test_help (void)
{
  GtkWidget *view = g_object_new (HAVEN_TYPE_HELP_VIEW, NULL);
  g_autoptr(HavenFeed) old = feed_days_ago (45);
  GtkWidget *window = gtk_window_new ();

  check_view (g_object_ref (view), set_help_feed);

  /* The numbers stay: Get Help still lists its crisis lines under the notice. */
  gtk_window_set_child (GTK_WINDOW (window), view);
  haven_help_view_set_region (HAVEN_HELP_VIEW (view), "GB");
  haven_help_view_set_feed (HAVEN_HELP_VIEW (view), old);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_widget (view, HAVEN_TYPE_CONTACT_ROW));
  g_assert_true (gtk_widget_get_visible (find_widget (view, HAVEN_TYPE_STALE_NOTICE)));
  g_object_unref (view);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/stale-notice/home", test_home);
  g_test_add_func ("/stale-notice/help", test_help);

  return g_test_run ();
}
