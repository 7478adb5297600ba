/* haven-image-check.c: which image bytes Haven decodes, and decoding them within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-image-check"

#include "config.h"

#include <math.h>
#include <string.h>

#include "haven-image-check.h"

/* Images come from any host a feed names, so they are checked before any
 * decoder sees them, and decoded only within bounds:
 *
 * - PNG, JPEG and SVG only, told apart by their first bytes, and each given
 *   to its own gdk-pixbuf loader, never to whichever loader recognises it.
 * - PNG and JPEG are walked chunk by chunk and segment by segment: the
 *   size in the header is at most HAVEN_IMAGE_MAX_PIXELS a side, the file
 *   ends where the format says it ends (nothing after IEND or EOI), and a
 *   JPEG has at most HAVEN_IMAGE_JPEG_MAX_SCANS scans (each scan walks the
 *   whole image again).
 * - SVG is UTF-8 XML read first with GMarkup, which knows no DTD: no
 *   DOCTYPE, so no entity that could expand; no processing instruction but
 *   the XML declaration, which may not name another encoding; no
 *   reference outside the document (every href and url() points to a
 *   #fragment, no xml:base, no @import, no CSS escapes that could hide
 *   them), and no element that loads or runs something (<image>,
 *   <feImage>, <script>, <foreignObject>, XInclude), multiplies drawing
 *   per vertex (<marker>), or draws text: words in art are neither
 *   translated nor read out (the alt text is), and a font size in the
 *   hundreds of thousands sent Pango astray in the fuzzer. Elements,
 *   depth, filter primitives and text (in <title> and <desc>) are
 *   bounded, and so is what the document draws once every <use> and
 *   url(#…) is counted again where it is used, so a few elements cannot
 *   stand for millions.
 * - The decoders then learn the size in "size-prepared", before they
 *   allocate pixels; beyond the bound they decode a single pixel and the
 *   image is refused. Raster images are never scaled up; an SVG is drawn
 *   at the size asked for, at most HAVEN_IMAGE_MAX_PIXELS a side.
 */

/* The messages go to the debug log only, so they are not translated. */
G_DEFINE_QUARK (haven-image-error-quark, haven_image_error)

static gboolean
fail (GError          **error,
      HavenImageError   code,
      const char       *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError          **error,
      HavenImageError   code,
      const char       *format,
      ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (HAVEN_IMAGE_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint)p[0] << 8) | p[1];
}

static gboolean
check_pixels (guint64   width,
              guint64   height,
              GError  **error)
{
  if (width == 0 || height == 0)
    return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The image has no pixels.");

  if (width > HAVEN_IMAGE_MAX_PIXELS || height > HAVEN_IMAGE_MAX_PIXELS)
    return fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE,
                 "The image is %" G_GUINT64_FORMAT "×%" G_GUINT64_FORMAT " pixels; at most %d×%d are allowed.",
                 width, height, HAVEN_IMAGE_MAX_PIXELS, HAVEN_IMAGE_MAX_PIXELS);

  return TRUE;
}

static const guint8 png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* Chunk by chunk up to IEND, which must end the file. */
static gboolean
check_png (const guint8  *data,
           gsize          size,
           GError       **error)
{
  gsize offset = sizeof png_magic;

  if (size < offset + 8 + 13 + 4 ||
      read_be32 (data + offset) != 13 || memcmp (data + offset + 4, "IHDR", 4) != 0)
    return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The PNG image has no header.");

  if (!check_pixels (read_be32 (data + offset + 8), read_be32 (data + offset + 12), error))
    return FALSE;

  while (size - offset >= 12)
    {
      guint32 length = read_be32 (data + offset);

      if (length > G_MAXINT32 || length > size - offset - 12)
        break;

      if (memcmp (data + offset + 4, "IEND", 4) == 0)
        {
          if (offset + 12 + length != size)
            return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The PNG image has data after its end.");
          return TRUE;
        }

      offset += 12 + (gsize)length;
    }

  return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The PNG image is damaged or cut short.");
}

