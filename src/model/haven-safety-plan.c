/* haven-safety-plan.c: the reader's personal safety plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-safety-plan.h"

#define PLAN_GROUP    "Safety Plan"
#define PLAN_VERSION  1

struct _HavenSafetyPlan
{
  GObject     parent_instance;

  char       *text[HAVEN_SAFETY_PLAN_N_SECTIONS];
  GListStore *contacts[HAVEN_SAFETY_PLAN_N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlan, haven_safety_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (haven-safety-plan-error-quark, haven_safety_plan_error)

G_DEFINE_ENUM_TYPE (HavenSafetyPlanSection, haven_safety_plan_section,
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_WARNING_SIGNS, "warning-signs"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_COPING, "coping"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_PEOPLE_AND_PLACES, "people-and-places"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_HELPERS, "helpers"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_PROFESSIONALS, "professionals"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_SAFER_SURROUNDINGS, "safer-surroundings"),
                    G_DEFINE_ENUM_VALUE (HAVEN_SAFETY_PLAN_REASONS_FOR_LIVING, "reasons-for-living"))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The document's names for the sections: keys for text, group prefixes for
 * contacts. They are part of the file format and never translated. */
static const char * const section_keys[HAVEN_SAFETY_PLAN_N_SECTIONS] = {
  [HAVEN_SAFETY_PLAN_WARNING_SIGNS] = "WarningSigns",
  [HAVEN_SAFETY_PLAN_COPING] = "Coping",
  [HAVEN_SAFETY_PLAN_PEOPLE_AND_PLACES] = "PeopleAndPlaces",
  [HAVEN_SAFETY_PLAN_HELPERS] = "Helper",
  [HAVEN_SAFETY_PLAN_PROFESSIONALS] = "Professional",
  [HAVEN_SAFETY_PLAN_SAFER_SURROUNDINGS] = "SaferSurroundings",
  [HAVEN_SAFETY_PLAN_REASONS_FOR_LIVING] = "ReasonsForLiving",
};

typedef struct
{
  HavenSafetyPlanSection  section;
  const char             *title;
  const char             *prompt;
  const char             *examples;
  /* For paper, where the prompt speaks of the screen; NULL when the
   * prompt reads well printed. */
  const char             *printed_prompt;
} SectionText;

/* Original wording, following Haven's safe-messaging guidance: gentle,
 * concrete, and naming no means of self-harm. */
static const SectionText section_texts[HAVEN_SAFETY_PLAN_N_SECTIONS] = {
  { HAVEN_SAFETY_PLAN_WARNING_SIGNS,
    N_("My warning signs"),
    N_("What tells you that a hard time might be starting? Thoughts, feelings, moods, situations or things you do."),
    N_("For example: not sleeping, pulling away from friends, a difficult anniversary, feeling that nothing will change.") },
  { HAVEN_SAFETY_PLAN_COPING,
    N_("Things I can do on my own"),
    N_("What helps take your mind off things for a while, without needing anyone else?"),
    N_("For example: a walk around the block, a warm shower, a favourite playlist, drawing, breathing slowly for a few minutes.") },
  { HAVEN_SAFETY_PLAN_PEOPLE_AND_PLACES,
    N_("People and places that help me feel better"),
    N_("Who could you be with, or where could you go, to feel a little lighter? You don’t have to talk about how you feel."),
    N_("For example: a friend who makes you laugh, a café, the library, a place of worship, an online group you trust.") },
  { HAVEN_SAFETY_PLAN_HELPERS,
    N_("People I can ask for help"),
    N_("Who could you tell that you are struggling? Add their name and number so they are easy to find."),
    N_("For example: someone in your family, a friend, a teacher, a neighbour."),
    N_("Who could you tell that you are struggling?") },
  { HAVEN_SAFETY_PLAN_PROFESSIONALS,
    N_("Professionals and services I can contact"),
    N_("Who can you reach for support from someone trained? Where Haven knows your region, this starts with the crisis line and emergency number it has checked. Change it as you like."),
    N_("For example: your doctor, a counsellor or therapist, a local mental health team."),
    N_("Who can you reach for support from someone trained?") },
  { HAVEN_SAFETY_PLAN_SAFER_SURROUNDINGS,
    N_("Making my surroundings safer"),
    N_("When things feel very hard, putting distance between yourself and anything you could use to hurt yourself helps the worst moments pass safely. What could you put away, ask someone to keep for now, or stay away from?"),
    N_("For example: asking someone you trust to look after certain things for a while, spending time in a shared room instead of alone, cutting back on alcohol when you feel low.") },
  { HAVEN_SAFETY_PLAN_REASONS_FOR_LIVING,
    N_("My reasons for living"),
    N_("What matters to you and is worth holding on for? Big or small, it all counts."),
    N_("For example: the people and animals you love, places you want to see, things you believe in, the next season of a show.") },
};

