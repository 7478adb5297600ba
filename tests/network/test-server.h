/* test-server.h: a loopback SoupServer in a thread of its own, HTTP or HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "minisign-test-util.h"

G_BEGIN_DECLS

typedef struct _TestServer TestServer;

/* Paths the server knows (files from test_server_set_file() first, with
 * an ETag of their content and 304 for a matching If-None-Match):
 *   /feed.json          the feed set with test_server_set_feed(), with an
 *                       ETag and Last-Modified, and 304 for a matching
 *                       If-None-Match
 *   /chunked.json       the same feed without a Content-Length
 *   /error              500
 *   /redirect-ftp       302 to ftp://127.0.0.1/feed.json
 *   /redirect-http      302 to /feed.json on the same server
 *   /stall              accepts the request and never answers
 *   /truncated          promises the whole feed, sends half and hangs up
 *   /gzip.json          the feed compressed, as nginx's gzip_static sends a
 *                       feed.json.gz: Content-Encoding: gzip, the
 *                       Content-Length of the compressed bytes, an ETag
 *   /gzip-truncated.json  promises the compressed feed, sends half of it
 *                       and hangs up
 *   /always-304         304 Not Modified, whatever the request asked
 *   /feed.json.minisig  (and /chunked.json.minisig, /gzip.json.minisig) the feed's signature,
 *                       once test_server_sign_with() gave a key; files set
 *                       with test_server_set_file() then get one too
 *   /drip               promises 1000 bytes, sends one every 100 ms
 *   anything else       404
 */
TestServer *test_server_new             (GTlsCertificate *certificate);
void        test_server_free            (TestServer      *self);
char       *test_server_url             (TestServer      *self,
                                         const char      *path);
void        test_server_set_feed        (TestServer      *self,
                                         GBytes          *bytes,
                                         const char      *etag);
void        test_server_set_file        (TestServer      *self,
                                         const char      *path,
                                         GBytes          *bytes);
void        test_server_set_gzip_file   (TestServer      *self,
                                         const char      *path,
                                         GBytes          *bytes);
void        test_server_sign_with       (TestServer      *self,
                                         MinisignTestKey *key);
void        test_server_set_signature   (TestServer      *self,
                                         GBytes          *signature);
guint       test_server_get_n_requests  (TestServer      *self,
                                         const char      *path);
char       *test_server_dup_last_header (TestServer      *self,
                                         const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

GBytes     *test_gzip                   (GBytes          *bytes);

GTlsCertificate *test_tls_make_certificates (const char  *directory,
                                             const char  *subject_alt_name,
                                             GTlsDatabase **database_out);

G_END_DECLS
