/* haven-feed-parser.c: reads a feed, checks it and builds the model
 *
 * One walk over the parsed JSON checks every rule of docs/feed-format.md
 * and builds the model objects as it goes, so a feed is read exactly once.
 * Every problem is recorded with its JSON path rather than stopping at the
 * first, so that a content author sees them all. Ids and references go
 * through hash tables and every per-item list is bounded, so the work grows
 * linearly with the size of the feed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-parser"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "haven-feed-parser.h"
#include "haven-feed-value.h"
#include "haven-language.h"

#define BUNDLED_FEED_RESOURCE RESOURCE_BASE "/feed/feed.json"

/* A feed that gets everything wrong would otherwise make a list as long
 * as itself; the first hundred problems are plenty to start fixing.
 */
#define MAX_PROBLEMS 100

/* The deepest path the format has is
 * contacts[0].channels[0].hours.weekly[0].days[0], plus a language.
 */
#define MAX_PATH_LENGTH 16

#define MAX_NAME_BYTES        200
#define MAX_DESCRIPTION_BYTES 2000
#define MAX_BLOCK_BYTES       8000
#define MAX_KEYWORD_BYTES     32

#define MAX_REGIONS    300
#define MAX_CONTACTS   2000
#define MAX_TOPICS     200
#define MAX_CAMPAIGNS  500
#define MAX_EXPLAINERS 5000
#define MAX_LIST       32
#define MAX_BODY       400
#define MAX_NUMBERS    8

#define MAX_FIGURE_VALUE 1e12
#define MIN_YEAR         1900
#define MAX_YEAR         2100

typedef enum
{
  LIST_TOPIC_IDS,
  LIST_EXPLAINER_IDS,
  LIST_CONTACT_IDS,
  LIST_LANGUAGE_TAGS,
  LIST_TIME_ZONES,
  LIST_BLOCK_TEXTS, /* localised texts of a list block, repeats allowed */
} ListKind;

typedef struct
{
  const char *key;    /* NULL for an array index */
  guint       index;
} PathSegment;

/* What the pairs_with pass needs to know about each contact. */
typedef struct
{
  const char *id;
  const char *region;
  JsonArray  *pairs_with;
} ContactInfo;

typedef struct
{
  HavenFeedOrigin      origin;
  gboolean             unlimited;

  GPtrArray           *problems;
  guint                n_problems;

  /* Set while checking long-form text, see haven_feed_value_check_prose(). */
  gboolean             prose;

  PathSegment          path[MAX_PATH_LENGTH];
  guint                path_length;

  GPtrArray           *languages;
  const char          *default_language;
  const char * const  *text_languages;

  /* The reader's tags for choosing an item's language: English, the
   * interface's own, when the locale names none. */
  GStrv                wanted_languages;
  /* While parsing a campaign or an explainer: the one language its texts
   * are shown in, so that a piece is never a mix of two. */
  const char          *item_language;
  /* The id (or region code) of the item being parsed, and when set, every
   * localised text met, for haven_feed_find_missing_texts(). */
  const char          *item_key;
  GPtrArray           *texts;
  GDate                generated;

  /* Ids map to the position of the item that has them. */
  GHashTable          *region_index;
  GHashTable          *topic_index;
  GHashTable          *contact_index;
  GHashTable          *explainer_index;
  GHashTable          *campaign_index;
  char               **region_time_zone;
  guint                n_regions;
  gboolean            *topic_sensitive;
  ContactInfo         *contact_info;

  GEnumClass          *channel_type_class;
  GEnumClass          *audience_class;
  GEnumClass          *cost_class;
  GEnumClass          *confidence_class;
  GEnumClass          *block_type_class;
  GFlagsClass         *weekdays_class;
  GFlagsClass         *services_class;
} Parser;

typedef GObject *(*ParseItemFunc) (Parser     *p,
                                   JsonObject *object,
                                   guint       index);

static void
path_push_key (Parser     *p,
               const char *key)
{
  g_assert (p->path_length < MAX_PATH_LENGTH);
  p->path[p->path_length].key = key;
  p->path[p->path_length].index = 0;
  p->path_length++;
}

static void
path_push_index (Parser *p,
                 guint   index)
{
  g_assert (p->path_length < MAX_PATH_LENGTH);
  p->path[p->path_length].key = NULL;
  p->path[p->path_length].index = index;
  p->path_length++;
}

static void
path_pop (Parser *p)
{
  g_assert (p->path_length > 0);
  p->path_length--;
}

static char *
path_to_string (Parser     *p,
                const char *field)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < p->path_length; i++)
    {
      if (p->path[i].key == NULL)
        {
          g_string_append_printf (path, "[%u]", p->path[i].index);
        }
      else
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, p->path[i].key);
        }
    }

  if (field != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, field);
    }

  if (path->len == 0)
    {
      g_string_free (path, TRUE);
      return NULL;
    }

  return g_string_free (path, FALSE);
}

/* "explainers/self-harm/body/3/text": the path a translator looks for,
 * with the item's id in place of its index. */
static char *
path_to_key_string (Parser     *p,
                    const char *field)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < p->path_length; i++)
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      if (i == 1 && p->path[i].key == NULL && p->item_key != NULL)
        g_string_append (path, p->item_key);
      else if (p->path[i].key == NULL)
        g_string_append_printf (path, "%u", p->path[i].index);
      else
        g_string_append (path, p->path[i].key);
    }

  if (field != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append (path, field);
    }

  return g_string_free (path, FALSE);
}

typedef struct
{
  char *path;
  GStrv tags;  /* NULL for a plain string, which counts for all */
  char *text;  /* in the default language */
} TextRecord;

static void
text_record_free (TextRecord *record)
{
  g_free (record->path);
  g_strfreev (record->tags);
  g_free (record->text);
  g_free (record);
}

static void
record_text (Parser     *p,
             const char *field,
             JsonObject *object,
             const char *text)
{
  TextRecord *record;

  if (p->texts == NULL)
    return;

  record = g_new0 (TextRecord, 1);
  record->path = path_to_key_string (p, field);
  record->text = g_strdup (text);
  if (object != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (object);
      guint i = 0;

      record->tags = g_new0 (char *, g_list_length (members) + 1);
      for (GList *l = members; l != NULL; l = l->next)
        record->tags[i++] = g_strdup (l->data);
    }
  g_ptr_array_add (p->texts, record);
}

