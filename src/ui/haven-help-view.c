/* haven-help-view.c: the Get Help view: emergency number and crisis lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-view"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-help-choice-row.h"
#include "haven-help-contact-list.h"
#include "haven-help-emergency-card.h"
#include "haven-help-exercises.h"
#include "haven-help-ranking.h"
#include "haven-help-reach-step.h"
#include "haven-help-region-chooser.h"
#include "haven-help-results.h"
#include "haven-help-topic-step.h"
#include "haven-help-view.h"
#include "haven-navigable.h"
#include "haven-stale-notice.h"
#include "haven-widget-util.h"

/* The status of every line is recomputed this often, so "Open now" stays true. */
#define STATUS_REFRESH_SECONDS 30

struct _HavenHelpView
{
  AdwBin                  parent_instance;

  HavenFeed              *feed;
  char                   *region;
  char                   *topic;
  HavenReach              reach;
  gboolean                for_someone;
  guint                   refresh_id;
  guint                   pending_id;
  gboolean                show_refine;
  gboolean                show_more;
  /* The region's contacts, the first lines among them, while the ones
   * after the first wait for the first frame. */
  GPtrArray              *pending_contacts;
  guint                   n_first;

  GtkStack               *stack;
  HavenHelpRegionChooser *region_chooser;
  HavenHelpEmergencyCard *emergency_card;
  GtkLabel               *first_heading;
  GtkLabel               *region_note_label;
  HavenHelpContactList   *first_list;
  GtkLabel               *refine_heading;
  GtkWidget              *refine_list;
  GtkLabel               *more_heading;
  HavenHelpContactList   *more_list;
  GtkLabel               *wait_heading;
  GtkWidget              *wait_list;
  GtkBox                 *note_box;
  GtkWidget              *directory_button;
  HavenHelpTopicStep     *topic_step;
  HavenHelpReachStep     *reach_step;
  HavenHelpResults       *results;
  HavenHelpExercises     *exercises;
  HavenStaleNotice       *stale_notice;
  /* Weak: the newest toast replaces it. */
  AdwToast               *toast;
};

static void haven_help_view_navigable_init (HavenNavigableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HavenHelpView, haven_help_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HAVEN_TYPE_NAVIGABLE, haven_help_view_navigable_init))

enum {
  PROP_0,
  PROP_FEED,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HavenRegion *
current_region (HavenHelpView *self)
{
  if (self->feed == NULL || self->region == NULL)
    return NULL;

  return haven_feed_lookup_region (self->feed, self->region);
}

static gboolean
refresh_statuses (gpointer user_data)
{
  HavenHelpView *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  haven_help_contact_list_update_statuses (self->first_list, now);
  haven_help_contact_list_update_statuses (self->more_list, now);
  haven_help_results_update_statuses (self->results, now);

  return G_SOURCE_CONTINUE;
}

/* Adds what rebuild_help() left until after the first frame. */
static void
add_pending_contacts (HavenHelpView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_handle_id (&self->pending_id, g_source_remove);
  for (guint i = 1; self->pending_contacts != NULL && i < self->pending_contacts->len; i++)
    haven_help_contact_list_append (i < self->n_first ? self->first_list : self->more_list,
                                    g_ptr_array_index (self->pending_contacts, i), now);
  g_clear_pointer (&self->pending_contacts, g_ptr_array_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->refine_heading), self->show_refine);
  gtk_widget_set_visible (self->refine_list, self->show_refine);
  gtk_widget_set_visible (GTK_WIDGET (self->more_heading), self->show_more);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_heading), TRUE);
  gtk_widget_set_visible (self->wait_list, TRUE);
}

static gboolean
add_pending_contacts_cb (gpointer user_data)
{
  HavenHelpView *self = user_data;

  self->pending_id = 0;
  add_pending_contacts (self);

  return G_SOURCE_REMOVE;
}

