/* haven-explainer-row.c: an explainer in a list: title, summary, reading time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-explainer-row.h"
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

static GtkLabel *
append_label (GtkWidget  *box,
              const char *css_class)
{
  GtkWidget *label = haven_text_label_new ("", css_class);

  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static void
haven_explainer_row_init (HavenExplainerRow *self)
{
  GtkWidget *box;

  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-explainer-row");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->title = append_label (box, "heading");
  self->summary = append_label (box, NULL);
  self->minutes = append_label (box, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->minutes), "dim-label");
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
  gtk_label_set_text (self->minutes, minutes);

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
