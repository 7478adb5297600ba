/* haven-explainers-view.c: the Explainers view: readable pieces by topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainers-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "haven-widget-util.h"
#include "haven-crisis-words.h"
#include "haven-creator-page.h"
#include "haven-explainer-reader.h"
#include "haven-explainer-row.h"
#include "haven-explainers-view.h"
#include "haven-navigable.h"

/* How many results the list shows before its “Show More” row. The list
 * box makes and lays out a row for every item it shows, so a long list of
 * results would cost hundreds of milliseconds of text layout on every
 * filter change; a page that fills a tall window costs a tenth of that,
 * and the last row shows the next page. Eight rows fill most windows and
 * keep a filter change within one frame on the 100x benchmark feed. */
#define PAGE_SIZE 8

/* The topic drop-down's first two entries; the feed's topics follow. */
enum {
  TOPIC_ALL,
  TOPIC_SAVED,
  TOPIC_FIRST,
};

struct _HavenExplainersView
{
  AdwBin                parent_instance;

  HavenFeed            *feed;
  GSettings            *settings;
  GtkFilterListModel   *results;
  GtkCustomFilter      *filter;
  GtkSliceListModel    *page;         /* the results shown */
  GtkWidget            *more_row;     /* “Show More”, in the list while results are hidden */
  GPtrArray            *spare_rows;   /* explainer rows out of the list, for reuse */
  GHashTable           *saved;        /* id → id */
  GHashTable           *search_text;  /* HavenExplainer → its folded words */
  char                 *query;        /* folded, or NULL */
  const char           *crisis_topic; /* a crisis search's topic, or NULL */
  char                 *topic_id;
  gboolean              saved_only;
  gboolean              updating_topics;

  GtkStack             *stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *topic_dropdown;
  GtkWidget            *crisis_box;
  GtkListBox           *list_box;
  GtkWidget            *list_scroller;
  AdwStatusPage        *no_results;
  GtkWidget            *list_page;
  HavenExplainerReader *reader;

  /* content: a creator's pieces, reached from a byline */
  HavenCreatorPage     *creator_page;
  HavenImageCache      *image_cache;
  gboolean              read_from_creator;
  char                 *creator_return;  /* the page the creator page goes back to */
};

static void haven_explainers_view_navigable_init (HavenNavigableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HavenExplainersView, haven_explainers_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HAVEN_TYPE_NAVIGABLE, haven_explainers_view_navigable_init))

enum {
  PROP_0,
  PROP_FEED,
  PROP_IMAGE_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page (HavenExplainersView *self,
           const char          *name)
{
  haven_stack_show_only (self->stack, name);
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

/* Folding every explainer's words once, not on every key press, is what
 * keeps filtering a large feed within a frame; set_feed() does it for all. */
static const char *
search_text_for (HavenExplainersView *self,
                 HavenExplainer      *explainer)
{
  char *text = g_hash_table_lookup (self->search_text, explainer);

  if (text == NULL)
    {
      const char * const *topics = haven_explainer_get_topics (explainer);
      GString *joined = g_string_new (haven_explainer_get_title (explainer));

      g_string_append_printf (joined, "\n%s", haven_explainer_get_summary (explainer));
      /* A search for a topic's name finds the pieces on it. */
      for (guint i = 0; topics != NULL && topics[i] != NULL && self->feed != NULL; i++)
        {
          HavenTopic *topic = haven_feed_lookup_topic (self->feed, topics[i]);

          if (topic != NULL)
            g_string_append_printf (joined, "\n%s", haven_topic_get_name (topic));
        }

      text = fold (joined->str);
      g_string_free (joined, TRUE);
      g_hash_table_insert (self->search_text, explainer, text);
    }

  return text;
}

static gboolean
filter_explainer (gpointer item,
                  gpointer user_data)
{
  HavenExplainersView *self = user_data;
  HavenExplainer *explainer = item;

  if (self->saved_only && !g_hash_table_contains (self->saved, haven_explainer_get_id (explainer)))
    return FALSE;

  if (self->topic_id != NULL &&
      !g_strv_contains (haven_explainer_get_topics (explainer), self->topic_id))
    return FALSE;

  /* A crisis search also lists the pieces on that topic, below help. */
  if (self->query != NULL && strstr (search_text_for (self, explainer), self->query) == NULL &&
      !(self->crisis_topic != NULL &&
        g_strv_contains (haven_explainer_get_topics (explainer), self->crisis_topic)))
    return FALSE;

  return TRUE;
}

static char *
describe_more (HavenExplainersView *self)
{
  guint n_results = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->page));

