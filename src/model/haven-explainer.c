/* haven-explainer.c: a readable piece made by creators with experts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainer"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-explainer.h"

struct _HavenExplainer
{
  GObject parent_instance;

  char        *language;
  gboolean     in_reader_language;

  char        *id;
  char        *title;
  char        *summary;
  HavenPerson *creator;
  GPtrArray   *reviewers;
  GStrv        topics;
  gboolean     sensitive;
  char        *content_note;
  guint        reading_minutes;
  GPtrArray   *body;
  GPtrArray   *sources;
  GDate       *reviewed;
  GStrv        languages;
};

G_DEFINE_FINAL_TYPE (HavenExplainer, haven_explainer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_CREATOR,
  PROP_REVIEWERS,
  PROP_TOPICS,
  PROP_SENSITIVE,
  PROP_CONTENT_NOTE,
  PROP_READING_MINUTES,
  PROP_BODY,
  PROP_SOURCES,
  PROP_REVIEWED,
  PROP_LANGUAGES,
  PROP_LANGUAGE,
  PROP_IN_READER_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (HavenBlockType, haven_block_type,
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_HEADING, "heading"),
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_PARAGRAPH, "paragraph"),
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_LIST, "list"),
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_QUOTE, "quote"),
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_TIP, "tip"),
                    G_DEFINE_ENUM_VALUE (HAVEN_BLOCK_TYPE_HELP, "help"))

G_DEFINE_BOXED_TYPE (HavenBlock, haven_block, haven_block_ref, haven_block_unref)
G_DEFINE_BOXED_TYPE (HavenPerson, haven_person, haven_person_ref, haven_person_unref)

HavenBlock *
haven_block_new (HavenBlockType      type,
                 const char         *text,
                 const char * const *items,
                 gboolean            ordered,
                 const char         *attribution)
{
  HavenBlock *self = g_atomic_rc_box_new0 (HavenBlock);

  self->type = type;
  self->text = g_strdup (text);
  self->items = g_strdupv ((GStrv)items);
  self->ordered = !!ordered;
  self->attribution = g_strdup (attribution);

  return self;
}

HavenBlock *
haven_block_ref (HavenBlock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_block_clear (gpointer data)
{
  HavenBlock *self = data;

  g_free (self->text);
  g_strfreev (self->items);
  g_free (self->attribution);
}

void
haven_block_unref (HavenBlock *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_block_clear);
}

HavenPerson *
haven_person_new (const char *name,
                  const char *role,
                  const char *credentials,
                  const char *organisation,
                  const char *avatar_url)
{
  HavenPerson *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenPerson);
  self->name = g_strdup (name);
  self->role = g_strdup (role);
  self->credentials = g_strdup (credentials);
  self->organisation = g_strdup (organisation);
  self->avatar_url = g_strdup (avatar_url);

  return self;
}

HavenPerson *
haven_person_ref (HavenPerson *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_person_clear (gpointer data)
{
  HavenPerson *self = data;

  g_free (self->name);
  g_free (self->role);
  g_free (self->credentials);
  g_free (self->organisation);
  g_free (self->avatar_url);
}

void
haven_person_unref (HavenPerson *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_person_clear);
}

static void
haven_explainer_constructed (GObject *object)
{
  HavenExplainer *self = (HavenExplainer *)object;

  G_OBJECT_CLASS (haven_explainer_parent_class)->constructed (object);

  if (self->reviewers == NULL)
    self->reviewers = g_ptr_array_new ();
  if (self->topics == NULL)
    self->topics = g_new0 (char *, 1);
  if (self->body == NULL)
    self->body = g_ptr_array_new ();
  if (self->sources == NULL)
    self->sources = g_ptr_array_new ();
  if (self->languages == NULL)
    self->languages = g_new0 (char *, 1);
}

static void
haven_explainer_finalize (GObject *object)
{
  HavenExplainer *self = (HavenExplainer *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->creator, haven_person_unref);
  g_clear_pointer (&self->reviewers, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->content_note, g_free);
  g_clear_pointer (&self->body, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->reviewed, g_date_free);
  g_clear_pointer (&self->languages, g_strfreev);

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (haven_explainer_parent_class)->finalize (object);
}

static void
haven_explainer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HavenExplainer *self = HAVEN_EXPLAINER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CREATOR:
      g_value_set_boxed (value, self->creator);
      break;

    case PROP_REVIEWERS:
      g_value_set_boxed (value, self->reviewers);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    case PROP_CONTENT_NOTE:
      g_value_set_string (value, self->content_note);
      break;

    case PROP_READING_MINUTES:
      g_value_set_uint (value, self->reading_minutes);
      break;

    case PROP_BODY:
      g_value_set_boxed (value, self->body);
      break;

    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;

    case PROP_REVIEWED:
      g_value_set_boxed (value, self->reviewed);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_IN_READER_LANGUAGE:
      g_value_set_boolean (value, self->in_reader_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_explainer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HavenExplainer *self = HAVEN_EXPLAINER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_CREATOR:
      self->creator = g_value_dup_boxed (value);
      break;

    case PROP_REVIEWERS:
      self->reviewers = g_value_dup_boxed (value);
      break;

    case PROP_TOPICS:
      self->topics = g_value_dup_boxed (value);
      break;

    case PROP_SENSITIVE:
      self->sensitive = g_value_get_boolean (value);
      break;

    case PROP_CONTENT_NOTE:
      self->content_note = g_value_dup_string (value);
      break;

    case PROP_READING_MINUTES:
      self->reading_minutes = g_value_get_uint (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_boxed (value);
      break;

    case PROP_SOURCES:
      self->sources = g_value_dup_boxed (value);
      break;

    case PROP_REVIEWED:
      self->reviewed = g_value_dup_boxed (value);
      break;

    case PROP_LANGUAGES:
      self->languages = g_value_dup_boxed (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_IN_READER_LANGUAGE:
      self->in_reader_language = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_explainer_class_init (HavenExplainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = haven_explainer_constructed;
  object_class->finalize = haven_explainer_finalize;
  object_class->get_property = haven_explainer_get_property;
  object_class->set_property = haven_explainer_set_property;

  /* Model objects are immutable: every property is set once, by the parser. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_CREATOR] =
    g_param_spec_boxed ("creator", NULL, NULL, HAVEN_TYPE_PERSON, flags);
  properties[PROP_REVIEWERS] =
    g_param_spec_boxed ("reviewers", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, flags);
  properties[PROP_CONTENT_NOTE] =
    g_param_spec_string ("content-note", NULL, NULL, NULL, flags);
  properties[PROP_READING_MINUTES] =
    g_param_spec_uint ("reading-minutes", NULL, NULL, 0, 120, 0, flags);
  properties[PROP_BODY] =
    g_param_spec_boxed ("body", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_REVIEWED] =
    g_param_spec_boxed ("reviewed", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, flags);

  /* The language the item's text is shown in, and whether that is one of
   * the reader's (see haven_language_resolve()). */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_IN_READER_LANGUAGE] =
    g_param_spec_boolean ("in-reader-language", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_explainer_init (HavenExplainer *self)
{
  self->in_reader_language = TRUE;
}

const char *
haven_explainer_get_id (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->id;
}

const char *
haven_explainer_get_title (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->title;
}

const char *
haven_explainer_get_summary (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->summary;
}

/**
 * haven_explainer_get_creator:
 *
 * Returns: (transfer none): who made the piece
 */
HavenPerson *
haven_explainer_get_creator (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->creator;
}

/**
 * haven_explainer_get_reviewers:
 *
 * Returns: (transfer none) (element-type HavenPerson): who reviewed it,
 *   possibly no one
 */
GPtrArray *
haven_explainer_get_reviewers (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->reviewers;
}

/**
 * haven_explainer_get_topics:
 *
 * Returns: (transfer none): topic ids
 */
const char * const *
haven_explainer_get_topics (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return (const char * const *)self->topics;
}

/**
 * haven_explainer_get_sensitive:
 *
 * Returns: %TRUE when one of its topics is sensitive: the piece then opens
 *   on its content note and has a help block
 */
gboolean
haven_explainer_get_sensitive (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), FALSE);

  return self->sensitive;
}

