/* test-feed-value.c: checks of single feed values, as tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-feed-problem.h"
#include "haven-feed-value.h"

typedef struct
{
  const char *value;
  gboolean    valid;
} ValueCase;

#define check_table(func, table)                                                 \
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)                               \
    {                                                                            \
      if (func (table[i].value) != table[i].valid)                               \
        g_error ("%s (“%s”): expected %s", #func, table[i].value,                \
                 table[i].valid ? "TRUE" : "FALSE");                             \
    }

static void
test_value_ids (void)
{
  static const ValueCase cases[] = {
    { "gb-samaritans", TRUE }, { "988", TRUE }, { "a", TRUE }, { "a-", TRUE },
    { "", FALSE }, { "-a", FALSE }, { "GB", FALSE }, { "gb_samaritans", FALSE },
    { "gb samaritans", FALSE }, { "gé", FALSE },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", TRUE },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", FALSE },
  };

  check_table (haven_feed_value_is_id, cases);
}

static void
test_value_region_codes (void)
{
  static const ValueCase cases[] = {
    { "GB", TRUE }, { "DE", TRUE }, { "gb", FALSE }, { "G", FALSE }, { "GBR", FALSE },
    { "G1", FALSE }, { "", FALSE },
  };

  check_table (haven_feed_value_is_region_code, cases);
}

static void
test_value_language_tags (void)
{
  static const ValueCase cases[] = {
    { "en", TRUE }, { "de", TRUE }, { "pt-BR", TRUE }, { "zh-Hant", TRUE },
    { "zh-Hant-TW", TRUE }, { "es-419", TRUE }, { "ca-valencia", TRUE }, { "fil", TRUE },
    { "", FALSE }, { "e", FALSE }, { "EN", FALSE }, { "pt-br", FALSE }, { "pt_BR", FALSE },
    { "zh-hant", FALSE }, { "en-", FALSE }, { "en--GB", FALSE }, { "english", FALSE },
    { "de-CH-1996-abcdefgh", FALSE },
  };

  check_table (haven_feed_value_is_language_tag, cases);
}

static void
test_value_locale_tags (void)
{
  static const struct {
    const char *locale;
    const char *tag;
  } cases[] = {
    { "de_CH.UTF-8", "de-CH" }, { "de_CH", "de-CH" }, { "de", "de" }, { "pt_BR", "pt-BR" },
    { "sr_RS@latin", "sr-RS" }, { "sr@latin", "sr" }, { "en_US.ISO-8859-1", "en-US" },
    { "zh_TW.UTF-8", "zh-TW" }, { "C", NULL }, { "POSIX", NULL }, { "C.UTF-8", NULL },
    { "", NULL }, { ".UTF-8", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tag = haven_feed_value_language_tag_for_locale (cases[i].locale);

      g_assert_cmpstr (tag, ==, cases[i].tag);
    }
}

static void
test_value_numbers (void)
{
  static const ValueCase dialable[] = {
    { "116 123", TRUE }, { "+1 (800) 273-8255", TRUE }, { "988", TRUE }, { "85258", TRUE },
    { "+41 00 000 00 00", TRUE }, { "12", TRUE }, { "123456789012345", TRUE },
    { "1", FALSE }, { "", FALSE }, { "116+123", FALSE }, { "++44", FALSE }, { "116 ABC", FALSE },
    { "1234567890123456", FALSE }, { "1 2 3 4 5 6 7 8 9 0 1 2 3", FALSE }, { "*123#", FALSE },
    { "116\n123", FALSE }, { "*4141", TRUE }, { "* 0767", TRUE }, { "4*141", FALSE },
    { "+*41", FALSE }, { "**41", FALSE },
  };
  static const ValueCase emergency[] = {
    { "112", TRUE }, { "999", TRUE }, { "000", TRUE }, { "1-1-2", TRUE }, { "9", FALSE },
    { "+112", FALSE }, { "(112)", FALSE }, { "", FALSE },
  };

  check_table (haven_feed_value_is_dialable, dialable);
  check_table (haven_feed_value_is_emergency_number, emergency);
}

static void
test_value_other (void)
{
  static const ValueCase emails[] = {
    { "jo@samaritans.org", TRUE }, { "first.last+tag@mail.example.co.uk", TRUE },
    { "jo@", FALSE }, { "@samaritans.org", FALSE }, { "jo@samaritans", FALSE },
    { "jo@@samaritans.org", FALSE }, { "jo@samaritans.org?subject=x", FALSE },
    { "jo smith@samaritans.org", FALSE }, { "jo@-samaritans.org", FALSE },
    { "jo..x@samaritans.org", FALSE }, { ".jo@samaritans.org", FALSE },
  };
  static const ValueCase zones[] = {
    { "Europe/London", TRUE }, { "America/Argentina/Buenos_Aires", TRUE }, { "UTC", TRUE },
    { "Etc/GMT+5", TRUE }, { "", FALSE }, { "/etc/passwd", FALSE }, { "Europe/../x", FALSE },
    { "Europe London", FALSE }, { "Europe/", FALSE },
  };
  static const ValueCase icons[] = {
    { "haven-help-symbolic", TRUE }, { "-symbolic", FALSE }, { "help", FALSE },
    { "../x-symbolic", FALSE },
  };
  static const ValueCase colors[] = {
    { "#3a7bd5", TRUE }, { "#FFAA00", TRUE }, { "#fff", FALSE }, { "blue", FALSE },
    { "#3a7bd5ff", FALSE }, { "#3a7bdg", FALSE },
  };

  check_table (haven_feed_value_is_email, emails);
  check_table (haven_feed_value_is_time_zone, zones);
  check_table (haven_feed_value_is_icon_name, icons);
  check_table (haven_feed_value_is_color, colors);
}

static void
test_value_dates_and_times (void)
{
  static const struct {
    const char *value;
    gboolean    valid;
  } dates[] = {
    { "2026-11-25", TRUE }, { "2024-02-29", TRUE }, { "1900-01-01", TRUE }, { "2100-12-31", TRUE },
    { "2026-02-29", FALSE }, { "2026-02-30", FALSE }, { "2026-13-01", FALSE },
    { "2026-00-10", FALSE }, { "26-11-25", FALSE }, { "2026-1-1", FALSE },
    { "25/11/2026", FALSE }, { "2026-11-25T00:00", FALSE }, { "1899-12-31", FALSE },
    { "2101-01-01", FALSE }, { "", FALSE },
  };
  static const struct {
    const char *value;
    int         minutes;
  } times[] = {
    { "00:00", 0 }, { "09:30", 570 }, { "23:59", 1439 }, { "24:00", 1440 },
    { "24:01", -1 }, { "25:00", -1 }, { "12:60", -1 }, { "9:00", -1 }, { "0900", -1 },
    { "", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GDate date;

      g_assert_cmpint (haven_feed_value_parse_date (dates[i].value, &date), ==, dates[i].valid);
      if (dates[i].valid)
        g_assert_true (g_date_valid (&date));
    }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      guint minutes = 0;
      gboolean valid = haven_feed_value_parse_time (times[i].value, &minutes);

      g_assert_cmpint (valid, ==, times[i].minutes >= 0);
      if (valid)
        g_assert_cmpuint (minutes, ==, times[i].minutes);
    }
}

static void
test_value_text (void)
{
  static const ValueCase texts[] = {
    { "Samaritans", TRUE }, { "Line one\nLine two", TRUE }, { "I <3 you", TRUE },
    { "R&D", TRUE }, { "Tom & Jerry", TRUE }, { "3 < 4 > 2", TRUE }, { "Schwiiz", TRUE },
    { "Quelqu’un à qui parler", TRUE }, { "a&b;", FALSE },
    { "", FALSE }, { "   ", FALSE }, { " \n ", FALSE }, { "<b>bold</b>", FALSE },
    { "</i>", FALSE }, { "<!-- x -->", FALSE }, { "<?xml?>", FALSE },
    { "<script>alert(1)</script>", FALSE }, { "&amp;", FALSE }, { "&#38;", FALSE },
    { "&#x26;", FALSE }, { "tab\there", FALSE }, { "bell\a", FALSE }, { "cr\r\n", FALSE },
    { "del\x7f", FALSE }, { "c1\xc2\x9b", FALSE }, { "bad\xc3\x28utf8", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = haven_feed_value_check_text (texts[i].value, 200, &error);

      if (valid != texts[i].valid)
        g_error ("“%s”: expected %s", texts[i].value, texts[i].valid ? "valid" : "invalid");
      if (!valid)
        g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
    }

  g_assert_true (haven_feed_value_check_text ("12345", 5, NULL));
  g_assert_false (haven_feed_value_check_text ("123456", 5, NULL));
}

/* Every character that can reorder or hide text is refused where text
 * stands next to a number, and named in the problem.
 */