static void
rebuild_help (HavenHelpView *self)
{
  HavenRegion *region = current_region (self);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_first = 0;
  gboolean known = region != NULL;
  HavenLink *directory;
  const char *note;

  haven_help_contact_list_clear (self->first_list);
  haven_help_contact_list_clear (self->more_list);
  /* Nothing of the region shown before may follow. */
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending_contacts, g_ptr_array_unref);

  haven_help_emergency_card_set_region (self->emergency_card, region);
  gtk_widget_set_visible (GTK_WIDGET (self->first_heading), known);
  /* What lies below the first screen is shown once that is painted. */
  gtk_widget_set_visible (GTK_WIDGET (self->refine_heading), FALSE);
  gtk_widget_set_visible (self->refine_list, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->more_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_heading), FALSE);
  gtk_widget_set_visible (self->wait_list, FALSE);
  self->show_refine = FALSE;
  self->show_more = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->note_box), FALSE);
  if (self->directory_button != NULL)
    gtk_box_remove (self->note_box, g_steal_pointer (&self->directory_button));
  haven_help_region_chooser_set_region (self->region_chooser, region);
  haven_help_region_chooser_set_code (self->region_chooser, self->region);

  if (!known)
    return;

  contacts = haven_help_list_contacts (haven_feed_get_contacts (self->feed), self->region, &n_first);
  if (n_first == 0)
    n_first = contacts->len;

  /* The emergency number and the first line come first, in the frame that
   * shows the view. The rest, the first line's partner services included,
   * follow at low priority, after the frame GTK has due: they fill the
   * screen below a frame later, and the numbers that matter most are on
   * screen sooner. */
  if (contacts->len > 0)
    haven_help_contact_list_append (self->first_list, g_ptr_array_index (contacts, 0), now);
  self->pending_contacts = g_ptr_array_ref (contacts);
  self->n_first = n_first;
  self->pending_id = g_idle_add_full (G_PRIORITY_LOW, add_pending_contacts_cb, self, NULL);

  self->show_more = contacts->len > n_first;
  self->show_refine = contacts->len > 1;
  gtk_widget_set_visible (GTK_WIDGET (self->first_heading), contacts->len > 0);

  note = haven_region_get_note (region);
  if (note != NULL)
    {
      gtk_label_set_text (self->region_note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_box), TRUE);
    }
  else if (contacts->len == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a country or region */
      text = g_strdup_printf (_("Haven does not have a crisis line for %s yet. If you or someone else is in danger, call the emergency number above."),
                              haven_region_get_name (region));
      gtk_label_set_text (self->region_note_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->note_box), TRUE);
    }

  /* Where Haven knows no line, the feed's worldwide directory may. */
  directory = haven_feed_get_directory (self->feed);
  if (contacts->len == 0 && directory != NULL)
    {
      self->directory_button = haven_link_button_new (directory->title, directory->url);
      gtk_box_append (self->note_box, self->directory_button);
    }
}

static void
rebuild_results (HavenHelpView *self)
{
  haven_help_results_show (self->results, self->feed, self->region,
                           self->topic, self->reach, self->for_someone);
}

static void
save_no_trace (HavenHelpView *self)
{
  g_clear_pointer (&self->topic, g_free);
  self->reach = HAVEN_REACH_ANY;
  self->for_someone = FALSE;
}

/* GTK 4.18 leaves a stack page that was hidden and shown again out of the
 * accessibility tree: the topics would never reach a screen reader. From
 * GTK 4.10 on the stack keeps pages that are not on screen out of the tree
 * itself, so there a page is shown and never hidden again. */
static void
show_stack_page (HavenHelpView *self,
                 const char    *name)
{
  if (gtk_check_version (4, 10, 0) == NULL)
    {
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, name), TRUE);
      gtk_stack_set_visible_child_name (self->stack, name);
    }
  else
    haven_stack_show_only (self->stack, name);
}

static void
show_page (HavenHelpView *self,
           const char    *name)
{
  HavenHelpExercise exercise = HAVEN_HELP_EXERCISE_NONE;
  GtkWidget *page;

  if (g_str_equal (name, "breathe"))
    exercise = HAVEN_HELP_EXERCISE_BREATHE;
  else if (g_str_equal (name, "ground"))
    exercise = HAVEN_HELP_EXERCISE_GROUND;

  haven_help_exercises_show (self->exercises, exercise);
  show_stack_page (self, exercise != HAVEN_HELP_EXERCISE_NONE ? "exercises" : name);
  page = gtk_stack_get_visible_child (self->stack);
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));

  /* Move the focus into the page, so a screen reader reads where it is. */
  if (g_str_equal (name, "topic"))
    {
      haven_help_topic_step_set_feed (self->topic_step, self->feed);
      haven_help_topic_step_focus (self->topic_step);
    }
  else if (g_str_equal (name, "reach"))
    haven_help_reach_step_focus (self->reach_step);
  else if (page != NULL && gtk_widget_get_mapped (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (g_str_equal (name, "someone"))
    {
      save_no_trace (self);
      self->for_someone = TRUE;
      self->topic = g_strdup ("supporting-others");
      rebuild_results (self);
      show_page (self, "results");
      return;
    }

  if (g_str_equal (name, "help") || g_str_equal (name, "topic"))
    save_no_trace (self);

  if (g_str_equal (name, "help"))
    haven_help_results_clear (self->results);

  show_page (self, name);
}

/* Back from a step goes to the step before it: from the lines to how to
 * reach out, from there to the topic if one was asked, and from anything
 * else to the first page. */
static gboolean
go_back (HavenNavigable *navigable)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (navigable);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "results") == 0 && !self->for_someone)
    show_page (self, "reach");
  else if (g_strcmp0 (page, "reach") == 0 && self->topic != NULL)
    show_page (self, "topic");
  else if (g_strcmp0 (page, "help") != 0)
    {
      save_no_trace (self);
      show_page (self, "help");
    }
  else
    return FALSE;

  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_back (HAVEN_NAVIGABLE (widget));
}

