/* haven-contact.c: a crisis or support service and its channels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-contact.h"

struct _HavenContact
{
  GObject parent_instance;

  char          *id;
  char          *region;
  char          *name;
  char          *description;
  GStrv          topics;
  HavenAudience  audience;
  GPtrArray     *channels;
  HavenHours    *hours;
  char          *time_zone;
  GStrv          languages;
  HavenCost      cost;
  HavenConfidence confidence;
  guint          priority;
  gboolean       primary;
  GStrv          pairs_with;
  char          *source_url;
  GDate         *checked;
  char          *note;
};

G_DEFINE_FINAL_TYPE (HavenContact, haven_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REGION,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TOPICS,
  PROP_AUDIENCE,
  PROP_CHANNELS,
  PROP_HOURS,
  PROP_TIME_ZONE,
  PROP_LANGUAGES,
  PROP_COST,
  PROP_CONFIDENCE,
  PROP_PRIORITY,
  PROP_PRIMARY,
  PROP_PAIRS_WITH,
  PROP_SOURCE_URL,
  PROP_CHECKED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (HavenChannelType, haven_channel_type,
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_PHONE, "phone"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_SMS, "sms"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_CHAT, "chat"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_WEB, "web"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CHANNEL_TYPE_WHATSAPP, "whatsapp"))

G_DEFINE_ENUM_TYPE (HavenAudience, haven_audience,
                    G_DEFINE_ENUM_VALUE (HAVEN_AUDIENCE_EVERYONE, "everyone"),
                    G_DEFINE_ENUM_VALUE (HAVEN_AUDIENCE_YOUNG_PEOPLE, "young-people"),
                    G_DEFINE_ENUM_VALUE (HAVEN_AUDIENCE_ADULTS, "adults"))

G_DEFINE_ENUM_TYPE (HavenCost, haven_cost,
                    G_DEFINE_ENUM_VALUE (HAVEN_COST_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (HAVEN_COST_FREE, "free"),
                    G_DEFINE_ENUM_VALUE (HAVEN_COST_NORMAL_RATE, "normal-rate"))

G_DEFINE_ENUM_TYPE (HavenConfidence, haven_confidence,
                    G_DEFINE_ENUM_VALUE (HAVEN_CONFIDENCE_HIGH, "high"),
                    G_DEFINE_ENUM_VALUE (HAVEN_CONFIDENCE_MEDIUM, "medium"))

G_DEFINE_BOXED_TYPE (HavenChannel, haven_channel, haven_channel_ref, haven_channel_unref)

HavenChannel *
haven_channel_new (HavenChannelType  type,
                   const char       *value,
                   const char       *keyword,
                   const char       *label,
                   HavenHours       *hours)
{
  HavenChannel *self;

  g_return_val_if_fail (value != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenChannel);
  self->type = type;
  self->value = g_strdup (value);
  self->keyword = g_strdup (keyword);
  self->label = g_strdup (label);
  self->hours = hours != NULL ? haven_hours_ref (hours) : NULL;

  return self;
}

HavenChannel *
haven_channel_ref (HavenChannel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_channel_clear (gpointer data)
{
  HavenChannel *self = data;

  g_free (self->value);
  g_free (self->keyword);
  g_free (self->label);
  g_clear_pointer (&self->hours, haven_hours_unref);
}

void
haven_channel_unref (HavenChannel *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_channel_clear);
}

/* Keeps the digits and a leading "+" or "*" (a star code): what a dialler
 * wants. */
static char *
dup_dial_string (const char *number,
                 gboolean    keep_prefix)
{
  GString *str = g_string_new (NULL);

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) ||
          (keep_prefix && (*p == '+' || *p == '*') && str->len == 0))
        g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/**
 * haven_phone_number_dup_uri:
 * @number: a number as a feed writes it ("116 123", "+1 (800) 273-8255")
 *
 * Returns: (transfer full): a `tel:` URI
 */
char *
haven_phone_number_dup_uri (const char *number)
{
  g_autofree char *dial = NULL;

  g_return_val_if_fail (number != NULL, NULL);

  dial = dup_dial_string (number, TRUE);

  return g_strconcat ("tel:", dial, NULL);
}

/**
 * haven_channel_dup_uri:
 * @self: a channel
 *
 * Builds the link that opens the channel: `tel:` for phone, `sms:` (with
 * the keyword as the body) for sms, `mailto:` for email, a wa.me link for
 * whatsapp, and the URL itself for chat and web.
 *
 * Returns: (transfer full): the URI
 */
