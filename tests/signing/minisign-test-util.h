/* minisign-test-util.h: keys and signatures made at test time with the minisign tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *directory;    /* owned by the caller; removed by minisign_test_key_free() */
  char *public_key;   /* the base64 line */
  char *public_file;  /* the whole .pub file */
  char *secret_path;
} MinisignTestKey;

MinisignTestKey *minisign_test_key_new   (void);
void             minisign_test_key_free  (MinisignTestKey *key);
GBytes          *minisign_test_sign      (MinisignTestKey *key,
                                          GBytes          *data,
                                          const char      *trusted_comment,
                                          gboolean         legacy);
GBytes          *minisign_test_flip_byte (GBytes          *bytes,
                                          gsize            offset);
gsize            minisign_test_find      (GBytes          *bytes,
                                          const char      *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MinisignTestKey, minisign_test_key_free)

G_END_DECLS
