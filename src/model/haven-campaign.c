/* haven-campaign.c: an awareness campaign, with its figures and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-campaign"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "haven-campaign.h"

struct _HavenCampaign
{
  GObject parent_instance;

  char        *language;
  gboolean     in_reader_language;

  char      *id;
  char      *title;
  char      *tagline;
  char      *description;
  char      *hero_url;
  char      *hero_alt;
  char      *accent_color;
  GDate     *starts;
  GDate     *ends;
  GDate     *highlight_day;
  GStrv      topics;
  GStrv      explainers;
  GPtrArray *links;
  char      *call_to_action_label;
  char      *call_to_action_url;
  GPtrArray *insights;
};

G_DEFINE_FINAL_TYPE (HavenCampaign, haven_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TAGLINE,
  PROP_DESCRIPTION,
  PROP_HERO_URL,
  PROP_HERO_ALT,
  PROP_ACCENT_COLOR,
  PROP_STARTS,
  PROP_ENDS,
  PROP_HIGHLIGHT_DAY,
  PROP_TOPICS,
  PROP_EXPLAINERS,
  PROP_LINKS,
  PROP_CALL_TO_ACTION_LABEL,
  PROP_CALL_TO_ACTION_URL,
  PROP_INSIGHTS,
  PROP_LANGUAGE,
  PROP_IN_READER_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (HavenFigure, haven_figure, haven_figure_ref, haven_figure_unref)
G_DEFINE_BOXED_TYPE (HavenInsight, haven_insight, haven_insight_ref, haven_insight_unref)

HavenFigure *
haven_figure_new (const char *label,
                  double      value,
                  const char *unit)
{
  HavenFigure *self;

  g_return_val_if_fail (label != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenFigure);
  self->label = g_strdup (label);
  self->value = value;
  self->unit = g_strdup (unit);

  return self;
}

HavenFigure *
haven_figure_ref (HavenFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_figure_clear (gpointer data)
{
  HavenFigure *self = data;

  g_free (self->label);
  g_free (self->unit);
}

void
haven_figure_unref (HavenFigure *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_figure_clear);
}

/**
 * haven_insight_new:
 * @title: what the figures show
 * @figures: (element-type HavenFigure): the figures; the insight takes a
 *   reference on the array
 * @source: the published source
 * @year: the year the figures refer to
 */
HavenInsight *
haven_insight_new (const char *title,
                   GPtrArray  *figures,
                   HavenLink  *source,
                   int         year)
{
  HavenInsight *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_atomic_rc_box_new0 (HavenInsight);
  self->title = g_strdup (title);
  self->figures = g_ptr_array_ref (figures);
  self->source = haven_link_ref (source);
  self->year = year;

  return self;
}

HavenInsight *
haven_insight_ref (HavenInsight *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
haven_insight_clear (gpointer data)
{
  HavenInsight *self = data;

  g_free (self->title);
  g_ptr_array_unref (self->figures);
  haven_link_unref (self->source);
}

void
haven_insight_unref (HavenInsight *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, haven_insight_clear);
}

static void
haven_campaign_constructed (GObject *object)
{
  HavenCampaign *self = (HavenCampaign *)object;

  G_OBJECT_CLASS (haven_campaign_parent_class)->constructed (object);

  if (self->topics == NULL)
    self->topics = g_new0 (char *, 1);
  if (self->explainers == NULL)
    self->explainers = g_new0 (char *, 1);
  if (self->links == NULL)
    self->links = g_ptr_array_new ();
  if (self->insights == NULL)
    self->insights = g_ptr_array_new ();
}

static void
haven_campaign_finalize (GObject *object)
{
  HavenCampaign *self = (HavenCampaign *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->tagline, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->hero_url, g_free);
  g_clear_pointer (&self->hero_alt, g_free);
  g_clear_pointer (&self->accent_color, g_free);
  g_clear_pointer (&self->starts, g_date_free);
  g_clear_pointer (&self->ends, g_date_free);
  g_clear_pointer (&self->highlight_day, g_date_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->explainers, g_strfreev);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->call_to_action_label, g_free);
  g_clear_pointer (&self->call_to_action_url, g_free);
  g_clear_pointer (&self->insights, g_ptr_array_unref);

  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (haven_campaign_parent_class)->finalize (object);
}

