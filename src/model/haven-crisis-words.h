/* haven-crisis-words.h: words in a search that suggest a person may be in crisis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean            haven_crisis_words_match (const char *text);
const char         *haven_crisis_words_topic (const char *text);
const char * const *haven_crisis_words_list  (void);

G_END_DECLS