/**
 * haven_explainer_get_content_note:
 *
 * Returns: (nullable): what the piece talks about; always set when the
 *   piece is sensitive
 */
const char *
haven_explainer_get_content_note (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->content_note;
}

guint
haven_explainer_get_reading_minutes (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), 0);

  return self->reading_minutes;
}

/**
 * haven_explainer_get_body:
 *
 * Returns: (transfer none) (element-type HavenBlock): 1 to 400 blocks
 */
GPtrArray *
haven_explainer_get_body (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->body;
}

/**
 * haven_explainer_get_sources:
 *
 * Returns: (transfer none) (element-type HavenLink): 1 to 32 sources
 */
GPtrArray *
haven_explainer_get_sources (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->sources;
}

/**
 * haven_explainer_get_reviewed:
 *
 * Returns: (transfer none): when the piece was last checked against its
 *   sources
 */
const GDate *
haven_explainer_get_reviewed (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->reviewed;
}

/**
 * haven_explainer_get_languages:
 *
 * Returns: (transfer none): the languages the whole piece is written in
 */
const char * const *
haven_explainer_get_languages (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return (const char * const *)self->languages;
}

/**
 * haven_explainer_get_language:
 *
 * Returns: (nullable): the language tag the explainer's text is shown in;
 *   %NULL when the feed does not say (its texts are plain strings)
 */
const char *
haven_explainer_get_language (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), NULL);

  return self->language;
}

/**
 * haven_explainer_get_in_reader_language:
 *
 * Returns: %TRUE when the explainer is shown in one of the reader's languages;
 *   %FALSE when the feed lacks them for it, and it falls back to another
 */
gboolean
haven_explainer_get_in_reader_language (HavenExplainer *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER (self), TRUE);

  return self->in_reader_language;
}