static void
haven_campaign_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HavenCampaign *self = HAVEN_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TAGLINE:
      g_value_set_string (value, self->tagline);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_HERO_URL:
      g_value_set_string (value, self->hero_url);
      break;

    case PROP_HERO_ALT:
      g_value_set_string (value, self->hero_alt);
      break;

    case PROP_ACCENT_COLOR:
      g_value_set_string (value, self->accent_color);
      break;

    case PROP_STARTS:
      g_value_set_boxed (value, self->starts);
      break;

    case PROP_ENDS:
      g_value_set_boxed (value, self->ends);
      break;

    case PROP_HIGHLIGHT_DAY:
      g_value_set_boxed (value, self->highlight_day);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_EXPLAINERS:
      g_value_set_boxed (value, self->explainers);
      break;

    case PROP_LINKS:
      g_value_set_boxed (value, self->links);
      break;

    case PROP_CALL_TO_ACTION_LABEL:
      g_value_set_string (value, self->call_to_action_label);
      break;

    case PROP_CALL_TO_ACTION_URL:
      g_value_set_string (value, self->call_to_action_url);
      break;

    case PROP_INSIGHTS:
      g_value_set_boxed (value, self->insights);
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
haven_campaign_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HavenCampaign *self = HAVEN_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_TAGLINE:
      self->tagline = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_HERO_URL:
      self->hero_url = g_value_dup_string (value);
      break;

    case PROP_HERO_ALT:
      self->hero_alt = g_value_dup_string (value);
      break;

    case PROP_ACCENT_COLOR:
      self->accent_color = g_value_dup_string (value);
      break;

    case PROP_STARTS:
      self->starts = g_value_dup_boxed (value);
      break;

    case PROP_ENDS:
      self->ends = g_value_dup_boxed (value);
      break;

    case PROP_HIGHLIGHT_DAY:
      self->highlight_day = g_value_dup_boxed (value);
      break;

    case PROP_TOPICS:
      self->topics = g_value_dup_boxed (value);
      break;

    case PROP_EXPLAINERS:
      self->explainers = g_value_dup_boxed (value);
      break;

    case PROP_LINKS:
      self->links = g_value_dup_boxed (value);
      break;

    case PROP_CALL_TO_ACTION_LABEL:
      self->call_to_action_label = g_value_dup_string (value);
      break;

    case PROP_CALL_TO_ACTION_URL:
      self->call_to_action_url = g_value_dup_string (value);
      break;

    case PROP_INSIGHTS:
      self->insights = g_value_dup_boxed (value);
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
haven_campaign_class_init (HavenCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = haven_campaign_constructed;
  object_class->finalize = haven_campaign_finalize;
  object_class->get_property = haven_campaign_get_property;
  object_class->set_property = haven_campaign_set_property;

  /* Model objects are immutable: every property is set once, by the parser. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TAGLINE] =
    g_param_spec_string ("tagline", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_HERO_URL] =
    g_param_spec_string ("hero-url", NULL, NULL, NULL, flags);
  properties[PROP_HERO_ALT] =
    g_param_spec_string ("hero-alt", NULL, NULL, NULL, flags);
  properties[PROP_ACCENT_COLOR] =
    g_param_spec_string ("accent-color", NULL, NULL, NULL, flags);
  properties[PROP_STARTS] =
    g_param_spec_boxed ("starts", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_ENDS] =
    g_param_spec_boxed ("ends", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_HIGHLIGHT_DAY] =
    g_param_spec_boxed ("highlight-day", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXPLAINERS] =
    g_param_spec_boxed ("explainers", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LINKS] =
    g_param_spec_boxed ("links", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_CALL_TO_ACTION_LABEL] =
    g_param_spec_string ("call-to-action-label", NULL, NULL, NULL, flags);
  properties[PROP_CALL_TO_ACTION_URL] =
    g_param_spec_string ("call-to-action-url", NULL, NULL, NULL, flags);
  properties[PROP_INSIGHTS] =
    g_param_spec_boxed ("insights", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  /* The language the item's text is shown in, and whether that is one of
   * the reader's (see haven_language_resolve()). */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_IN_READER_LANGUAGE] =
    g_param_spec_boolean ("in-reader-language", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_campaign_init (HavenCampaign *self)
{
  self->in_reader_language = TRUE;
}

const char *
haven_campaign_get_id (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->id;
}

const char *
haven_campaign_get_title (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->title;
}

const char *
haven_campaign_get_tagline (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->tagline;
}

const char *
haven_campaign_get_description (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->description;
}

/**
 * haven_campaign_get_hero_url:
 *
 * Returns: an https:// (or, in the bundled feed, resource:///) image URL
 */
const char *
haven_campaign_get_hero_url (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->hero_url;
}

/**
 * haven_campaign_get_hero_alt:
 *
 * Returns: the hero image described for screen readers
 */
const char *
haven_campaign_get_hero_alt (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->hero_alt;
}

/**
 * haven_campaign_get_accent_color:
 *
 * Returns: a colour as "#rrggbb", ready for gdk_rgba_parse()
 */
const char *
haven_campaign_get_accent_color (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->accent_color;
}

/**
 * haven_campaign_get_starts:
 *
 * Returns: (transfer none): the first day of the campaign
 */
const GDate *
haven_campaign_get_starts (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->starts;
}

/**
 * haven_campaign_get_ends:
 *
 * Returns: (transfer none): the last day of the campaign, on or after the
 *   first
 */
const GDate *
haven_campaign_get_ends (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->ends;
}

/**
 * haven_campaign_get_highlight_day:
 *
 * Returns: (transfer none) (nullable): the day itself, for a day campaign
 */
const GDate *
haven_campaign_get_highlight_day (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->highlight_day;
}

/**
 * haven_campaign_get_topics:
 *
 * Returns: (transfer none): topic ids
 */
const char * const *
haven_campaign_get_topics (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->topics;
}

/**
 * haven_campaign_get_explainers:
 *
 * Returns: (transfer none): ids of the linked explainers, in reading order
 */
const char * const *
haven_campaign_get_explainers (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->explainers;
}

/**
 * haven_campaign_get_links:
 *
 * Returns: (transfer none) (element-type HavenLink): programming and guides
 */
GPtrArray *
haven_campaign_get_links (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->links;
}

const char *
haven_campaign_get_call_to_action_label (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->call_to_action_label;
}

/**
 * haven_campaign_get_call_to_action_url:
 *
 * Returns: (nullable): the URL the call to action opens, or %NULL when it
 *   opens the in-app help flow ("action": "help-now")
 */
const char *
haven_campaign_get_call_to_action_url (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->call_to_action_url;
}

/**
 * haven_campaign_get_insights:
 *
 * Returns: (transfer none) (element-type HavenInsight): survey figures
 */
GPtrArray *
haven_campaign_get_insights (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->insights;
}

/**
 * haven_campaign_is_running:
 * @self: a campaign
 * @today: the reader's date
 *
 * Returns: %TRUE when @today lies between the first and the last day
 */
gboolean
haven_campaign_is_running (HavenCampaign *self,
                           const GDate   *today)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return g_date_compare (self->starts, today) <= 0 && g_date_compare (today, self->ends) <= 0;
}