static void
problem (Parser     *p,
         const char *field,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

/* Records a problem at the current path, plus @field when it is not NULL. */
static void
problem (Parser     *p,
         const char *field,
         const char *format,
         ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  p->n_problems++;
  if (p->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path = path_to_string (p, field);
  g_ptr_array_add (p->problems, haven_feed_problem_new (path, message));
}

static const char *
node_type_name (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");

    case JSON_NODE_ARRAY:
      return _("an array");

    case JSON_NODE_NULL:
      return _("null");

    case JSON_NODE_VALUE:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        return _("a string");
      if (type == G_TYPE_BOOLEAN)
        return _("true or false");
      return _("a number");

    default:
      return "?";
    }
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Optional members may be left out or be null; both mean "not given". */
static JsonNode *
get_member (Parser     *p,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && !required && JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (node == NULL && required)
    problem (p, name, _("Is required but missing."));

  return node;
}

static const char *
string_from_node (Parser     *p,
                  JsonNode   *node,
                  const char *field)
{
  if (node_holds (node, G_TYPE_STRING))
    return json_node_get_string (node);

  problem (p, field, _("Must be a string, not %s."), node_type_name (node));

  return NULL;
}

static const char *
get_string (Parser     *p,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = get_member (p, object, name, required);

  if (node == NULL)
    return NULL;

  return string_from_node (p, node, name);
}

static JsonObject *
get_object (Parser     *p,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = get_member (p, object, name, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (p, name, _("Must be an object, not %s."), node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
check_text (Parser     *p,
            const char *text,
            const char *field,
            gsize       max_bytes)
{
  g_autoptr(GError) error = NULL;

  if (p->prose ? haven_feed_value_check_prose (text, max_bytes, &error)
               : haven_feed_value_check_text (text, max_bytes, &error))
    return TRUE;

  problem (p, field, "%s", error->message);

  return FALSE;
}

/* For values that are no text but are shown, such as numbers, so that
 * their problem names the character rather than the format.
 */
static gboolean
check_hidden (Parser     *p,
              const char *value,
              const char *field)
{
  g_autoptr(GError) error = NULL;

  if (haven_feed_value_check_hidden (value, &error))
    return TRUE;

  problem (p, field, "%s", error->message);

  return FALSE;
}

/* A plain string that is shown to readers, such as a person's name. */
static const char *
get_plain_text (Parser     *p,
                JsonObject *object,
                const char *name,
                gsize       max_bytes,
                gboolean    required)
{
  const char *text = get_string (p, object, name, required);

  if (text == NULL || !check_text (p, text, name, max_bytes))
    return NULL;

  return text;
}

/* Localised text: a string, or an object of strings by language tag,
 * resolved here to the reader's best language.
 */
static const char *
text_from_node (Parser     *p,
                JsonNode   *node,
                const char *field,
                gsize       max_bytes)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *tag;
  JsonNode *value;
  JsonNode *fallback = NULL;
  gboolean valid = TRUE;

  if (node_holds (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);

      if (!check_text (p, text, field, max_bytes))
        return NULL;

      record_text (p, field, NULL, text);
      return text;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (p, field,
               _("Must be text: a string, or an object that maps language tags to strings; "
                 "not %s."), node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);

  if (field != NULL)
    path_push_key (p, field);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &tag, &value))
    {
      const char *text;

      if (!haven_feed_value_is_language_tag (tag))
        {
          g_autofree char *quoted = haven_feed_value_quote (tag);

          problem (p, NULL,
                   _("%s is not a language tag; write tags such as en, pt-BR or zh-Hant."),
                   quoted);
          valid = FALSE;
          continue;
        }

      text = string_from_node (p, value, tag);
      if (text == NULL || !check_text (p, text, tag, max_bytes))
        valid = FALSE;

      if (fallback == NULL)
        fallback = value;
    }

  if (p->default_language != NULL)
    {
      fallback = json_object_get_member (object, p->default_language);
      if (fallback == NULL)
        {
          problem (p, NULL, _("Has no text in “%s”, the feed’s default language."),
                   p->default_language);
          valid = FALSE;
        }
    }

  for (guint i = 0; p->text_languages != NULL && p->text_languages[i] != NULL; i++)
    {
      if (!json_object_has_member (object, p->text_languages[i]))
        {
          problem (p, NULL, _("Has no text in “%s”, one of the explainer’s languages."),
                   p->text_languages[i]);
          valid = FALSE;
        }
    }

  if (field != NULL)
    path_pop (p);

  if (!valid || fallback == NULL)
    {
      if (valid)
        problem (p, field, _("Has no text in any language."));
      return NULL;
    }

  record_text (p, field, object, json_node_get_string (fallback));

  /* In a campaign or an explainer, every text in the item's language, or
   * where one lacks it, in the default language. */
  if (p->item_language != NULL)
    {
      JsonNode *own = json_object_get_member (object, p->item_language);

      return json_node_get_string (own != NULL ? own : fallback);
    }

  for (guint i = 0; i < p->languages->len; i++)
    {
      JsonNode *match = json_object_get_member (object, g_ptr_array_index (p->languages, i));

      if (match != NULL)
        return json_node_get_string (match);
    }

  return json_node_get_string (fallback);
}

/* Chooses the language an item's texts are shown in, from the languages it
 * is written in (see haven_language_resolve()). Returns whether that is
 * one of the reader's. */
static gboolean
begin_item_language (Parser             *p,
                     const char * const *available)
{
  gboolean matched = TRUE;

  p->item_language = NULL;
  if (available != NULL && available[0] != NULL)
    p->item_language = haven_language_resolve (available,
                                               (const char * const *)p->wanted_languages,
                                               p->default_language, &matched);

  return matched;
}

/* A campaign has no list of languages: it is written in those that all of
 * its title, tagline and description have. None of them localised means
 * no language to choose. */
static GStrv
dup_campaign_languages (JsonObject *object)
{
  static const char * const fields[] = { "title", "tagline", "description" };
  g_autoptr(GPtrArray) common = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *node = json_object_get_member (object, fields[i]);
      JsonObject *text;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;

      text = json_node_get_object (node);
      if (common == NULL)
        {
          g_autoptr(GList) tags = json_object_get_members (text);

          common = g_ptr_array_new_with_free_func (g_free);
          for (GList *l = tags; l != NULL; l = l->next)
            g_ptr_array_add (common, g_strdup (l->data));
        }
      else
        {
          for (guint j = common->len; j > 0; j--)
            {
              if (!json_object_has_member (text, g_ptr_array_index (common, j - 1)))
                g_ptr_array_remove_index (common, j - 1);
            }
        }
    }

  if (common == NULL)
    return NULL;

  g_ptr_array_add (common, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&common), FALSE);
}

static const char *
get_text (Parser     *p,
          JsonObject *object,
          const char *name,
          gsize       max_bytes,
          gboolean    required)
{
  JsonNode *node = get_member (p, object, name, required);

  if (node == NULL)
    return NULL;

  return text_from_node (p, node, name, max_bytes);
}

static const char *
get_id (Parser     *p,
        JsonObject *object,
        const char *name)
{
  const char *id = get_string (p, object, name, TRUE);

  if (id != NULL && !haven_feed_value_is_id (id))
    {
      g_autofree char *quoted = haven_feed_value_quote (id);

      problem (p, name,
               _("%s is not a valid id: use lower-case letters, digits and “-”, starting with "
                 "a letter or digit, at most %u bytes."), quoted, HAVEN_FEED_MAX_ID_LENGTH);
      return NULL;
    }

  return id;
}

static void
register_id (Parser     *p,
             GHashTable *index,
             const char *id,
             guint       position,
             const char *list_name,
             const char *field)
{
  gpointer existing;

  if (g_hash_table_lookup_extended (index, id, NULL, &existing))
    {
      g_autofree char *quoted = haven_feed_value_quote (id);

      problem (p, field, _("%s is already used by %s[%u]; ids must be unique."),
               quoted, list_name, GPOINTER_TO_UINT (existing));
      return;
    }

  g_hash_table_insert (index, (gpointer)id, GUINT_TO_POINTER (position));
}

static gboolean
get_boolean (Parser     *p,
             JsonObject *object,
             const char *name,
             gboolean    default_value)
{
  JsonNode *node = get_member (p, object, name, FALSE);

  if (node == NULL)
    return default_value;

  if (node_holds (node, G_TYPE_BOOLEAN))
    return json_node_get_boolean (node);

  problem (p, name, _("Must be true or false, not %s."), node_type_name (node));

  return default_value;
}

static gboolean
get_integer (Parser     *p,
             JsonObject *object,
             const char *name,
             int         min,
             int         max,
             int        *result)
{
  JsonNode *node = get_member (p, object, name, TRUE);
  gint64 value;

  if (node == NULL)
    return FALSE;

  if (!node_holds (node, G_TYPE_INT64))
    {
      problem (p, name, _("Must be a whole number, not %s."), node_type_name (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      problem (p, name, _("Is %lld; it must be from %d to %d."), (long long)value, min, max);
      return FALSE;
    }

  *result = (int)value;

  return TRUE;
}

static gboolean
get_number (Parser     *p,
            JsonObject *object,
            const char *name,
            double      max,
            double     *result)
{
  JsonNode *node = get_member (p, object, name, TRUE);
  double value;

  if (node == NULL)
    return FALSE;

  if (node_holds (node, G_TYPE_INT64))
    value = json_node_get_int (node);
  else if (node_holds (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    {
      problem (p, name, _("Must be a number, not %s."), node_type_name (node));
      return FALSE;
    }

  if (!isfinite (value) || value < 0 || value > max)
    {
      problem (p, name, _("Is %g; it must be from 0 to %g."), value, max);
      return FALSE;
    }

  *result = value;

  return TRUE;
}

static gboolean
get_date (Parser     *p,
          JsonObject *object,
          const char *name,
          gboolean    required,
          GDate      *date)
{
  const char *value = get_string (p, object, name, required);

  if (value == NULL)
    return FALSE;

  if (!haven_feed_value_parse_date (value, date))
    {
      g_autofree char *quoted = haven_feed_value_quote (value);

      problem (p, name,
               _("%s is not a date: write a real date from 1900 to 2100 as YYYY-MM-DD, for "
                 "example 2026-11-25."), quoted);
      return FALSE;
    }

  return TRUE;
}

/* A person confirmed something on @date: that cannot be after the feed
 * was published, or the check would never go stale.
 */
static gboolean
get_past_date (Parser     *p,
               JsonObject *object,
               const char *name,
               gboolean    required,
               GDate      *date)
{
  if (!get_date (p, object, name, required, date))
    return FALSE;

  if (g_date_valid (&p->generated) && g_date_compare (date, &p->generated) > 0)
    {
      char text[16], generated[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_date_strftime (generated, sizeof generated, "%Y-%m-%d", &p->generated);
      problem (p, name, _("Is %s, after the feed was generated (%s)."), text, generated);
      return FALSE;
    }

  return TRUE;
}

static const char *
get_url (Parser      *p,
         JsonObject  *object,
         const char  *name,
         HavenUrlUse  use,
         gboolean     required)
{
  g_autoptr(GError) error = NULL;
  const char *url = get_string (p, object, name, required);

  if (url == NULL)
    return NULL;

  if (!haven_feed_url_check (url, use, p->origin, &error))
    {
      problem (p, name, "%s", error->message);
      return NULL;
    }

  return url;
}

static char *
dup_enum_nicks (GEnumValue *values,
                guint       n_values)
{
  GString *nicks = g_string_new (NULL);

  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? ", " : "", values[i].value_nick);

  return g_string_free (nicks, FALSE);
}

static gboolean
enum_from_string (Parser     *p,
                  GEnumClass *klass,
                  const char *value,
                  const char *field,
                  int        *result)
{
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, value);
  g_autofree char *quoted = NULL;
  g_autofree char *nicks = NULL;

  if (enum_value != NULL)
    {
      *result = enum_value->value;
      return TRUE;
    }

  quoted = haven_feed_value_quote (value);
  nicks = dup_enum_nicks (klass->values, klass->n_values);
  problem (p, field, _("%s is not one of: %s."), quoted, nicks);

  return FALSE;
}

static gboolean
get_enum (Parser     *p,
          JsonObject *object,
          const char *name,
          GEnumClass *klass,
          int        *result)
{
  const char *value = get_string (p, object, name, TRUE);

  if (value == NULL)
    return FALSE;

  return enum_from_string (p, klass, value, name, result);
}

/* Nested lists are short by rule; a longer one is reported and skipped, so
 * that nothing downstream ever walks an oversized list.
 */
static JsonArray *
get_array (Parser     *p,
           JsonObject *object,
           const char *name,
           guint       min,
           guint       max,
           gboolean    required)
{
  JsonNode *node = get_member (p, object, name, required);
  JsonArray *array;
  guint length;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (p, name, _("Must be an array, not %s."), node_type_name (node));
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);

  if (length < min)
    {
      problem (p, name,
               ngettext ("Needs at least %u entry.", "Needs at least %u entries.",
                            min), min);
      return NULL;
    }

  if (length > max)
    {
      problem (p, name, _("Has %u entries; at most %u are allowed."), length, max);
      return NULL;
    }

  return array;
}

static gboolean
check_list_item (Parser     *p,
                 ListKind    kind,
                 const char *value)
{
  g_autofree char *quoted = NULL;

  switch (kind)
    {
    case LIST_TOPIC_IDS:
      if (g_hash_table_contains (p->topic_index, value))
        return TRUE;
      quoted = haven_feed_value_quote (value);
      problem (p, NULL, _("%s is not a topic in this feed."), quoted);
      return FALSE;

    case LIST_EXPLAINER_IDS:
      if (g_hash_table_contains (p->explainer_index, value))
        return TRUE;
      quoted = haven_feed_value_quote (value);
      problem (p, NULL, _("%s is not an explainer in this feed."), quoted);
      return FALSE;

    case LIST_CONTACT_IDS:
      /* Contacts can pair with contacts later in the list, so whether the
       * ids exist is checked once all contacts are read.
       */
      if (haven_feed_value_is_id (value))
        return TRUE;
      quoted = haven_feed_value_quote (value);
      problem (p, NULL, _("%s is not a valid contact id."), quoted);
      return FALSE;

    case LIST_LANGUAGE_TAGS:
      if (haven_feed_value_is_language_tag (value))
        return TRUE;
      quoted = haven_feed_value_quote (value);
      problem (p, NULL, _("%s is not a language tag; write tags such as en, pt-BR or zh-Hant."),
               quoted);
      return FALSE;

    case LIST_TIME_ZONES:
      if (haven_feed_value_is_time_zone (value))
        return TRUE;
      quoted = haven_feed_value_quote (value);
      problem (p, NULL, _("%s is not an IANA time zone name such as Europe/London."), quoted);
      return FALSE;

    case LIST_BLOCK_TEXTS:
    default:
      g_assert_not_reached ();
    }
}

/* A list of strings of one kind, each at most once (texts may repeat). */
static GStrv
get_string_list (Parser     *p,
                 JsonObject *object,
                 const char *name,
                 guint       min,
                 gboolean    required,
                 ListKind    kind)
{
  JsonArray *array = get_array (p, object, name, min, MAX_LIST, required);
  g_auto(GStrv) strv = NULL;
  gboolean valid = TRUE;
  guint length;
  guint n = 0;

  if (array == NULL)
    return NULL;

  length = json_array_get_length (array);
  strv = g_new0 (char *, length + 1);

  path_push_key (p, name);
  for (guint i = 0; i < length; i++)
    {
      const char *value;

      path_push_index (p, i);
      if (kind == LIST_BLOCK_TEXTS)
        value = text_from_node (p, json_array_get_element (array, i), NULL, MAX_BLOCK_BYTES);
      else
        value = string_from_node (p, json_array_get_element (array, i), NULL);

      if (value == NULL || (kind != LIST_BLOCK_TEXTS && !check_list_item (p, kind, value)))
        {
          valid = FALSE;
        }
      else if (kind != LIST_BLOCK_TEXTS && g_strv_contains ((const char * const *)strv, value))
        {
          g_autofree char *quoted = haven_feed_value_quote (value);

          problem (p, NULL, _("%s is listed twice."), quoted);
          valid = FALSE;
        }
      else
        {
          strv[n++] = g_strdup (value);
        }
      path_pop (p);
    }
  path_pop (p);

  if (!valid)
    return NULL;

  return g_steal_pointer (&strv);
}

/* Calls @func on each object of a nested list. @func returns a new boxed
 * item or NULL after recording its problems.
 */
static GPtrArray *
parse_nested_list (Parser         *p,
                   JsonObject     *object,
                   const char     *name,
                   guint           min,
                   guint           max,
                   gboolean        required,
                   gpointer      (*func) (Parser *, JsonObject *),
                   GDestroyNotify  free_func)
{
  JsonArray *array = get_array (p, object, name, min, max, required);
  g_autoptr(GPtrArray) items = NULL;
  guint length;

  if (array == NULL)
    return NULL;

  length = json_array_get_length (array);
  items = g_ptr_array_new_full (length, free_func);

  path_push_key (p, name);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      path_push_index (p, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        problem (p, NULL, _("Must be an object, not %s."), node_type_name (node));
      else if ((item = func (p, json_node_get_object (node))) != NULL)
        g_ptr_array_add (items, item);
      path_pop (p);
    }
  path_pop (p);

  if (items->len != length)
    return NULL;

  return g_steal_pointer (&items);
}

/* A list of flag nicks ("mon", "police"), each at most once. */
static gboolean
get_flags (Parser      *p,
           JsonObject  *object,
           const char  *name,
           GFlagsClass *klass,
           guint       *result)
{
  JsonArray *array = get_array (p, object, name, 1, klass->n_values, TRUE);
  gboolean valid = TRUE;

  *result = 0;
  if (array == NULL)
    return FALSE;

  path_push_key (p, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *nick;
      GFlagsValue *value = NULL;
      g_autofree char *quoted = NULL;

      path_push_index (p, i);
      nick = string_from_node (p, json_array_get_element (array, i), NULL);
      if (nick != NULL && (value = g_flags_get_value_by_nick (klass, nick)) == NULL)
        {
          g_autoptr(GString) nicks = g_string_new (NULL);

          for (guint j = 0; j < klass->n_values; j++)
            g_string_append_printf (nicks, "%s%s", j > 0 ? ", " : "", klass->values[j].value_nick);
          quoted = haven_feed_value_quote (nick);
          problem (p, NULL, _("%s is not one of: %s."), quoted, nicks->str);
        }
      else if (value != NULL && (*result & value->value) != 0)
        {
          quoted = haven_feed_value_quote (nick);
          problem (p, NULL, _("%s is listed twice."), quoted);
          value = NULL;
        }

      if (value == NULL)
        valid = FALSE;
      else
        *result |= value->value;
      path_pop (p);
    }
  path_pop (p);

  return valid;
}

static gpointer
parse_source (Parser     *p,
              JsonObject *object)
{
  const char *title = get_plain_text (p, object, "title", MAX_NAME_BYTES, TRUE);
  const char *url = get_url (p, object, "url", HAVEN_URL_USE_LINK, TRUE);

  if (title == NULL || url == NULL)
    return NULL;

  return haven_link_new (title, url);
}

static gpointer
parse_emergency_number (Parser     *p,
                        JsonObject *object)
{
  const char *number = get_string (p, object, "number", TRUE);
  guint services;
  gboolean valid = get_flags (p, object, "for", p->services_class, &services);

  if (number != NULL && !check_hidden (p, number, "number"))
    {
      valid = FALSE;
    }
  else if (number != NULL && !haven_feed_value_is_emergency_number (number))
    {
      g_autofree char *quoted = haven_feed_value_quote (number);

      problem (p, "number",
               _("%s is not an emergency number: use digits, spaces and “-” only, 2 to 20 "
                 "characters."), quoted);
      valid = FALSE;
    }

  if (!valid || number == NULL)
    return NULL;

  return haven_emergency_number_new (number, services);
}

static GObject *
parse_region (Parser     *p,
              JsonObject *object,
              guint       index)
{
  guint n_problems = p->n_problems;
  const char *code = get_string (p, object, "code", TRUE);
  const char *name;
  const char *note;
  g_auto(GStrv) time_zones = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  JsonObject *source_object;
  g_autoptr(HavenLink) source = NULL;
  GDate checked;
  gboolean has_checked;

  if (code != NULL)
    {
      if (!haven_feed_value_is_region_code (code))
        {
          g_autofree char *quoted = haven_feed_value_quote (code);

          problem (p, "code",
                   _("%s is not a region code: use the two upper-case letters of ISO 3166-1, "
                     "such as GB or DE."), quoted);
        }
      else
        {
          register_id (p, p->region_index, code, index, "regions", "code");
        }
    }

  name = get_text (p, object, "name", MAX_NAME_BYTES, TRUE);
  time_zones = get_string_list (p, object, "time_zones", 1, TRUE, LIST_TIME_ZONES);
  numbers = parse_nested_list (p, object, "emergency_numbers", 1, MAX_NUMBERS, TRUE,
                               parse_emergency_number,
                               (GDestroyNotify)haven_emergency_number_unref);
  g_date_clear (&checked, 1);
  has_checked = get_past_date (p, object, "emergency_checked", FALSE, &checked);
  source_object = get_object (p, object, "emergency_source", FALSE);
  if (source_object != NULL)
    {
      path_push_key (p, "emergency_source");
      source = parse_source (p, source_object);
      path_pop (p);
    }
  note = get_text (p, object, "note", MAX_DESCRIPTION_BYTES, FALSE);

  if (time_zones != NULL)
    p->region_time_zone[index] = g_strdup (time_zones[0]);

  if (p->n_problems != n_problems)
    return NULL;

  return g_object_new (HAVEN_TYPE_REGION,
                       "code", code,
                       "name", name,
                       "time-zones", time_zones,
                       "emergency-numbers", numbers,
                       "emergency-checked", has_checked ? &checked : NULL,
                       "emergency-source", source,
                       "note", note,
                       NULL);
}

static GObject *
parse_topic (Parser     *p,
             JsonObject *object,
             guint       index)
{
  guint n_problems = p->n_problems;
  const char *id = get_id (p, object, "id");
  const char *name = get_text (p, object, "name", MAX_NAME_BYTES, TRUE);
  const char *icon_name = get_string (p, object, "icon", TRUE);
  gboolean sensitive = get_boolean (p, object, "sensitive", FALSE);

  if (id != NULL)
    register_id (p, p->topic_index, id, index, "topics", "id");

  if (icon_name != NULL && !haven_feed_value_is_icon_name (icon_name))
    {
      g_autofree char *quoted = haven_feed_value_quote (icon_name);

      problem (p, "icon",
               _("%s is not a symbolic icon name: use lower-case letters, digits and “-”, "
                 "ending in “-symbolic”, at most 64 bytes."), quoted);
    }

  p->topic_sensitive[index] = sensitive;

  if (p->n_problems != n_problems)
    return NULL;

  return g_object_new (HAVEN_TYPE_TOPIC,
                       "id", id,
                       "name", name,
                       "icon-name", icon_name,
                       "sensitive", sensitive,
                       NULL);
}

static gpointer
parse_period (Parser     *p,
              JsonObject *object)
{
  g_autofree HavenPeriod *period = g_new0 (HavenPeriod, 1);
  const char *open = get_string (p, object, "open", TRUE);
  const char *close = get_string (p, object, "close", TRUE);
  guint days;
  gboolean valid = get_flags (p, object, "days", p->weekdays_class, &days);

  period->days = days;

  if (open != NULL && !haven_feed_value_parse_time (open, &period->open))
    {
      g_autofree char *quoted = haven_feed_value_quote (open);

      problem (p, "open", _("%s is not a time of day: write it as HH:MM, 00:00 to 24:00."),
               quoted);
      open = NULL;
    }

  if (close != NULL && !haven_feed_value_parse_time (close, &period->close))
    {
      g_autofree char *quoted = haven_feed_value_quote (close);

      problem (p, "close", _("%s is not a time of day: write it as HH:MM, 00:00 to 24:00."),
               quoted);
      close = NULL;
    }

  if (open != NULL && close != NULL && period->close <= period->open)
    {
      problem (p, "close",
               _("Closes at %s, not after it opens at %s; write a period that runs past "
                 "midnight as two periods."), close, open);
      close = NULL;
    }

  if (!valid || open == NULL || close == NULL)
    return NULL;

  return g_steal_pointer (&period);
}

static HavenHours *
get_hours (Parser     *p,
           JsonObject *object,
           const char *name)
{
  JsonObject *hours = get_object (p, object, name, FALSE);
  JsonNode *always_open;
  JsonNode *weekly;
  g_autoptr(GPtrArray) periods = NULL;
  g_autofree HavenPeriod *flat = NULL;
  HavenHours *result = NULL;

  if (hours == NULL)
    return NULL;

  path_push_key (p, name);

  always_open = get_member (p, hours, "always_open", FALSE);
  weekly = get_member (p, hours, "weekly", FALSE);

  if (always_open != NULL && weekly != NULL)
    {
      problem (p, NULL, _("Give either always_open or weekly, not both."));
    }
  else if (always_open != NULL)
    {
      if (get_boolean (p, hours, "always_open", FALSE))
        result = haven_hours_new_always_open ();
      else if (node_holds (always_open, G_TYPE_BOOLEAN))
        problem (p, "always_open",
                 _("Can only be true; leave hours out when they are not known."));
    }
  else if (weekly != NULL)
    {
      periods = parse_nested_list (p, hours, "weekly", 1, MAX_LIST, TRUE, parse_period, g_free);
      if (periods != NULL)
        {
          flat = g_new (HavenPeriod, periods->len);
          for (guint i = 0; i < periods->len; i++)
            flat[i] = *(HavenPeriod *)g_ptr_array_index (periods, i);
          result = haven_hours_new_weekly (flat, periods->len);
        }
    }
  else
    {
      problem (p, NULL,
               _("Needs always_open or weekly; leave hours out when they are not known."));
    }

  path_pop (p);

  return result;
}

static gpointer
parse_channel (Parser     *p,
               JsonObject *object)
{
  guint n_problems = p->n_problems;
  int type = -1;
  const char *value = get_string (p, object, "value", TRUE);
  const char *keyword = get_plain_text (p, object, "keyword", MAX_KEYWORD_BYTES, FALSE);
  const char *label = get_text (p, object, "label", MAX_NAME_BYTES, FALSE);
  g_autoptr(HavenHours) hours = get_hours (p, object, "hours");
  g_autofree char *quoted = NULL;

  if (!get_enum (p, object, "type", p->channel_type_class, &type) || value == NULL)
    return NULL;

  switch ((HavenChannelType)type)
    {
    case HAVEN_CHANNEL_TYPE_PHONE:
    case HAVEN_CHANNEL_TYPE_SMS:
    case HAVEN_CHANNEL_TYPE_WHATSAPP:
      if (!check_hidden (p, value, "value"))
        break;
      if (!haven_feed_value_is_dialable (value))
        {
          quoted = haven_feed_value_quote (value);
          problem (p, "value",
                   _("%s is not a dialable number: use digits, spaces, “-”, “(”, “)” and a "
                     "leading “+”, with 2 to 15 digits."), quoted);
        }
      else if (type == HAVEN_CHANNEL_TYPE_WHATSAPP && value[0] != '+')
        {
          problem (p, "value",
                   _("Write a WhatsApp number in international form, starting with “+”."));
        }
      break;

    case HAVEN_CHANNEL_TYPE_CHAT:
    case HAVEN_CHANNEL_TYPE_WEB:
      get_url (p, object, "value", HAVEN_URL_USE_LINK, TRUE);
      break;

    case HAVEN_CHANNEL_TYPE_EMAIL:
      if (!haven_feed_value_is_email (value))
        {
          quoted = haven_feed_value_quote (value);
          problem (p, "value", _("%s is not an e-mail address such as jo@samaritans.org."),
                   quoted);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (keyword != NULL)
    {
      if (type != HAVEN_CHANNEL_TYPE_SMS)
        problem (p, "keyword", _("Only sms channels have a keyword."));
      else if (strchr (keyword, '\n') != NULL)
        problem (p, "keyword", _("Must be a single line."));
    }

  if (p->n_problems != n_problems)
    return NULL;

  return haven_channel_new (type, value, keyword, label, hours);
}

static GObject *
parse_contact (Parser     *p,
               JsonObject *object,
               guint       index)
{
  ContactInfo *info = &p->contact_info[index];
  guint n_problems = p->n_problems;
  const char *id = get_id (p, object, "id");
  const char *region = get_string (p, object, "region", TRUE);
  const char *name = get_text (p, object, "name", MAX_NAME_BYTES, TRUE);
  const char *description = get_text (p, object, "description", MAX_DESCRIPTION_BYTES, TRUE);
  g_auto(GStrv) topics = get_string_list (p, object, "topics", 0, TRUE, LIST_TOPIC_IDS);
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(HavenHours) hours = NULL;
  const char *time_zone = get_string (p, object, "time_zone", FALSE);
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) pairs_with = NULL;
  const char *source_url;
  const char *note;
  int audience = HAVEN_AUDIENCE_EVERYONE;
  int cost = HAVEN_COST_UNKNOWN;
  int confidence = HAVEN_CONFIDENCE_HIGH;
  const char *confidence_name;
  int priority = 0;
  gboolean primary;
  GDate checked;

  if (id != NULL)
    register_id (p, p->contact_index, id, index, "contacts", "id");

  if (region != NULL)
    {
      gpointer position;

      if (g_hash_table_lookup_extended (p->region_index, region, NULL, &position))
        {
          info->region = region;
          if (time_zone == NULL)
            time_zone = p->region_time_zone[GPOINTER_TO_UINT (position)];
        }
      else
        {
          g_autofree char *quoted = haven_feed_value_quote (region);

          problem (p, "region", _("%s is not a region in this feed."), quoted);
        }
    }

  get_enum (p, object, "audience", p->audience_class, &audience);
  channels = parse_nested_list (p, object, "channels", 1, MAX_LIST, TRUE, parse_channel,
                                (GDestroyNotify)haven_channel_unref);
  hours = get_hours (p, object, "hours");

  if (time_zone != NULL && !haven_feed_value_is_time_zone (time_zone))
    {
      g_autofree char *quoted = haven_feed_value_quote (time_zone);

      problem (p, "time_zone", _("%s is not an IANA time zone name such as Europe/London."),
               quoted);
    }

  languages = get_string_list (p, object, "languages", 1, TRUE, LIST_LANGUAGE_TAGS);
  get_enum (p, object, "cost", p->cost_class, &cost);
  confidence_name = get_string (p, object, "confidence", FALSE);
  if (confidence_name != NULL)
    enum_from_string (p, p->confidence_class, confidence_name, "confidence", &confidence);
  get_integer (p, object, "priority", 0, 1000, &priority);
  primary = get_boolean (p, object, "primary", FALSE);
  pairs_with = get_string_list (p, object, "pairs_with", 0, FALSE, LIST_CONTACT_IDS);
  source_url = get_url (p, object, "source_url", HAVEN_URL_USE_LINK, TRUE);
  get_past_date (p, object, "checked", TRUE, &checked);
  note = get_text (p, object, "note", MAX_DESCRIPTION_BYTES, FALSE);

  /* "free" is a promise to someone who may have no credit left: it needs
   * the operator's page to back it.
   */
  if (cost == HAVEN_COST_FREE && source_url == NULL)
    problem (p, "cost",
             _("Claims the service is free without a source_url where readers can confirm "
               "it; give the source or use “unknown”."));

  info->id = id;
  if (pairs_with != NULL)
    info->pairs_with = json_object_get_array_member (object, "pairs_with");

  if (p->n_problems != n_problems)
    return NULL;

  return g_object_new (HAVEN_TYPE_CONTACT,
                       "id", id,
                       "region", region,
                       "name", name,
                       "description", description,
                       "topics", topics,
                       "audience", audience,
                       "channels", channels,
                       "hours", hours,
                       "time-zone", time_zone,
                       "languages", languages,
                       "cost", cost,
                       "confidence", confidence,
                       "priority", (guint)priority,
                       "primary", primary,
                       "pairs-with", pairs_with,
                       "source-url", source_url,
                       "checked", &checked,
                       "note", note,
                       NULL);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (node_holds (node, G_TYPE_STRING) && g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Pairs name contacts anywhere in the list, so they are checked once all
 * contacts are known. Each list has at most 32 entries, so checking that
 * the other side names this contact back stays linear in the feed.
 */
static void
check_pairs (Parser *p,
             guint   n_contacts)
{
  path_push_key (p, "contacts");

  for (guint i = 0; i < n_contacts; i++)
    {
      const ContactInfo *info = &p->contact_info[i];

      if (info->id == NULL || info->pairs_with == NULL)
        continue;

      path_push_index (p, i);
      path_push_key (p, "pairs_with");

      for (guint j = 0; j < json_array_get_length (info->pairs_with); j++)
        {
          const char *other_id = json_array_get_string_element (info->pairs_with, j);
          g_autofree char *quoted = haven_feed_value_quote (other_id);
          const ContactInfo *other;
          gpointer position;

          path_push_index (p, j);

          if (!g_hash_table_lookup_extended (p->contact_index, other_id, NULL, &position))
            {
              problem (p, NULL, _("%s is not a contact in this feed."), quoted);
            }
          else if ((other = &p->contact_info[GPOINTER_TO_UINT (position)]) == info)
            {
              problem (p, NULL, _("A contact cannot pair with itself."));
            }
          else if (info->region != NULL && other->region != NULL &&
                   !g_str_equal (info->region, other->region))
            {
              problem (p, NULL,
                       _("%s is in region %s, not %s; paired contacts must be in the same "
                         "region."), quoted, other->region, info->region);
            }
          else if (!array_has_string (other->pairs_with, info->id))
            {
              problem (p, NULL, _("%s does not list “%s” in its pairs_with; pairs go both ways."),
                       quoted, info->id);
            }

          path_pop (p);
        }

      path_pop (p);
      path_pop (p);
    }

  path_pop (p);
}

static gpointer
parse_reviewer (Parser     *p,
                JsonObject *object)
{
  const char *name = get_plain_text (p, object, "name", MAX_NAME_BYTES, TRUE);
  const char *credentials = get_text (p, object, "credentials", MAX_NAME_BYTES, TRUE);
  const char *organisation = get_plain_text (p, object, "organisation", MAX_NAME_BYTES, FALSE);

  if (name == NULL || credentials == NULL ||
      (organisation == NULL && get_member (p, object, "organisation", FALSE) != NULL))
    return NULL;

  return haven_person_new (name, NULL, credentials, organisation, NULL);
}

static HavenPerson *
get_creator (Parser     *p,
             JsonObject *object)
{
  guint n_problems = p->n_problems;
  JsonObject *creator = get_object (p, object, "creator", TRUE);
  const char *name;
  const char *role;
  const char *avatar_url;

  if (creator == NULL)
    return NULL;

  path_push_key (p, "creator");
  name = get_plain_text (p, creator, "name", MAX_NAME_BYTES, TRUE);
  role = get_text (p, creator, "role", MAX_NAME_BYTES, TRUE);
  avatar_url = get_url (p, creator, "avatar_url", HAVEN_URL_USE_IMAGE, FALSE);
  path_pop (p);

  if (p->n_problems != n_problems)
    return NULL;

  return haven_person_new (name, role, NULL, NULL, avatar_url);
}

static gpointer
parse_link (Parser     *p,
            JsonObject *object)
{
  const char *title = get_text (p, object, "title", MAX_NAME_BYTES, TRUE);
  const char *url = get_url (p, object, "url", HAVEN_URL_USE_LINK, TRUE);

  if (title == NULL || url == NULL)
    return NULL;

  return haven_link_new (title, url);
}

static gpointer
parse_block (Parser     *p,
             JsonObject *object)
{
  guint n_problems = p->n_problems;
  int type;
  const char *text = NULL;
  const char *attribution = NULL;
  g_auto(GStrv) items = NULL;
  gboolean ordered = FALSE;

  if (!get_enum (p, object, "type", p->block_type_class, &type))
    return NULL;

  switch ((HavenBlockType)type)
    {
    case HAVEN_BLOCK_TYPE_HEADING:
      text = get_text (p, object, "text", MAX_NAME_BYTES, TRUE);
      break;

    /* Running text; a heading, an attribution and a help block, which
     * stands beside crisis lines, keep the rule of names.
     */
    case HAVEN_BLOCK_TYPE_PARAGRAPH:
    case HAVEN_BLOCK_TYPE_TIP:
      p->prose = TRUE;
      text = get_text (p, object, "text", MAX_BLOCK_BYTES, TRUE);
      p->prose = FALSE;
      break;

    case HAVEN_BLOCK_TYPE_QUOTE:
      p->prose = TRUE;
      text = get_text (p, object, "text", MAX_BLOCK_BYTES, TRUE);
      p->prose = FALSE;
      attribution = get_text (p, object, "attribution", MAX_NAME_BYTES, FALSE);
      break;

    case HAVEN_BLOCK_TYPE_LIST:
      p->prose = TRUE;
      items = get_string_list (p, object, "items", 1, TRUE, LIST_BLOCK_TEXTS);
      p->prose = FALSE;
      ordered = get_boolean (p, object, "ordered", FALSE);
      break;

    case HAVEN_BLOCK_TYPE_HELP:
      text = get_text (p, object, "text", MAX_BLOCK_BYTES, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }

  if (p->n_problems != n_problems)
    return NULL;

  return haven_block_new (type, text, (const char * const *)items, ordered, attribution);
}

static GObject *
parse_explainer (Parser     *p,
                 JsonObject *object,
                 guint       index)
{
  guint n_problems = p->n_problems;
  g_auto(GStrv) languages = get_string_list (p, object, "languages", 1, TRUE,
                                             LIST_LANGUAGE_TAGS);
  const char *id = get_id (p, object, "id");
  const char *title;
  const char *summary;
  const char *content_note;
  g_autoptr(HavenPerson) creator = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_auto(GStrv) topics = NULL;
  g_autoptr(GPtrArray) body = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  const char *sensitive_topic = NULL;
  int reading_minutes = 0;
  GDate reviewed;
  gboolean in_reader_language;
  g_autofree char *item_language = NULL;

  if (id != NULL)
    register_id (p, p->explainer_index, id, index, "explainers", "id");

  /* Every text of the piece must exist in each of its languages. */
  p->text_languages = (const char * const *)languages;
  in_reader_language = begin_item_language (p, (const char * const *)languages);
  item_language = g_strdup (p->item_language);

  title = get_text (p, object, "title", MAX_NAME_BYTES, TRUE);
  summary = get_text (p, object, "summary", MAX_DESCRIPTION_BYTES, TRUE);
  creator = get_creator (p, object);
  reviewers = parse_nested_list (p, object, "reviewers", 0, MAX_LIST, FALSE, parse_reviewer,
                                 (GDestroyNotify)haven_person_unref);
  topics = get_string_list (p, object, "topics", 0, TRUE, LIST_TOPIC_IDS);
  content_note = get_text (p, object, "content_note", MAX_DESCRIPTION_BYTES, FALSE);
  get_integer (p, object, "reading_minutes", 1, 120, &reading_minutes);
  body = parse_nested_list (p, object, "body", 1, MAX_BODY, TRUE, parse_block,
                            (GDestroyNotify)haven_block_unref);
  sources = parse_nested_list (p, object, "sources", 1, MAX_LIST, TRUE, parse_source,
                               (GDestroyNotify)haven_link_unref);
  get_past_date (p, object, "reviewed", TRUE, &reviewed);

  p->text_languages = NULL;
  p->item_language = NULL;

  for (guint i = 0; topics != NULL && topics[i] != NULL && sensitive_topic == NULL; i++)
    {
      gpointer position = g_hash_table_lookup (p->topic_index, topics[i]);

      if (p->topic_sensitive[GPOINTER_TO_UINT (position)])
        sensitive_topic = topics[i];
    }

  if (sensitive_topic != NULL)
    {
      gboolean has_help = FALSE;

      if (get_member (p, object, "content_note", FALSE) == NULL)
        problem (p, "content_note",
                 _("Is required: the topic “%s” is sensitive, so the piece opens on a note "
                   "about what it talks about."), sensitive_topic);

      for (guint i = 0; body != NULL && i < body->len && !has_help; i++)
        has_help = ((HavenBlock *)g_ptr_array_index (body, i))->type == HAVEN_BLOCK_TYPE_HELP;

      if (body != NULL && !has_help)
        problem (p, "body",
                 _("Needs a help block: the topic “%s” is sensitive, so the piece shows the "
                   "reader’s crisis line."), sensitive_topic);
    }

  if (p->n_problems != n_problems)
    return NULL;

  return g_object_new (HAVEN_TYPE_EXPLAINER,
                       "language", item_language,
                       "in-reader-language", in_reader_language,
                       "id", id,
                       "title", title,
                       "summary", summary,
                       "creator", creator,
                       "reviewers", reviewers,
                       "topics", topics,
                       "sensitive", sensitive_topic != NULL,
                       "content-note", content_note,
                       "reading-minutes", (guint)reading_minutes,
                       "body", body,
                       "sources", sources,
                       "reviewed", &reviewed,
                       "languages", languages,
                       NULL);
}

static gpointer
parse_figure (Parser     *p,
              JsonObject *object)
{
  const char *label = get_text (p, object, "label", MAX_NAME_BYTES, TRUE);
  const char *unit = get_text (p, object, "unit", MAX_NAME_BYTES, FALSE);
  double value;

  if (!get_number (p, object, "value", MAX_FIGURE_VALUE, &value) || label == NULL ||
      (unit == NULL && get_member (p, object, "unit", FALSE) != NULL))
    return NULL;

  return haven_figure_new (label, value, unit);
}

static gpointer
parse_insight (Parser     *p,
               JsonObject *object)
{
  guint n_problems = p->n_problems;
  const char *title = get_text (p, object, "title", MAX_NAME_BYTES, TRUE);
  g_autoptr(GPtrArray) figures = parse_nested_list (p, object, "figures", 1, MAX_LIST, TRUE,
                                                    parse_figure,
                                                    (GDestroyNotify)haven_figure_unref);
  JsonObject *source_object = get_object (p, object, "source", TRUE);
  g_autoptr(HavenLink) source = NULL;
  int year = 0;

  if (source_object != NULL)
    {
      path_push_key (p, "source");
      source = parse_source (p, source_object);
      path_pop (p);
    }

  get_integer (p, object, "year", MIN_YEAR, MAX_YEAR, &year);

  for (guint i = 1; figures != NULL && i < figures->len; i++)
    {
      HavenFigure *first = g_ptr_array_index (figures, 0);
      HavenFigure *figure = g_ptr_array_index (figures, i);

      if (g_strcmp0 (first->unit, figure->unit) != 0)
        {
          path_push_key (p, "figures");
          path_push_index (p, i);
          problem (p, "unit", _("Differs from the unit of the first figure; all figures of an "
                                "insight share one unit."));
          path_pop (p);
          path_pop (p);
          break;
        }
    }

  if (p->n_problems != n_problems)
    return NULL;

  return haven_insight_new (title, figures, source, year);
}

static GObject *
parse_campaign (Parser     *p,
                JsonObject *object,
                guint       index)
{
  guint n_problems = p->n_problems;
  g_auto(GStrv) item_languages = dup_campaign_languages (object);
  gboolean in_reader_language = begin_item_language (p, (const char * const *)item_languages);
  g_autofree char *item_language = g_strdup (p->item_language);
  const char *id = get_id (p, object, "id");
  const char *title = get_text (p, object, "title", MAX_NAME_BYTES, TRUE);
  const char *tagline = get_text (p, object, "tagline", MAX_NAME_BYTES, TRUE);
  const char *description = get_text (p, object, "description", MAX_DESCRIPTION_BYTES, TRUE);
  JsonObject *hero = get_object (p, object, "hero", TRUE);
  const char *hero_url = NULL;
  const char *hero_alt = NULL;
  const char *accent_color = get_string (p, object, "accent_color", TRUE);
  g_auto(GStrv) topics = get_string_list (p, object, "topics", 0, TRUE, LIST_TOPIC_IDS);
  g_auto(GStrv) explainers = get_string_list (p, object, "explainers", 0, TRUE,
                                              LIST_EXPLAINER_IDS);
  g_autoptr(GPtrArray) links = parse_nested_list (p, object, "links", 0, MAX_LIST, FALSE,
                                                  parse_link, (GDestroyNotify)haven_link_unref);
  g_autoptr(GPtrArray) insights = parse_nested_list (p, object, "insights", 0, MAX_LIST, FALSE,
                                                     parse_insight,
                                                     (GDestroyNotify)haven_insight_unref);
  JsonObject *action = get_object (p, object, "call_to_action", TRUE);
  const char *action_label = NULL;
  const char *action_url = NULL;
  GDate starts, ends, highlight_day;
  gboolean have_starts, have_ends, have_highlight_day;

  if (id != NULL)
    register_id (p, p->campaign_index, id, index, "campaigns", "id");

  if (hero != NULL)
    {
      path_push_key (p, "hero");
      hero_url = get_url (p, hero, "url", HAVEN_URL_USE_IMAGE, TRUE);
      hero_alt = get_text (p, hero, "alt", MAX_DESCRIPTION_BYTES, TRUE);
      path_pop (p);
    }

  if (accent_color != NULL && !haven_feed_value_is_color (accent_color))
    {
      g_autofree char *quoted = haven_feed_value_quote (accent_color);

      problem (p, "accent_color", _("%s is not a colour: write it as #rrggbb."), quoted);
    }

  have_starts = get_date (p, object, "starts", TRUE, &starts);
  have_ends = get_date (p, object, "ends", TRUE, &ends);
  have_highlight_day = get_date (p, object, "highlight_day", FALSE, &highlight_day);

  if (have_starts && have_ends && g_date_compare (&ends, &starts) < 0)
    problem (p, "ends", _("Is before the campaign starts."));
  else if (have_starts && have_ends && have_highlight_day &&
           (g_date_compare (&highlight_day, &starts) < 0 ||
            g_date_compare (&highlight_day, &ends) > 0))
    problem (p, "highlight_day", _("Is not between the campaign’s starts and ends."));

  if (action != NULL)
    {
      JsonNode *url_node = get_member (p, action, "url", FALSE);
      JsonNode *action_node = get_member (p, action, "action", FALSE);

      path_push_key (p, "call_to_action");
      action_label = get_text (p, action, "label", MAX_NAME_BYTES, TRUE);

      if (url_node != NULL && action_node != NULL)
        {
          problem (p, NULL, _("Give either url or action, not both."));
        }
      else if (url_node != NULL)
        {
          action_url = get_url (p, action, "url", HAVEN_URL_USE_LINK, TRUE);
        }
      else if (action_node != NULL)
        {
          const char *name = get_string (p, action, "action", TRUE);

          if (name != NULL && !g_str_equal (name, "help-now"))
            {
              g_autofree char *quoted = haven_feed_value_quote (name);

              problem (p, "action", _("%s is not an action; the only action is “help-now”."),
                       quoted);
            }
        }
      else
        {
          problem (p, NULL,
                   _("Needs a url, or \"action\": \"help-now\" for Haven’s own help flow."));
        }

      path_pop (p);
    }

  p->item_language = NULL;

  if (p->n_problems != n_problems)
    return NULL;

  return g_object_new (HAVEN_TYPE_CAMPAIGN,
                       "language", item_language,
                       "in-reader-language", in_reader_language,
                       "id", id,
                       "title", title,
                       "tagline", tagline,
                       "description", description,
                       "hero-url", hero_url,
                       "hero-alt", hero_alt,
                       "accent-color", accent_color,
                       "starts", &starts,
                       "ends", &ends,
                       "highlight-day", have_highlight_day ? &highlight_day : NULL,
                       "topics", topics,
                       "explainers", explainers,
                       "links", links,
                       "call-to-action-label", action_label,
                       "call-to-action-url", action_url,
                       "insights", insights,
                       NULL);
}

/* The top-level lists are the only long ones. One over its limit is still
 * read in full (that is linear), so that its items' problems show too.
 */
static JsonArray *
get_top_array (Parser     *p,
               JsonObject *root,
               const char *name,
               guint       max)
{
  JsonNode *node = get_member (p, root, name, TRUE);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (p, name, _("Must be an array, not %s."), node_type_name (node));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max && !p->unlimited)
    problem (p, name, _("Has %u entries; at most %u are allowed."),
             json_array_get_length (array), max);

  return array;
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static GListModel *
parse_items (Parser        *p,
             const char    *name,
             JsonArray     *array,
             GType          item_type,
             ParseItemFunc  func)
{
  GListStore *store = g_list_store_new (item_type);
  guint length = array_length (array);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (length, g_object_unref);

  path_push_key (p, name);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GObject *item;

      path_push_index (p, i);
      p->item_key = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (p, NULL, _("Must be an object, not %s."), node_type_name (node));
        }
      else
        {
          JsonObject *object = json_node_get_object (node);
          JsonNode *key = json_object_get_member (object, "id");

          if (key == NULL)
            key = json_object_get_member (object, "code");
          if (key != NULL && node_holds (key, G_TYPE_STRING))
            p->item_key = json_node_get_string (key);

          if ((item = func (p, object, i)) != NULL)
            g_ptr_array_add (items, item);
        }
      p->item_key = NULL;
      path_pop (p);
    }
  path_pop (p);

  /* One splice rather than an append per item. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}

static HavenFeed *
parse_feed (Parser      *p,
            JsonObject  *root,
            GError     **error)
{
  const char *version = get_string (p, root, "format_version", TRUE);
  const char *default_language;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) explainers = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(HavenLink) directory = NULL;
  JsonObject *object;
  JsonArray *array;
  guint major, minor;

  if (version == NULL)
    return NULL;

  if (!haven_feed_value_parse_version (version, &major, &minor))
    {
      g_autofree char *quoted = haven_feed_value_quote (version);

      problem (p, "format_version",
               _("%s is not a format version: write it as MAJOR.MINOR, such as “1.0”."),
               quoted);
      return NULL;
    }

  if (major != HAVEN_FEED_FORMAT_MAJOR)
    {
      g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_UNSUPPORTED_VERSION,
                   _("This feed uses format %u.%u; this version of Haven reads format %u."),
                   major, minor, HAVEN_FEED_FORMAT_MAJOR);
      problem (p, "format_version", "%s", (*error)->message);
      return NULL;
    }

  get_date (p, root, "generated", TRUE, &p->generated);

  default_language = get_string (p, root, "default_language", TRUE);
  if (default_language != NULL && !haven_feed_value_is_language_tag (default_language))
    {
      g_autofree char *quoted = haven_feed_value_quote (default_language);

      problem (p, "default_language",
               _("%s is not a language tag; write tags such as en, pt-BR or zh-Hant."), quoted);
    }
  else
    {
      p->default_language = default_language;
    }

  /* Referenced lists come before the lists that refer to them. */
  array = get_top_array (p, root, "regions", MAX_REGIONS);
  p->n_regions = array_length (array);
  p->region_time_zone = g_new0 (char *, p->n_regions);
  regions = parse_items (p, "regions", array, HAVEN_TYPE_REGION, parse_region);

  array = get_top_array (p, root, "topics", MAX_TOPICS);
  p->topic_sensitive = g_new0 (gboolean, array_length (array));
  topics = parse_items (p, "topics", array, HAVEN_TYPE_TOPIC, parse_topic);

  array = get_top_array (p, root, "contacts", MAX_CONTACTS);
  p->contact_info = g_new0 (ContactInfo, array_length (array));
  contacts = parse_items (p, "contacts", array, HAVEN_TYPE_CONTACT, parse_contact);
  check_pairs (p, array_length (array));

  array = get_top_array (p, root, "explainers", MAX_EXPLAINERS);
  explainers = parse_items (p, "explainers", array, HAVEN_TYPE_EXPLAINER, parse_explainer);

  array = get_top_array (p, root, "campaigns", MAX_CAMPAIGNS);
  campaigns = parse_items (p, "campaigns", array, HAVEN_TYPE_CAMPAIGN, parse_campaign);

  /* Where to send readers whose place the feed has no region for. */
  object = get_object (p, root, "directory", FALSE);
  if (object != NULL)
    {
      path_push_key (p, "directory");
      directory = parse_link (p, object);
      path_pop (p);
    }

  if (json_object_get_member (root, "topics") != NULL)
    {
      const char * const *required_topics = haven_topic_get_help_ids ();

      for (guint i = 0; required_topics[i] != NULL; i++)
        {
          if (!g_hash_table_contains (p->topic_index, required_topics[i]))
            problem (p, "topics",
                     _("Has no topic “%s”, which the Get Help flow asks about."),
                     required_topics[i]);
        }
    }

  if (p->n_problems > 0)
    return NULL;

  return g_object_new (HAVEN_TYPE_FEED,
                       "format-version", version,
                       "generated", &p->generated,
                       "default-language", default_language,
                       "regions", regions,
                       "topics", topics,
                       "contacts", contacts,
                       "campaigns", campaigns,
                       "explainers", explainers,
                       "directory", directory,
                       NULL);
}

/* The reader's languages as feed tags, best first: "de_CH.UTF-8" gives
 * "de-CH" and then "de".
 */
static GPtrArray *
dup_language_tags (const char * const *languages)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *tag = haven_feed_value_language_tag_for_locale (languages[i]);
      char *dash;

      if (tag == NULL)
        continue;

      do
        {
          if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
            g_ptr_array_add (tags, g_strdup (tag));

          dash = strrchr (tag, '-');
          if (dash != NULL)
            *dash = '\0';
        }
      while (dash != NULL);
    }

  return tags;
}

static void
parser_init (Parser              *p,
             const char * const  *languages,
             HavenFeedOrigin      origin,
             HavenFeedParseFlags  flags,
             GPtrArray           *problems)
{
  memset (p, 0, sizeof *p);

  p->origin = origin;
  p->unlimited = (flags & HAVEN_FEED_PARSE_FLAGS_UNLIMITED) != 0;
  p->problems = problems;
  p->languages = dup_language_tags (languages);
  if (p->languages->len > 0)
    {
      p->wanted_languages = g_new0 (char *, p->languages->len + 1);
      for (guint i = 0; i < p->languages->len; i++)
        p->wanted_languages[i] = g_strdup (g_ptr_array_index (p->languages, i));
    }
  else
    {
      p->wanted_languages = g_strsplit ("en", " ", -1);
    }
  g_date_clear (&p->generated, 1);

  /* Keys are borrowed from the JSON tree, which outlives the parser. */
  p->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  p->topic_index = g_hash_table_new (g_str_hash, g_str_equal);
  p->contact_index = g_hash_table_new (g_str_hash, g_str_equal);
  p->explainer_index = g_hash_table_new (g_str_hash, g_str_equal);
  p->campaign_index = g_hash_table_new (g_str_hash, g_str_equal);

  p->channel_type_class = g_type_class_ref (HAVEN_TYPE_CHANNEL_TYPE);
  p->audience_class = g_type_class_ref (HAVEN_TYPE_AUDIENCE);
  p->cost_class = g_type_class_ref (HAVEN_TYPE_COST);
  p->confidence_class = g_type_class_ref (HAVEN_TYPE_CONFIDENCE);
  p->block_type_class = g_type_class_ref (HAVEN_TYPE_BLOCK_TYPE);
  p->weekdays_class = g_type_class_ref (HAVEN_TYPE_WEEKDAYS);
  p->services_class = g_type_class_ref (HAVEN_TYPE_EMERGENCY_SERVICES);
}

static void
parser_clear (Parser *p)
{
  g_clear_pointer (&p->languages, g_ptr_array_unref);
  g_clear_pointer (&p->wanted_languages, g_strfreev);
  g_clear_pointer (&p->region_index, g_hash_table_unref);
  g_clear_pointer (&p->topic_index, g_hash_table_unref);
  g_clear_pointer (&p->contact_index, g_hash_table_unref);
  g_clear_pointer (&p->explainer_index, g_hash_table_unref);
  g_clear_pointer (&p->campaign_index, g_hash_table_unref);
  /* Regions with invalid zones leave holes, so no g_strfreev(). */
  for (guint i = 0; p->region_time_zone != NULL && i < p->n_regions; i++)
    g_free (p->region_time_zone[i]);
  g_clear_pointer (&p->region_time_zone, g_free);
  g_clear_pointer (&p->topic_sensitive, g_free);
  g_clear_pointer (&p->contact_info, g_free);
  g_clear_pointer (&p->channel_type_class, g_type_class_unref);
  g_clear_pointer (&p->audience_class, g_type_class_unref);
  g_clear_pointer (&p->cost_class, g_type_class_unref);
  g_clear_pointer (&p->confidence_class, g_type_class_unref);
  g_clear_pointer (&p->block_type_class, g_type_class_unref);
  g_clear_pointer (&p->weekdays_class, g_type_class_unref);
  g_clear_pointer (&p->services_class, g_type_class_unref);
}

/* json-glib says where with "<data>:LINE:COLUMN: ", which means little to
 * a content author.
 */
static GError *
syntax_error_new (const GError *json_error)
{
  guint line, column;
  int offset = 0;

  if (sscanf (json_error->message, "<data>:%u:%u: %n", &line, &column, &offset) == 2 &&
      offset > 0)
    return g_error_new (HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX,
                        _("The feed is not valid JSON: line %u, column %u: %s"),
                        line, column, json_error->message + offset);

  return g_error_new (HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX,
                      _("The feed is not valid JSON: %s"), json_error->message);
}

static HavenFeed *
fail (GPtrArray   *problems,
      const char  *path,
      GError      *error,
      GError     **error_out)
{
  if (problems->len == 0)
    g_ptr_array_add (problems, haven_feed_problem_new (path, error->message));
  g_propagate_error (error_out, error);

  return NULL;
}

/**
 * haven_feed_parse_full:
 * @bytes: the feed
 * @languages: (nullable) (array zero-terminated=1): the reader's locale
 *   names, best first; %NULL for g_get_language_names()
 * @origin: where the feed comes from, which decides what URLs it may hold
 * @flags: %HAVEN_FEED_PARSE_FLAGS_UNLIMITED lifts the size, value-count and
 *   list-length limits, for benchmarks only
 * @problems_out: (out) (optional) (element-type HavenFeedProblem): every
 *   problem found (the first 100 of them), empty on success
 * @error: return location for an error
 *
 * See haven_feed_parse().
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL on error
 */
static HavenFeed *
feed_parse (GBytes               *bytes,
            const char * const   *languages,
            HavenFeedOrigin       origin,
            HavenFeedParseFlags   flags,
            GPtrArray            *texts,
            GPtrArray           **problems_out,
            GError              **error);

HavenFeed *
haven_feed_parse_full (GBytes               *bytes,
                       const char * const   *languages,
                       HavenFeedOrigin       origin,
                       HavenFeedParseFlags   flags,
                       GPtrArray           **problems_out,
                       GError              **error)
{
  return feed_parse (bytes, languages, origin, flags, NULL, problems_out, error);
}

static HavenFeed *
feed_parse (GBytes               *bytes,
            const char * const   *languages,
            HavenFeedOrigin       origin,
            HavenFeedParseFlags   flags,
            GPtrArray            *texts,
            GPtrArray           **problems_out,
            GError              **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonParser) json = NULL;
  g_autoptr(GError) local_error = NULL;
  HavenFeed *feed = NULL;
  JsonNode *root;
  const char *data;
  gsize length;
  gboolean scanned;
  Parser p;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_feed_problem_free);
  if (problems_out != NULL)
    *problems_out = g_ptr_array_ref (problems);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* RFC 8259 lets a parser ignore a byte order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if ((flags & HAVEN_FEED_PARSE_FLAGS_UNLIMITED) != 0)
    scanned = haven_feed_scan (data, length, G_MAXSIZE, G_MAXUINT, &local_error);
  else
    scanned = haven_feed_scan (data, length, HAVEN_FEED_MAX_SIZE, HAVEN_FEED_MAX_VALUES,
                               &local_error);

  if (!scanned)
    return fail (problems, NULL, g_steal_pointer (&local_error), error);

  json = json_parser_new ();
  if (!json_parser_load_from_data (json, data, length, &local_error))
    return fail (problems, NULL, syntax_error_new (local_error), error);

  root = json_parser_get_root (json);
  if (root == NULL)
    return fail (problems, NULL,
                 g_error_new_literal (HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_SYNTAX,
                                      _("The feed is empty.")),
                 error);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (problems, NULL,
                 g_error_new (HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                              _("The feed must be a JSON object, not %s."), node_type_name (root)),
                 error);

  parser_init (&p, languages, origin, flags, problems);
  p.texts = texts;
  feed = parse_feed (&p, json_node_get_object (root), &local_error);
  parser_clear (&p);

  if (local_error != NULL)
    return fail (problems, "format_version", g_steal_pointer (&local_error), error);

  if (feed == NULL)
    {
      g_autofree char *first = NULL;

      g_assert (problems->len > 0);
      first = haven_feed_problem_to_string (g_ptr_array_index (problems, 0));

      if (p.n_problems == 1)
        {
          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                       _("The feed has a problem: %s"), first);
        }
      else
        {
          g_set_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID,
                       ngettext ("The feed has %u problems; the first is %s",
                                 "The feed has %u problems; the first is %s",
                                 p.n_problems),
                       p.n_problems, first);

          if (p.n_problems > problems->len)
            {
              guint n_more = p.n_problems - problems->len;
              g_autofree char *message = g_strdup_printf (ngettext ("…and %u more problem.",
                                                                    "…and %u more problems.",
                                                                    n_more), n_more);
              HavenFeedProblem *more = haven_feed_problem_new (NULL, message);

              g_ptr_array_add (problems,
                             g_steal_pointer (&more));
            }
        }
    }

  return feed;
}