char *
haven_channel_dup_uri (const HavenChannel *self)
{
  g_autofree char *dial = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->type)
    {
    case HAVEN_CHANNEL_TYPE_PHONE:
      return haven_phone_number_dup_uri (self->value);

    case HAVEN_CHANNEL_TYPE_SMS:
      dial = dup_dial_string (self->value, TRUE);
      if (self->keyword == NULL)
        return g_strconcat ("sms:", dial, NULL);
      body = g_uri_escape_string (self->keyword, NULL, FALSE);
      return g_strconcat ("sms:", dial, "?body=", body, NULL);

    case HAVEN_CHANNEL_TYPE_WHATSAPP:
      /* wa.me takes the international number without "+". */
      dial = dup_dial_string (self->value, FALSE);
      return g_strconcat ("https://wa.me/", dial, NULL);

    case HAVEN_CHANNEL_TYPE_EMAIL:
      return g_strconcat ("mailto:", self->value, NULL);

    case HAVEN_CHANNEL_TYPE_CHAT:
    case HAVEN_CHANNEL_TYPE_WEB:
      return g_strdup (self->value);

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
haven_contact_constructed (GObject *object)
{
  HavenContact *self = (HavenContact *)object;

  G_OBJECT_CLASS (haven_contact_parent_class)->constructed (object);

  if (self->topics == NULL)
    self->topics = g_new0 (char *, 1);
  if (self->languages == NULL)
    self->languages = g_new0 (char *, 1);
  if (self->pairs_with == NULL)
    self->pairs_with = g_new0 (char *, 1);
  if (self->channels == NULL)
    self->channels = g_ptr_array_new ();
}

static void
haven_contact_finalize (GObject *object)
{
  HavenContact *self = (HavenContact *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->hours, haven_hours_unref);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->pairs_with, g_strfreev);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->checked, g_date_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (haven_contact_parent_class)->finalize (object);
}

static void
haven_contact_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HavenContact *self = HAVEN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_AUDIENCE:
      g_value_set_enum (value, self->audience);
      break;

    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;

    case PROP_HOURS:
      g_value_set_boxed (value, self->hours);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_COST:
      g_value_set_enum (value, self->cost);
      break;

    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;

    case PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;

    case PROP_PRIMARY:
      g_value_set_boolean (value, self->primary);
      break;

    case PROP_PAIRS_WITH:
      g_value_set_boxed (value, self->pairs_with);
      break;

    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;

    case PROP_CHECKED:
      g_value_set_boxed (value, self->checked);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_contact_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HavenContact *self = HAVEN_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_TOPICS:
      self->topics = g_value_dup_boxed (value);
      break;

    case PROP_AUDIENCE:
      self->audience = g_value_get_enum (value);
      break;

    case PROP_CHANNELS:
      self->channels = g_value_dup_boxed (value);
      break;

    case PROP_HOURS:
      self->hours = g_value_dup_boxed (value);
      break;

    case PROP_TIME_ZONE:
      self->time_zone = g_value_dup_string (value);
      break;

    case PROP_LANGUAGES:
      self->languages = g_value_dup_boxed (value);
      break;

    case PROP_COST:
      self->cost = g_value_get_enum (value);
      break;

    case PROP_CONFIDENCE:
      self->confidence = g_value_get_enum (value);
      break;

    case PROP_PRIORITY:
      self->priority = g_value_get_uint (value);
      break;

    case PROP_PRIMARY:
      self->primary = g_value_get_boolean (value);
      break;

    case PROP_PAIRS_WITH:
      self->pairs_with = g_value_dup_boxed (value);
      break;

    case PROP_SOURCE_URL:
      self->source_url = g_value_dup_string (value);
      break;

    case PROP_CHECKED:
      self->checked = g_value_dup_boxed (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_contact_class_init (HavenContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = haven_contact_constructed;
  object_class->finalize = haven_contact_finalize;
  object_class->get_property = haven_contact_get_property;
  object_class->set_property = haven_contact_set_property;

  /* Model objects are immutable: every property is set once, by the parser. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AUDIENCE] =
    g_param_spec_enum ("audience", NULL, NULL,
                       HAVEN_TYPE_AUDIENCE, HAVEN_AUDIENCE_EVERYONE, flags);
  properties[PROP_CHANNELS] =
    g_param_spec_boxed ("channels", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_HOURS] =
    g_param_spec_boxed ("hours", NULL, NULL, HAVEN_TYPE_HOURS, flags);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_COST] =
    g_param_spec_enum ("cost", NULL, NULL, HAVEN_TYPE_COST, HAVEN_COST_UNKNOWN, flags);
  properties[PROP_CONFIDENCE] =
    g_param_spec_enum ("confidence", NULL, NULL, HAVEN_TYPE_CONFIDENCE, HAVEN_CONFIDENCE_HIGH,
                       flags);
  properties[PROP_PRIORITY] =
    g_param_spec_uint ("priority", NULL, NULL, 0, 1000, 0, flags);
  properties[PROP_PRIMARY] =
    g_param_spec_boolean ("primary", NULL, NULL, FALSE, flags);
  properties[PROP_PAIRS_WITH] =
    g_param_spec_boxed ("pairs-with", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCE_URL] =
    g_param_spec_string ("source-url", NULL, NULL, NULL, flags);
  properties[PROP_CHECKED] =
    g_param_spec_boxed ("checked", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_contact_init (HavenContact *self)
{
}

const char *
haven_contact_get_id (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->id;
}

/**
 * haven_contact_get_region:
 *
 * Returns: the code of the region whose readers the service serves; look
 *   it up with haven_feed_lookup_region()
 */
const char *
haven_contact_get_region (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->region;
}

const char *
haven_contact_get_name (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->name;
}

const char *
haven_contact_get_description (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->description;
}

/**
 * haven_contact_get_topics:
 *
 * Returns: (transfer none): topic ids, possibly none
 */
const char * const *
haven_contact_get_topics (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return (const char * const *)self->topics;
}

gboolean
haven_contact_has_topic (HavenContact *self,
                         const char   *topic_id)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->topics, topic_id);
}

