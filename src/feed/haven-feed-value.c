/* haven-feed-value.c: checks of single values in a feed
 *
 * These are pure functions over one string each. They are the feed format
 * written as code, so they follow docs/feed-format.md to the letter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-value"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-feed-problem.h"
#include "haven-feed-value.h"

#define QUOTE_MAX_CHARS 40

#define is_lower(c) ((c) >= 'a' && (c) <= 'z')
#define is_upper(c) ((c) >= 'A' && (c) <= 'Z')
#define is_digit(c) ((c) >= '0' && (c) <= '9')

typedef struct _HiddenRange HiddenRange;

static const HiddenRange *find_hidden (gunichar c);

/**
 * haven_feed_value_is_id:
 *
 * Returns: %TRUE for `[a-z0-9][a-z0-9-]*`, at most 64 bytes
 */
gboolean
haven_feed_value_is_id (const char *value)
{
  gsize i;

  g_return_val_if_fail (value != NULL, FALSE);

  if (!is_lower (value[0]) && !is_digit (value[0]))
    return FALSE;

  for (i = 1; value[i] != '\0'; i++)
    {
      if (!is_lower (value[i]) && !is_digit (value[i]) && value[i] != '-')
        return FALSE;
    }

  return i <= HAVEN_FEED_MAX_ID_LENGTH;
}

/**
 * haven_feed_value_is_region_code:
 *
 * Returns: %TRUE for two upper-case letters, as ISO 3166-1 alpha-2 codes are
 */
gboolean
haven_feed_value_is_region_code (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return is_upper (value[0]) && is_upper (value[1]) && value[2] == '\0';
}

static gboolean
is_subtag (const char *subtag,
           gsize       length)
{
  gsize n_digits = 0;
  gsize n_lower = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (is_digit (subtag[i]))
        n_digits++;
      else if (is_lower (subtag[i]))
        n_lower++;
    }

  switch (length)
    {
    case 2: /* region, "BR" */
      return is_upper (subtag[0]) && is_upper (subtag[1]);

    case 3: /* UN M.49 region, "419" */
      return n_digits == 3;

    case 4: /* script, "Hant"; or a variant starting with a digit, "1996" */
      return (is_upper (subtag[0]) && n_lower == 3) ||
             (is_digit (subtag[0]) && n_digits + n_lower == 4);

    case 5: case 6: case 7: case 8: /* variant, "valencia" */
      return n_digits + n_lower == length;

    default:
      return FALSE;
    }
}

/**
 * haven_feed_value_is_language_tag:
 *
 * Tags are BCP 47 style and written in their usual case, so that they
 * compare with strcmp(): a lower-case language, then optional subtags: an
 * upper-case region ("pt-BR"), a title-case script ("zh-Hant"), a numeric
 * region ("es-419") or a lower-case variant. At most 16 bytes.
 *
 * Returns: %TRUE for a tag such as "en", "pt-BR" or "zh-Hant"
 */
gboolean
haven_feed_value_is_language_tag (const char *value)
{
  const char *p = value;
  gsize length;

  g_return_val_if_fail (value != NULL, FALSE);

  length = strlen (value);
  if (length > HAVEN_FEED_MAX_TAG_LENGTH)
    return FALSE;

  while (is_lower (*p))
    p++;
  if (p - value < 2 || p - value > 3)
    return FALSE;

  while (*p == '-')
    {
      const char *subtag = p + 1;
      const char *end = strchr (subtag, '-');

      if (end == NULL)
        end = value + length;

      if (!is_subtag (subtag, end - subtag))
        return FALSE;

      p = end;
    }

  return *p == '\0';
}

/**
 * haven_feed_value_language_tag_for_locale:
 * @locale: a locale name, as g_get_language_names() gives them
 *   ("de_CH.UTF-8", "sr@latin", "C")
 *
 * Returns: (transfer full) (nullable): the language tag for @locale
 *   ("de-CH", "sr"), or %NULL when it names no language
 */
