/* haven-feed-scan.c: an exact RFC 8259 check of a feed's raw bytes, with limits
 *
 * json-glib 1.6 parses recursively without a depth limit, keeps an object's
 * members in a list it searches for every repeated name, passes a lone
 * UTF-16 surrogate escape through as invalid UTF-8, and spends about a
 * hundred bytes of memory on every value, so that 8 MiB of "0," would take
 * it seconds and hundreds of megabytes. It also reads more than JSON:
 * single-quoted strings, comments, hexadecimal numbers, and whatever
 * follows the first document. A check that knew less JSON than json-glib
 * could be fooled by any of those into miscounting: one quote inside a
 * comment hid a hundred thousand brackets from the old scan.
 *
 * So before json-glib sees a byte of a feed, one linear pass here checks
 * that the bytes are exactly one RFC 8259 JSON text, no more, and counts
 * on that same text the nesting depth, the members of each object and the
 * values. What passes here is JSON that json-glib reads the same way, so
 * the limits hold for what it will build. The pass keeps its own small
 * stack of HAVEN_FEED_MAX_DEPTH levels and never recurses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-scan"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-feed-problem.h"
#include "haven-feed-scan.h"

typedef struct
{
  const char   *data;
  const guchar *p;
  const guchar *end;
  guint         max_values;
  guint         n_values;
  guint         depth;
  gboolean      in_object[HAVEN_FEED_MAX_DEPTH];
  guint         n_members[HAVEN_FEED_MAX_DEPTH];
  GError      **error;
} Scan;

static void
get_location (const char *data,
              const char *at,
              guint      *line,
              guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          line_start = p + 1;
        }
    }

  /* Only called on valid UTF-8, so counting characters is safe. */
  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

static gboolean
fail_at (Scan         *s,
         const guchar *at,
         int           code,
         const char   *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (Scan         *s,
         const guchar *at,
         int           code,
         const char   *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  get_location (s->data, (const char *)at, &line, &column);

  if (code == HAVEN_FEED_ERROR_SYNTAX)
    g_set_error (s->error, HAVEN_FEED_ERROR, code,
                 _("The feed is not valid JSON: line %u, column %u: %s"), line, column, message);
  else
    g_set_error (s->error, HAVEN_FEED_ERROR, code, _("Line %u, column %u: %s"), line, column,
                 message);

  return FALSE;
}

/* Says what was found where @expected should be (the end of the feed if
 * %NULL), naming the extensions json-glib knows and RFC 8259 does not.
 */
static gboolean
fail_unexpected (Scan         *s,
                 const guchar *at,
                 const char   *expected)
{
  g_autofree char *found = NULL;

  if (at == s->end)
    return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX,
                    _("the feed ends where %s should follow."), expected);

  if (*at == '\'')
    return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX,
                    _("a single-quoted string; JSON strings take double quotes (\")."));

  if (*at == '/' && at + 1 < s->end && (at[1] == '*' || at[1] == '/'))
    return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX, _("a comment; JSON has no comments."));

  if (*at == ']' || *at == '}')
    {
      const guchar *before = at;

      while (before > (const guchar *)s->data &&
             (before[-1] == ' ' || before[-1] == '\t' || before[-1] == '\n' ||
              before[-1] == '\r'))
        before--;
      if (before > (const guchar *)s->data && before[-1] == ',')
        return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX,
                        _("a comma before “%c”; JSON allows no comma after the last entry."),
                        *at);
    }

  if (*at >= 0x21 && *at < 0x7f)
    found = g_strdup_printf ("“%c”", *at);
  else
    found = g_strdup_printf ("U+%04X", g_utf8_get_char ((const char *)at));

  if (expected == NULL)
    return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX,
                    _("%s after the end of the JSON value; a feed is one value and nothing "
                      "more."), found);

  return fail_at (s, at, HAVEN_FEED_ERROR_SYNTAX, _("%s where %s should follow."), found,
                  expected);
}