  /* Translators: under “Show More” at the end of a long list of explainers */
  return g_strdup_printf (ngettext ("%u of %u explainer shown", "%u of %u explainers shown", n_results),
                          n_shown, n_results);
}

static void
update_more_row (HavenExplainersView *self)
{
  g_autofree char *description = describe_more (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->more_row), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* “Show More” over a count of what is shown. */
static GtkWidget *
more_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-down-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Show More"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show More"),
                                  -1);

  return g_object_ref_sink (row);
}

/* The list box shows the page of results, then “Show More” while some
 * results are hidden. Making every row anew on each filter change (as
 * gtk_list_box_bind_model() does) costs more than a frame on a long feed;
 * a row that only takes another explainer lays out its new text. So the
 * rows stay and take the new results in turn; rows are added when the
 * page grows and removed when it shrinks, and a page's worth of removed
 * rows waits out of the list for the next results (after an empty Saved
 * list, say). */
static void
sync_rows (HavenExplainersView *self)
{
  GListModel *page = G_LIST_MODEL (self->page);
  guint n_page = g_list_model_get_n_items (page);
  gboolean more = g_list_model_get_n_items (G_LIST_MODEL (self->results)) > n_page;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  guint i = 0;

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (HAVEN_IS_EXPLAINER_ROW (child) && i < n_page)
        {
          g_autoptr(HavenExplainer) explainer = g_list_model_get_item (page, i++);

          haven_explainer_row_set_explainer (HAVEN_EXPLAINER_ROW (child), self->feed, explainer);
        }
      else if (HAVEN_IS_EXPLAINER_ROW (child))
        {
          if (self->spare_rows->len < PAGE_SIZE)
            g_ptr_array_add (self->spare_rows, g_object_ref (child));
          gtk_list_box_remove (self->list_box, child);
        }
      child = next;
    }

  for (; i < n_page; i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (page, i);
      g_autoptr(GtkWidget) row = NULL;

      if (self->spare_rows->len > 0)
        row = g_ptr_array_steal_index (self->spare_rows, self->spare_rows->len - 1);
      else
        row = g_object_ref_sink (haven_explainer_row_new (NULL, NULL));
      haven_explainer_row_set_explainer (HAVEN_EXPLAINER_ROW (row), self->feed, explainer);
      gtk_list_box_insert (self->list_box, row, i);
    }

  if (more && gtk_widget_get_parent (self->more_row) == NULL)
    gtk_list_box_append (self->list_box, self->more_row);
  else if (!more && gtk_widget_get_parent (self->more_row) != NULL)
    gtk_list_box_remove (self->list_box, self->more_row);
  if (more)
    update_more_row (self);
}

/* The “Show More” row ends the list while some results are not shown. A
 * few left over (up to half a page) are shown at once instead: a row of
 * its own to reveal two more explainers would only be in the way. */
static void
update_more (HavenExplainersView *self)
{
  guint n_results = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint size = gtk_slice_list_model_get_size (self->page);

  if (n_results > size && n_results - size <= PAGE_SIZE / 2)
    gtk_slice_list_model_set_size (self->page, n_results);

  sync_rows (self);
}