char *
haven_feed_value_language_tag_for_locale (const char *locale)
{
  g_autofree char *tag = NULL;
  gsize length;
  char *subtag;

  g_return_val_if_fail (locale != NULL, NULL);

  /* Drop the codeset and the modifier. */
  length = strcspn (locale, ".@");
  if (length == 0 || length > HAVEN_FEED_MAX_TAG_LENGTH)
    return NULL;

  tag = g_strndup (locale, length);
  g_strdelimit (tag, "_", '-');

  subtag = tag;
  for (char *p = tag; ; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          gsize subtag_length = p - subtag;

          /* Languages lower case, regions upper case, scripts title case. */
          for (gsize i = 0; i < subtag_length; i++)
            {
              if (subtag != tag && (subtag_length == 2 || (subtag_length == 4 && i == 0)))
                subtag[i] = g_ascii_toupper (subtag[i]);
              else
                subtag[i] = g_ascii_tolower (subtag[i]);
            }

          if (*p == '\0')
            break;
          subtag = p + 1;
        }
    }

  if (!haven_feed_value_is_language_tag (tag))
    return NULL;

  return g_steal_pointer (&tag);
}

/**
 * haven_feed_value_is_time_zone:
 *
 * Only the form is checked ("UTC", "Europe/London",
 * "America/Argentina/Buenos_Aires"): whether this system knows the zone is
 * a question for the reader's system, not for the feed.
 *
 * Returns: %TRUE for a plausible IANA zone name, at most 64 bytes
 */
gboolean
haven_feed_value_is_time_zone (const char *value)
{
  gsize i;
  gboolean segment_start = TRUE;

  g_return_val_if_fail (value != NULL, FALSE);

  for (i = 0; value[i] != '\0'; i++)
    {
      char c = value[i];

      if (segment_start && !is_upper (c) && !is_lower (c))
        return FALSE;

      if (c == '/')
        {
          segment_start = TRUE;
          continue;
        }

      if (!is_upper (c) && !is_lower (c) && !is_digit (c) && c != '_' && c != '-' && c != '+')
        return FALSE;

      segment_start = FALSE;
    }

  return i > 0 && i <= 64 && !segment_start;
}

/**
 * haven_feed_value_is_icon_name:
 *
 * Returns: %TRUE for a symbolic icon name of `[a-z0-9-]`, at most 64 bytes
 */
gboolean
haven_feed_value_is_icon_name (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return haven_feed_value_is_id (value) &&
         g_str_has_suffix (value, "-symbolic") &&
         strlen (value) > strlen ("-symbolic");
}

/**
 * haven_feed_value_is_color:
 *
 * Returns: %TRUE for "#rrggbb"
 */
gboolean
haven_feed_value_is_color (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (value[0] != '#')
    return FALSE;

  for (guint i = 1; i <= 6; i++)
    {
      if (!g_ascii_isxdigit (value[i]))
        return FALSE;
    }

  return value[7] == '\0';
}

/**
 * haven_feed_value_is_email:
 *
 * Deliberately narrower than RFC 5322: what real support services use, and
 * nothing that could change the meaning of the `mailto:` link Haven builds
 * from it ("?", "&", "%", "#" and "/" are not allowed).
 *
 * Returns: %TRUE for an address such as "jo@samaritans.org"
 */
gboolean
haven_feed_value_is_email (const char *value)
{
  const char *at;
  const char *domain;
  gsize label_length = 0;
  guint n_dots = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  if (strlen (value) > 254)
    return FALSE;

  at = strchr (value, '@');
  if (at == NULL || at == value || at - value > 64 || value[0] == '.' || at[-1] == '.')
    return FALSE;

  for (const char *p = value; p < at; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("._+-'", *p) == NULL)
        return FALSE;
      if (p[0] == '.' && p[1] == '.')
        return FALSE;
    }

  domain = at + 1;
  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label_length == 0 || label_length > 63 || p[-1] == '-')
            return FALSE;
          if (*p == '\0')
            break;
          n_dots++;
          label_length = 0;
        }
      else if (g_ascii_isalnum (*p) || (*p == '-' && label_length > 0))
        {
          label_length++;
        }
      else
        {
          return FALSE;
        }
    }

  return n_dots > 0;
}

/**
 * haven_feed_value_is_emergency_number:
 *
 * Returns: %TRUE for digits, spaces and "-" only, 2 to 20 characters, at
 *   least 2 digits
 */
gboolean
haven_feed_value_is_emergency_number (const char *value)
{
  gsize i;
  guint n_digits = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  for (i = 0; value[i] != '\0'; i++)
    {
      if (is_digit (value[i]))
        n_digits++;
      else if (value[i] != ' ' && value[i] != '-')
        return FALSE;
    }

  return i >= 2 && i <= 20 && n_digits >= 2;
}

/**
 * haven_feed_value_is_dialable:
 *
 * Returns: %TRUE for digits, spaces, "-", "(", ")" and a leading "+" (an
 *   international number) or "*" (a star code such as Chile's *4141), 2 to
 *   24 characters, 2 to 15 digits (the most E.164 allows)
 */