static const char *
get_page_title (HavenNavigable *navigable)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (navigable);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (page == NULL || g_str_equal (page, "help"))
    return NULL;
  if (g_str_equal (page, "exercises"))
    return _("While You Wait");
  if (self->for_someone)
    return _("Helping Someone Else");

  return _("Find the Right Support");
}

static GtkWidget *
get_page (HavenNavigable *navigable)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (navigable);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "help") != 0 ? page : NULL;
}

static void
haven_help_view_navigable_init (HavenNavigableInterface *iface)
{
  iface->get_page_title = get_page_title;
  iface->get_page = get_page;
  iface->go_back = go_back;
}

static void
choose_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
  const char *topic = g_variant_get_string (parameter, NULL);

  g_free (self->topic);
  self->topic = topic[0] != '\0' ? g_strdup (topic) : NULL;
  self->for_someone = FALSE;
  show_page (self, "reach");
}

static void
choose_reach_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
  const char *reach = g_variant_get_string (parameter, NULL);

  if (g_str_equal (reach, "call"))
    self->reach = HAVEN_REACH_CALL;
  else if (g_str_equal (reach, "text"))
    self->reach = HAVEN_REACH_TEXT;
  else if (g_str_equal (reach, "chat"))
    self->reach = HAVEN_REACH_CHAT;
  else
    self->reach = HAVEN_REACH_ANY;

  self->for_someone = FALSE;
  rebuild_results (self);
  show_page (self, "results");
}

static void
on_toast_dismissed (AdwToast      *toast,
                    HavenHelpView *self)
{
  if (self->toast == toast)
    g_clear_weak_pointer (&self->toast);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  /* Newer feedback replaces older: it never waits behind it. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_set_timeout (toast, 5);
  /* The overlay is the bin's own child, so AdwBin, not the template, owns it. */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self))), toast);
}