static void
set_page_size (HavenExplainersView *self,
               guint                size)
{
  gtk_slice_list_model_set_size (self->page, size);
  update_more (self);
}

/* New results start again at the first page. */
static void
refilter (HavenExplainersView *self)
{
  set_page_size (self, PAGE_SIZE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
results_changed_cb (HavenExplainersView *self)
{
  /* After a crisis search, help stands first: never "No Explainers Found"
   * under it, even when no piece is on that topic. */
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0;
  gboolean none_saved = self->saved_only && self->query == NULL && g_hash_table_size (self->saved) == 0;

  if (none_saved)
    {
      adw_status_page_set_icon_name (self->no_results, "user-bookmarks-symbolic");
      adw_status_page_set_title (self->no_results, _("No Saved Explainers"));
      adw_status_page_set_description (self->no_results,
                                       _("Explainers you save for later appear here"));
    }
  else
    {
      adw_status_page_set_icon_name (self->no_results, "system-search-symbolic");
      adw_status_page_set_title (self->no_results, _("No Explainers Found"));
      adw_status_page_set_description (self->no_results, _("Try another word or topic"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_results), empty && self->crisis_topic == NULL);
  gtk_widget_set_visible (self->list_scroller, !empty || self->crisis_topic != NULL);
  update_more (self);
}

/* The list's row showing @explainer, if it shows it. */
static GtkWidget *
row_for (HavenExplainersView *self,
         HavenExplainer      *explainer)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       explainer != NULL && row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      HavenExplainer *shown;

      if (!HAVEN_IS_EXPLAINER_ROW (row))
        continue;
      shown = haven_explainer_row_get_explainer (HAVEN_EXPLAINER_ROW (row));
      if (shown != NULL &&
          g_strcmp0 (haven_explainer_get_id (shown), haven_explainer_get_id (explainer)) == 0)
        return row;
    }

  return NULL;
}

/* The next page follows the one shown, and the first explainer on it
 * takes the focus, so a keyboard reader goes on reading where the list
 * left off. */
static void
show_more (HavenExplainersView *self)
{
  guint first_new = gtk_slice_list_model_get_size (self->page);
  g_autoptr(HavenExplainer) wanted = NULL;

  GtkWidget *row;

  set_page_size (self, first_new + PAGE_SIZE);
  wanted = g_list_model_get_item (G_LIST_MODEL (self->page), first_new);

  if ((row = row_for (self, wanted)) != NULL)
    gtk_widget_grab_focus (row);
}

static void
load_saved (HavenExplainersView *self)
{
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "saved-explainers");

  g_hash_table_remove_all (self->saved);
  for (guint i = 0; saved[i] != NULL; i++)
    g_hash_table_add (self->saved, g_strdup (saved[i]));

  if (self->saved_only)
    refilter (self);
  /* The empty saved list's words change with the first saved piece. */
  if (self->results != NULL)
    results_changed_cb (self);
}

static void
search_changed_cb (HavenExplainersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = fold (stripped);

  /* Words that suggest a crisis put help first, above the results. */
  self->crisis_topic = haven_crisis_words_topic (text);
  gtk_widget_set_visible (self->crisis_box, self->crisis_topic != NULL);
  refilter (self);
  results_changed_cb (self);
}

static gboolean
showing_creator (HavenExplainersView *self)
{
  return gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->creator_page);
}

static void
open_explainer (HavenExplainersView *self,
                HavenExplainer      *explainer)
{
  self->read_from_creator = FALSE;
  haven_explainer_reader_set_explainer (self->reader, explainer);
  show_page (self, "reader");
}

/* content: the creator page opens over the reader and goes back to it;
 * a piece opened from it goes back to it. */