static gboolean
is_jpeg_frame (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf &&
         marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* Segment by segment, through the scans' entropy-coded data, up to EOI,
 * which must end the file. */
static gboolean
check_jpeg (const guint8  *data,
            gsize          size,
            GError       **error)
{
  gsize i = 2;
  guint n_scans = 0;
  gboolean frame = FALSE;

  for (;;)
    {
      guint8 marker;
      guint length;

      if (i >= size || data[i] != 0xff)
        break;
      while (i < size && data[i] == 0xff)
        i++;
      if (i >= size)
        break;
      marker = data[i++];

      if (marker == 0xd9)
        {
          if (!frame || n_scans == 0)
            break;
          if (i != size)
            return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The JPEG image has data after its end.");
          return TRUE;
        }

      /* Markers without a length. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;
      if (marker == 0x00 || marker == 0xd8)
        break;

      if (size - i < 2)
        break;
      length = read_be16 (data + i);
      if (length < 2 || length > size - i)
        break;

      if (is_jpeg_frame (marker))
        {
          if (frame || length < 8)
            break;
          frame = TRUE;
          /* Precision, then height, then width. */
          if (!check_pixels (read_be16 (data + i + 5), read_be16 (data + i + 3), error))
            return FALSE;
        }

      i += length;

      if (marker == 0xda)
        {
          if (!frame)
            break;
          if (++n_scans > HAVEN_IMAGE_JPEG_MAX_SCANS)
            return fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE,
                         "The JPEG image has more than %d scans.", HAVEN_IMAGE_JPEG_MAX_SCANS);

          /* Entropy-coded data runs to the next marker that is neither a
           * stuffed zero nor a restart. */
          while (i + 1 < size)
            {
              if (data[i] == 0xff)
                {
                  guint8 next = data[i + 1];

                  if (next == 0x00 || (next >= 0xd0 && next <= 0xd7))
                    {
                      i += 2;
                      continue;
                    }
                  if (next != 0xff)
                    break;
                }
              i++;
            }
          if (i + 1 >= size)
            break;
        }
    }

  return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The JPEG image is damaged or cut short.");
}

/* SVG */

typedef struct
{
  int        parent;
  int        first_child;
  int        last_child;
  int        next_sibling;
  GPtrArray *refs;    /* ids this element draws again where it is */
  guint64    cost;
  guint8     state;
} SvgNode;

enum { NODE_NEW, NODE_ACTIVE, NODE_DONE };

typedef struct
{
  GArray     *nodes;
  GHashTable *ids;      /* id → index + 1 */
  int         current;
  guint       depth;
  guint       n_filters;
  gsize       n_text;
  gboolean    seen_root;
  gboolean    root_closed;
  gboolean    in_style;
} SvgCheck;

static void
svg_node_clear (gpointer data)
{
  SvgNode *node = data;

  g_clear_pointer (&node->refs, g_ptr_array_unref);
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
ascii_strcasestr (const char *haystack,
                  const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, length) == 0)
      return p;

  return NULL;
}

static void
add_ref (SvgCheck   *check,
         const char *start,
         gsize       length)
{
  SvgNode *node;

  if (check->current < 0 || length == 0)
    return;

  node = &g_array_index (check->nodes, SvgNode, check->current);
  if (node->refs == NULL)
    node->refs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (node->refs, g_strndup (start, length));
}

/* Style text and attribute values: url() only to a #fragment, no @import;
 * in style sheets no backslash either, since CSS escapes could spell both. */
static gboolean
check_css (SvgCheck    *check,
           const char  *text,
           gboolean     style,
           GError     **error)
{
  const char *p = text;

  if (ascii_strcasestr (text, "@import") != NULL || (style && strchr (text, '\\') != NULL))
    return fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image loads a style sheet.");

  while ((p = ascii_strcasestr (p, "url(")) != NULL)
    {
      const char *end;

      p += strlen ("url(");
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\'')
        p++;
      if (*p != '#')
        return fail (error, HAVEN_IMAGE_ERROR_UNSAFE,
                     "The SVG image refers to something outside itself.");
      p++;
      end = p + strcspn (p, ") \t\r\n\"'");
      add_ref (check, p, end - p);
      p = end;
    }

  return TRUE;
}

