/* haven-explainer.h: a readable piece made by creators with experts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-link.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_BLOCK_TYPE (haven_block_type_get_type ())
#define HAVEN_TYPE_BLOCK      (haven_block_get_type ())
#define HAVEN_TYPE_PERSON     (haven_person_get_type ())
#define HAVEN_TYPE_EXPLAINER  (haven_explainer_get_type ())

/* The nicks are the feed's block types. */
typedef enum
{
  HAVEN_BLOCK_TYPE_HEADING,
  HAVEN_BLOCK_TYPE_PARAGRAPH,
  HAVEN_BLOCK_TYPE_LIST,
  HAVEN_BLOCK_TYPE_QUOTE,
  HAVEN_BLOCK_TYPE_TIP,
  HAVEN_BLOCK_TYPE_HELP,
} HavenBlockType;

/**
 * HavenBlock:
 * @type: what kind of block
 * @text: (nullable): the text; %NULL only for a list, and for a help
 *   block that uses Haven's own words
 * @items: (nullable): a list's items; %NULL for other blocks
 * @ordered: a list's items are numbered
 * @attribution: (nullable): who a quote is from
 *
 * One block of an explainer's body. Immutable and reference-counted.
 */
typedef struct _HavenBlock HavenBlock;

struct _HavenBlock
{
  HavenBlockType   type;
  char            *text;
  GStrv            items;
  gboolean         ordered;
  char            *attribution;
};

/**
 * HavenPerson:
 * @name: the person's or organisation's name
 * @role: (nullable): a creator's role
 * @credentials: (nullable): a reviewer's credentials
 * @organisation: (nullable): a reviewer's organisation
 * @avatar_url: (nullable): a creator's picture
 *
 * An explainer's creator or one of its reviewers. Immutable and
 * reference-counted.
 */
typedef struct _HavenPerson HavenPerson;

struct _HavenPerson
{
  char *name;
  char *role;
  char *credentials;
  char *organisation;
  char *avatar_url;
};

GType        haven_block_type_get_type (void) G_GNUC_CONST;
GType        haven_block_get_type      (void) G_GNUC_CONST;
HavenBlock  *haven_block_new           (HavenBlockType      type,
                                        const char         *text,
                                        const char * const *items,
                                        gboolean            ordered,
                                        const char         *attribution);
HavenBlock  *haven_block_ref           (HavenBlock         *self);
void         haven_block_unref         (HavenBlock         *self);

GType        haven_person_get_type     (void) G_GNUC_CONST;
HavenPerson *haven_person_new          (const char         *name,
                                        const char         *role,
                                        const char         *credentials,
                                        const char         *organisation,
                                        const char         *avatar_url);
HavenPerson *haven_person_ref          (HavenPerson        *self);
void         haven_person_unref        (HavenPerson        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenBlock, haven_block_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenPerson, haven_person_unref)

/* Immutable; dates are GDates owned by the object (see haven-feed.h). */
G_DECLARE_FINAL_TYPE (HavenExplainer, haven_explainer, HAVEN, EXPLAINER, GObject)

const char         *haven_explainer_get_id              (HavenExplainer *self);
const char         *haven_explainer_get_title           (HavenExplainer *self);
const char         *haven_explainer_get_summary         (HavenExplainer *self);
HavenPerson        *haven_explainer_get_creator         (HavenExplainer *self);
GPtrArray          *haven_explainer_get_reviewers       (HavenExplainer *self);
const char * const *haven_explainer_get_topics          (HavenExplainer *self);
gboolean            haven_explainer_get_sensitive       (HavenExplainer *self);
const char         *haven_explainer_get_content_note    (HavenExplainer *self);
guint               haven_explainer_get_reading_minutes (HavenExplainer *self);
GPtrArray          *haven_explainer_get_body            (HavenExplainer *self);
GPtrArray          *haven_explainer_get_sources         (HavenExplainer *self);
const GDate        *haven_explainer_get_reviewed        (HavenExplainer *self);
const char * const *haven_explainer_get_languages       (HavenExplainer *self);
const char         *haven_explainer_get_language              (HavenExplainer *self);
gboolean            haven_explainer_get_in_reader_language    (HavenExplainer *self);

G_END_DECLS
