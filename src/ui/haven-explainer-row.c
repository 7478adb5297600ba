/* haven-explainer-row.c: an explainer in a list: title, summary, reading time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-byline.h"
#include "haven-explainer-row.h"
#include "haven-language-label.h"
#include "haven-widget-util.h"

struct _HavenExplainerRow
{
  GtkButton       parent_instance;

  HavenExplainer *explainer;
  GtkLabel       *title;
  GtkLabel       *summary;
  GtkLabel       *minutes;
};

G_DEFINE_FINAL_TYPE (HavenExplainerRow, haven_explainer_row, GTK_TYPE_BUTTON)

char *
haven_explainer_format_minutes (HavenExplainer *explainer)
{
  guint minutes = haven_explainer_get_reading_minutes (explainer);

  /* Translators: reading time */
  return g_strdup_printf (ngettext ("%u minute read", "%u minutes read", minutes), minutes);
}

static void
haven_explainer_row_dispose (GObject *object)
{
  HavenExplainerRow *self = HAVEN_EXPLAINER_ROW (object);

  g_clear_object (&self->explainer);

  G_OBJECT_CLASS (haven_explainer_row_parent_class)->dispose (object);
}

static void
haven_explainer_row_class_init (HavenExplainerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_explainer_row_dispose;
}

/* A wrapping label's minimum width is measured by laying its text out as
 * narrow as it may wrap; from zero, a line per character. A floor of a
 * few words (far below the narrowest row) makes that a few lines. */
#define WRAP_MIN_CHARS 20

static GtkLabel *
append_label (GtkWidget  *box,
              const char *css_class)
{
  GtkWidget *label = haven_text_label_new ("", css_class);

  gtk_label_set_width_chars (GTK_LABEL (label), WRAP_MIN_CHARS);

  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

/* The row takes the width the list gives it and its labels wrap to it,
 * so its width request never depends on its text, and it has a height
 * only for a given width (the list asks for that when it lays the row
 * out). Measuring a wrapping label without a width lays its text out
 * twice, once unwrapped and once as narrow as it goes, a line per
 * character; GTK 4.8's list view asks so of every row it binds, and on
 * a filter change that was most of the time the list took to update. */
static void
measure_row (GtkWidget      *widget,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 &&
      child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
allocate_row (GtkWidget *widget,
              int        width,
              int        height,
              int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, -1, NULL);
}

static void
haven_explainer_row_init (HavenExplainerRow *self)
{
  GtkWidget *box;

  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, measure_row, allocate_row));

  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-explainer-row");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->title = append_label (box, "heading");
  self->summary = append_label (box, NULL);
  self->minutes = append_label (box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "dim-label");
  /* A few words: one line, laid out once. */
  gtk_label_set_wrap (self->minutes, FALSE);
  gtk_button_set_child (GTK_BUTTON (self), box);
}

/**
 * haven_explainer_row_new:
 * @explainer: (nullable): the explainer to show
 *
 * Returns: (transfer floating): a row; list views set its explainer later
 */
GtkWidget *
haven_explainer_row_new (HavenExplainer *explainer)
{
  HavenExplainerRow *self = g_object_new (HAVEN_TYPE_EXPLAINER_ROW, NULL);

  haven_explainer_row_set_explainer (self, explainer);

  return GTK_WIDGET (self);
}

void
haven_explainer_row_set_explainer (HavenExplainerRow *self,
                                   HavenExplainer    *explainer)
{
  g_autofree char *minutes = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (HAVEN_IS_EXPLAINER_ROW (self));
  g_return_if_fail (!explainer || HAVEN_IS_EXPLAINER (explainer));

  if (!g_set_object (&self->explainer, explainer) || explainer == NULL)
    return;

  minutes = haven_explainer_format_minutes (explainer);
  gtk_label_set_text (self->title, haven_explainer_get_title (explainer));
  gtk_label_set_text (self->summary, haven_explainer_get_summary (explainer));
  /* content: who made it and, where the feed lacks the reader's language,
   * which one it is in; its text in that language's direction. */
  {
    g_autofree char *subtitle = haven_byline_format_subtitle (explainer);
    const char *language = haven_explainer_get_in_reader_language (explainer)
                           ? NULL : haven_explainer_get_language (explainer);

    gtk_label_set_text (self->minutes, subtitle);
    gtk_label_set_wrap (self->minutes, TRUE);
    haven_language_set_direction (GTK_WIDGET (self->title), language);
    haven_language_set_direction (GTK_WIDGET (self->summary), language);
  }

  name = g_strdup_printf ("%s. %s", haven_explainer_get_title (explainer), minutes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, haven_explainer_get_summary (explainer),
                                  -1);
}

HavenExplainer *
haven_explainer_row_get_explainer (HavenExplainerRow *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER_ROW (self), NULL);

  return self->explainer;
}
