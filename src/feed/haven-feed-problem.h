/* haven-feed-problem.h: what can be wrong with a feed, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HAVEN_FEED_ERROR         (haven_feed_error_quark ())
#define HAVEN_TYPE_FEED_PROBLEM  (haven_feed_problem_get_type ())

typedef enum
{
  HAVEN_FEED_ERROR_TOO_LARGE,
  HAVEN_FEED_ERROR_ENCODING,
  HAVEN_FEED_ERROR_TOO_DEEP,
  HAVEN_FEED_ERROR_SYNTAX,
  HAVEN_FEED_ERROR_UNSUPPORTED_VERSION,
  HAVEN_FEED_ERROR_INVALID,
} HavenFeedError;

/**
 * HavenFeedProblem:
 * @path: (nullable): where the problem is, as a JSON path such as
 *   `contacts[12].channels[0].value`; %NULL for the feed as a whole
 * @message: a sentence a content author can act on
 */
typedef struct _HavenFeedProblem HavenFeedProblem;

struct _HavenFeedProblem
{
  char *path;
  char *message;
};

GQuark            haven_feed_error_quark       (void);
GType             haven_feed_problem_get_type  (void) G_GNUC_CONST;
HavenFeedProblem *haven_feed_problem_new       (const char             *path,
                                                const char             *message);
HavenFeedProblem *haven_feed_problem_copy      (const HavenFeedProblem *self);
void              haven_feed_problem_free      (HavenFeedProblem       *self);
char             *haven_feed_problem_to_string (const HavenFeedProblem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenFeedProblem, haven_feed_problem_free)

G_END_DECLS