HavenAudience
haven_contact_get_audience (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), HAVEN_AUDIENCE_EVERYONE);

  return self->audience;
}

/**
 * haven_contact_get_channels:
 *
 * Returns: (transfer none) (element-type HavenChannel): at least one
 *   channel, the most important first
 */
GPtrArray *
haven_contact_get_channels (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->channels;
}

/**
 * haven_contact_get_hours:
 *
 * Returns: (transfer none) (nullable): when the service answers, or %NULL
 *   when that is not known: then say "Check opening hours", never "open"
 */
HavenHours *
haven_contact_get_hours (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->hours;
}

/**
 * haven_contact_get_time_zone:
 *
 * Returns: the IANA zone the hours are written in; the parser fills in the
 *   region's default zone when the feed gives none
 */
const char *
haven_contact_get_time_zone (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->time_zone;
}

/**
 * haven_contact_get_languages:
 *
 * Returns: (transfer none): the language tags the service answers in
 */
const char * const *
haven_contact_get_languages (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return (const char * const *)self->languages;
}

HavenCost
haven_contact_get_cost (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), HAVEN_COST_UNKNOWN);

  return self->cost;
}

/**
 * haven_contact_get_confidence:
 *
 * Returns: how well the feed's sources back the details
 */
HavenConfidence
haven_contact_get_confidence (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), HAVEN_CONFIDENCE_MEDIUM);

  return self->confidence;
}

/**
 * haven_contact_get_priority:
 *
 * Returns: 0 to 1000; higher comes first among equally good matches
 */
guint
haven_contact_get_priority (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), 0);

  return self->priority;
}

/**
 * haven_contact_get_primary:
 *
 * Returns: %TRUE for a service shown on the first Get Help screen
 */
gboolean
haven_contact_get_primary (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), FALSE);

  return self->primary;
}

/**
 * haven_contact_get_pairs_with:
 *
 * Returns: (transfer none): ids of contacts in the same region to show
 *   together with this one, possibly none
 */
const char * const *
haven_contact_get_pairs_with (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return (const char * const *)self->pairs_with;
}

/**
 * haven_contact_get_source_url:
 *
 * Returns: the operator's own page, where a reader can confirm the details
 */
const char *
haven_contact_get_source_url (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->source_url;
}

/**
 * haven_contact_get_checked:
 *
 * Returns: (transfer none): when a person last confirmed the details
 */
const GDate *
haven_contact_get_checked (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->checked;
}

/**
 * haven_contact_get_note:
 *
 * Returns: (nullable): a note, such as a recent change of number
 */
const char *
haven_contact_get_note (HavenContact *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);

  return self->note;
}

/**
 * haven_contact_get_open_state:
 * @self: a contact
 * @now: the current time, in any time zone
 *
 * Returns: whether the service answers at @now, in its own time zone
 */
HavenOpenState
haven_contact_get_open_state (HavenContact *self,
                              GDateTime    *now)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), HAVEN_OPEN_STATE_UNKNOWN);

  return haven_hours_get_open_state (self->hours, self->time_zone, now);
}

/**
 * haven_contact_get_channel_hours:
 * @self: a contact
 * @channel: one of its channels
 *
 * Returns: (nullable): the channel's own hours, or the contact's
 */
const HavenHours *
haven_contact_get_channel_hours (HavenContact *self,
                                 HavenChannel *channel)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), NULL);
  g_return_val_if_fail (channel != NULL, NULL);

  return channel->hours != NULL ? channel->hours : self->hours;
}

/**
 * haven_contact_get_channel_open_state:
 * @self: a contact
 * @channel: one of its channels
 * @now: the current time, in any time zone
 *
 * Returns: whether that channel answers at @now: by its own hours where it
 *   keeps them, else by the contact's
 */
HavenOpenState
haven_contact_get_channel_open_state (HavenContact *self,
                                      HavenChannel *channel,
                                      GDateTime    *now)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT (self), HAVEN_OPEN_STATE_UNKNOWN);

  return haven_hours_get_open_state (haven_contact_get_channel_hours (self, channel),
                                     self->time_zone, now);
}
