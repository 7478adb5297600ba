/* haven-feed-scan.c: limits checked on a feed's raw bytes, before parsing
 *
 * json-glib 1.6 parses recursively without a depth limit, keeps an object's
 * members in a list it searches for every repeated name, passes a lone
 * UTF-16 surrogate escape through as invalid UTF-8, and spends about a
 * hundred bytes of memory on every value, so that 8 MiB of "0," would take
 * it seconds and hundreds of megabytes. So before it sees a byte of an
 * untrusted feed, one linear pass here checks the size, the encoding, the
 * nesting depth, the members per object, the number of values and every
 * string escape. The pass knows just enough JSON to skip strings, so that
 * brackets inside them do not count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-scan"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-problem.h"
#include "haven-feed-scan.h"

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
syntax_error (GError     **error,
              const char  *data,
              const char  *at,
              const char  *message)
{
  guint line, column;

  get_location (data, at, &line, &column);
  g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX,
               _("Line %u, column %u: %s"), line, column, message);

  return FALSE;
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

/* Returns the closing quote, or @end for an unterminated string, which
 * json-glib reports in its own words.
 */
static const guchar *
scan_string (const char    *data,
             const guchar  *p,
             const guchar  *end,
             GError       **error)
{
  while (p < end)
    {
      int unit;

      if (*p == '"')
        return p;

      if (*p < 0x20)
        {
          syntax_error (error, data, (const char *)p,
                        _("a string contains a raw control character; write a line break "
                          "as \\n."));
          return NULL;
        }

      if (*p != '\\')
        {
          p++;
          continue;
        }

      if (p + 1 == end)
        return end;

      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          continue;

        case 'u':
          break;

        default:
          syntax_error (error, data, (const char *)p,
                        _("a string contains an escape sequence that JSON does not know."));
          return NULL;
        }

      unit = read_hex4 (p + 2, end);
      if (unit < 0)
        {
          syntax_error (error, data, (const char *)p,
                        _("a \\u escape needs four hexadecimal digits."));
          return NULL;
        }

      if (unit == 0)
        {
          syntax_error (error, data, (const char *)p,
                        _("a string contains \\u0000, which is not allowed."));
          return NULL;
        }

      if (unit >= 0xdc00 && unit <= 0xdfff)
        {
          syntax_error (error, data, (const char *)p,
                        _("a string contains half of a UTF-16 surrogate pair."));
          return NULL;
        }

      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low;

          if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
              (low = read_hex4 (p + 8, end)) < 0xdc00 || low > 0xdfff)
            {
              syntax_error (error, data, (const char *)p,
                            _("a string contains half of a UTF-16 surrogate pair."));
              return NULL;
            }

          p += 6;
        }

      p += 6;
    }

  return end;
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
 * @max_size bytes, valid UTF-8 without NUL bytes, arrays and objects nested
 * at most %HAVEN_FEED_MAX_DEPTH deep, at most %HAVEN_FEED_MAX_MEMBERS
 * members per object, at most @max_values values (strings, numbers,
 * booleans, nulls, arrays and objects; not member names), and strings
 * without raw control characters, unknown escapes, `\u0000` or unpaired
 * surrogates. Anything else wrong with the JSON is left to json-glib.
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
  const guchar *p = (const guchar *)data;
  const guchar *end = p + length;
  const char *invalid_at = NULL;
  gboolean in_object[HAVEN_FEED_MAX_DEPTH];
  guint n_members[HAVEN_FEED_MAX_DEPTH];
  guint depth = 0;
  guint n_values = 0;
  gboolean in_literal = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!haven_feed_scan_size (length, max_size, error))
    return FALSE;

  if (!g_utf8_validate_len (data, length, &invalid_at))
    {
      guint line, column;

      get_location (data, invalid_at, &line, &column);
      if (*invalid_at == '\0')
        g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_ENCODING,
                     _("Line %u, column %u: the feed contains a NUL byte."), line, column);
      else
        g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_ENCODING,
                     _("Line %u, column %u: the feed is not valid UTF-8 text; save it as "
                       "UTF-8."), line, column);
      return FALSE;
    }

  for (; p < end; p++)
    {
      /* A number, true, false or null is one run of these characters. */
      gboolean literal = g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.';

      if (literal && !in_literal)
        n_values++;
      in_literal = literal;

      if (n_values > max_values)
        {
          guint line, column;

          get_location (data, (const char *)p, &line, &column);
          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE,
                       _("Line %u, column %u: the feed has more than %u values."),
                       line, column, max_values);
          return FALSE;
        }

      switch (*p)
        {
        case '"':
          n_values++;
          p = scan_string (data, p + 1, end, error);
          if (p == NULL)
            return FALSE;
          if (p == end)
            return TRUE;
          break;

        case '[':
        case '{':
          n_values++;
          if (depth == HAVEN_FEED_MAX_DEPTH)
            {
              guint line, column;

              get_location (data, (const char *)p, &line, &column);
              g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_DEEP,
                           _("Line %u, column %u: arrays and objects are nested more than %u "
                             "levels deep."), line, column, HAVEN_FEED_MAX_DEPTH);
              return FALSE;
            }
          in_object[depth] = *p == '{';
          n_members[depth] = 0;
          depth++;
          break;

        case ']':
        case '}':
          /* A mismatched bracket is json-glib's to report. */
          if (depth > 0)
            depth--;
          break;

        case ':':
          /* The string before it was a member name, not a value. */
          if (n_values > 0)
            n_values--;
          if (depth > 0 && in_object[depth - 1] &&
              ++n_members[depth - 1] > HAVEN_FEED_MAX_MEMBERS)
            {
              guint line, column;

              get_location (data, (const char *)p, &line, &column);
              g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_TOO_LARGE,
                           _("Line %u, column %u: an object has more than %u members."),
                           line, column, HAVEN_FEED_MAX_MEMBERS);
              return FALSE;
            }
          break;

        default:
          break;
        }
    }

  return TRUE;
}