gboolean
haven_feed_value_is_dialable (const char *value)
{
  gsize i;
  guint n_digits = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  for (i = 0; value[i] != '\0'; i++)
    {
      if (is_digit (value[i]))
        n_digits++;
      else if ((value[i] == '+' || value[i] == '*') && i == 0)
        continue;
      else if (strchr (" -()", value[i]) == NULL)
        return FALSE;
    }

  return i >= 2 && i <= 24 && n_digits >= 2 && n_digits <= 15;
}

static gboolean
parse_digits (const char *value,
              guint       n_digits,
              guint      *result)
{
  guint number = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!is_digit (value[i]))
        return FALSE;
      number = number * 10 + (value[i] - '0');
    }

  *result = number;

  return TRUE;
}

/**
 * haven_feed_value_parse_date:
 * @value: a date as "YYYY-MM-DD"
 * @date: (out caller-allocates): the date
 *
 * Years from 1900 to 2100 only: anything else is a typing mistake.
 *
 * Returns: %TRUE if @value is a real calendar date
 */
gboolean
haven_feed_value_parse_date (const char *value,
                             GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !parse_digits (value, 4, &year) ||
      !parse_digits (value + 5, 2, &month) ||
      !parse_digits (value + 8, 2, &day))
    return FALSE;

  if (year < 1900 || year > 2100 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/**
 * haven_feed_value_parse_time:
 * @value: a time of day as "HH:MM", "00:00" to "24:00"
 * @minutes: (out): minutes after midnight, 0 to 1440
 *
 * Returns: %TRUE if @value is a time of day
 */
gboolean
haven_feed_value_parse_time (const char *value,
                             guint      *minutes)
{
  guint hour, minute;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);

  if (strlen (value) != 5 || value[2] != ':' ||
      !parse_digits (value, 2, &hour) ||
      !parse_digits (value + 3, 2, &minute))
    return FALSE;

  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
    return FALSE;

  *minutes = hour * 60 + minute;

  return TRUE;
}

/**
 * haven_feed_value_parse_version:
 * @value: a format version, "MAJOR.MINOR"
 * @major: (out): the major version
 * @minor: (out): the minor version
 *
 * Returns: %TRUE if @value has the form of a format version
 */
gboolean
haven_feed_value_parse_version (const char *value,
                                guint      *major,
                                guint      *minor)
{
  const char *dot;
  gsize major_length, minor_length;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (major != NULL, FALSE);
  g_return_val_if_fail (minor != NULL, FALSE);

  dot = strchr (value, '.');
  if (dot == NULL)
    return FALSE;

  major_length = dot - value;
  minor_length = strlen (dot + 1);

  return major_length >= 1 && major_length <= 4 && minor_length >= 1 && minor_length <= 4 &&
         parse_digits (value, major_length, major) &&
         parse_digits (dot + 1, minor_length, minor);
}

static gboolean
is_entity_at (const char *p)
{
  guint n = 0;

  /* p points after "&": "amp;", "#38;", "#x26;" */
  if (p[0] == '#')
    {
      p++;
      if (p[0] == 'x' || p[0] == 'X')
        {
          p++;
          while (g_ascii_isxdigit (p[n]))
            n++;
        }
      else
        {
          while (is_digit (p[n]))
            n++;
        }
    }
  else if (g_ascii_isalpha (p[0]))
    {
      while (g_ascii_isalnum (p[n]) && n <= 32)
        n++;
    }

  return n > 0 && p[n] == ';';
}

/**
 * haven_feed_value_quote:
 * @value: a value from a feed
 *
 * Quotes @value for a problem message: shortened to 40 characters, with
 * control characters replaced, so that a hostile feed cannot flood or
 * restyle the terminal of whoever checks it.
 *
 * Returns: (transfer full): @value in quotation marks
 */
char *
haven_feed_value_quote (const char *value)
{
  GString *quoted;
  const char *p = value;
  guint n_chars = 0;

  g_return_val_if_fail (value != NULL, NULL);

  quoted = g_string_new ("“");

  while (*p != '\0' && n_chars < QUOTE_MAX_CHARS)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_c (quoted, '?');
          p++;
        }
      else
        {
          if (g_unichar_iscntrl (c))
            g_string_append_c (quoted, '?');
          else if (find_hidden (c) != NULL)
            g_string_append_printf (quoted, "<U+%04X>", c);
          else
            g_string_append_unichar (quoted, c);
          p = g_utf8_next_char (p);
        }
      n_chars++;
    }

  if (*p != '\0')
    g_string_append (quoted, "…");
  g_string_append (quoted, "”");

  return g_string_free (quoted, FALSE);
}

