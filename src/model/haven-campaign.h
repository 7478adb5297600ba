/* haven-campaign.h: an awareness campaign, with its figures and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "haven-link.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_FIGURE   (haven_figure_get_type ())
#define HAVEN_TYPE_INSIGHT  (haven_insight_get_type ())
#define HAVEN_TYPE_CAMPAIGN (haven_campaign_get_type ())

/**
 * HavenFigure:
 * @label: the bar's label
 * @value: 0 to 1e12
 * @unit: (nullable): the unit, shared by every figure of an insight
 *
 * One bar of an insight. Immutable and reference-counted.
 */
typedef struct _HavenFigure HavenFigure;

struct _HavenFigure
{
  char   *label;
  double  value;
  char   *unit;
};

/**
 * HavenInsight:
 * @title: what the figures show
 * @figures: (element-type HavenFigure): 1 to 32 figures
 * @source: the published source of the figures
 * @year: the year the figures refer to
 *
 * Survey figures, drawn as a bar chart. Immutable and reference-counted.
 */
typedef struct _HavenInsight HavenInsight;

struct _HavenInsight
{
  char      *title;
  GPtrArray *figures;
  HavenLink *source;
  int        year;
};

GType         haven_figure_get_type  (void) G_GNUC_CONST;
HavenFigure  *haven_figure_new       (const char   *label,
                                      double        value,
                                      const char   *unit);
HavenFigure  *haven_figure_ref       (HavenFigure  *self);
void          haven_figure_unref     (HavenFigure  *self);

GType         haven_insight_get_type (void) G_GNUC_CONST;
HavenInsight *haven_insight_new      (const char   *title,
                                      GPtrArray    *figures,
                                      HavenLink    *source,
                                      int           year);
HavenInsight *haven_insight_ref      (HavenInsight *self);
void          haven_insight_unref    (HavenInsight *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenFigure, haven_figure_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenInsight, haven_insight_unref)

/* Where a campaign is in its life, on a given day. */
typedef enum
{
  HAVEN_CAMPAIGN_PHASE_UPCOMING,
  HAVEN_CAMPAIGN_PHASE_CURRENT,
  HAVEN_CAMPAIGN_PHASE_PAST,
} HavenCampaignPhase;

/* Immutable; dates are GDates owned by the object (see haven-feed.h). */
G_DECLARE_FINAL_TYPE (HavenCampaign, haven_campaign, HAVEN, CAMPAIGN, GObject)

const char         *haven_campaign_get_id                  (HavenCampaign *self);
const char         *haven_campaign_get_title               (HavenCampaign *self);
const char         *haven_campaign_get_tagline             (HavenCampaign *self);
const char         *haven_campaign_get_description         (HavenCampaign *self);
const char         *haven_campaign_get_hero_url            (HavenCampaign *self);
const char         *haven_campaign_get_hero_alt            (HavenCampaign *self);
const char         *haven_campaign_get_accent_color        (HavenCampaign *self);
const GDate        *haven_campaign_get_starts              (HavenCampaign *self);
const GDate        *haven_campaign_get_ends                (HavenCampaign *self);
const GDate        *haven_campaign_get_highlight_day       (HavenCampaign *self);
const char * const *haven_campaign_get_topics              (HavenCampaign *self);
const char * const *haven_campaign_get_explainers          (HavenCampaign *self);
GPtrArray          *haven_campaign_get_links               (HavenCampaign *self);
const char         *haven_campaign_get_call_to_action_label (HavenCampaign *self);
const char         *haven_campaign_get_call_to_action_url  (HavenCampaign *self);
GPtrArray          *haven_campaign_get_insights            (HavenCampaign *self);
gboolean            haven_campaign_is_running              (HavenCampaign *self,
                                                            const GDate   *today);
HavenCampaignPhase  haven_campaign_get_phase               (HavenCampaign *self,
                                                            const GDate   *today);
const char         *haven_campaign_get_language              (HavenCampaign *self);
gboolean            haven_campaign_get_in_reader_language    (HavenCampaign *self);

void                haven_campaign_get_today               (GDate         *today);

G_END_DECLS
