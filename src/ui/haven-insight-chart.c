/* haven-insight-chart.c: a campaign's survey figures as a bar chart and as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-insight-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "haven-insight-chart.h"
#include "haven-widget-util.h"

struct _HavenInsightChart
{
  GtkBox        parent_instance;

  HavenInsight *insight;
  GdkRGBA       accent;
};

G_DEFINE_FINAL_TYPE (HavenInsightChart, haven_insight_chart, GTK_TYPE_BOX)

typedef struct
{
  HavenInsightChart *chart;
  double             fraction;
} Bar;

/**
 * haven_insight_format_figure:
 *
 * Returns: (transfer full): the figure's value and unit as a reader sees
 *   them written under the bar, as in “970 million people”
 */
char *
haven_insight_format_figure (HavenFigure *figure)
{
  g_autofree char *number = g_strdup_printf ("%'.12g", figure->value);

  if (figure->unit != NULL)
    /* Translators: a number and its unit, as in “970 million people” */
    return g_strdup_printf (_("%s %s"), number, figure->unit);

  return g_steal_pointer (&number);
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * channel (color->red) + 0.7152 * channel (color->green) + 0.0722 * channel (color->blue);
}

/* The feed's accent colour, moved toward the text colour until the bar
 * stands out from the background by at least 3:1 (WCAG's ratio for
 * graphics): a dark accent on a dark style gets lighter, and so on. The
 * background is taken as the opposite of the text colour. */
static GdkRGBA
readable_bar_color (GtkWidget     *widget,
                    const GdkRGBA *accent)
{
  GdkRGBA text, color = *accent;
  double background;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text);
  G_GNUC_END_IGNORE_DEPRECATIONS
  background = luminance (&text) > 0.5 ? 0.018 : 0.955;

  for (int step = 0; step < 10; step++)
    {
      double l = luminance (&color);
      double ratio = (MAX (l, background) + 0.05) / (MIN (l, background) + 0.05);

      if (ratio >= 3.0)
        break;
      color.red += (text.red - color.red) * 0.2;
      color.green += (text.green - color.green) * 0.2;
      color.blue += (text.blue - color.blue) * 0.2;
    }
  color.alpha = 1.0;

  return color;
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  Bar *bar = user_data;
  double w = MAX (2.0, width * bar->fraction);
  GdkRGBA color = readable_bar_color (GTK_WIDGET (area), &bar->chart->accent);

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_rectangle (cr, 0, 0, w, height);
  cairo_fill (cr);
}

static void
haven_insight_chart_dispose (GObject *object)
{
  HavenInsightChart *self = HAVEN_INSIGHT_CHART (object);

  g_clear_pointer (&self->insight, haven_insight_unref);

  G_OBJECT_CLASS (haven_insight_chart_parent_class)->dispose (object);
}

static void
haven_insight_chart_class_init (HavenInsightChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_insight_chart_dispose;
}

static void
haven_insight_chart_init (HavenInsightChart *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-insight");
}

GtkWidget *
haven_insight_chart_new (HavenInsight *insight,
                         const char   *accent_color)
{
  HavenInsightChart *self;
  GtkWidget *source_box, *link;
  g_autofree char *year = NULL;
  double max = 0.0;

  g_return_val_if_fail (insight != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_INSIGHT_CHART, NULL);
  self->insight = haven_insight_ref (insight);
  if (accent_color == NULL || !gdk_rgba_parse (&self->accent, accent_color))
    self->accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };

  gtk_box_append (GTK_BOX (self), haven_text_label_new (insight->title, "heading"));

  for (guint i = 0; i < insight->figures->len; i++)
    max = MAX (max, ((HavenFigure *) g_ptr_array_index (insight->figures, i))->value);

  for (guint i = 0; i < insight->figures->len; i++)
    {
      HavenFigure *figure = g_ptr_array_index (insight->figures, i);
      g_autofree char *value = haven_insight_format_figure (figure);
      GtkWidget *row, *area, *label;
      Bar *bar = g_new0 (Bar, 1);

      row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      label = haven_text_label_new (figure->label, NULL);
      gtk_box_append (GTK_BOX (row), label);

      bar->chart = self;
      bar->fraction = max > 0.0 ? figure->value / max : 0.0;
      area = gtk_drawing_area_new ();
      gtk_widget_set_size_request (area, -1, 12);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_bar, bar, g_free);
      /* The bar repeats the written value, so assistive technology skips it. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (row), area);

      label = haven_text_label_new (value, "numeric");
      gtk_box_append (GTK_BOX (row), label);

      gtk_box_append (GTK_BOX (self), row);
    }

  source_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  link = gtk_link_button_new_with_label (insight->source->url, insight->source->title);
  gtk_widget_set_halign (link, GTK_ALIGN_START);
  gtk_widget_add_css_class (link, "haven-link");
  if (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (link))))
    {
      GtkLabel *link_label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link)));

      gtk_label_set_wrap (link_label, TRUE);
      gtk_label_set_xalign (link_label, 0.0);
    }
  /* Translators: under a chart, before the link to its source: %d is the year the figures refer to */
  year = g_strdup_printf (_("Source (%d):"), insight->year);
  gtk_box_append (GTK_BOX (source_box), haven_text_label_new (year, "caption"));
  gtk_box_append (GTK_BOX (source_box), link);
  gtk_box_append (GTK_BOX (self), source_box);

  return GTK_WIDGET (self);
}