static char *
dup_markup_excerpt (const char *p)
{
  gsize n = 1;

  while (n < 20 && g_ascii_isprint (p[n]) && p[n - 1] != '>' && p[n - 1] != ';')
    n++;

  return g_strndup (p, n);
}

/* Characters that change how the text around them reads without being
 * seen themselves. Right-to-left scripts need none of them: the Unicode
 * bidirectional algorithm lays out Arabic, Hebrew or Persian text and the
 * digits in it from the characters alone. An override or isolate can make
 * "Samaritans 116 123" show other digits, or a name show another name.
 */
struct _HiddenRange
{
  gunichar    first;
  gunichar    last;
  gboolean    in_prose; /* allowed in long-form text */
  const char *name;
};

static const HiddenRange hidden_ranges[] = {
  { 0x00ad, 0x00ad, TRUE, "SOFT HYPHEN" },
  { 0x061c, 0x061c, FALSE, "ARABIC LETTER MARK" },
  { 0x180e, 0x180e, FALSE, "MONGOLIAN VOWEL SEPARATOR" },
  { 0x200b, 0x200b, FALSE, "ZERO WIDTH SPACE" },
  /* Persian, the Indic scripts and emoji sequences need these two in
   * running text; a name or a number never does.
   */
  { 0x200c, 0x200c, TRUE, "ZERO WIDTH NON-JOINER" },
  { 0x200d, 0x200d, TRUE, "ZERO WIDTH JOINER" },
  { 0x200e, 0x200e, FALSE, "LEFT-TO-RIGHT MARK" },
  { 0x200f, 0x200f, FALSE, "RIGHT-TO-LEFT MARK" },
  { 0x202a, 0x202a, FALSE, "LEFT-TO-RIGHT EMBEDDING" },
  { 0x202b, 0x202b, FALSE, "RIGHT-TO-LEFT EMBEDDING" },
  { 0x202c, 0x202c, FALSE, "POP DIRECTIONAL FORMATTING" },
  { 0x202d, 0x202d, FALSE, "LEFT-TO-RIGHT OVERRIDE" },
  { 0x202e, 0x202e, FALSE, "RIGHT-TO-LEFT OVERRIDE" },
  { 0x2060, 0x2060, FALSE, "WORD JOINER" },
  { 0x2061, 0x2064, FALSE, "an invisible operator" },
  { 0x2066, 0x2066, FALSE, "LEFT-TO-RIGHT ISOLATE" },
  { 0x2067, 0x2067, FALSE, "RIGHT-TO-LEFT ISOLATE" },
  { 0x2068, 0x2068, FALSE, "FIRST STRONG ISOLATE" },
  { 0x2069, 0x2069, FALSE, "POP DIRECTIONAL ISOLATE" },
  { 0x206a, 0x206f, FALSE, "a deprecated format character" },
  { 0xfeff, 0xfeff, FALSE, "ZERO WIDTH NO-BREAK SPACE" },
  { 0xfff9, 0xfffb, FALSE, "an interlinear annotation character" },
  /* Tag characters spell emoji flags of regions in running text. */
  { 0xe0000, 0xe007f, TRUE, "a tag character" },
};

/* The first bytes of the UTF-8 forms of everything in hidden_ranges. */
#define MAY_START_HIDDEN(c) ((c) == 0xc2 || (c) == 0xd8 || (c) == 0xe1 || (c) == 0xe2 || \
                             (c) == 0xef || (c) == 0xf3)

static const HiddenRange *
find_hidden (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (hidden_ranges); i++)
    {
      if (c >= hidden_ranges[i].first && c <= hidden_ranges[i].last)
        return &hidden_ranges[i];
    }

  return NULL;
}

static gboolean
check_hidden_at (const guchar  *p,
                 gboolean       prose,
                 GError       **error)
{
  gunichar c = g_utf8_get_char_validated ((const char *)p, -1);
  const HiddenRange *range;

  /* Invalid UTF-8 is reported on its own. */
  if (c == (gunichar)-1 || c == (gunichar)-2)
    return TRUE;

  range = find_hidden (c);
  if (range == NULL || (prose && range->in_prose))
    return TRUE;

  g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
               _("Contains U+%04X (%s), an invisible character that can change how the text "
                 "and numbers around it read; remove it."), c, range->name);

  return FALSE;
}

