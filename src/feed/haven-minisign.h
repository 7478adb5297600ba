/* haven-minisign.h: checks minisign signatures of feeds against trusted keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HAVEN_MINISIGN_ERROR (haven_minisign_error_quark ())

/* minisign writes comments of up to 1024 bytes, trusted ones of up to 8192:
 * a signature file is never larger than this. */
#define HAVEN_MINISIGN_MAX_SIGNATURE_SIZE (16u * 1024u)
#define HAVEN_MINISIGN_MAX_KEY_SIZE       4096u

typedef enum
{
  HAVEN_MINISIGN_ERROR_BAD_KEY,          /* a key is not a minisign public key */
  HAVEN_MINISIGN_ERROR_NO_KEYS,          /* no key is trusted at all */
  HAVEN_MINISIGN_ERROR_MISSING,          /* there is no signature */
  HAVEN_MINISIGN_ERROR_CORRUPT,          /* the signature file is not one */
  HAVEN_MINISIGN_ERROR_UNKNOWN_KEY,      /* signed, but not by a trusted key */
  HAVEN_MINISIGN_ERROR_BAD_SIGNATURE,    /* the data is not what was signed */
  HAVEN_MINISIGN_ERROR_BAD_COMMENT,      /* the trusted comment is not what was signed */
} HavenMinisignError;

typedef struct _HavenMinisignKey HavenMinisignKey;

GQuark            haven_minisign_error_quark  (void);

HavenMinisignKey *haven_minisign_key_new      (const char              *text,
                                               GError                 **error);
void              haven_minisign_key_free     (HavenMinisignKey        *key);
char             *haven_minisign_key_dup_id   (const HavenMinisignKey  *key);

gboolean          haven_minisign_verify       (GBytes                  *data,
                                               GBytes                  *signature,
                                               const char * const      *trusted_keys,
                                               char                   **trusted_comment,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenMinisignKey, haven_minisign_key_free)

G_END_DECLS