static inline void
skip_whitespace (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static gboolean
count_value (Scan *s)
{
  if (++s->n_values <= s->max_values)
    return TRUE;

  return fail_at (s, s->p, HAVEN_FEED_ERROR_TOO_LARGE, _("the feed has more than %u values."),
                  s->max_values);
}

static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* At the opening quote; leaves s->p after the closing one. */
static gboolean
scan_string (Scan *s)
{
  const guchar *start = s->p;
  const guchar *p = s->p + 1;
  const guchar *end = s->end;

  for (;;)
    {
      int unit;

      /* The bytes are valid UTF-8 already; only these need a look. */
      while (p < end && *p != '"' && *p != '\\' && *p >= 0x20)
        p++;

      if (p == end)
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("a string starts here and never ends."));

      if (*p == '"')
        break;

      if (*p < 0x20)
        return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                        _("a string contains a raw control character; write a line break "
                          "as \\n."));

      /* A backslash. */
      if (p + 1 == end)
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("a string starts here and never ends."));

      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          continue;

        case 'u':
          break;

        default:
          return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                          _("a string contains an escape sequence that JSON does not know."));
        }

      unit = read_hex4 (p + 2, end);
      if (unit < 0)
        return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                        _("a \\u escape needs four hexadecimal digits."));

      /* JSON allows these two; Haven's texts are C strings, which a NUL
       * would cut short, and json-glib turns a lone surrogate into invalid
       * UTF-8.
       */
      if (unit == 0)
        return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                        _("a string contains \\u0000, which is not allowed."));

      if (unit >= 0xdc00 && unit <= 0xdfff)
        return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                        _("a string contains half of a UTF-16 surrogate pair."));

      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low;

          if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
              (low = read_hex4 (p + 8, end)) < 0xdc00 || low > 0xdfff)
            return fail_at (s, p, HAVEN_FEED_ERROR_SYNTAX,
                            _("a string contains half of a UTF-16 surrogate pair."));

          p += 6;
        }

      p += 6;
    }

  s->p = p + 1;

  return TRUE;
}

static inline gboolean
is_digit (const guchar *p,
          const guchar *end)
{
  return p < end && *p >= '0' && *p <= '9';
}

/* number = [ minus ] int [ frac ] [ exp ], RFC 8259 section 6. */
static gboolean
scan_number (Scan *s)
{
  const guchar *start = s->p;
  const guchar *p = s->p;
  const guchar *end = s->end;

  if (*p == '-')
    p++;

  if (!is_digit (p, end))
    return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                    _("a minus sign must be followed by a digit."));

  if (*p == '0')
    {
      p++;
      if (p < end && (*p == 'x' || *p == 'X'))
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("a hexadecimal number; JSON numbers are decimal."));
      if (is_digit (p, end))
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("a number starts with 0; JSON numbers have no leading zeros."));
    }
  else
    {
      while (is_digit (p, end))
        p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      if (!is_digit (p, end))
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("a decimal point must be followed by a digit."));
      while (is_digit (p, end))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit (p, end))
        return fail_at (s, start, HAVEN_FEED_ERROR_SYNTAX,
                        _("an exponent must be followed by a digit."));
      while (is_digit (p, end))
        p++;
    }

  s->p = p;

  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize)(s->end - s->p) < length || memcmp (s->p, literal, length) != 0)
    return fail_unexpected (s, s->p, _("a value"));

  s->p += length;

  return TRUE;
}

/* At an object's member name; leaves s->p at the member's value. */
static gboolean
scan_member_name (Scan *s)
{
  guint level = s->depth - 1;

  skip_whitespace (s);
  if (s->p == s->end || *s->p != '"')
    return fail_unexpected (s, s->p, _("a member name in double quotes"));

  if (++s->n_members[level] > HAVEN_FEED_MAX_MEMBERS)
    return fail_at (s, s->p, HAVEN_FEED_ERROR_TOO_LARGE, _("an object has more than %u members."),
                    HAVEN_FEED_MAX_MEMBERS);

  if (!scan_string (s))
    return FALSE;

  skip_whitespace (s);
  if (s->p == s->end || *s->p != ':')
    return fail_unexpected (s, s->p, _("“:”"));
  s->p++;

  return TRUE;
}