/**
 * haven_feed_parse:
 * @bytes: the feed
 * @languages: (nullable) (array zero-terminated=1): the reader's locale
 *   names, best first ("de_CH.UTF-8", "de"); %NULL for
 *   g_get_language_names()
 * @origin: where the feed comes from, which decides what URLs it may hold
 * @problems_out: (out) (optional) (element-type HavenFeedProblem): every
 *   problem found (the first 100 of them), empty on success
 * @error: return location for an error
 *
 * Checks @bytes against the feed format, on the raw bytes first (see
 * haven_feed_scan()) and then on the parsed JSON, and builds the model,
 * with every text resolved to the best of @languages.
 *
 * On failure @error says what is wrong in words a content author can act
 * on: %HAVEN_FEED_ERROR_TOO_LARGE, %HAVEN_FEED_ERROR_ENCODING,
 * %HAVEN_FEED_ERROR_TOO_DEEP or %HAVEN_FEED_ERROR_SYNTAX for a feed that
 * could not be read, %HAVEN_FEED_ERROR_UNSUPPORTED_VERSION for another
 * major format, %HAVEN_FEED_ERROR_INVALID for a feed that breaks the
 * format's rules; @problems_out then lists every problem with its path.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL on error
 */
HavenFeed *
haven_feed_parse (GBytes              *bytes,
                  const char * const  *languages,
                  HavenFeedOrigin      origin,
                  GPtrArray          **problems_out,
                  GError             **error)
{
  return haven_feed_parse_full (bytes, languages, origin, HAVEN_FEED_PARSE_FLAGS_NONE,
                                problems_out, error);
}