static gboolean
is_refused_element (const char *name)
{
  static const char * const refused[] = {
    "image", "feImage", "script", "foreignObject", "include", "marker",
    "text", "tspan", "textPath", "tref", "font", "font-face",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (g_str_equal (name, refused[i]))
      return TRUE;

  return FALSE;
}

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;
  const char *name = local_name (element_name);
  SvgNode node = { check->current, -1, -1, -1, NULL, 0, NODE_NEW };
  int index;

  if (!check->seen_root)
    {
      if (!g_str_equal (name, "svg"))
        {
          fail (error, HAVEN_IMAGE_ERROR_FORMAT, "This is not an SVG image.");
          return;
        }
      check->seen_root = TRUE;
    }
  else if (check->root_closed)
    {
      fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The SVG image has data after its end.");
      return;
    }

  if (check->depth >= HAVEN_IMAGE_SVG_MAX_DEPTH || check->nodes->len >= HAVEN_IMAGE_SVG_MAX_ELEMENTS)
    {
      fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The SVG image has too many elements.");
      return;
    }

  if (is_refused_element (name))
    {
      fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image contains a <%s> element, which Haven does not show.",
            name);
      return;
    }

  if (g_str_has_prefix (name, "fe") && ++check->n_filters > HAVEN_IMAGE_SVG_MAX_FILTERS)
    {
      fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The SVG image has too many filters.");
      return;
    }

  g_array_append_val (check->nodes, node);
  index = check->nodes->len - 1;
  if (check->current >= 0)
    {
      SvgNode *parent = &g_array_index (check->nodes, SvgNode, check->current);

      if (parent->last_child >= 0)
        g_array_index (check->nodes, SvgNode, parent->last_child).next_sibling = index;
      else
        parent->first_child = index;
      parent->last_child = index;
    }
  check->current = index;
  check->depth++;
  check->in_style = g_str_equal (name, "style");

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *attribute = local_name (attribute_names[i]);
      const char *value = attribute_values[i];

      if (g_str_equal (attribute_names[i], "xml:base"))
        {
          fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image refers to something outside itself.");
          return;
        }

      if (g_str_equal (attribute, "href"))
        {
          if (value[0] != '#')
            {
              fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image refers to something outside itself.");
              return;
            }
          add_ref (check, value + 1, strlen (value + 1));
        }
      else if (g_str_equal (attribute, "id") && !g_hash_table_contains (check->ids, value))
        {
          g_hash_table_insert (check->ids, g_strdup (value), GINT_TO_POINTER (index + 1));
        }

      if (!check_css (check, value, g_str_equal (attribute, "style"), error))
        return;
    }
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element_name,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;

  check->in_style = FALSE;
  check->depth--;
  check->current = g_array_index (check->nodes, SvgNode, check->current).parent;
  if (check->current < 0)
    check->root_closed = TRUE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  SvgCheck *check = user_data;

  if (check->in_style)
    {
      g_autofree char *copy = g_strndup (text, text_len);

      /* A style sheet applies to many elements at once, so what it draws
       * cannot be counted: it may not refer to elements at all. */
      if (ascii_strcasestr (copy, "url(") != NULL)
        {
          fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image’s style sheet refers to other elements.");
          return;
        }
      check_css (check, copy, TRUE, error);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    if (!g_ascii_isspace (text[i]))
      check->n_text++;

  if (check->n_text > HAVEN_IMAGE_SVG_MAX_TEXT)
    fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The SVG image has too much text.");
}

/* Comments, and the XML declaration in UTF-8; never a DOCTYPE (and so no
 * entity), a style sheet instruction or a CDATA section. */
static void
svg_passthrough (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 text_len,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;
  g_autofree char *copy = g_strndup (text, text_len);

  if (g_str_has_prefix (copy, "<!--"))
    return;

  if (g_str_has_prefix (copy, "<?xml") && g_ascii_isspace (copy[5]) &&
      !check->seen_root && check->nodes->len == 0)
    {
      const char *encoding = strstr (copy, "encoding");

      if (encoding != NULL)
        {
          encoding += strlen ("encoding");
          encoding += strspn (encoding, " \t\r\n=\"'");
          if (g_ascii_strncasecmp (encoding, "utf-8", 5) != 0 ||
              (encoding[5] != '"' && encoding[5] != '\''))
            fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image is not in UTF-8.");
        }
      return;
    }

  fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image has a document type or instruction, which Haven refuses.");
}

/* What the document draws, each element counted once more wherever a <use>
 * or url(#…) draws it again; a reference loop is refused. Iterative, since
 * references can chain as deep as there are elements. */
