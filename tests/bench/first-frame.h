/* first-frame.h: first-frame reporting for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns what the first frame showed, such as "help=1", or NULL. */
typedef char *(*HavenBenchDescribe) (GtkWidget *widget);

gboolean haven_bench_enabled           (void);
void     haven_bench_watch_first_frame (GtkWidget          *widget,
                                        HavenBenchDescribe  describe);

G_END_DECLS