/**
 * haven_feed_load_bundled:
 * @error: return location for an error
 *
 * Loads the feed shipped inside Haven, in the reader's languages.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL on error
 */
HavenFeed *
haven_feed_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (BUNDLED_FEED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return haven_feed_parse (bytes, NULL, HAVEN_FEED_ORIGIN_BUNDLED, NULL, error);
}

/**
 * haven_feed_check_staleness:
 * @feed: a feed
 * @now: the current time
 *
 * Finds the contacts whose details, and the regions whose emergency
 * numbers, a person last confirmed more than 12 months before @now. They
 * are warnings, not errors: the feed stays valid.
 *
 * Returns: (transfer full) (element-type HavenFeedProblem): the warnings,
 *   possibly none
 */
GPtrArray *
haven_feed_check_staleness (HavenFeed *feed,
                            GDateTime *now)
{
  GPtrArray *problems;
  GListModel *contacts;
  GListModel *regions;
  GDate cutoff;
  int year, month, day;

  g_return_val_if_fail (HAVEN_IS_FEED (feed), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_feed_problem_free);

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (&cutoff, 1);
  g_date_set_dmy (&cutoff, day, month, year);
  g_date_subtract_months (&cutoff, 12);

  contacts = haven_feed_get_contacts (feed);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);
      const GDate *checked = haven_contact_get_checked (contact);
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;
      char date[16];

      if (g_date_compare (checked, &cutoff) >= 0)
        continue;

      g_date_strftime (date, sizeof date, "%Y-%m-%d", checked);
      path = g_strdup_printf ("contacts[%u]", i);
      message = g_strdup_printf (_("checked %s, more than 12 months ago"), date);
      g_ptr_array_add (problems, haven_feed_problem_new (path, message));
    }

  regions = haven_feed_get_regions (feed);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(HavenRegion) region = g_list_model_get_item (regions, i);
      const GDate *checked = haven_region_get_emergency_checked (region);
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;
      char date[16];

      if (checked == NULL || g_date_compare (checked, &cutoff) >= 0)
        continue;

      g_date_strftime (date, sizeof date, "%Y-%m-%d", checked);
      path = g_strdup_printf ("regions[%u].emergency_checked", i);
      message = g_strdup_printf (_("checked %s, more than 12 months ago"), date);
      g_ptr_array_add (problems, haven_feed_problem_new (path, message));
    }

  return problems;
}