static gboolean
check_svg_cost (SvgCheck  *check,
                GError   **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  guint64 total = 0;

  for (guint start = 0; start < check->nodes->len; start++)
    {
      SvgNode *root = &g_array_index (check->nodes, SvgNode, start);

      if (root->parent >= 0)
        continue;

      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int index = g_array_index (stack, int, stack->len - 1);
          SvgNode *node = &g_array_index (check->nodes, SvgNode, index);

          if (node->state == NODE_DONE)
            {
              g_array_set_size (stack, stack->len - 1);
              continue;
            }

          if (node->state == NODE_NEW)
            {
              node->state = NODE_ACTIVE;
              for (int child = node->first_child; child >= 0;
                   child = g_array_index (check->nodes, SvgNode, child).next_sibling)
                g_array_append_val (stack, child);
              for (guint i = 0; node->refs != NULL && i < node->refs->len; i++)
                {
                  int target = GPOINTER_TO_INT (g_hash_table_lookup (check->ids, g_ptr_array_index (node->refs, i))) - 1;

                  if (target < 0)
                    continue;
                  if (g_array_index (check->nodes, SvgNode, target).state == NODE_ACTIVE)
                    return fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image refers to itself in a loop.");
                  g_array_append_val (stack, target);
                }
              continue;
            }

          /* Everything it depends on is counted now. */
          node->cost = 1;
          for (int child = node->first_child; child >= 0;
               child = g_array_index (check->nodes, SvgNode, child).next_sibling)
            node->cost += g_array_index (check->nodes, SvgNode, child).cost;
          for (guint i = 0; node->refs != NULL && i < node->refs->len; i++)
            {
              int target = GPOINTER_TO_INT (g_hash_table_lookup (check->ids, g_ptr_array_index (node->refs, i))) - 1;

              if (target >= 0)
                node->cost += g_array_index (check->nodes, SvgNode, target).cost;
            }
          node->cost = MIN (node->cost, (guint64)HAVEN_IMAGE_SVG_MAX_RENDERED + 1);
          node->state = NODE_DONE;
          g_array_set_size (stack, stack->len - 1);
        }

      total += root->cost;
    }

  if (total > HAVEN_IMAGE_SVG_MAX_RENDERED)
    return fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The SVG image draws too many elements.");

  return TRUE;
}

static gboolean
check_svg (const char  *text,
           gsize        size,
           GError     **error)
{
  static const GMarkupParser parser = {
    svg_start_element, svg_end_element, svg_text, svg_passthrough, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (SvgNode));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SvgCheck check = { nodes, ids, -1, 0, 0, 0, FALSE, FALSE, FALSE };
  g_autoptr(GError) local_error = NULL;

  g_array_set_clear_func (nodes, svg_node_clear);

  /* libxml2 would honour another encoding (or guess UTF-16), in which a
   * DOCTYPE need not look like one to GMarkup. */
  if (!g_utf8_validate (text, size, NULL))
    return fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image is not in UTF-8.");

  /* Quick refusal of the usual entity expansion, whatever GMarkup makes of it. */
  if (g_strstr_len (text, size, "<!DOCTYPE") != NULL || g_strstr_len (text, size, "<!ENTITY") != NULL)
    return fail (error, HAVEN_IMAGE_ERROR_UNSAFE, "The SVG image has a document type or instruction, which Haven refuses.");

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &check, NULL);
  if (!g_markup_parse_context_parse (context, text, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == HAVEN_IMAGE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The SVG image is not well-formed XML.");
    }

  if (!check.seen_root)
    return fail (error, HAVEN_IMAGE_ERROR_FORMAT, "This is not an SVG image.");

  return check_svg_cost (&check, error);
}

static HavenImageFormat
sniff (const guint8 *data,
       gsize         size,
       gsize        *start)
{
  gsize i = 0;

  *start = 0;
  if (size >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return HAVEN_IMAGE_FORMAT_PNG;
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return HAVEN_IMAGE_FORMAT_JPEG;

  /* XML: an optional UTF-8 byte order mark, blanks, then markup. */
  if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  *start = i;
  while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  if (i < size && data[i] == '<')
    return HAVEN_IMAGE_FORMAT_SVG;

  return HAVEN_IMAGE_FORMAT_NONE;
}

/**
 * haven_image_check:
 * @bytes: what a server sent as an image
 * @format: (out) (optional): its format
 * @error: return location for an error
 *
 * Checks the structure of @bytes without decoding pixels; see the comment
 * at the top of this file for what passes.
 *
 * Returns: %TRUE when @bytes may be given to a decoder
 */
gboolean
haven_image_check (GBytes            *bytes,
                   HavenImageFormat  *format,
                   GError           **error)
{
  gsize size, start;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  HavenImageFormat found;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, FALSE);

  if (format != NULL)
    *format = HAVEN_IMAGE_FORMAT_NONE;

  if (size > HAVEN_IMAGE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (HAVEN_IMAGE_MAX_SIZE);

      return fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The image is larger than %s.", limit);
    }

  found = sniff (data, size, &start);
  switch (found)
    {
    case HAVEN_IMAGE_FORMAT_PNG:
      ok = check_png (data, size, error);
      break;

    case HAVEN_IMAGE_FORMAT_JPEG:
      ok = check_jpeg (data, size, error);
      break;

    case HAVEN_IMAGE_FORMAT_SVG:
      ok = check_svg ((const char *)data + start, size - start, error);
      break;

    case HAVEN_IMAGE_FORMAT_NONE:
    default:
      return fail (error, HAVEN_IMAGE_ERROR_FORMAT, "This is not a PNG, JPEG or SVG image.");
    }

  if (ok && format != NULL)
    *format = found;

  return ok;
}

