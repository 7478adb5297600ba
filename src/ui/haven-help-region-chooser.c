/* haven-help-region-chooser.c: Get Help's region, and a searchable list to change it
 *
 * Says which region Get Help shows ("Help where you are: United Kingdom"), with a
 * button that opens a list of every region of the feed. Without a region,
 * or with one the feed has no lines for, it shows the fallback instead:
 * help that works anywhere, and the same list in the page itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-region-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-region-chooser.h"
#include "haven-region-fallback.h"
#include "haven-region-list.h"

struct _HavenHelpRegionChooser
{
  AdwBin               parent_instance;

  GListModel          *regions;
  HavenRegion         *region;

  GtkWidget           *known_box;
  GtkLabel            *label;
  GtkMenuButton       *button;
  HavenRegionList     *popover_list;
  HavenRegionFallback *fallback;
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

static void
on_region_chosen (HavenHelpRegionChooser *self,
                  HavenRegion            *region)
{
  /* Held: the chooser may drop the list's regions while it tells. */
  g_autoptr(HavenRegion) chosen = g_object_ref (region);

  gtk_menu_button_popdown (self->button);
  haven_help_region_chooser_set_region (self, chosen);
  g_signal_emit (self, signals[REGION_CHOSEN], 0, chosen);
}

static void
update_label (HavenHelpRegionChooser *self)
{
  gboolean known = self->region != NULL;

  gtk_widget_set_visible (self->known_box, known);
  gtk_widget_set_visible (GTK_WIDGET (self->fallback), !known);
  if (known)
    gtk_label_set_text (self->label, haven_region_get_name (self->region));
}

static void
haven_help_region_chooser_dispose (GObject *object)
{
  HavenHelpRegionChooser *self = HAVEN_HELP_REGION_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HELP_REGION_CHOOSER);
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
   * The region shown, or %NULL when Haven knows none for the reader or
   * the feed has none for theirs: the chooser then shows the fallback.
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

  g_type_ensure (HAVEN_TYPE_REGION_LIST);
  g_type_ensure (HAVEN_TYPE_REGION_FALLBACK);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-region-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, known_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, button);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, popover_list);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpRegionChooser, fallback);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chosen);
}

static void
haven_help_region_chooser_init (HavenHelpRegionChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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

  haven_region_list_set_regions (self->popover_list, regions);
  haven_region_fallback_set_regions (self->fallback, regions);
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

/**
 * haven_help_region_chooser_set_code:
 * @self: the chooser
 * @code: (nullable): the code of the region Haven was given, which the
 *   feed may not have
 *
 * Lets the fallback name the region it has no lines for, rather than
 * claim it was given none.
 */
void
haven_help_region_chooser_set_code (HavenHelpRegionChooser *self,
                                    const char             *code)
{
  g_return_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self));

  haven_region_fallback_set_code (self->fallback, code);
}

/**
 * haven_help_region_chooser_set_directory:
 * @self: the chooser
 * @directory: (nullable): the feed's directory of helplines worldwide
 */
void
haven_help_region_chooser_set_directory (HavenHelpRegionChooser *self,
                                         HavenLink              *directory)
{
  g_return_if_fail (HAVEN_IS_HELP_REGION_CHOOSER (self));

  haven_region_fallback_set_directory (self->fallback, directory);
}