/* A text needs no translation when it has no letters ("%", "988"), or
 * when it is a proper name kept in its own language: a service's name. */
static gboolean
needs_translation (TextRecord *record)
{
  gboolean has_letters = FALSE;
  g_auto(GStrv) parts = NULL;

  for (const char *c = record->text; c != NULL && *c != '\0' && !has_letters; c = g_utf8_next_char (c))
    has_letters = g_unichar_isalpha (g_utf8_get_char (c));
  if (!has_letters)
    return FALSE;

  parts = g_strsplit (record->path, "/", -1);
  if (g_strv_length (parts) == 3 && strcmp (parts[0], "contacts") == 0 &&
      strcmp (parts[2], "name") == 0)
    return FALSE;

  return TRUE;
}

/**
 * haven_missing_text_free:
 *
 * Frees a #HavenMissingText.
 */
void
haven_missing_text_free (HavenMissingText *self)
{
  if (self == NULL)
    return;

  g_free (self->language);
  g_free (self->path);
  g_free (self);
}

/**
 * haven_feed_find_missing_texts:
 * @bytes: a feed
 * @origin: where the feed comes from
 * @languages: (array zero-terminated=1): the language tags every text
 *   should have, such as haven_language_get_interface_languages()
 * @error: return location for an error
 *
 * Lists the localised texts of a valid feed (regions, topics, contacts,
 * campaigns, explainers, directory) that lack one of @languages, in
 * feed order for each language in turn. A plain string counts for every
 * language; texts without letters and services' names need none.
 *
 * Returns: (transfer full) (element-type HavenMissingText): the missing
 *   translations, or %NULL with @error set when @bytes is no valid feed
 */
GPtrArray *
haven_feed_find_missing_texts (GBytes              *bytes,
                               HavenFeedOrigin      origin,
                               const char * const  *languages,
                               GError             **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify)text_record_free);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(HavenFeed) feed = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  feed = feed_parse (bytes, NULL, origin, HAVEN_FEED_PARSE_FLAGS_NONE, texts, NULL, error);
  if (feed == NULL)
    return NULL;

  missing = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_missing_text_free);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      for (guint j = 0; j < texts->len; j++)
        {
          TextRecord *record = g_ptr_array_index (texts, j);
          HavenMissingText *entry;

          if (record->tags == NULL || g_strv_contains ((const char * const *)record->tags, languages[i]) ||
              !needs_translation (record))
            continue;

          entry = g_new0 (HavenMissingText, 1);
          entry->language = g_strdup (languages[i]);
          entry->path = g_strdup (record->path);
          g_ptr_array_add (missing, entry);
        }
    }

  return g_steal_pointer (&missing);
}
