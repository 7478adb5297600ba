/* haven-qr-code.h: a QR code of a tel: or sms: link, to scan with a phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HAVEN_QR_CODE_QUIET_ZONE 4

GdkTexture *haven_qr_code_texture_new (const char *text,
                                       guint       scale,
                                       guint      *out_modules);

G_END_DECLS