static void
test_value_hidden (void)
{
  static const struct
  {
    const char *text;
    const char *code_point; /* NULL if valid */
    gboolean    valid_in_prose;
  } cases[] = {
    { "Samaritans 116 123", NULL, TRUE },
    { "مرحبا 116 123", NULL, TRUE },           /* Arabic needs no controls */
    { "Samaritans \u202e321 611", "U+202E", FALSE },
    { "\u202aa", "U+202A", FALSE }, { "\u202ba", "U+202B", FALSE },
    { "\u202ca", "U+202C", FALSE }, { "\u202da", "U+202D", FALSE },
    { "a\u2066b", "U+2066", FALSE }, { "a\u2067b", "U+2067", FALSE },
    { "a\u2068b", "U+2068", FALSE }, { "a\u2069b", "U+2069", FALSE },
    { "a\u200eb", "U+200E", FALSE }, { "a\u200fb", "U+200F", FALSE },
    { "a\u061cb", "U+061C", FALSE },
    { "116\u200b123", "U+200B", FALSE }, { "a\u2060b", "U+2060", FALSE },
    { "a\ufeffb", "U+FEFF", FALSE }, { "a\u180eb", "U+180E", FALSE },
    { "a\u2062b", "U+2062", FALSE }, { "a\ufff9b", "U+FFF9", FALSE },
    /* Running text in Persian, Indic scripts and emoji needs these. */
    { "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "U+200C", TRUE },
    { "\U0001f469\u200d\U0001f467", "U+200D", TRUE },
    { "Sama\u00adritans", "U+00AD", TRUE },
    { "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "U+E0067",
      TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) hidden_error = NULL;
      g_autoptr(GError) prose_error = NULL;
      gboolean valid = haven_feed_value_check_text (cases[i].text, 200, &error);
      gboolean hidden_valid = haven_feed_value_check_hidden (cases[i].text, &hidden_error);
      gboolean prose_valid = haven_feed_value_check_prose (cases[i].text, 200, &prose_error);

      g_assert_cmpint (valid, ==, cases[i].code_point == NULL);
      g_assert_cmpint (hidden_valid, ==, valid);
      g_assert_cmpint (prose_valid, ==, cases[i].valid_in_prose);

      if (!valid)
        {
          g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].code_point));
          g_assert_cmpstr (hidden_error->message, ==, error->message);
        }
    }
}