const char *
haven_safety_plan_section_get_title (HavenSafetyPlanSection section)
{
  g_return_val_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS, NULL);

  return _(section_texts[section].title);
}

/* What the section asks, gently, in a sentence or two. */
const char *
haven_safety_plan_section_get_prompt (HavenSafetyPlanSection section)
{
  g_return_val_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS, NULL);

  return _(section_texts[section].prompt);
}

/**
 * haven_safety_plan_section_get_printed_prompt:
 *
 * The prompt as the printed plan asks it: without words about what the
 * app does or where to type.
 */
const char *
haven_safety_plan_section_get_printed_prompt (HavenSafetyPlanSection section)
{
  g_return_val_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS, NULL);

  if (section_texts[section].printed_prompt != NULL)
    return _(section_texts[section].printed_prompt);

  return _(section_texts[section].prompt);
}

const char *
haven_safety_plan_section_get_examples (HavenSafetyPlanSection section)
{
  g_return_val_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS, NULL);

  return _(section_texts[section].examples);
}

gboolean
haven_safety_plan_section_has_contacts (HavenSafetyPlanSection section)
{
  return section == HAVEN_SAFETY_PLAN_HELPERS || section == HAVEN_SAFETY_PLAN_PROFESSIONALS;
}

static void
emit_changed (HavenSafetyPlan *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_contacts_changed (HavenSafetyPlan *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *contacts)
{
  /* Watch every contact that enters the list, for as long as both live. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HavenSafetyPlanContact) contact = g_list_model_get_item (contacts, i);

      g_signal_handlers_disconnect_by_func (contact, emit_changed, self);
      g_signal_connect_object (contact, "notify", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
haven_safety_plan_dispose (GObject *object)
{
  HavenSafetyPlan *self = (HavenSafetyPlan *)object;

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    g_clear_object (&self->contacts[i]);

  G_OBJECT_CLASS (haven_safety_plan_parent_class)->dispose (object);
}

static void
haven_safety_plan_finalize (GObject *object)
{
  HavenSafetyPlan *self = (HavenSafetyPlan *)object;

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    g_clear_pointer (&self->text[i], g_free);

  G_OBJECT_CLASS (haven_safety_plan_parent_class)->finalize (object);
}

static void
haven_safety_plan_class_init (HavenSafetyPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_safety_plan_dispose;
  object_class->finalize = haven_safety_plan_finalize;

  /**
   * HavenSafetyPlan::changed:
   *
   * Emitted after any edit: a section's text, a contact added, removed or
   * retyped.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
haven_safety_plan_init (HavenSafetyPlan *self)
{
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (haven_safety_plan_section_has_contacts (i))
        {
          self->contacts[i] = g_list_store_new (HAVEN_TYPE_SAFETY_PLAN_CONTACT);
          g_signal_connect_object (self->contacts[i], "items-changed",
                                   G_CALLBACK (on_contacts_changed), self, G_CONNECT_SWAPPED);
        }
      else
        self->text[i] = g_strdup ("");
    }
}

HavenSafetyPlan *
haven_safety_plan_new (void)
{
  return g_object_new (HAVEN_TYPE_SAFETY_PLAN, NULL);
}

/**
 * haven_safety_plan_get_text:
 *
 * Returns: the text of a free-text section; never %NULL
 */
const char *
haven_safety_plan_get_text (HavenSafetyPlan        *self,
                            HavenSafetyPlanSection  section)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), NULL);
  g_return_val_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS, NULL);
  g_return_val_if_fail (!haven_safety_plan_section_has_contacts (section), NULL);

  return self->text[section];
}

