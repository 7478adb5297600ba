/* test-locale-format.c: opening hours written as the reader's locale writes
 * them, in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "haven-opening-status.h"

typedef struct
{
  const char *locale;
  /* Parts the text must hold, and one it must not: the clock and weekday
   * come from the locale, the sentence from Haven's translation. */
  const char *closed_parts[2];
  const char *open_part;
  const char *wrong_clock;
  gboolean    translated;
} LocaleCase;

static void
test_locale_clock_and_language (void)
{
  static const LocaleCase cases[] = {
    { "en_GB.UTF-8", { "14:00", "Monday" }, "20:00", "PM", FALSE },
    { "en_US.UTF-8", { "2:00 PM", "Monday" }, "8:00 PM", "14:00", FALSE },
    { "de_DE.UTF-8", { "14:00", "Montag" }, "20:00", "PM", TRUE },
    { "de_CH.UTF-8", { "14:00", "Montag" }, "20:00", "PM", TRUE },
    { "es_ES.UTF-8", { "14:00", "lunes" }, "20:00", "PM", TRUE },
    { "fr_FR.UTF-8", { "14:00", "lundi" }, "20:00", "PM", TRUE },
    { "pt_BR.UTF-8", { "14:00", "segunda" }, "20:00", "PM", TRUE },
    { "ar_EG.UTF-8", { "2:00 م", "الاثنين" }, "8:00 م", "14:00", TRUE },
  };
  /* Monday to Saturday, 14:00 to 20:00 in Berlin. */
  HavenPeriod period = { 0x3f, 14 * 60, 20 * 60 };
  g_autoptr(HavenHours) hours = haven_hours_new_weekly (&period, 1);
  /* Sunday 29 November 2026, noon in Berlin, then Wednesday at 15:00. */
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2026, 11, 29, 11, 0, 0);
  g_autoptr(GDateTime) wednesday = g_date_time_new_utc (2026, 12, 2, 14, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LocaleCase *c = &cases[i];
      g_autofree char *closed = NULL;
      g_autofree char *open = NULL;

      g_test_message ("%s", c->locale);
      /* The build compiles these locales (tests/make-locales.py). */
      g_assert_nonnull (setlocale (LC_ALL, c->locale));

      closed = haven_opening_status_format (hours, "Europe/Berlin", sunday, NULL);
      open = haven_opening_status_format (hours, "Europe/Berlin", wednesday, NULL);
      g_test_message ("%s | %s", closed, open);

      g_assert_nonnull (strstr (closed, c->closed_parts[0]));
      g_assert_nonnull (strstr (closed, c->closed_parts[1]));
      g_assert_nonnull (strstr (open, c->open_part));
      g_assert_null (strstr (closed, c->wrong_clock));
      g_assert_null (strstr (open, c->wrong_clock));

      /* A translated sentence, never the English one. */
      g_assert_true (c->translated == (strstr (closed, "Closed, opens at") == NULL));
      g_assert_true (c->translated == (strstr (open, "Open now, until") == NULL));
    }

  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HAVEN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/locale-format/clock-and-language", test_locale_clock_and_language);

  return g_test_run ();
}
