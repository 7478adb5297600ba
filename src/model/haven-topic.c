/* haven-topic.c: what contacts, campaigns and explainers are about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-topic"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-topic.h"

struct _HavenTopic
{
  GObject parent_instance;

  char     *id;
  char     *name;
  char     *icon_name;
  gboolean  sensitive;
};

G_DEFINE_FINAL_TYPE (HavenTopic, haven_topic, G_TYPE_OBJECT)

/* What Get Help's "What's going on?" offers, in this order; a feed must
 * have every one of them. */
static const char * const help_ids[] = {
  "suicidal-thoughts", "self-harm", "eating-problems", "grief",
  "abuse", "lgbtq", "young-people", "just-talk", NULL
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ICON_NAME,
  PROP_SENSITIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_topic_finalize (GObject *object)
{
  HavenTopic *self = (HavenTopic *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (haven_topic_parent_class)->finalize (object);
}

static void
haven_topic_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HavenTopic *self = HAVEN_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_topic_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HavenTopic *self = HAVEN_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ICON_NAME:
      self->icon_name = g_value_dup_string (value);
      break;

    case PROP_SENSITIVE:
      self->sensitive = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_topic_class_init (HavenTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = haven_topic_finalize;
  object_class->get_property = haven_topic_get_property;
  object_class->set_property = haven_topic_set_property;

  /* Model objects are immutable: every property is set once, by the parser. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_topic_init (HavenTopic *self)
{
}

const char *
haven_topic_get_id (HavenTopic *self)
{
  g_return_val_if_fail (HAVEN_IS_TOPIC (self), NULL);

  return self->id;
}

const char *
haven_topic_get_name (HavenTopic *self)
{
  g_return_val_if_fail (HAVEN_IS_TOPIC (self), NULL);

  return self->name;
}

/**
 * haven_topic_get_icon_name:
 *
 * Returns: a symbolic icon name
 */
const char *
haven_topic_get_icon_name (HavenTopic *self)
{
  g_return_val_if_fail (HAVEN_IS_TOPIC (self), NULL);

  return self->icon_name;
}

/**
 * haven_topic_get_sensitive:
 *
 * Returns: %TRUE when explainers on this topic open on their content note
 */
gboolean
haven_topic_get_sensitive (HavenTopic *self)
{
  g_return_val_if_fail (HAVEN_IS_TOPIC (self), FALSE);

  return self->sensitive;
}

/**
 * haven_topic_get_help_ids:
 *
 * The topics Get Help asks about, in the order it offers them. The feed
 * parser requires each of them, so Get Help never offers an empty choice.
 *
 * Returns: (transfer none) (array zero-terminated=1): topic ids
 */
const char * const *
haven_topic_get_help_ids (void)
{
  return help_ids;
}
