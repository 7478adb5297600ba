/* haven-insight-chart.h: a campaign's survey figures as a bar chart and as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-campaign.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_INSIGHT_CHART (haven_insight_chart_get_type ())

G_DECLARE_FINAL_TYPE (HavenInsightChart, haven_insight_chart, HAVEN, INSIGHT_CHART, GtkBox)

GtkWidget *haven_insight_chart_new          (HavenInsight *insight,
                                             const char   *accent_color);
char      *haven_insight_format_figure      (HavenFigure  *figure);

G_END_DECLS
