/* feed-test-util.h: feeds for the feed tests, from files and generated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GBytes *bytes;
  char   *expected;
} HostileCase;

GBytes    *feed_test_load         (const char  *dir,
                                   const char  *name);
GBytes    *feed_test_replace      (GBytes      *bytes,
                                   const char  *from,
                                   const char  *to);
GBytes    *feed_test_new_contacts (guint        n_contacts,
                                   const char  *id_prefix);
GBytes    *feed_test_new_patched  (const char  *name);
GPtrArray *hostile_cases_new      (void);
void       hostile_case_free      (HostileCase *self);

G_END_DECLS