void
haven_safety_plan_set_text (HavenSafetyPlan        *self,
                            HavenSafetyPlanSection  section,
                            const char             *text)
{
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN (self));
  g_return_if_fail (section < HAVEN_SAFETY_PLAN_N_SECTIONS);
  g_return_if_fail (!haven_safety_plan_section_has_contacts (section));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text[section], text) == 0)
    return;

  g_free (self->text[section]);
  self->text[section] = g_strdup (text);
  emit_changed (self);
}

/**
 * haven_safety_plan_get_contacts:
 *
 * Returns: (transfer none): the HavenSafetyPlanContacts of a contact section,
 *   in order; edit it directly
 */
GListStore *
haven_safety_plan_get_contacts (HavenSafetyPlan        *self,
                                HavenSafetyPlanSection  section)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), NULL);
  g_return_val_if_fail (haven_safety_plan_section_has_contacts (section), NULL);

  return self->contacts[section];
}

/**
 * haven_safety_plan_add_contact:
 *
 * Returns: (transfer none): the new contact, at the end of the section
 */
HavenSafetyPlanContact *
haven_safety_plan_add_contact (HavenSafetyPlan        *self,
                               HavenSafetyPlanSection  section,
                               const char             *name,
                               const char             *number)
{
  g_autoptr(HavenSafetyPlanContact) contact = NULL;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), NULL);
  g_return_val_if_fail (haven_safety_plan_section_has_contacts (section), NULL);

  contact = haven_safety_plan_contact_new (name, number);
  g_list_store_append (self->contacts[section], contact);

  return contact;
}

/**
 * haven_safety_plan_is_empty:
 *
 * Returns: whether the reader has written nothing in any section
 */
gboolean
haven_safety_plan_is_empty (HavenSafetyPlan *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), TRUE);

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (self->contacts[i] != NULL)
        {
          if (g_list_model_get_n_items (G_LIST_MODEL (self->contacts[i])) > 0)
            return FALSE;
        }
      else if (self->text[i][0] != '\0')
        return FALSE;
    }

  return TRUE;
}

/**
 * haven_safety_plan_to_data:
 * @length: (out) (optional): the length of the document
 *
 * Returns: (transfer full): the plan as a document (see the header)
 */
char *
haven_safety_plan_to_data (HavenSafetyPlan *self,
                           gsize           *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), NULL);

  g_key_file_set_integer (key_file, PLAN_GROUP, "Version", PLAN_VERSION);

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    if (self->text[i] != NULL)
      g_key_file_set_string (key_file, PLAN_GROUP, section_keys[i], self->text[i]);

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      GListModel *contacts = G_LIST_MODEL (self->contacts[i]);

      if (contacts == NULL)
        continue;

      for (guint n = 0; n < g_list_model_get_n_items (contacts); n++)
        {
          g_autoptr(HavenSafetyPlanContact) contact = g_list_model_get_item (contacts, n);
          g_autofree char *group = g_strdup_printf ("%s %u", section_keys[i], n + 1);

          g_key_file_set_string (key_file, group, "Name",
                                 haven_safety_plan_contact_get_name (contact));
          g_key_file_set_string (key_file, group, "Number",
                                 haven_safety_plan_contact_get_number (contact));
        }
    }

  return g_key_file_to_data (key_file, length, NULL);
}

/* A missing key reads as empty; anything else wrong makes the plan invalid. */
static gboolean
read_string (GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             char       **out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = g_key_file_get_string (key_file, group, key, &local_error);

  if (value == NULL)
    {
      if (!g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          g_set_error (error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID,
                       "“%s” in [%s] cannot be read: %s", key, group, local_error->message);
          return FALSE;
        }
      value = g_strdup ("");
    }

  *out = g_steal_pointer (&value);
  return TRUE;
}

/* "Helper 3" belongs to the helpers; "Helpers" or "Helper x" to nobody. */
static int
section_of_group (const char *group)
{
  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      gsize prefix = strlen (section_keys[i]);
      const char *number = group + prefix + 1;

      if (!haven_safety_plan_section_has_contacts (i) ||
          strncmp (group, section_keys[i], prefix) != 0 || group[prefix] != ' ' ||
          *number == '\0')
        continue;

      for (const char *c = number; *c != '\0'; c++)
        if (!g_ascii_isdigit (*c))
          return -1;

      return i;
    }

  return -1;
}