/**
 * haven_campaign_get_language:
 *
 * Returns: (nullable): the language tag the campaign's text is shown in;
 *   %NULL when the feed does not say (its texts are plain strings)
 */
const char *
haven_campaign_get_language (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), NULL);

  return self->language;
}

/**
 * haven_campaign_get_in_reader_language:
 *
 * Returns: %TRUE when the campaign is shown in one of the reader's languages;
 *   %FALSE when the feed lacks them for it, and it falls back to another
 */
gboolean
haven_campaign_get_in_reader_language (HavenCampaign *self)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), TRUE);

  return self->in_reader_language;
}

/**
 * haven_campaign_get_phase:
 * @self: a campaign
 * @today: the reader's date
 *
 * Returns: whether the campaign is still to come on @today, running, or
 *   over
 */
HavenCampaignPhase
haven_campaign_get_phase (HavenCampaign *self,
                          const GDate   *today)
{
  g_return_val_if_fail (HAVEN_IS_CAMPAIGN (self), HAVEN_CAMPAIGN_PHASE_PAST);
  g_return_val_if_fail (today != NULL && g_date_valid (today), HAVEN_CAMPAIGN_PHASE_PAST);

  if (g_date_compare (today, self->starts) < 0)
    return HAVEN_CAMPAIGN_PHASE_UPCOMING;
  if (g_date_compare (today, self->ends) <= 0)
    return HAVEN_CAMPAIGN_PHASE_CURRENT;
  return HAVEN_CAMPAIGN_PHASE_PAST;
}

/**
 * haven_campaign_get_today:
 * @today: (out caller-allocates): set to the reader's date
 *
 * The day campaigns are placed in: the local date, or the one the
 * environment variable HAVEN_TODAY gives as YYYY-MM-DD, so that tests and
 * content authors can see Home as it will be on another day. The one place
 * Haven reads it.
 */
void
haven_campaign_get_today (GDate *today)
{
  const char *forced = g_getenv ("HAVEN_TODAY");
  g_autoptr(GDateTime) now = NULL;
  guint year, month, day;
  char end;

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  if (forced != NULL &&
      sscanf (forced, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_date_set_dmy (today, day, month, year);
      return;
    }

  if (forced != NULL)
    g_warning ("HAVEN_TODAY=%s is not a date such as 2026-12-02; using today", forced);

  now = g_date_time_new_now_local ();
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