typedef struct
{
  HavenImageFormat format;
  int              width;
  int              height;
  gboolean         too_large;
} Decode;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Decode          *decode)
{
  double scale;
  int new_width, new_height;

  if (width <= 0 || height <= 0 || width > HAVEN_IMAGE_MAX_PIXELS || height > HAVEN_IMAGE_MAX_PIXELS)
    {
      decode->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }

  if (decode->width <= 0 && decode->height <= 0)
    return;

  /* The smallest size that covers width × height, never larger than the
   * image for pixels that are only there once. */
  scale = MAX ((double)decode->width / width, (double)decode->height / height);
  if (decode->format != HAVEN_IMAGE_FORMAT_SVG)
    scale = MIN (scale, 1.0);
  new_width = CLAMP ((int)ceil (width * scale), 1, HAVEN_IMAGE_MAX_PIXELS);
  new_height = CLAMP ((int)ceil (height * scale), 1, HAVEN_IMAGE_MAX_PIXELS);
  if (new_width != width || new_height != height)
    gdk_pixbuf_loader_set_size (loader, new_width, new_height);
}

/**
 * haven_image_decode:
 * @bytes: an image
 * @width: the width to cover, or 0
 * @height: the height to cover, or 0
 * @error: return location for an error
 *
 * Checks @bytes with haven_image_check(), then decodes them at the smallest
 * size that covers @width × @height, keeping the aspect ratio (a PNG or
 * JPEG never larger than it is), or at the natural size when both are 0.
 * Slow: call it in a worker thread.
 *
 * Returns: (transfer full): the pixels, or %NULL
 */
GdkPixbuf *
haven_image_decode (GBytes  *bytes,
                    int      width,
                    int      height,
                    GError **error)
{
  static const char * const loader_names[] = { NULL, "png", "jpeg", "svg" };
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  Decode decode = { HAVEN_IMAGE_FORMAT_NONE, width, height, FALSE };
  const guint8 *data;
  gsize size, offset = 0;
  GdkPixbuf *pixbuf;

  if (!haven_image_check (bytes, &decode.format, error))
    return NULL;

  loader = gdk_pixbuf_loader_new_with_type (loader_names[decode.format], &local_error);
  if (loader == NULL)
    {
      g_debug ("No gdk-pixbuf loader for %s: %s", loader_names[decode.format], local_error->message);
      fail (error, HAVEN_IMAGE_ERROR_FORMAT, "This system cannot show this kind of image.");
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &decode);

  /* In pieces, so a size beyond the bound stops the writing early. */
  data = g_bytes_get_data (bytes, &size);
  while (offset < size && !decode.too_large)
    {
      gsize piece = MIN (size - offset, 65536);

      if (!gdk_pixbuf_loader_write (loader, data + offset, piece, &local_error))
        break;
      offset += piece;
    }

  if (local_error == NULL)
    gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (decode.too_large)
    {
      fail (error, HAVEN_IMAGE_ERROR_TOO_LARGE, "The image is larger than %d×%d pixels.",
            HAVEN_IMAGE_MAX_PIXELS, HAVEN_IMAGE_MAX_PIXELS);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (local_error != NULL || pixbuf == NULL)
    {
      g_debug ("Image not decoded: %s", local_error != NULL ? local_error->message : "no pixels");
      fail (error, HAVEN_IMAGE_ERROR_CORRUPT, "The image is damaged.");
      return NULL;
    }

  return g_object_ref (pixbuf);
}
