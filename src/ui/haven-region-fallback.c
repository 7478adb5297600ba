/* haven-region-fallback.c: Get Help where the feed has no lines for the region
 *
 * Shown in the page itself, never behind a button, when Haven knows no
 * region for the reader or the feed has no lines for theirs: what works
 * anywhere (the local emergency number, 112 from mobile phones in many
 * places, the feed's worldwide directory of helplines), then every region
 * of the feed to choose from. It names the region it was given, if any: it
 * never claims Haven could not tell where the reader is when it was told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-region-fallback"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-region-fallback.h"
#include "haven-region-list.h"
#include "haven-widget-util.h"

struct _HavenRegionFallback
{
  AdwBin           parent_instance;

  HavenLink       *directory;
  char            *code;

  GtkLabel        *heading;
  GtkBox          *directory_box;
  GtkWidget       *directory_button;
  HavenRegionList *region_list;
};

G_DEFINE_FINAL_TYPE (HavenRegionFallback, haven_region_fallback, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_CODE,
  N_PROPS
};

enum {
  REGION_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_heading (HavenRegionFallback *self)
{
  g_autofree char *text = NULL;

  if (self->code == NULL || self->code[0] == '\0')
    {
      gtk_label_set_text (self->heading, _("Choose Your Country or Region"));
      return;
    }

  /* Translators: %s is the code of a country or region that Haven has no
   * crisis lines for, such as XZ */
  text = g_strdup_printf (_("Haven has no crisis lines for %s yet"), self->code);
  gtk_label_set_text (self->heading, text);
}

static void
update_directory (HavenRegionFallback *self)
{
  if (self->directory_button != NULL)
    gtk_box_remove (self->directory_box, self->directory_button);
  self->directory_button = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->directory_box), self->directory != NULL);
  if (self->directory == NULL)
    return;

  self->directory_button = haven_link_button_new (self->directory->title, self->directory->url);
  gtk_box_append (self->directory_box, self->directory_button);
}

static void
on_region_chosen (HavenRegionFallback *self,
                  HavenRegion         *region)
{
  g_signal_emit (self, signals[REGION_CHOSEN], 0, region);
}

static void
haven_region_fallback_dispose (GObject *object)
{
  HavenRegionFallback *self = HAVEN_REGION_FALLBACK (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_REGION_FALLBACK);
  self->directory_button = NULL;
  g_clear_pointer (&self->directory, haven_link_unref);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (haven_region_fallback_parent_class)->dispose (object);
}

static void
haven_region_fallback_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HavenRegionFallback *self = HAVEN_REGION_FALLBACK (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_boxed (value, self->directory);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_fallback_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HavenRegionFallback *self = HAVEN_REGION_FALLBACK (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      haven_region_fallback_set_directory (self, g_value_get_boxed (value));
      break;

    case PROP_CODE:
      haven_region_fallback_set_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_fallback_class_init (HavenRegionFallbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_region_fallback_dispose;
  object_class->get_property = haven_region_fallback_get_property;
  object_class->set_property = haven_region_fallback_set_property;

  /**
   * HavenRegionFallback:directory:
   *
   * The feed's directory of helplines worldwide, or %NULL when it has none.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_boxed ("directory", NULL, NULL,
                        HAVEN_TYPE_LINK,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenRegionFallback:code:
   *
   * The code of the region Haven was given but has no lines for, or %NULL
   * when it was given none.
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenRegionFallback::region-chosen:
   * @self: the fallback
   * @region: the region the reader chose from the list
   */
  signals[REGION_CHOSEN] =
    g_signal_new ("region-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HAVEN_TYPE_REGION);

  g_type_ensure (HAVEN_TYPE_REGION_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-region-fallback.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenRegionFallback, heading);
  gtk_widget_class_bind_template_child (widget_class, HavenRegionFallback, directory_box);
  gtk_widget_class_bind_template_child (widget_class, HavenRegionFallback, region_list);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chosen);
}

static void
haven_region_fallback_init (HavenRegionFallback *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_heading (self);
  update_directory (self);
}

void
haven_region_fallback_set_regions (HavenRegionFallback *self,
                                   GListModel          *regions)
{
  g_return_if_fail (HAVEN_IS_REGION_FALLBACK (self));

  haven_region_list_set_regions (self->region_list, regions);
}

HavenLink *
haven_region_fallback_get_directory (HavenRegionFallback *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION_FALLBACK (self), NULL);

  return self->directory;
}

void
haven_region_fallback_set_directory (HavenRegionFallback *self,
                                     HavenLink           *directory)
{
  g_return_if_fail (HAVEN_IS_REGION_FALLBACK (self));

  if (self->directory == directory)
    return;

  g_clear_pointer (&self->directory, haven_link_unref);
  if (directory != NULL)
    self->directory = haven_link_ref (directory);
  update_directory (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY]);
}

const char *
haven_region_fallback_get_code (HavenRegionFallback *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION_FALLBACK (self), NULL);

  return self->code;
}

void
haven_region_fallback_set_code (HavenRegionFallback *self,
                                const char          *code)
{
  g_return_if_fail (HAVEN_IS_REGION_FALLBACK (self));

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  update_heading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}