static gboolean
scan_text (Scan *s)
{
  skip_whitespace (s);
  if (s->p == s->end)
    {
      g_set_error_literal (s->error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX,
                           _("The feed is empty."));
      return FALSE;
    }

  for (;;)
    {
      /* A value starts here. */
      skip_whitespace (s);
      if (s->p == s->end)
        return fail_unexpected (s, s->p, _("a value"));

      if (!count_value (s))
        return FALSE;

      switch (*s->p)
        {
        case '{':
        case '[':
          if (s->depth == HAVEN_FEED_MAX_DEPTH)
            return fail_at (s, s->p, HAVEN_FEED_ERROR_TOO_DEEP,
                            _("arrays and objects are nested more than %u levels deep."),
                            HAVEN_FEED_MAX_DEPTH);

          s->in_object[s->depth] = *s->p == '{';
          s->n_members[s->depth] = 0;
          s->depth++;
          s->p++;

          skip_whitespace (s);
          if (s->p < s->end && (*s->p == '}' || *s->p == ']') &&
              *s->p == (s->in_object[s->depth - 1] ? '}' : ']'))
            {
              /* Empty; the closing bracket is handled below. */
              break;
            }

          if (s->in_object[s->depth - 1] && !scan_member_name (s))
            return FALSE;
          continue;

        case '"':
          if (!scan_string (s))
            return FALSE;
          break;

        case 't':
          if (!scan_literal (s, "true"))
            return FALSE;
          break;

        case 'f':
          if (!scan_literal (s, "false"))
            return FALSE;
          break;

        case 'n':
          if (!scan_literal (s, "null"))
            return FALSE;
          break;

        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (s))
            return FALSE;
          break;

        default:
          return fail_unexpected (s, s->p, _("a value"));
        }

      /* A value ended: close what it ends, then find the next one. */
      for (;;)
        {
          gboolean in_object;

          skip_whitespace (s);

          if (s->depth == 0)
            {
              if (s->p != s->end)
                return fail_unexpected (s, s->p, NULL);
              return TRUE;
            }

          in_object = s->in_object[s->depth - 1];

          if (s->p < s->end && *s->p == (in_object ? '}' : ']'))
            {
              s->p++;
              s->depth--;
              continue;
            }

          if (s->p < s->end && *s->p == ',')
            {
              s->p++;
              if (in_object && !scan_member_name (s))
                return FALSE;
              break;
            }

          return fail_unexpected (s, s->p, in_object ? _("“,” or “}”") : _("“,” or “]”"));
        }
    }
}

/**
 * haven_feed_scan_size:
 * @size: the size of a feed in bytes
 * @max_size: the most bytes allowed, normally %HAVEN_FEED_MAX_SIZE
 * @error: return location for an error
 *
 * Lets a reader refuse a feed by its size before reading all of it.
 *
 * Returns: %TRUE if @size is within @max_size
 */
gboolean
haven_feed_scan_size (guint64   size,
                      guint64   max_size,
                      GError  **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= max_size)
    return TRUE;

  size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  limit_text = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE,
               _("The feed is %s; at most %s are allowed."), size_text, limit_text);

  return FALSE;
}

/**
 * haven_feed_scan:
 * @data: the feed's bytes
 * @length: the number of bytes
 * @max_size: the most bytes allowed, normally %HAVEN_FEED_MAX_SIZE
 * @max_values: the most values allowed, normally %HAVEN_FEED_MAX_VALUES
 * @error: return location for an error
 *
 * Checks what must hold before json-glib may parse @data: at most
 * @max_size bytes of valid UTF-8 without NUL bytes (a byte order mark is
 * the caller's to remove), holding exactly one JSON text as RFC 8259
 * defines it and nothing else but whitespace around it; arrays and objects
 * nested at most %HAVEN_FEED_MAX_DEPTH deep, at most
 * %HAVEN_FEED_MAX_MEMBERS members per object, at most @max_values values
 * (strings, numbers, booleans, nulls, arrays and objects; not member
 * names), and no `\u0000` or unpaired surrogate escape in a string.
 *
 * Returns: %TRUE if json-glib may parse @data
 */
gboolean
haven_feed_scan (const char  *data,
                 gsize        length,
                 gsize        max_size,
                 guint        max_values,
                 GError     **error)
{
  const char *invalid_at = NULL;
  Scan s = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!haven_feed_scan_size (length, max_size, error))
    return FALSE;

  if (data == NULL)
    data = "";

  s.data = data;
  s.p = (const guchar *)data;
  s.end = s.p + length;
  s.max_values = max_values;
  s.error = error;

  if (!g_utf8_validate_len (data, length, &invalid_at))
    {
      if (*invalid_at == '\0')
        return fail_at (&s, (const guchar *)invalid_at, HAVEN_FEED_ERROR_ENCODING,
                        _("the feed contains a NUL byte."));
      else
        return fail_at (&s, (const guchar *)invalid_at, HAVEN_FEED_ERROR_ENCODING,
                        _("the feed is not valid UTF-8 text; save it as UTF-8."));
    }

  return scan_text (&s);
}
