/* haven-contact.h: a crisis or support service and its channels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-hours.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CHANNEL_TYPE (haven_channel_type_get_type ())
#define HAVEN_TYPE_AUDIENCE     (haven_audience_get_type ())
#define HAVEN_TYPE_COST         (haven_cost_get_type ())
#define HAVEN_TYPE_CONFIDENCE   (haven_confidence_get_type ())
#define HAVEN_TYPE_CHANNEL      (haven_channel_get_type ())
#define HAVEN_TYPE_CONTACT      (haven_contact_get_type ())

/* The nicks of these enumerations are the feed's names for the values. */
typedef enum
{
  HAVEN_CHANNEL_TYPE_PHONE,
  HAVEN_CHANNEL_TYPE_SMS,
  HAVEN_CHANNEL_TYPE_CHAT,
  HAVEN_CHANNEL_TYPE_WEB,
  HAVEN_CHANNEL_TYPE_EMAIL,
  HAVEN_CHANNEL_TYPE_WHATSAPP,
} HavenChannelType;

typedef enum
{
  HAVEN_AUDIENCE_EVERYONE,
  HAVEN_AUDIENCE_YOUNG_PEOPLE,
  HAVEN_AUDIENCE_ADULTS,
} HavenAudience;

typedef enum
{
  HAVEN_COST_UNKNOWN,
  HAVEN_COST_FREE,
  HAVEN_COST_NORMAL_RATE,
} HavenCost;

/* How well the details are backed: several sources that agree, one of them
 * official or recent (high), or one good source or only older ones (medium).
 */
typedef enum
{
  HAVEN_CONFIDENCE_HIGH,
  HAVEN_CONFIDENCE_MEDIUM,
} HavenConfidence;

/**
 * HavenChannel:
 * @type: how to reach the service
 * @value: a dialable number (phone, sms, whatsapp), an https URL (chat,
 *   web) or an e-mail address (email), as written in the feed
 * @keyword: (nullable): sms only: the word to send
 * @label: (nullable): what sets this channel apart from the others
 * @hours: (nullable): when this channel's hours differ from the contact's
 *
 * Immutable and reference-counted. Use haven_channel_dup_uri() to open it.
 */
typedef struct _HavenChannel HavenChannel;

struct _HavenChannel
{
  HavenChannelType  type;
  char             *value;
  char             *keyword;
  char             *label;
  HavenHours       *hours;
};

GType         haven_channel_type_get_type (void) G_GNUC_CONST;
GType         haven_audience_get_type     (void) G_GNUC_CONST;
GType         haven_cost_get_type         (void) G_GNUC_CONST;
GType         haven_confidence_get_type   (void) G_GNUC_CONST;
GType         haven_channel_get_type      (void) G_GNUC_CONST;

HavenChannel *haven_channel_new           (HavenChannelType  type,
                                           const char       *value,
                                           const char       *keyword,
                                           const char       *label,
                                           HavenHours       *hours);
HavenChannel *haven_channel_ref           (HavenChannel     *self);
void          haven_channel_unref         (HavenChannel     *self);
char         *haven_channel_dup_uri       (const HavenChannel *self);
char         *haven_phone_number_dup_uri  (const char       *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenChannel, haven_channel_unref)

/* Immutable; dates are GDates owned by the object (see haven-feed.h). */
G_DECLARE_FINAL_TYPE (HavenContact, haven_contact, HAVEN, CONTACT, GObject)

const char         *haven_contact_get_id          (HavenContact *self);
const char         *haven_contact_get_region      (HavenContact *self);
const char         *haven_contact_get_name        (HavenContact *self);
const char         *haven_contact_get_description (HavenContact *self);
const char * const *haven_contact_get_topics      (HavenContact *self);
HavenAudience       haven_contact_get_audience    (HavenContact *self);
GPtrArray          *haven_contact_get_channels    (HavenContact *self);
HavenHours         *haven_contact_get_hours       (HavenContact *self);
const char         *haven_contact_get_time_zone   (HavenContact *self);
const char * const *haven_contact_get_languages   (HavenContact *self);
HavenCost           haven_contact_get_cost        (HavenContact *self);
HavenConfidence     haven_contact_get_confidence  (HavenContact *self);
guint               haven_contact_get_priority    (HavenContact *self);
gboolean            haven_contact_get_primary     (HavenContact *self);
const char * const *haven_contact_get_pairs_with  (HavenContact *self);
const char         *haven_contact_get_source_url  (HavenContact *self);
const GDate        *haven_contact_get_checked     (HavenContact *self);
const char         *haven_contact_get_note        (HavenContact *self);
gboolean            haven_contact_has_topic       (HavenContact *self,
                                                   const char   *topic_id);
HavenOpenState      haven_contact_get_open_state  (HavenContact *self,
                                                   GDateTime    *now);
const HavenHours   *haven_contact_get_channel_hours      (HavenContact *self,
                                                          HavenChannel *channel);
HavenOpenState      haven_contact_get_channel_open_state (HavenContact *self,
                                                          HavenChannel *channel,
                                                          GDateTime    *now);

G_END_DECLS
