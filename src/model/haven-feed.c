/* haven-feed.c: one parsed, validated feed and its lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed.h"

typedef const char *(*GetKeyFunc) (gpointer item);

/* One list of the feed, and its items by id (or code, for regions). */
typedef struct
{
  GListModel *model;
  GHashTable *by_key;
} Index;

struct _HavenFeed
{
  GObject parent_instance;

  char  *format_version;
  GDate *generated;
  char  *default_language;
  Index  regions;
  Index  topics;
  Index  contacts;
  Index  campaigns;
  Index  explainers;
  HavenLink *directory;
};

G_DEFINE_FINAL_TYPE (HavenFeed, haven_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORMAT_VERSION,
  PROP_GENERATED,
  PROP_DEFAULT_LANGUAGE,
  PROP_REGIONS,
  PROP_TOPICS,
  PROP_CONTACTS,
  PROP_CAMPAIGNS,
  PROP_EXPLAINERS,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys belong to the items, and the model holds the items. */
static void
index_build (Index      *index,
             GType       item_type,
             GetKeyFunc  get_key)
{
  guint n_items;

  if (index->model == NULL)
    index->model = G_LIST_MODEL (g_list_store_new (item_type));

  n_items = g_list_model_get_n_items (index->model);
  index->by_key = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (index->model, i);

      g_hash_table_insert (index->by_key, (gpointer)get_key (item), item);
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->by_key, g_hash_table_unref);
  g_clear_object (&index->model);
}

static gpointer
index_lookup (Index      *index,
              const char *key)
{
  if (key == NULL)
    return NULL;

  return g_hash_table_lookup (index->by_key, key);
}

static const char *
region_key (gpointer item)
{
  return haven_region_get_code (item);
}

static const char *
topic_key (gpointer item)
{
  return haven_topic_get_id (item);
}

static const char *
contact_key (gpointer item)
{
  return haven_contact_get_id (item);
}

static const char *
campaign_key (gpointer item)
{
  return haven_campaign_get_id (item);
}

static const char *
explainer_key (gpointer item)
{
  return haven_explainer_get_id (item);
}

static void
haven_feed_constructed (GObject *object)
{
  HavenFeed *self = (HavenFeed *)object;

  G_OBJECT_CLASS (haven_feed_parent_class)->constructed (object);

  index_build (&self->regions, HAVEN_TYPE_REGION, region_key);
  index_build (&self->topics, HAVEN_TYPE_TOPIC, topic_key);
  index_build (&self->contacts, HAVEN_TYPE_CONTACT, contact_key);
  index_build (&self->campaigns, HAVEN_TYPE_CAMPAIGN, campaign_key);
  index_build (&self->explainers, HAVEN_TYPE_EXPLAINER, explainer_key);
}

static void
haven_feed_finalize (GObject *object)
{
  HavenFeed *self = (HavenFeed *)object;

  g_clear_pointer (&self->format_version, g_free);
  g_clear_pointer (&self->generated, g_date_free);
  g_clear_pointer (&self->default_language, g_free);
  index_clear (&self->regions);
  index_clear (&self->topics);
  index_clear (&self->contacts);
  index_clear (&self->campaigns);
  index_clear (&self->explainers);
  g_clear_pointer (&self->directory, haven_link_unref);

  G_OBJECT_CLASS (haven_feed_parent_class)->finalize (object);
}

