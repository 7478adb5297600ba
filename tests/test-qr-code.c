/* test-qr-code.c: the QR code of a tel: link is a well-formed symbol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "haven-qr-code.h"

static gboolean
dark_at (const guchar *pixels,
         gsize         stride,
         guint         x,
         guint         y)
{
  return pixels[y * stride + x * 4] < 128;
}

static void
test_tel_link (void)
{
  const guint scale = 3;
  guint modules = 0;
  g_autoptr(GdkTexture) texture = haven_qr_code_texture_new ("tel:+44116123", scale, &modules);
  g_autofree guchar *pixels = NULL;
  gsize stride;
  guint side, q;

  g_assert_nonnull (texture);
  /* Version 1 is 21 modules; each version adds 4. */
  g_assert_cmpuint (modules, >=, 21);
  g_assert_cmpuint ((modules - 21) % 4, ==, 0);

  side = (modules + 2 * HAVEN_QR_CODE_QUIET_ZONE) * scale;
  g_assert_cmpint (gdk_texture_get_width (texture), ==, side);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, side);

  stride = side * 4;
  pixels = g_malloc (stride * side);
  gdk_texture_download (texture, pixels, stride);

  q = HAVEN_QR_CODE_QUIET_ZONE * scale;
  /* The quiet zone is light; the three finder patterns start dark at their
   * outer corners, with a light ring one module in. */
  g_assert_false (dark_at (pixels, stride, 0, 0));
  g_assert_false (dark_at (pixels, stride, q - 1, q - 1));
  g_assert_true (dark_at (pixels, stride, q, q));
  g_assert_true (dark_at (pixels, stride, q + (modules - 1) * scale, q));
  g_assert_true (dark_at (pixels, stride, q, q + (modules - 1) * scale));
  g_assert_false (dark_at (pixels, stride, q + scale, q + scale));
  g_assert_true (dark_at (pixels, stride, q + 3 * scale, q + 3 * scale));
  /* No finder pattern in the fourth corner. */
  g_assert_false (dark_at (pixels, stride, q + (modules - 8) * scale, q + (modules - 8) * scale) &&
                  dark_at (pixels, stride, q + (modules - 1) * scale, q + (modules - 1) * scale) &&
                  !dark_at (pixels, stride, q + (modules - 2) * scale, q + (modules - 2) * scale));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr-code/tel-link", test_tel_link);

  return g_test_run ();
}
