/* haven-stale-notice.c: a calm line saying the content is more than 30 days old
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * signing: a feed server can keep sending an old feed that is correctly
 * signed (or no feed at all). Haven then shows what it has, numbers
 * included, and says from when it is, so the reader can judge.
 */

#define G_LOG_DOMAIN "haven-stale-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-stale-notice.h"

struct _HavenStaleNotice
{
  GtkBox     parent_instance;

  HavenFeed *feed;
  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (HavenStaleNotice, haven_stale_notice, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_stale_notice_update (HavenStaleNotice *self)
{
  const GDate *generated;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  GDate today;

  if (self->feed == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  generated = haven_feed_get_generated (self->feed);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!g_date_valid (generated) || g_date_days_between (generated, &today) <= HAVEN_STALE_NOTICE_DAYS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  date = g_date_time_new_local (g_date_get_year (generated), g_date_get_month (generated),
                                g_date_get_day (generated), 12, 0, 0);
  /* Translators: a date as in “This content is from 3 November 2026”; see
   * g_date_time_format() for the codes. */
  day = g_date_time_format (date, C_("content date", "%-d %B %Y"));
  /* Translators: %s is a date such as “3 November 2026” */
  text = g_strdup_printf (_("This content is from %s, more than a month ago. Haven keeps "
                            "showing it and will keep trying to get newer content."), day);
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
haven_stale_notice_dispose (GObject *object)
{
  HavenStaleNotice *self = HAVEN_STALE_NOTICE (object);

  g_clear_object (&self->feed);

  G_OBJECT_CLASS (haven_stale_notice_parent_class)->dispose (object);
}

static void
haven_stale_notice_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenStaleNotice *self = HAVEN_STALE_NOTICE (object);

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
haven_stale_notice_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenStaleNotice *self = HAVEN_STALE_NOTICE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      haven_stale_notice_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_stale_notice_class_init (HavenStaleNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_stale_notice_dispose;
  object_class->get_property = haven_stale_notice_get_property;
  object_class->set_property = haven_stale_notice_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
haven_stale_notice_init (HavenStaleNotice *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->label), 6);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-stale-notice");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
haven_stale_notice_new (void)
{
  return g_object_new (HAVEN_TYPE_STALE_NOTICE, NULL);
}

/**
 * haven_stale_notice_set_feed:
 * @feed: (nullable): the content shown
 *
 * Shows the notice when @feed was generated more than
 * %HAVEN_STALE_NOTICE_DAYS days ago, and hides it otherwise.
 */
void
haven_stale_notice_set_feed (HavenStaleNotice *self,
                             HavenFeed        *feed)
{
  g_return_if_fail (HAVEN_IS_STALE_NOTICE (self));
  g_return_if_fail (feed == NULL || HAVEN_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  haven_stale_notice_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/**
 * haven_stale_notice_get_text:
 *
 * Returns: (nullable): what the notice says while it is shown
 */
const char *
haven_stale_notice_get_text (HavenStaleNotice *self)
{
  g_return_val_if_fail (HAVEN_IS_STALE_NOTICE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  return gtk_label_get_label (self->label);
}