/**
 * haven_safety_plan_new_from_data:
 *
 * Reads a document written by haven_safety_plan_to_data().
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
HavenSafetyPlan *
haven_safety_plan_new_from_data (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(HavenSafetyPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  int version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID,
                           "The document is not UTF-8 text");
      return NULL;
    }

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID,
                   "The document is not a key file: %s", local_error->message);
      return NULL;
    }

  version = g_key_file_get_integer (key_file, PLAN_GROUP, "Version", &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, HAVEN_SAFETY_PLAN_ERROR, HAVEN_SAFETY_PLAN_ERROR_INVALID,
                   "The document has no plan version: %s", local_error->message);
      return NULL;
    }
  if (version != PLAN_VERSION)
    {
      g_set_error (error, HAVEN_SAFETY_PLAN_ERROR,
                   version > PLAN_VERSION ? HAVEN_SAFETY_PLAN_ERROR_NEWER_VERSION
                                          : HAVEN_SAFETY_PLAN_ERROR_INVALID,
                   "The plan has version %d; this version of Haven reads version %d",
                   version, PLAN_VERSION);
      return NULL;
    }

  plan = haven_safety_plan_new ();

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (haven_safety_plan_section_has_contacts (i))
        continue;

      g_free (plan->text[i]);
      plan->text[i] = NULL;
      if (!read_string (key_file, PLAN_GROUP, section_keys[i], &plan->text[i], error))
        return NULL;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      int section = section_of_group (groups[g]);
      g_autofree char *name = NULL;
      g_autofree char *number = NULL;

      if (section < 0)
        continue;

      if (!read_string (key_file, groups[g], "Name", &name, error) ||
          !read_string (key_file, groups[g], "Number", &number, error))
        return NULL;

      haven_safety_plan_add_contact (plan, section, name, number);
    }

  return g_steal_pointer (&plan);
}

static const char *
first_phone_number (HavenContact *contact)
{
  GPtrArray *channels = haven_contact_get_channels (contact);

  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      HavenChannel *channel = g_ptr_array_index (channels, i);

      if (channel->type == HAVEN_CHANNEL_TYPE_PHONE)
        return channel->value;
    }

  return NULL;
}

/**
 * haven_safety_plan_add_suggestions:
 * @region_code: (nullable): an ISO 3166-1 alpha-2 code, upper case
 *
 * Adds the region's emergency number and its primary crisis services, as the
 * feed gives them, to the professionals and services. Nothing is invented:
 * a region the feed does not know gets no suggestions.
 *
 * Returns: how many contacts were added
 */
guint
haven_safety_plan_add_suggestions (HavenSafetyPlan *self,
                                   HavenFeed       *feed,
                                   const char      *region_code)
{
  HavenRegion *region;
  GPtrArray *emergency;
  GListModel *contacts;
  guint added = 0;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (self), 0);
  g_return_val_if_fail (feed == NULL || HAVEN_IS_FEED (feed), 0);

  if (feed == NULL || region_code == NULL)
    return 0;

  region = haven_feed_lookup_region (feed, region_code);
  if (region == NULL)
    return 0;

  contacts = haven_feed_get_contacts (feed);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HavenContact) contact = g_list_model_get_item (contacts, i);
      const char *number;

      if (!haven_contact_get_primary (contact) ||
          g_strcmp0 (haven_contact_get_region (contact), region_code) != 0)
        continue;

      number = first_phone_number (contact);
      if (number == NULL)
        continue;

      haven_safety_plan_add_contact (self, HAVEN_SAFETY_PLAN_PROFESSIONALS,
                                     haven_contact_get_name (contact), number);
      added++;
    }

  emergency = haven_region_get_emergency_numbers (region);
  if (emergency != NULL && emergency->len > 0)
    {
      HavenEmergencyNumber *number = g_ptr_array_index (emergency, 0);

      haven_safety_plan_add_contact (self, HAVEN_SAFETY_PLAN_PROFESSIONALS,
                                     _("Emergency services"), number->number);
      added++;
    }

  return added;
}