static void
test_value_quote_hidden (void)
{
  g_autofree char *quoted = haven_feed_value_quote ("Samaritans \u202e321 611");

  /* Whoever reads the problem sees the character, not its effect. */
  g_assert_cmpstr (quoted, ==, "“Samaritans <U+202E>321 611”");
}

static void
test_value_quote (void)
{
  g_autofree char *plain = haven_feed_value_quote ("gb-samaritans");
  g_autofree char *controls = haven_feed_value_quote ("a\x1b[31mred");
  g_autofree char *long_value = haven_feed_value_quote ("éééééééééééééééééééééééééééééééééééééééééééé"
                                                        "éééééééééé");

  g_assert_cmpstr (plain, ==, "“gb-samaritans”");
  g_assert_cmpstr (controls, ==, "“a?[31mred”");
  g_assert_true (g_utf8_validate (long_value, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (long_value, -1), ==, 43);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/value/ids", test_value_ids);
  g_test_add_func ("/feed/value/hidden", test_value_hidden);
  g_test_add_func ("/feed/value/quote-hidden", test_value_quote_hidden);
  g_test_add_func ("/feed/value/region-codes", test_value_region_codes);
  g_test_add_func ("/feed/value/language-tags", test_value_language_tags);
  g_test_add_func ("/feed/value/locale-tags", test_value_locale_tags);
  g_test_add_func ("/feed/value/numbers", test_value_numbers);
  g_test_add_func ("/feed/value/other", test_value_other);
  g_test_add_func ("/feed/value/dates-and-times", test_value_dates_and_times);
  g_test_add_func ("/feed/value/text", test_value_text);
  g_test_add_func ("/feed/value/quote", test_value_quote);

  return g_test_run ();
}
