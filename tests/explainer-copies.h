/* explainer-copies.h: the bundled feed with many copies of its explainers,
 * for tests and benchmarks of long lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-feed-parser.h"

G_BEGIN_DECLS

HavenFeed *feed_with_explainer_copies (guint               factor,
                                       HavenFeedParseFlags flags);

G_END_DECLS
