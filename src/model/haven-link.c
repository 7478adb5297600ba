/* haven-link.c: a titled link, used for campaign links and for sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-link"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-link.h"

G_DEFINE_BOXED_TYPE (HavenLink, haven_link, haven_link_ref, haven_link_unref)

HavenLink *
haven_link_new (const char *title,
                const char *url)
{
  HavenLink *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenLink);
  self->title = g_strdup (title);
  self->url = g_strdup (url);

  return self;
}

HavenLink *
haven_link_ref (HavenLink *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_link_clear (gpointer data)
{
  HavenLink *self = data;

  g_free (self->title);
  g_free (self->url);
}

void
haven_link_unref (HavenLink *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_link_clear);
}
