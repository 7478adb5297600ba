/* haven-language.h: the interface's languages, and what a language is called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *haven_language_get_interface_languages (void);
const char         *haven_language_get_native_name         (const char         *tag);
gboolean            haven_language_is_rtl                  (const char         *tag);
const char         *haven_language_resolve                 (const char * const *available,
                                                            const char * const *wanted,
                                                            const char         *fallback,
                                                            gboolean           *matched);

G_END_DECLS
