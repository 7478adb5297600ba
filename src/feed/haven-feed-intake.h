/* haven-feed-intake.h: checks a downloaded feed and keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-feed-store.h"
#include "haven-feed-updater.h"

G_BEGIN_DECLS

/* What a download brought, and what it must meet. */
typedef struct
{
  HavenFeedStore      *store;
  HavenFeed           *stored;            /* the stored copy, if it loads and is valid */
  const char          *host;              /* the server, for the messages */
  GBytes              *body;              /* %NULL: the server said it did not change */
  GBytes              *signature;         /* %NULL: there was none */
  const char * const  *trusted_keys;
  gboolean             require_signature;
  gboolean             store_updates;
  const char          *etag;
  const char          *last_modified;
} HavenFeedIntake;

HavenFeedUpdateResult haven_feed_intake_run (const HavenFeedIntake  *intake,
                                             HavenFeed             **feed_out,
                                             GError                **error);

G_END_DECLS