static void
haven_feed_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HavenFeed *self = HAVEN_FEED (object);

  switch (prop_id)
    {
    case PROP_FORMAT_VERSION:
      g_value_set_string (value, self->format_version);
      break;

    case PROP_GENERATED:
      g_value_set_boxed (value, self->generated);
      break;

    case PROP_DEFAULT_LANGUAGE:
      g_value_set_string (value, self->default_language);
      break;

    case PROP_REGIONS:
      g_value_set_object (value, self->regions.model);
      break;

    case PROP_TOPICS:
      g_value_set_object (value, self->topics.model);
      break;

    case PROP_CONTACTS:
      g_value_set_object (value, self->contacts.model);
      break;

    case PROP_CAMPAIGNS:
      g_value_set_object (value, self->campaigns.model);
      break;

    case PROP_EXPLAINERS:
      g_value_set_object (value, self->explainers.model);
      break;

    case PROP_DIRECTORY:
      g_value_set_boxed (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HavenFeed *self = HAVEN_FEED (object);

  switch (prop_id)
    {
    case PROP_FORMAT_VERSION:
      self->format_version = g_value_dup_string (value);
      break;

    case PROP_GENERATED:
      self->generated = g_value_dup_boxed (value);
      break;

    case PROP_DEFAULT_LANGUAGE:
      self->default_language = g_value_dup_string (value);
      break;

    case PROP_REGIONS:
      self->regions.model = g_value_dup_object (value);
      break;

    case PROP_TOPICS:
      self->topics.model = g_value_dup_object (value);
      break;

    case PROP_CONTACTS:
      self->contacts.model = g_value_dup_object (value);
      break;

    case PROP_CAMPAIGNS:
      self->campaigns.model = g_value_dup_object (value);
      break;

    case PROP_EXPLAINERS:
      self->explainers.model = g_value_dup_object (value);
      break;

    case PROP_DIRECTORY:
      self->directory = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_feed_class_init (HavenFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = haven_feed_constructed;
  object_class->finalize = haven_feed_finalize;
  object_class->get_property = haven_feed_get_property;
  object_class->set_property = haven_feed_set_property;

  /* A feed is immutable: the parser builds it whole, and a newer feed
   * replaces it rather than changing it. The lists must not be changed
   * after construction either, or the lookups go stale.
   */
  properties[PROP_FORMAT_VERSION] =
    g_param_spec_string ("format-version", NULL, NULL, NULL, flags);
  properties[PROP_GENERATED] =
    g_param_spec_boxed ("generated", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_DEFAULT_LANGUAGE] =
    g_param_spec_string ("default-language", NULL, NULL, NULL, flags);
  properties[PROP_REGIONS] =
    g_param_spec_object ("regions", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_TOPICS] =
    g_param_spec_object ("topics", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_CONTACTS] =
    g_param_spec_object ("contacts", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_CAMPAIGNS] =
    g_param_spec_object ("campaigns", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_EXPLAINERS] =
    g_param_spec_object ("explainers", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_DIRECTORY] =
    g_param_spec_boxed ("directory", NULL, NULL, HAVEN_TYPE_LINK, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_feed_init (HavenFeed *self)
{
}

/**
 * haven_feed_get_format_version:
 *
 * Returns: the feed's "MAJOR.MINOR" format version
 */
const char *
haven_feed_get_format_version (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->format_version;
}

/**
 * haven_feed_get_generated:
 *
 * Returns: (transfer none): when the feed was published
 */
const GDate *
haven_feed_get_generated (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->generated;
}

/**
 * haven_feed_get_default_language:
 *
 * Returns: the language tag used when none of the reader's languages is
 *   available
 */
const char *
haven_feed_get_default_language (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->default_language;
}

/**
 * haven_feed_get_regions:
 *
 * Returns: (transfer none): a list of #HavenRegion, in feed order
 */
GListModel *
haven_feed_get_regions (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->regions.model;
}

/**
 * haven_feed_get_topics:
 *
 * Returns: (transfer none): a list of #HavenTopic, in feed order
 */
GListModel *
haven_feed_get_topics (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->topics.model;
}

/**
 * haven_feed_get_contacts:
 *
 * Returns: (transfer none): a list of #HavenContact, in feed order
 */
GListModel *
haven_feed_get_contacts (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->contacts.model;
}

/**
 * haven_feed_get_campaigns:
 *
 * Returns: (transfer none): a list of #HavenCampaign, in feed order
 */
GListModel *
haven_feed_get_campaigns (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->campaigns.model;
}

/**
 * haven_feed_get_explainers:
 *
 * Returns: (transfer none): a list of #HavenExplainer, in feed order
 */
GListModel *
haven_feed_get_explainers (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->explainers.model;
}

/**
 * haven_feed_get_directory:
 *
 * Returns: (transfer none) (nullable): a directory of helplines worldwide,
 *   for readers in places the feed has no region for
 */
HavenLink *
haven_feed_get_directory (HavenFeed *self)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return self->directory;
}

/**
 * haven_feed_lookup_region:
 * @self: a feed
 * @code: (nullable): a region code such as "GB"
 *
 * Returns: (transfer none) (nullable): the region, or %NULL
 */
HavenRegion *
haven_feed_lookup_region (HavenFeed  *self,
                          const char *code)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return index_lookup (&self->regions, code);
}

/**
 * haven_feed_lookup_topic:
 *
 * Returns: (transfer none) (nullable): the topic with @id, or %NULL
 */
HavenTopic *
haven_feed_lookup_topic (HavenFeed  *self,
                         const char *id)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return index_lookup (&self->topics, id);
}

/**
 * haven_feed_lookup_contact:
 *
 * Returns: (transfer none) (nullable): the contact with @id, or %NULL
 */
HavenContact *
haven_feed_lookup_contact (HavenFeed  *self,
                           const char *id)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return index_lookup (&self->contacts, id);
}

/**
 * haven_feed_lookup_campaign:
 *
 * Returns: (transfer none) (nullable): the campaign with @id, or %NULL
 */
HavenCampaign *
haven_feed_lookup_campaign (HavenFeed  *self,
                            const char *id)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return index_lookup (&self->campaigns, id);
}

/**
 * haven_feed_lookup_explainer:
 *
 * Returns: (transfer none) (nullable): the explainer with @id, or %NULL
 */
HavenExplainer *
haven_feed_lookup_explainer (HavenFeed  *self,
                             const char *id)
{
  g_return_val_if_fail (HAVEN_IS_FEED (self), NULL);

  return index_lookup (&self->explainers, id);
}
