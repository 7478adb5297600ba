/* haven-explainer-row.c: an explainer in a list: title, topic, reading time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-byline.h"
#include "haven-explainer-row.h"
#include "haven-widget-util.h"
#include "haven-language-label.h"

struct _HavenExplainerRow
{
  AdwActionRow    parent_instance;

  HavenExplainer *explainer;
  GtkWidget      *title;  /* the row's own title label */
};

G_DEFINE_FINAL_TYPE (HavenExplainerRow, haven_explainer_row, ADW_TYPE_ACTION_ROW)

char *
haven_explainer_format_minutes (HavenExplainer *explainer)
{
  guint minutes = haven_explainer_get_reading_minutes (explainer);

  /* Translators: reading time, as in “a 4-minute read” */
  return g_strdup_printf (ngettext ("%u-minute read", "%u-minute read", minutes), minutes);
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

/* The row's own label with the CSS class @css_class, such as "title". */
#define WRAP_MIN_CHARS 20

static void
haven_explainer_row_init (HavenExplainerRow *self)
{
  GtkWidget *subtitle;
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  /* Titles come from the feed: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-explainer-row");
  self->title = haven_widget_find_label (GTK_WIDGET (self), "title");
  /* libadwaita 1.5 and later name a row by its title label and describe it
   * by its subtitle; the row's own name and description, set with its
   * explainer, are the same on every version. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  /* A wrapping label's minimum width is measured by laying its text out
   * as narrow as it may wrap; from zero, a line per character. A floor of
   * a few words (far below the narrowest row) makes that a few lines. */
  gtk_label_set_width_chars (GTK_LABEL (self->title), WRAP_MIN_CHARS);
  if ((subtitle = haven_widget_find_label (GTK_WIDGET (self), "subtitle")) != NULL)
    gtk_label_set_width_chars (GTK_LABEL (subtitle), WRAP_MIN_CHARS);
}

/**
 * haven_explainer_row_new:
 * @feed: (nullable): where the explainer's topic is looked up
 * @explainer: (nullable): the explainer to show
 *
 * Returns: (transfer floating): an activatable row; lists set its
 *   explainer later
 */
GtkWidget *
haven_explainer_row_new (HavenFeed      *feed,
                         HavenExplainer *explainer)
{
  HavenExplainerRow *self = g_object_new (HAVEN_TYPE_EXPLAINER_ROW, NULL);

  haven_explainer_row_set_explainer (self, feed, explainer);

  return GTK_WIDGET (self);
}

/* The explainer's first topic the feed knows, by name. */
static const char *
topic_name (HavenFeed      *feed,
            HavenExplainer *explainer)
{
  const char * const *topics = haven_explainer_get_topics (explainer);

  for (guint i = 0; feed != NULL && topics != NULL && topics[i] != NULL; i++)
    {
      HavenTopic *topic = haven_feed_lookup_topic (feed, topics[i]);

      if (topic != NULL)
        return haven_topic_get_name (topic);
    }

  return NULL;
}

void
haven_explainer_row_set_explainer (HavenExplainerRow *self,
                                   HavenFeed         *feed,
                                   HavenExplainer    *explainer)
{
  g_autofree char *minutes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const char *language;

  g_return_if_fail (HAVEN_IS_EXPLAINER_ROW (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));
  g_return_if_fail (!explainer || HAVEN_IS_EXPLAINER (explainer));

  if (!g_set_object (&self->explainer, explainer) || explainer == NULL)
    return;

  /* content: the topic, how long it takes, who made it and, where the
   * feed lacks the reader's language, which one it is in; the title in
   * that language's direction. */
  minutes = haven_explainer_format_minutes (explainer);
  subtitle = haven_byline_format_subtitle (explainer, topic_name (feed, explainer));
  language = haven_explainer_get_in_reader_language (explainer)
             ? NULL : haven_explainer_get_language (explainer);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), haven_explainer_get_title (explainer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  if (self->title != NULL)
    haven_language_set_direction (self->title, language);

  /* libadwaita 1.2 gives a row no accessible name of its own. */
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
