/* haven-help-view.c: the Get Help view: emergency number and crisis lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-view"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-view.h"

struct _HavenHelpView
{
  AdwBin     parent_instance;

  HavenFeed *feed;
};

G_DEFINE_FINAL_TYPE (HavenHelpView, haven_help_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_help_view_dispose (GObject *object)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HELP_VIEW);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (haven_help_view_parent_class)->dispose (object);
}

static void
haven_help_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_help_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      haven_help_view_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_help_view_class_init (HavenHelpViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_view_dispose;
  object_class->get_property = haven_help_view_get_property;
  object_class->set_property = haven_help_view_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-view.ui");
}

static void
haven_help_view_init (HavenHelpView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenFeed *
haven_help_view_get_feed (HavenHelpView *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_VIEW (self), NULL);

  return self->feed;
}

void
haven_help_view_set_feed (HavenHelpView *self,
                                HavenFeed *feed)
{
  g_return_if_fail (HAVEN_IS_HELP_VIEW (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  if (g_set_object (&self->feed, feed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}
