/* fuzz-image.c: libFuzzer target for the image checks and bounded decoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "haven-image-check.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical is a bug the fuzzer should report, not a log line. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

/* What the cache does with a download, then what a card does with it:
 * check, decode small, decode at a card's size. Whatever passes the check
 * must decode within the bounds, or fail with an error. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) card = NULL;
  HavenImageFormat format;

  if (!haven_image_check (bytes, &format, &error))
    {
      g_assert (error != NULL && error->domain == HAVEN_IMAGE_ERROR);
      g_assert (format == HAVEN_IMAGE_FORMAT_NONE);
      return 0;
    }
  g_assert (format != HAVEN_IMAGE_FORMAT_NONE);

  small = haven_image_decode (bytes, 64, 64, &error);
  if (small == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (gdk_pixbuf_get_width (small) <= HAVEN_IMAGE_MAX_PIXELS);
  g_assert (gdk_pixbuf_get_height (small) <= HAVEN_IMAGE_MAX_PIXELS);

  card = haven_image_decode (bytes, 520, 280, NULL);
  if (card != NULL)
    {
      g_assert (gdk_pixbuf_get_width (card) <= HAVEN_IMAGE_MAX_PIXELS);
      g_assert (gdk_pixbuf_get_height (card) <= HAVEN_IMAGE_MAX_PIXELS);
    }

  return 0;
}
