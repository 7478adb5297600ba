/* haven-help-view.c: the Get Help view: emergency number and crisis lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-help-view"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-contact-row.h"
#include "haven-help-exercises.h"
#include "haven-help-ranking.h"
#include "haven-help-region-chooser.h"
#include "haven-help-view.h"
#include "haven-stale-notice.h"
#include "haven-number-box.h"
#include "haven-widget-util.h"

/* The status of every line is recomputed this often, so "Open now" stays true. */
#define STATUS_REFRESH_SECONDS 30

struct _HavenHelpView
{
  AdwBin              parent_instance;

  HavenFeed          *feed;
  char               *region;
  char               *topic;
  HavenReach          reach;
  gboolean            for_someone;
  guint               refresh_id;
  guint               pending_id;
  gboolean            show_refine;
  gboolean            show_more;
  /* The region's contacts, the first lines among them, while the ones
   * after the first wait for the first frame. */
  GPtrArray          *pending_contacts;
  guint               n_first;

  GtkStack           *stack;
  HavenHelpRegionChooser *region_chooser;
  GtkBox             *emergency_box;
  GtkLabel           *first_heading;
  GtkLabel           *region_note_label;
  GtkBox             *first_box;
  GtkLabel           *refine_heading;
  GtkBox             *refine_box;
  GtkLabel           *more_heading;
  GtkBox             *more_box;
  GtkBox             *topic_box;
  GtkBox             *reach_box;
  GtkLabel           *results_title;
  GtkLabel           *someone_label;
  GtkBox             *results_emergency_box;
  GtkBox             *results_box;
  GtkBox             *wait_box;
  GtkLabel           *wait_heading;
  GtkWidget          *leave_button;
  HavenHelpExercises *exercises;
  HavenStaleNotice   *stale_notice;
};

G_DEFINE_FINAL_TYPE (HavenHelpView, haven_help_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
dup_services_text (HavenEmergencyServices services)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (services & HAVEN_EMERGENCY_SERVICES_GENERAL)
    g_ptr_array_add (parts, _("All emergencies"));
  if (services & HAVEN_EMERGENCY_SERVICES_POLICE)
    g_ptr_array_add (parts, _("Police"));
  if (services & HAVEN_EMERGENCY_SERVICES_AMBULANCE)
    g_ptr_array_add (parts, _("Ambulance"));
  if (services & HAVEN_EMERGENCY_SERVICES_FIRE)
    g_ptr_array_add (parts, _("Fire"));
  if (services & HAVEN_EMERGENCY_SERVICES_MEDICAL)
    g_ptr_array_add (parts, _("Medical emergencies"));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between emergency services */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static GtkWidget *
emergency_card_new (HavenRegion *region)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;
  GPtrArray *numbers = haven_region_get_emergency_numbers (region);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 0);
  heading = gtk_label_new (_("If you or someone else is in danger now, call the emergency number."));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 18);
  gtk_widget_set_margin_start (heading, 18);
  gtk_widget_set_margin_end (heading, 18);
  gtk_box_append (GTK_BOX (card), heading);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Emergency numbers"),
                                  -1);

  for (guint i = 0; i < numbers->len; i++)
    {
      HavenEmergencyNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *caption = dup_services_text (number->services);
      g_autofree char *uri = haven_phone_number_dup_uri (number->number);
      GtkWidget *box = haven_number_box_new (number->number, caption, uri, FALSE, NULL);

      gtk_widget_set_margin_start (box, 18);
      gtk_widget_set_margin_end (box, 18);
      if (i == numbers->len - 1)
        gtk_widget_set_margin_bottom (box, 18);
      gtk_box_append (GTK_BOX (card), box);
    }

  return card;
}

static HavenRegion *
current_region (HavenHelpView *self)
{
  if (self->feed == NULL || self->region == NULL)
    return NULL;

  return haven_feed_lookup_region (self->feed, self->region);
}

static void
update_statuses (GtkBox    *box,
                 GDateTime *now)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (HAVEN_IS_CONTACT_ROW (child))
      haven_contact_row_update_status (HAVEN_CONTACT_ROW (child), now);
}

static gboolean
refresh_statuses (gpointer user_data)
{
  HavenHelpView *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  update_statuses (self->first_box, now);
  update_statuses (self->more_box, now);
  update_statuses (self->results_box, now);

  return G_SOURCE_CONTINUE;
}

