/* haven-image-check.h: which image bytes Haven decodes, and decoding them within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* docs/feed-format.md, “Images”, states these limits. */
#define HAVEN_IMAGE_MAX_SIZE          ((guint64)4 * 1024 * 1024)  /* bytes */
#define HAVEN_IMAGE_MAX_PIXELS        4096                       /* per side */
#define HAVEN_IMAGE_JPEG_MAX_SCANS    64
#define HAVEN_IMAGE_SVG_MAX_ELEMENTS  20000
#define HAVEN_IMAGE_SVG_MAX_DEPTH     64
#define HAVEN_IMAGE_SVG_MAX_RENDERED  50000   /* elements, each <use> and url(#…) counted again */
#define HAVEN_IMAGE_SVG_MAX_FILTERS   32      /* filter primitives */
#define HAVEN_IMAGE_SVG_MAX_TEXT      65536   /* bytes of text, blanks aside */

#define HAVEN_IMAGE_ERROR (haven_image_error_quark ())

typedef enum
{
  HAVEN_IMAGE_ERROR_FORMAT,     /* not PNG, JPEG or SVG */
  HAVEN_IMAGE_ERROR_TOO_LARGE,  /* bytes or pixels beyond the bounds */
  HAVEN_IMAGE_ERROR_UNSAFE,     /* an SVG feature Haven refuses */
  HAVEN_IMAGE_ERROR_CORRUPT,    /* does not decode */
} HavenImageError;

typedef enum
{
  HAVEN_IMAGE_FORMAT_NONE,
  HAVEN_IMAGE_FORMAT_PNG,
  HAVEN_IMAGE_FORMAT_JPEG,
  HAVEN_IMAGE_FORMAT_SVG,
} HavenImageFormat;

GQuark      haven_image_error_quark (void);
gboolean    haven_image_check       (GBytes            *bytes,
                                     HavenImageFormat  *format,
                                     GError           **error);
GdkPixbuf  *haven_image_decode      (GBytes            *bytes,
                                     int                width,
                                     int                height,
                                     GError           **error);

G_END_DECLS
