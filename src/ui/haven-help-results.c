/* haven-help-results.c: Get Help's lines, ranked for the reader's answers
 *
 * Every line of the region, the ones that fit what is going on and how the
 * reader would like to reach out first: a refinement reorders, it never
 * hides a line, so no answer leads to an empty page. The emergency number
 * stays on top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-results"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-contact-list.h"
#include "haven-help-emergency-card.h"
#include "haven-help-results.h"

struct _HavenHelpResults
{
  AdwBin                  parent_instance;

  GtkLabel               *title_label;
  GtkLabel               *someone_label;
  HavenHelpEmergencyCard *emergency_card;
  HavenHelpContactList   *contact_list;
};

G_DEFINE_FINAL_TYPE (HavenHelpResults, haven_help_results, ADW_TYPE_BIN)

static void
haven_help_results_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_HELP_RESULTS);

  G_OBJECT_CLASS (haven_help_results_parent_class)->dispose (object);
}

static void
haven_help_results_class_init (HavenHelpResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_help_results_dispose;

  g_type_ensure (HAVEN_TYPE_HELP_CONTACT_LIST);
  g_type_ensure (HAVEN_TYPE_HELP_EMERGENCY_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-results.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpResults, title_label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpResults, someone_label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpResults, emergency_card);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpResults, contact_list);
}

static void
haven_help_results_init (HavenHelpResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * haven_help_results_show:
 * @self: the results
 * @feed: (nullable): the feed
 * @region: (nullable): the reader's region code
 * @topic: (nullable): what is going on, a topic id
 * @reach: how the reader would like to reach out
 * @for_someone: whether the reader is worried about someone else
 *
 * Shows the emergency numbers and every line of @region, ranked for the
 * answers; without a known region, nothing.
 */
void
haven_help_results_show (HavenHelpResults *self,
                         HavenFeed        *feed,
                         const char       *region,
                         const char       *topic,
                         HavenReach        reach,
                         gboolean          for_someone)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  HavenRegion *known = NULL;
  HavenTopic *chosen = NULL;

  g_return_if_fail (HAVEN_IS_HELP_RESULTS (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  haven_help_results_clear (self);
  if (feed != NULL && region != NULL)
    known = haven_feed_lookup_region (feed, region);
  if (known == NULL)
    return;

  if (topic != NULL)
    chosen = haven_feed_lookup_topic (feed, topic);

  if (for_someone)
    gtk_label_set_text (self->title_label, _("Helping Someone Else"));
  else if (chosen != NULL)
    gtk_label_set_text (self->title_label, haven_topic_get_name (chosen));
  else
    gtk_label_set_text (self->title_label, _("Services for You"));
  gtk_widget_set_visible (GTK_WIDGET (self->someone_label), for_someone);

  haven_help_emergency_card_set_region (self->emergency_card, known);

  contacts = haven_help_rank_contacts (haven_feed_get_contacts (feed), region, topic, reach, now);
  for (guint i = 0; i < contacts->len; i++)
    haven_help_contact_list_append (self->contact_list, g_ptr_array_index (contacts, i), now);
}

/* Forgets the lines shown, as leaving Get Help leaves no trace. */
void
haven_help_results_clear (HavenHelpResults *self)
{
  g_return_if_fail (HAVEN_IS_HELP_RESULTS (self));

  haven_help_contact_list_clear (self->contact_list);
  haven_help_emergency_card_set_region (self->emergency_card, NULL);
}

guint
haven_help_results_get_n_contacts (HavenHelpResults *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_RESULTS (self), 0);

  return haven_help_contact_list_get_n_contacts (self->contact_list);
}

void
haven_help_results_update_statuses (HavenHelpResults *self,
                                    GDateTime        *now)
{
  g_return_if_fail (HAVEN_IS_HELP_RESULTS (self));

  haven_help_contact_list_update_statuses (self->contact_list, now);
}