/* Adds what rebuild_help() left until after the first frame. */
static void
add_pending_contacts (HavenHelpView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_handle_id (&self->pending_id, g_source_remove);
  for (guint i = 1; self->pending_contacts != NULL && i < self->pending_contacts->len; i++)
    gtk_box_append (i < self->n_first ? self->first_box : self->more_box,
                    haven_contact_row_new (g_ptr_array_index (self->pending_contacts, i), now));
  g_clear_pointer (&self->pending_contacts, g_ptr_array_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->refine_heading), self->show_refine);
  gtk_widget_set_visible (GTK_WIDGET (self->refine_box), self->show_refine);
  gtk_widget_set_visible (GTK_WIDGET (self->more_heading), self->show_more);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_heading), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_box), TRUE);
  gtk_widget_set_visible (self->leave_button, TRUE);
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
  const char *note;

  remove_children (self->emergency_box);
  remove_children (self->first_box);
  remove_children (self->more_box);
  /* Nothing of the region shown before may follow. */
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending_contacts, g_ptr_array_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->emergency_box), known);
  gtk_widget_set_visible (GTK_WIDGET (self->first_heading), known);
  /* What lies below the first screen is shown once that is painted. */
  gtk_widget_set_visible (GTK_WIDGET (self->refine_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->refine_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->more_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->wait_box), FALSE);
  gtk_widget_set_visible (self->leave_button, !known);
  self->show_refine = FALSE;
  self->show_more = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->region_note_label), FALSE);
  haven_help_region_chooser_set_region (self->region_chooser, region);
  haven_help_region_chooser_set_code (self->region_chooser, self->region);

  if (!known)
    return;

  gtk_box_append (self->emergency_box, emergency_card_new (region));

  contacts = haven_help_list_contacts (haven_feed_get_contacts (self->feed), self->region, &n_first);
  if (n_first == 0)
    n_first = contacts->len;

  /* The emergency number and the first line come first, in the frame that
   * shows the view. The rest, the first line's partner services included,
   * follow at low priority, after the frame GTK has due: they fill the
   * screen below a frame later, and the numbers that matter most are on
   * screen sooner. */
  if (contacts->len > 0)
    gtk_box_append (self->first_box, haven_contact_row_new (g_ptr_array_index (contacts, 0), now));
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
      gtk_widget_set_visible (GTK_WIDGET (self->region_note_label), TRUE);
    }
  else if (contacts->len == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a country or region */
      text = g_strdup_printf (_("Haven does not have a crisis line for %s yet. If you or someone else is in danger, call the emergency number above."),
                              haven_region_get_name (region));
      gtk_label_set_text (self->region_note_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->region_note_label), TRUE);
    }
}

static void
rebuild_results (HavenHelpView *self)
{
  HavenRegion *region = current_region (self);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  HavenTopic *topic = NULL;

  remove_children (self->results_emergency_box);
  remove_children (self->results_box);

  if (region == NULL)
    return;

  if (self->topic != NULL)
    topic = haven_feed_lookup_topic (self->feed, self->topic);

  if (self->for_someone)
    gtk_label_set_text (self->results_title, _("Helping Someone Else"));
  else if (topic != NULL)
    gtk_label_set_text (self->results_title, haven_topic_get_name (topic));
  else
    gtk_label_set_text (self->results_title, _("Services for You"));
  gtk_widget_set_visible (GTK_WIDGET (self->someone_label), self->for_someone);

  gtk_box_append (self->results_emergency_box, emergency_card_new (region));

  contacts = haven_help_rank_contacts (haven_feed_get_contacts (self->feed), self->region,
                                       self->topic, self->reach, now);
  for (guint i = 0; i < contacts->len; i++)
    gtk_box_append (self->results_box, haven_contact_row_new (g_ptr_array_index (contacts, i), now));
}

/* The choices are buttons in a linked column: each is one stop for the
 * keyboard, and assistive technologies can press them. */
static GtkWidget *
choice_button_new (const char *title,
                   const char *subtitle,
                   const char *action_name,
                   const char *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (labels), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), arrow);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* GTK 4.8 names a button only from a label child of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  return button;
}