static void
show_creator_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (widget);

  if (self->feed == NULL)
    return;

  haven_creator_page_set_creator (self->creator_page, self->feed,
                                  g_variant_get_string (parameter, NULL), self->image_cache);
  /* Back leads where the reader came from: the piece, or the list when
   * the page was opened from another view's byline. */
  if (!showing_creator (self))
    {
      g_free (self->creator_return);
      self->creator_return = g_strdup (gtk_stack_get_visible_child_name (self->stack));
    }
  show_page (self, "creator");
  gtk_widget_child_focus (GTK_WIDGET (self->creator_page), GTK_DIR_TAB_FORWARD);
}

static void
creator_back_cb (HavenExplainersView *self)
{
  if (g_strcmp0 (self->creator_return, "reader") == 0 &&
      haven_explainer_reader_get_explainer (self->reader) != NULL)
    show_page (self, "reader");
  else
    show_page (self, "list");
}

static void
creator_explainer_cb (HavenExplainersView *self,
                      HavenExplainer      *explainer)
{
  open_explainer (self, explainer);
  self->read_from_creator = TRUE;
}

static void
list_activated_cb (HavenExplainersView *self,
                   GtkListBoxRow       *row)
{
  if (HAVEN_IS_EXPLAINER_ROW (row))
    open_explainer (self, haven_explainer_row_get_explainer (HAVEN_EXPLAINER_ROW (row)));
  else if (GTK_WIDGET (row) == self->more_row)
    show_more (self);
}

/* Back in the list, focus returns to the explainer the reader opened; the
 * list kept its scroll position because it never went away. */
static void
reader_back_cb (HavenExplainersView *self)
{
  HavenExplainer *open = haven_explainer_reader_get_explainer (self->reader);
  GtkWidget *row;

  if (self->read_from_creator)
    {
      self->read_from_creator = FALSE;
      show_page (self, "creator");
      return;
    }

  show_page (self, "list");

  if ((row = row_for (self, open)) != NULL)
    gtk_widget_grab_focus (row);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->list_box), GTK_DIR_TAB_FORWARD);
}

static gboolean
go_back (HavenNavigable *navigable)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (navigable);

  if (showing_creator (self))
    creator_back_cb (self);
  else if (haven_explainers_view_get_reading (self))
    reader_back_cb (self);
  else
    return FALSE;

  return TRUE;
}

static GtkWidget *
get_page (HavenNavigable *navigable)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (navigable);

  if (showing_creator (self))
    return GTK_WIDGET (self->creator_page);

  return haven_explainers_view_get_reading (self) ? GTK_WIDGET (self->reader) : NULL;
}

static const char *
get_page_title (HavenNavigable *navigable)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (navigable);
  HavenExplainer *explainer = haven_explainer_reader_get_explainer (self->reader);

  if (showing_creator (self))
    return haven_creator_page_get_creator (self->creator_page);

  if (!haven_explainers_view_get_reading (self) || explainer == NULL)
    return NULL;

  return haven_explainer_get_title (explainer);
}

static void
haven_explainers_view_navigable_init (HavenNavigableInterface *iface)
{
  iface->get_page_title = get_page_title;
  iface->get_page = get_page;
  iface->go_back = go_back;
}

static void
topic_selected_cb (HavenExplainersView *self)
{
  guint selected = gtk_drop_down_get_selected (self->topic_dropdown);
  HavenTopic *topic = NULL;

  if (self->updating_topics)
    return;

  g_clear_pointer (&self->topic_id, g_free);
  self->saved_only = selected == TOPIC_SAVED;
  if (self->feed != NULL && selected != GTK_INVALID_LIST_POSITION && selected >= TOPIC_FIRST)
    topic = g_list_model_get_item (haven_feed_get_topics (self->feed), selected - TOPIC_FIRST);
  if (topic != NULL)
    {
      self->topic_id = g_strdup (haven_topic_get_id (topic));
      g_object_unref (topic);
    }

  refilter (self);
}

/* The drop-down lists “All Topics”, “Saved” and then the feed's topics in
 * the feed's order; the chosen topic stays chosen across feed updates. */