/**
 * haven_feed_value_check_hidden:
 * @value: a value from a feed
 * @error: return location for an error a content author can act on
 *
 * Refuses the invisible characters that change how text reads: the
 * bidirectional controls (U+202A to U+202E, U+2066 to U+2069, U+200E,
 * U+200F, U+061C), zero-width characters (U+200B to U+200D, U+2060,
 * U+FEFF, U+180E), the soft hyphen U+00AD, invisible operators, tag
 * characters and the like. This is the rule for every text shown next to
 * a number, and for numbers.
 *
 * Returns: %TRUE if @value has none
 */
gboolean
haven_feed_value_check_hidden (const char  *value,
                               GError     **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  for (const guchar *p = (const guchar *)value; *p != '\0'; p++)
    {
      if (MAY_START_HIDDEN (*p) && !check_hidden_at (p, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_text (const char  *text,
            gsize        max_bytes,
            gboolean     prose,
            GError     **error)
{
  const guchar *p;
  gboolean ascii = TRUE;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (p = (const guchar *)text; *p != '\0'; p++)
    {
      guchar c = *p;

      /* Most bytes are printable ASCII and need no closer look. */
      if (G_LIKELY (c >= 0x20 && c < 0x7f && c != '<' && c != '&'))
        continue;

      if (c >= 0x80)
        {
          /* U+0080 to U+009F, the C1 controls, are C2 80 to C2 9F. */
          if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            {
              g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                           _("Contains a control character (U+%04X); remove it."), p[1]);
              return FALSE;
            }
          if (MAY_START_HIDDEN (c) && !check_hidden_at (p, prose, error))
            return FALSE;
          ascii = FALSE;
        }
      else if ((c < 0x20 && c != '\n') || c == 0x7f)
        {
          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                       _("Contains a control character (U+%04X); only line breaks are allowed."),
                       c);
          return FALSE;
        }
      else if (c == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        {
          g_autofree char *excerpt = dup_markup_excerpt ((const char *)p);

          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                       _("Contains a markup tag (“%s”); Haven shows text as it is, so write "
                         "plain text."), excerpt);
          return FALSE;
        }
      else if (c == '&' && is_entity_at ((const char *)p + 1))
        {
          g_autofree char *excerpt = dup_markup_excerpt ((const char *)p);

          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                       _("Contains a character entity (“%s”); write the character itself."),
                       excerpt);
          return FALSE;
        }
    }

  length = p - (const guchar *)text;

  if (strspn (text, " \n") == length)
    {
      g_set_error_literal (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                           _("Is empty; leave out an optional field rather than leaving it "
                             "empty."));
      return FALSE;
    }

  if (length > max_bytes)
    {
      g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                   _("Is %u bytes long; at most %u are allowed here."),
                   (guint)MIN (length, G_MAXUINT), (guint)MIN (max_bytes, G_MAXUINT));
      return FALSE;
    }

  if (!ascii && !g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                           _("Is not valid UTF-8 text."));
      return FALSE;
    }

  return TRUE;
}

/**
 * haven_feed_value_check_text:
 * @text: text from a feed
 * @max_bytes: the most bytes @text may have
 * @error: return location for an error a content author can act on
 *
 * Text is shown as it is, never as markup, so a markup tag ("<b>",
 * "</a>", "<!--") or a character entity ("&amp;", "&#38;") would reach
 * readers as raw tags: they are refused instead. So are empty text,
 * control characters other than newline (including tabs), and invalid
 * UTF-8, and the invisible characters haven_feed_value_check_hidden()
 * refuses. A "<" or "&" that starts no tag or entity ("<3", "R&D") is fine.
 *
 * Returns: %TRUE if @text is acceptable
 */
gboolean
haven_feed_value_check_text (const char  *text,
                             gsize        max_bytes,
                             GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_text (text, max_bytes, FALSE, error);
}

/**
 * haven_feed_value_check_prose:
 * @text: long-form text from a feed, such as a paragraph of an explainer
 * @max_bytes: the most bytes @text may have
 * @error: return location for an error a content author can act on
 *
 * As haven_feed_value_check_text(), but allows the zero-width joiner and
 * non-joiner, the soft hyphen and tag characters, which running text in
 * Persian, the Indic scripts and emoji needs. The bidirectional controls
 * stay refused: a paragraph can name a number too.
 *
 * Returns: %TRUE if @text is acceptable
 */
gboolean
haven_feed_value_check_prose (const char  *text,
                              gsize        max_bytes,
                              GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_text (text, max_bytes, TRUE, error);
}
