/* haven-link.h: a titled link, used for campaign links and for sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_LINK (haven_link_get_type ())

/**
 * HavenLink:
 * @title: what the link leads to, in the reader's language
 * @url: an URL that passed the feed's URL policy
 *
 * An immutable, reference-counted pair of a title and an URL.
 */
typedef struct _HavenLink HavenLink;

struct _HavenLink
{
  char *title;
  char *url;
};

GType      haven_link_get_type (void) G_GNUC_CONST;
HavenLink *haven_link_new      (const char *title,
                                const char *url);
HavenLink *haven_link_ref      (HavenLink  *self);
void       haven_link_unref    (HavenLink  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenLink, haven_link_unref)

G_END_DECLS