static void
rebuild_topics (HavenExplainersView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *topics = self->feed != NULL ? haven_feed_get_topics (self->feed) : NULL;
  guint selected = self->saved_only ? TOPIC_SAVED : TOPIC_ALL;
  guint n = topics != NULL ? g_list_model_get_n_items (topics) : 0;

  gtk_string_list_append (names, _("All Topics"));
  gtk_string_list_append (names, _("Saved"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenTopic) topic = g_list_model_get_item (topics, i);

      gtk_string_list_append (names, haven_topic_get_name (topic));
      if (g_strcmp0 (self->topic_id, haven_topic_get_id (topic)) == 0)
        selected = TOPIC_FIRST + i;
    }

  self->updating_topics = TRUE;
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->topic_dropdown, selected);
  self->updating_topics = FALSE;
  topic_selected_cb (self);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (widget);

  show_page (self, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
haven_explainers_view_dispose (GObject *object)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (object);

  /* The stack is both AdwBin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_EXPLAINERS_VIEW);
  g_clear_object (&self->feed);
  g_clear_object (&self->settings);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_object (&self->page);
  g_clear_object (&self->more_row);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->topic_id, g_free);
  g_clear_pointer (&self->creator_return, g_free);
  g_clear_object (&self->image_cache);

  G_OBJECT_CLASS (haven_explainers_view_parent_class)->dispose (object);
}

static void
haven_explainers_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (object);

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
haven_explainers_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HavenExplainersView *self = HAVEN_EXPLAINERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      haven_explainers_view_set_feed (self, g_value_get_object (value));
      break;

    case PROP_IMAGE_CACHE:
      haven_explainer_reader_set_image_cache (self->reader, g_value_get_object (value));
      g_set_object (&self->image_cache, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_explainers_view_class_init (HavenExplainersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_explainers_view_dispose;
  object_class->get_property = haven_explainers_view_get_property;
  object_class->set_property = haven_explainers_view_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         HAVEN_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where creators' pictures are, for the reader. */
  properties[PROP_IMAGE_CACHE] =
    g_param_spec_object ("image-cache", NULL, NULL,
                         HAVEN_TYPE_IMAGE_CACHE,
                         (G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "explainers.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "explainers.show-creator", "s", show_creator_cb);

  g_type_ensure (HAVEN_TYPE_EXPLAINER_READER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-explainers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, crisis_box);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, list_box);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, no_results);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, list_page);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainersView, reader);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
}