static void
build_choices (HavenHelpView *self)
{
  gtk_box_append (self->refine_box,
                  choice_button_new (_("What’s Going On?"), _("Optional: see the services for it first"),
                                     "help.show-page", "topic"));
  gtk_box_append (self->refine_box,
                  choice_button_new (_("How Would You Like to Reach Out?"), _("Call, text or chat"),
                                     "help.show-page", "reach"));
  gtk_box_append (self->refine_box,
                  choice_button_new (_("I’m Worried About Someone Else"), _("How to help, and who can help you help"),
                                     "help.show-page", "someone"));

  gtk_box_append (self->wait_box,
                  choice_button_new (_("Breathe Slowly"), _("A paced breathing exercise"),
                                     "help.show-page", "breathe"));
  gtk_box_append (self->wait_box,
                  choice_button_new (_("5-4-3-2-1 Grounding"), _("Notice what is around you"),
                                     "help.show-page", "ground"));

  gtk_box_append (self->reach_box,
                  choice_button_new (_("Call"), _("Talk on the phone"), "help.choose-reach", "call"));
  gtk_box_append (self->reach_box,
                  choice_button_new (_("Text"), _("Write text messages"), "help.choose-reach", "text"));
  gtk_box_append (self->reach_box,
                  choice_button_new (_("Chat"), _("Write online"), "help.choose-reach", "chat"));
}

static void
rebuild_topics (HavenHelpView *self)
{
  remove_children (self->topic_box);

  if (self->feed == NULL)
    return;

  for (const char * const *id = haven_topic_get_help_ids (); *id != NULL; id++)
    {
      HavenTopic *topic = haven_feed_lookup_topic (self->feed, *id);

      if (topic != NULL)
        gtk_box_append (self->topic_box,
                        choice_button_new (haven_topic_get_name (topic), NULL,
                                           "help.choose-topic", *id));
    }
}

static void
save_no_trace (HavenHelpView *self)
{
  g_clear_pointer (&self->topic, g_free);
  self->reach = HAVEN_REACH_ANY;
  self->for_someone = FALSE;
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
  haven_stack_show_only (self->stack, exercise != HAVEN_HELP_EXERCISE_NONE ? "exercises" : name);
  page = gtk_stack_get_visible_child (self->stack);

  /* Move the focus into the page, so a screen reader reads where it is. */
  if (g_str_equal (name, "topic") && gtk_widget_get_first_child (GTK_WIDGET (self->topic_box)) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->topic_box)));
  else if (g_str_equal (name, "reach"))
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->reach_box)));
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
    remove_children (self->results_box);

  show_page (self, name);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
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
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenHelpView *self = HAVEN_HELP_VIEW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

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
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, emergency_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, first_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, region_note_label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, first_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, refine_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, refine_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, more_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, more_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, topic_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, reach_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, results_title);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, someone_label);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, results_emergency_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, results_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, wait_box);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, wait_heading);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, leave_button);
  gtk_widget_class_bind_template_child (widget_class, HavenHelpView, exercises);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chosen);

  gtk_widget_class_install_action (widget_class, "help.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "help.choose-topic", "s", choose_topic_action);
  gtk_widget_class_install_action (widget_class, "help.choose-reach", "s", choose_reach_action);
  gtk_widget_class_install_action (widget_class, "help.toast", "s", toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "help.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "help.back", NULL);

  g_type_ensure (HAVEN_TYPE_HELP_EXERCISES);
  g_type_ensure (HAVEN_TYPE_CONTACT_ROW);
  g_type_ensure (HAVEN_TYPE_HELP_REGION_CHOOSER);
  g_type_ensure (HAVEN_TYPE_NUMBER_BOX);
}

static void
haven_help_view_init (HavenHelpView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's visible=False on the stack pages does not hold in GTK
   * 4.8: hide every page but the first here, so the first frame measures
   * and styles only that one. */
  haven_stack_show_only (self->stack, "help");

  self->reach = HAVEN_REACH_ANY;
  self->refresh_id = g_timeout_add_seconds (STATUS_REFRESH_SECONDS, refresh_statuses, self);
  build_choices (self);
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
  rebuild_topics (self);
  if (self->feed != NULL)
    rebuild_help (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    rebuild_results (self);

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
  remove_children (self->results_box);
  haven_stack_show_only (self->stack, "help");
}

static gboolean
focus_contact_in (GtkBox     *box,
                  const char *contact_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (HAVEN_IS_CONTACT_ROW (child) &&
        g_strcmp0 (haven_contact_get_id (haven_contact_row_get_contact (HAVEN_CONTACT_ROW (child))), contact_id) == 0)
      return gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);

  return FALSE;
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
  if (!focus_contact_in (self->first_box, contact_id))
    focus_contact_in (self->more_box, contact_id);
}

static gboolean
first_child_on_screen (GtkBox *box)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));

  return child != NULL && gtk_widget_get_mapped (child) && gtk_widget_get_height (child) > 0;
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

  return first_child_on_screen (self->emergency_box) && first_child_on_screen (self->first_box);
}
