/* haven-help-region-chooser.c: Get Help's region, and a searchable list to change it
 *
 * Says which region Get Help shows ("Help for United Kingdom") or that
 * Haven could not tell, with a button that opens a list of every region of
 * the feed, filtered as the reader types; Enter takes the first match.
 * The list is only built when it is first opened, so it costs the first
 * frame nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-region-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-region-chooser.h"

struct _HavenHelpRegionChooser
{
  AdwBin              parent_instance;

  GListModel         *regions;
  HavenRegion        *region;
  /* The list on screen: the regions by name, filtered by the search. */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;

  GtkLabel           *label;
  GtkMenuButton      *button;
  GtkSearchEntry     *search;
  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (HavenHelpRegionChooser, haven_help_region_chooser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGIONS,
  PROP_REGION,
  N_PROPS
};

enum {
  REGION_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HavenHelpRegionChooser *self = user_data;
  HavenRegion *region = item;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (query == NULL || query[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (haven_region_get_name (region), -1);

  return strstr (name, needle) != NULL ||
         g_ascii_strcasecmp (haven_region_get_code (region), query) == 0;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (haven_region_get_name (HAVEN_REGION (item)));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  return row;
}

static void
bind_list (HavenHelpRegionChooser *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkExpression *expression;

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  if (self->regions == NULL)
    return;

  expression = gtk_property_expression_new (HAVEN_TYPE_REGION, NULL, "name");
  sorted = gtk_sort_list_model_new (g_object_ref (self->regions),
                                    GTK_SORTER (gtk_string_sorter_new (expression)));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&sorted)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, NULL, NULL);
}

static void
on_popover_show (HavenHelpRegionChooser *self)
{
  if (self->filtered == NULL)
    bind_list (self);
}

static void
on_search_changed (HavenHelpRegionChooser *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose_row (HavenHelpRegionChooser *self,
            GtkListBoxRow          *row)
{
  g_autoptr(HavenRegion) region = NULL;

  if (self->filtered == NULL)
    return;

  /* Held: clearing the search below rebuilds the rows, this one with them. */
  region = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (row));
  if (region == NULL)
    return;

  gtk_menu_button_popdown (self->button);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  haven_help_region_chooser_set_region (self, region);
  g_signal_emit (self, signals[REGION_CHOSEN], 0, region);
}

static void
on_row_activated (HavenHelpRegionChooser *self,
                  GtkListBoxRow          *row)
{
  choose_row (self, row);
}

static void
on_search_activate (HavenHelpRegionChooser *self)
{
  GtkListBoxRow *row;

  /* search-changed comes after a delay: filter now, or Return right after
   * typing would pick the first region of the whole list. */
  on_search_changed (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    choose_row (self, row);
}

static void
update_label (HavenHelpRegionChooser *self)
{
  gboolean known = self->region != NULL;

  /* The long explanation for an unknown region needs the whole width, so
   * its button goes under it; "Help for …" keeps the button beside it. */
  /* The box is the bin's own child, so AdwBin, not the template, owns it. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (adw_bin_get_child (ADW_BIN (self))),
                                  known ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  if (known)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a country or region, such as United Kingdom */
      text = g_strdup_printf (_("Help for %s"), haven_region_get_name (self->region));
      gtk_label_set_text (self->label, text);
      gtk_menu_button_set_label (self->button, _("Change Region"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "suggested-action");
    }
  else
    {
      gtk_label_set_text (self->label,
                          _("Haven could not tell where you are. Choose your country or region to see its emergency number and crisis lines. If you are in danger now, call your local emergency number."));
      gtk_menu_button_set_label (self->button, _("Choose Region"));
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
    }
}

static void
haven_help_region_chooser_dispose (GObject *object)
{
  HavenHelpRegionChooser *self = HAVEN_HELP_REGION_CHOOSER (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HELP_REGION_CHOOSER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->regions);
  g_clear_object (&self->region);

  G_OBJECT_CLASS (haven_help_region_chooser_parent_class)->dispose (object);
}

static void
haven_help_region_chooser_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HavenHelpRegionChooser *self = HAVEN_HELP_REGION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      g_value_set_object (value, self->regions);
      break;

    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_help_region_chooser_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HavenHelpRegionChooser *self = HAVEN_HELP_REGION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      haven_help_region_chooser_set_regions (self, g_value_get_object (value));
      break;

    case PROP_REGION:
      haven_help_region_chooser_set_region (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_help_region_chooser_class_init (HavenHelpRegionChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_region_chooser_dispose;
  object_class->get_property = haven_help_region_chooser_get_property;
  object_class->set_property = haven_help_region_chooser_set_property;

  /**
   * HavenHelpRegionChooser:regions:
   *
   * The regions to choose from (#HavenRegion items).
   */
  properties[PROP_REGIONS] =
    g_param_spec_object ("regions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenHelpRegionChooser:region:
   *
   * The region shown, or %NULL when Haven could not tell.
   */
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL,
                         HAVEN_TYPE_REGION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenHelpRegionChooser::region-chosen:
   * @self: the chooser
   * @region: the region the reader chose
   *
   * The reader chose a region from the list (not emitted when the region
   * is set from code).
   */
  signals[REGION_CHOSEN] =
    g_signal_new ("region-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HAVEN_TYPE_REGION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-region-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, button);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, search);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
haven_help_region_chooser_init (HavenHelpRegionChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  update_label (self);
}

GListModel *
haven_help_region_chooser_get_regions (HavenHelpRegionChooser *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self), NULL);

  return self->regions;
}

void
haven_help_region_chooser_set_regions (HavenHelpRegionChooser *self,
                                       GListModel             *regions)
{
  g_return_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self));
  g_return_if_fail (regions == NULL || G_IS_LIST_MODEL (regions));

  if (!g_set_object (&self->regions, regions))
    return;

  /* The list is filled again when it is next opened. */
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

HavenRegion *
haven_help_region_chooser_get_region (HavenHelpRegionChooser *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self), NULL);

  return self->region;
}

void
haven_help_region_chooser_set_region (HavenHelpRegionChooser *self,
                                      HavenRegion            *region)
{
  g_return_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self));
  g_return_if_fail (region == NULL || HAVEN_IS_REGION (region));

  if (!g_set_object (&self->region, region))
    return;

  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}
