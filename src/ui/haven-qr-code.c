/* haven-qr-code.c: a QR code of a tel: or sms: link, to scan with a phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-qr-code"

#include "config.h"

#include <string.h>
#include <qrencode.h>
#include <glib/gi18n.h>

#include "haven-qr-code.h"

/**
 * haven_qr_code_texture_new:
 * @text: what the code holds, such as `tel:+44116123`
 * @scale: pixels per module
 * @out_modules: (out) (optional): modules per side, without the quiet zone
 *
 * Dark modules on white with the standard quiet zone of four modules, so
 * a phone's camera reads it on a dark style too.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL when @text
 *   cannot be encoded
 */
GdkTexture *
haven_qr_code_texture_new (const char *text,
                           guint       scale,
                           guint      *out_modules)
{
  QRcode *code;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels;
  gsize side, stride;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    return NULL;

  side = (code->width + 2 * HAVEN_QR_CODE_QUIET_ZONE) * scale;
  stride = side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        /* Bit 0 of each byte is the module's colour: 1 is dark. */
        if ((code->data[y * code->width + x] & 1) == 0)
          continue;

        for (guint dy = 0; dy < scale; dy++)
          {
            gsize row = ((y + HAVEN_QR_CODE_QUIET_ZONE) * scale + dy) * stride;

            memset (pixels + row + (x + HAVEN_QR_CODE_QUIET_ZONE) * scale * 3, 0, scale * 3);
          }
      }

  if (out_modules != NULL)
    *out_modules = code->width;
  QRcode_free (code);

  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
}
