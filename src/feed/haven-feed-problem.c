/* haven-feed-problem.c: what can be wrong with a feed, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-problem.h"

G_DEFINE_QUARK (haven-feed-error-quark, haven_feed_error)

G_DEFINE_BOXED_TYPE (HavenFeedProblem, haven_feed_problem,
                     haven_feed_problem_copy, haven_feed_problem_free)

HavenFeedProblem *
haven_feed_problem_new (const char *path,
                        const char *message)
{
  HavenFeedProblem *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (HavenFeedProblem, 1);
  self->path = g_strdup (path);
  self->message = g_strdup (message);

  return self;
}

HavenFeedProblem *
haven_feed_problem_copy (const HavenFeedProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return haven_feed_problem_new (self->path, self->message);
}

void
haven_feed_problem_free (HavenFeedProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/**
 * haven_feed_problem_to_string:
 * @self: a problem
 *
 * Returns: (transfer full): "PATH: message", or the message alone for a
 *   problem of the whole feed
 */
char *
haven_feed_problem_to_string (const HavenFeedProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->path == NULL)
    return g_strdup (self->message);

  return g_strdup_printf ("%s: %s", self->path, self->message);
}