static void
haven_explainers_view_init (HavenExplainersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->search_text = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::saved-explainers",
                           G_CALLBACK (load_saved), self, G_CONNECT_SWAPPED);
  load_saved (self);

  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->more_row = more_row_new ();
  self->filter = gtk_custom_filter_new (filter_explainer, self, NULL);
  self->results = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  /* The list shows a page of the results, then the “Show More” row. The
   * page follows the results before results_changed_cb() brings the rows
   * in line with it. */
  self->page = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->results)), 0, PAGE_SIZE);
  g_signal_connect_object (self->results, "items-changed",
                           G_CALLBACK (results_changed_cb), self, G_CONNECT_SWAPPED);

  /* The window shows the search toggle and, while the list is on screen,
   * sends what is typed anywhere in it to the search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->topic_dropdown, "notify::selected",
                           G_CALLBACK (topic_selected_cb), self, G_CONNECT_SWAPPED);

  self->creator_page = HAVEN_CREATOR_PAGE (haven_creator_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->creator_page), "creator");
  g_signal_connect_object (self->creator_page, "explainer-activated",
                           G_CALLBACK (creator_explainer_cb), self, G_CONNECT_SWAPPED);

  rebuild_topics (self);
  show_page (self, "empty");
}

HavenFeed *
haven_explainers_view_get_feed (HavenExplainersView *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self), NULL);

  return self->feed;
}

void
haven_explainers_view_set_feed (HavenExplainersView *self,
                                HavenFeed           *feed)
{
  HavenExplainer *open;
  gboolean reading;

  g_return_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self));
  g_return_if_fail (!feed || HAVEN_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  /* Fold every explainer's words now, with the feed, so that no key
   * press waits for it. */
  g_hash_table_remove_all (self->search_text);
  for (guint i = 0; feed != NULL && i < g_list_model_get_n_items (haven_feed_get_explainers (feed)); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (haven_feed_get_explainers (feed), i);

      search_text_for (self, explainer);
    }
  rebuild_topics (self);
  gtk_filter_list_model_set_model (self->results, feed != NULL ? haven_feed_get_explainers (feed) : NULL);
  set_page_size (self, PAGE_SIZE);

  /* An open explainer stays open, at the same place, if the update still
   * has it; if it was removed, the reader returns to the list. */
  reading = haven_explainers_view_get_reading (self);
  open = haven_explainer_reader_get_explainer (self->reader);
  if (reading && open != NULL && feed != NULL &&
      (open = haven_feed_lookup_explainer (feed, haven_explainer_get_id (open))) != NULL)
    haven_explainer_reader_set_explainer (self->reader, open);
  else if (feed != NULL && g_list_model_get_n_items (haven_feed_get_explainers (feed)) > 0)
    show_page (self, "list");
  else
    show_page (self, "empty");
  /* The open explainer's title may have changed with the feed. */
  haven_navigable_page_changed (HAVEN_NAVIGABLE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/**
 * haven_explainers_view_get_results:
 *
 * Returns: (transfer none): the explainers the list shows, after the
 *   topic, saved and search filters
 */
GListModel *
haven_explainers_view_get_results (HavenExplainersView *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * haven_explainers_view_set_topic:
 * @topic_id: (nullable): a topic id, or %NULL for all topics
 *
 * Chooses a topic in the drop-down, as the reader does.
 */
void
haven_explainers_view_set_topic (HavenExplainersView *self,
                                 const char          *topic_id)
{
  GListModel *topics;
  guint selected = TOPIC_ALL;

  g_return_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self));

  topics = self->feed != NULL ? haven_feed_get_topics (self->feed) : NULL;
  for (guint i = 0; topic_id != NULL && topics != NULL && i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(HavenTopic) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (haven_topic_get_id (topic), topic_id) == 0)
        selected = TOPIC_FIRST + i;
    }

  gtk_drop_down_set_selected (self->topic_dropdown, selected);
}

/**
 * haven_explainers_view_set_saved_only:
 *
 * Chooses “Saved” in the drop-down (or “All Topics” for %FALSE).
 */
void
haven_explainers_view_set_saved_only (HavenExplainersView *self,
                                      gboolean             saved_only)
{
  g_return_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self));

  gtk_drop_down_set_selected (self->topic_dropdown, saved_only ? TOPIC_SAVED : TOPIC_ALL);
}

/**
 * haven_explainers_view_open_explainer:
 * @id: an explainer id
 *
 * Opens the explainer in the reader, as activating its row does.
 */
void
haven_explainers_view_open_explainer (HavenExplainersView *self,
                                      const char          *id)
{
  HavenExplainer *explainer;

  g_return_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self));

  explainer = self->feed != NULL ? haven_feed_lookup_explainer (self->feed, id) : NULL;
  if (explainer == NULL)
    return;

  open_explainer (self, explainer);
}

/**
 * haven_explainers_view_get_search_bar:
 *
 * Returns: (transfer none): the search bar over the list, which the
 *   window's search toggle opens
 */
GtkSearchBar *
haven_explainers_view_get_search_bar (HavenExplainersView *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self), NULL);

  return self->search_bar;
}

/**
 * haven_explainers_view_get_reading:
 *
 * Returns: %TRUE while the reader (or its content note) shows
 */
gboolean
haven_explainers_view_get_reading (HavenExplainersView *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINERS_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "reader") == 0;
}
