/* test-clock-format.c: opening hours follow the desktop's 12 or 24 hour
 * clock (org.gnome.desktop.interface clock-format)
 *
 * Outside a sandbox Haven reads the setting with GSettings, here from the
 * tests' memory backend, through the same HavenClockSettings the app uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "haven-clock-settings.h"
#include "haven-contact-row.h"
#include "haven-feed-parser.h"
#include "haven-test-widget.h"

/* Open Monday to Saturday, 14:00 to 20:00, Berlin time. */
#define CONTACT_ID "de-nummer-gegen-kummer"

static GSettings *
interface_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return NULL;

  return g_settings_new ("org.gnome.desktop.interface");
}

/* A row for the contact as it is on a Monday afternoon in Berlin. */
static GtkWidget *
present_row (HavenFeed  *feed,
             GtkWidget **window)
{
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 12, 7, 15, 0, 0);
  HavenContact *contact = haven_feed_lookup_contact (feed, CONTACT_ID);
  GtkWidget *row;

  g_assert_nonnull (contact);
  row = haven_contact_row_new (contact, monday);
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), row);
  gtk_window_present (GTK_WINDOW (*window));

  return row;
}

static void
check_format (const char *clock_format,
              const char *expected)
{
  g_autoptr(GSettings) interface = interface_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  GtkWidget *window;
  GtkWidget *row;

  g_assert_no_error (error);
  if (interface == NULL)
    {
      g_test_skip ("GNOME's org.gnome.desktop.interface schema is not installed");
      return;
    }

  g_settings_set_string (interface, "clock-format", clock_format);
  row = present_row (feed, &window);
  haven_test_wait_for_text (row, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (interface, "clock-format");
}

static void
test_12h (void)
{
  check_format ("12h", "Open now, until 8:00 PM");
}

static void
test_24h (void)
{
  check_format ("24h", "Open now, until 20:00");
}

static gboolean
is_12h_status (GtkWidget     *widget,
               gconstpointer  data)
{
  /* "Open now, until 8:00 PM" or "Closed, opens at 2:00 PM Tuesday". */
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), ":00 PM") != NULL;
}

static gboolean
shows_12h_status (gpointer row)
{
  return haven_test_find (row, is_12h_status, NULL, TRUE) != NULL;
}

/* A row on screen follows a change of the setting at once. */
static void
test_follows_change (void)
{
  g_autoptr(GSettings) interface = interface_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenFeed) feed = haven_feed_load_bundled (&error);
  HavenClockSettings *clock = haven_clock_settings_get_default ();
  GtkWidget *window;
  GtkWidget *row;

  g_assert_no_error (error);
  if (interface == NULL)
    {
      g_test_skip ("GNOME's org.gnome.desktop.interface schema is not installed");
      return;
    }

  g_settings_set_string (interface, "clock-format", "24h");
  row = present_row (feed, &window);
  haven_test_wait_for_text (row, "Open now, until 20:00");
  g_assert_cmpint (haven_clock_settings_get_format (clock), ==, HAVEN_CLOCK_FORMAT_24H);

  g_settings_set_string (interface, "clock-format", "12h");
  haven_test_wait_for_property (clock, "format", HAVEN_CLOCK_FORMAT_12H, NULL);
  /* The row shows the time now, whatever it is: open or closed, in 12 hours. */
  haven_test_wait_for (shows_12h_status, row, HAVEN_TEST_TIMEOUT_MS);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (interface, "clock-format");
}

int
main (int   argc,
      char *argv[])
{
  haven_test_widget_init (&argc, &argv);

  g_test_add_func ("/clock-format/12h", test_12h);
  g_test_add_func ("/clock-format/24h", test_24h);
  g_test_add_func ("/clock-format/follows-change", test_follows_change);

  return g_test_run ();
}