static void
set_region (HavenHelpView *self,
            const char    *code)
{
  if (g_strcmp0 (self->region, code) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (code);
  /* Without a feed yet, the region waits for it (haven_help_view_set_feed). */
  if (self->feed != NULL)
    {
      rebuild_help (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
        rebuild_results (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}


static void
on_region_chosen (HavenHelpView *self,
                  HavenRegion   *region)
{
  /* Whoever binds HavenHelpView:region (the window, to HavenContent:region)
   * remembers the reader's choice. */
  set_region (self, haven_region_get_code (region));
}

static void
haven_help_view_dispose (GObject *object)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending_contacts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_HELP_VIEW);
  g_clear_object (&self->feed);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_weak_pointer (&self->toast);

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

    case PROP_REGION:
      g_value_set_string (value, self->region);
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

    case PROP_REGION:
      haven_help_view_set_region (self, g_value_get_string (value));
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

  /**
   * HavenHelpView:region:
   *
   * The code of the region the view shows help for. The view sets it
   * itself when the reader chooses a region.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_STALE_NOTICE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-help-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, region_chooser);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, stale_notice);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, emergency_card);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, first_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, region_note_label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, first_list);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, refine_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, refine_list);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, more_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, more_list);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, wait_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, wait_list);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, note_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, topic_step);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, reach_step);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, results);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, exercises);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chosen);

  gtk_widget_class_install_action (widget_class, "help.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "help.choose-topic", "s", choose_topic_action);
  gtk_widget_class_install_action (widget_class, "help.choose-reach", "s", choose_reach_action);
  gtk_widget_class_install_action (widget_class, "help.toast", "s", toast_action);

  g_type_ensure (HAVEN_TYPE_HELP_CHOICE_ROW);
  g_type_ensure (HAVEN_TYPE_HELP_CONTACT_LIST);
  g_type_ensure (HAVEN_TYPE_HELP_EMERGENCY_CARD);
  g_type_ensure (HAVEN_TYPE_HELP_EXERCISES);
  g_type_ensure (HAVEN_TYPE_HELP_REACH_STEP);
  g_type_ensure (HAVEN_TYPE_HELP_REGION_CHOOSER);
  g_type_ensure (HAVEN_TYPE_HELP_RESULTS);
  g_type_ensure (HAVEN_TYPE_HELP_TOPIC_STEP);
}

static void
haven_help_view_init (HavenHelpView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's visible=False on the stack pages does not hold in GTK
   * 4.8: hide every page but the first here, so the first frame measures
   * and styles only that one. */
  show_stack_page (self, "help");

  self->reach = HAVEN_REACH_ANY;
  self->refresh_id = g_timeout_add_seconds (STATUS_REFRESH_SECONDS, refresh_statuses, self);
}

HavenFeed *
haven_help_view_get_feed (HavenHelpView *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_VIEW (self), NULL);

  return self->feed;
}

void
haven_help_view_set_feed (HavenHelpView *self,
                          HavenFeed     *feed)
{
  g_return_if_fail (HAVEN_IS_HELP_VIEW (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  haven_stale_notice_set_feed (self->stale_notice, feed);
  haven_help_region_chooser_set_regions (self->region_chooser,
                                         feed != NULL ? haven_feed_get_regions (feed) : NULL);
  haven_help_region_chooser_set_directory (self->region_chooser,
                                           feed != NULL ? haven_feed_get_directory (feed) : NULL);
  if (self->feed != NULL)
    rebuild_help (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    rebuild_results (self);
  /* The topics are offered from the new feed when the step is next shown,
   * or now if it is on screen. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "topic") == 0)
    haven_help_topic_step_set_feed (self->topic_step, feed);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/**
 * haven_help_view_get_region:
 *
 * Returns: (nullable): the code of the region the view shows help for
 */
const char *
haven_help_view_get_region (HavenHelpView *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_VIEW (self), NULL);

  return self->region;
}

/* Shows help for the region @code (nullable), as setting "region" does. */
void
haven_help_view_set_region (HavenHelpView *self,
                            const char    *code)
{
  g_return_if_fail (HAVEN_IS_HELP_VIEW (self));

  set_region (self, code);
}

/**
 * haven_help_view_reset:
 *
 * Forgets the refining answers and goes back to the first page.
 */
void
haven_help_view_reset (HavenHelpView *self)
{
  g_return_if_fail (HAVEN_IS_HELP_VIEW (self));

  save_no_trace (self);
  haven_help_results_clear (self->results);
  show_stack_page (self, "help");
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));
}

/**
 * haven_help_view_show_contact:
 * @self: the view
 * @contact_id: a contact of the feed
 *
 * Goes back to the first page and moves the focus, and so the scrolling,
 * to the contact's card.
 */
void
haven_help_view_show_contact (HavenHelpView *self,
                              const char    *contact_id)
{
  HavenContact *contact;

  g_return_if_fail (HAVEN_IS_HELP_VIEW (self));

  haven_help_view_reset (self);
  if (self->feed == NULL || (contact = haven_feed_lookup_contact (self->feed, contact_id)) == NULL)
    return;

  set_region (self, haven_contact_get_region (contact));
  /* Opened at a contact, Get Help has no first frame to wait for. */
  if (self->pending_id != 0)
    add_pending_contacts (self);
  if (!haven_help_contact_list_focus_contact (self->first_list, contact_id))
    haven_help_contact_list_focus_contact (self->more_list, contact_id);
}

/**
 * haven_help_view_shows_help:
 * @self: the view
 *
 * Returns: %TRUE when the emergency numbers and the first crisis line are
 *   laid out on screen (the first-frame benchmark asks)
 */
gboolean
haven_help_view_shows_help (HavenHelpView *self)
{
  g_return_val_if_fail (HAVEN_IS_HELP_VIEW (self), FALSE);

  return haven_help_emergency_card_shows_numbers (self->emergency_card) &&
         haven_help_contact_list_shows_first (self->first_list);
}
