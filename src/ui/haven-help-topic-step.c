/* haven-help-topic-step.c: Get Help's optional question "What's going on?"
 *
 * One row for each topic Get Help asks about that the feed has. A row
 * activates "help.choose-topic" with the topic's id, which the view that
 * holds the step installs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-topic-step"

#include "config.h"

#include "haven-help-choice-row.h"
#include "haven-help-topic-step.h"
#include "haven-topic.h"

struct _HavenHelpTopicStep
{
  AdwBin      parent_instance;

  HavenFeed  *feed;
  GListStore *topics;
  GtkListBox *topic_list;
};

G_DEFINE_FINAL_TYPE (HavenHelpTopicStep, haven_help_topic_step, ADW_TYPE_BIN)

static GtkWidget *
create_topic_row (gpointer item,
                  gpointer user_data)
{
  HavenTopic *topic = item;

  /* Topic names come from the feed: plain text, never markup. */
  return g_object_new (HAVEN_TYPE_HELP_CHOICE_ROW,
                       "use-markup", FALSE,
                       "title", haven_topic_get_name (topic),
                       "action-name", "help.choose-topic",
                       "action-target", g_variant_new_string (haven_topic_get_id (topic)),
                       NULL);
}

static void
haven_help_topic_step_dispose (GObject *object)
{
  HavenHelpTopicStep *self = HAVEN_HELP_TOPIC_STEP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HELP_TOPIC_STEP);
  g_clear_object (&self->topics);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (haven_help_topic_step_parent_class)->dispose (object);
}

static void
haven_help_topic_step_class_init (HavenHelpTopicStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_topic_step_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-topic-step.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpTopicStep, topic_list);
}

static void
haven_help_topic_step_init (HavenHelpTopicStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->topics = g_list_store_new (HAVEN_TYPE_TOPIC);
  gtk_list_box_bind_model (self->topic_list, G_LIST_MODEL (self->topics),
                           create_topic_row, NULL, NULL);
}

/**
 * haven_help_topic_step_set_feed:
 * @self: the step
 * @feed: (nullable): the feed whose topics to offer
 *
 * Offers the topics Get Help asks about, in their order, that @feed has.
 * The view sets the feed as the step is shown, not before: the rows are
 * built when they are needed, and the first frame of Get Help has fewer
 * widgets to make.
 */
void
haven_help_topic_step_set_feed (HavenHelpTopicStep *self,
                                HavenFeed          *feed)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();

  g_return_if_fail (HAVEN_IS_HELP_TOPIC_STEP (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  for (const char * const *id = haven_topic_get_help_ids (); feed != NULL && *id != NULL; id++)
    {
      HavenTopic *topic = haven_feed_lookup_topic (feed, *id);

      if (topic != NULL)
        g_ptr_array_add (topics, topic);
    }

  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       topics->pdata, topics->len);
}

/* Moves the focus to the first choice, so a screen reader reads where it is. */
void
haven_help_topic_step_focus (HavenHelpTopicStep *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (HAVEN_IS_HELP_TOPIC_STEP (self));

  first = gtk_list_box_get_row_at_index (self->topic_list, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
