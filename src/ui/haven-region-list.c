/* haven-region-list.c: every region of the feed, searchable, to choose one
 *
 * A search entry over a list of the feed's regions by name, in the
 * interface language as the feed gives them, filtered as the reader types.
 * The keyboard chooses as well as the pointer: typing anywhere in the list
 * goes to the search, Enter in the search takes the first match, and Down
 * or Tab leads into the rows, where Enter takes the row. The rows are only
 * made when the list is first on screen, so a list that stays hidden (in a
 * closed popover) costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-region-list"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-region-list.h"

struct _HavenRegionList
{
  AdwBin              parent_instance;

  GListModel         *regions;
  /* The rows on screen: the regions by name, filtered by the search. */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  /* The search the rows were last filtered by. */
  char               *query;

  GtkSearchEntry     *search;
  GtkListBox         *list;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (HavenRegionList, haven_region_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REGIONS,
  N_PROPS
};

enum {
  REGION_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HavenRegionList *self = user_data;
  HavenRegion *region = item;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (query == NULL || query[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (haven_region_get_name (region), -1);

  return strstr (name, needle) != NULL ||
         g_ascii_strcasecmp (haven_region_get_code (region), query) == 0;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const char *name = haven_region_get_name (HAVEN_REGION (item));
  GtkWidget *row = adw_action_row_new ();

  /* A name is text, never markup ("Trinidad & Tobago"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* The row is named by its title for a screen reader: libadwaita says
   * so with labelled-by, and a label of our own would repeat the name. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
update_empty (HavenRegionList *self)
{
  gboolean empty = self->filtered != NULL &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
}

static void
bind_list (HavenRegionList *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkExpression *expression;

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  if (self->regions != NULL)
    {
      expression = gtk_property_expression_new (HAVEN_TYPE_REGION, NULL, "name");
      sorted = gtk_sort_list_model_new (g_object_ref (self->regions),
                                        GTK_SORTER (gtk_string_sorter_new (expression)));
      self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&sorted)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
      g_signal_connect_object (self->filtered, "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, NULL, NULL);
    }
  update_empty (self);
}

static void
on_search_changed (HavenRegionList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));

  /* The entry's delayed search-changed often follows a search this list
   * already made (for Enter or Down): filtering again would make every
   * row anew, the one with the keyboard focus too. */
  if (g_strcmp0 (self->query, text) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose_row (HavenRegionList *self,
            GtkListBoxRow   *row)
{
  g_autoptr(HavenRegion) region = NULL;

  if (self->filtered == NULL)
    return;

  /* Held: clearing the search below rebuilds the rows, this one with them. */
  region = g_list_model_get_item (G_LIST_MODEL (self->filtered), gtk_list_box_row_get_index (row));
  if (region == NULL)
    return;

  /* The rows are made anew for the cleared search: the focus leaves this
   * one first, for the search where the reader started. */
  if (gtk_widget_has_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search));
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  on_search_changed (self);
  g_signal_emit (self, signals[REGION_CHOSEN], 0, region);
}

static void
on_row_activated (HavenRegionList *self,
                  GtkListBoxRow   *row)
{
  choose_row (self, row);
}

static void
on_search_activate (HavenRegionList *self)
{
  GtkListBoxRow *row;

  /* search-changed comes after a delay: filter now, or Return right after
   * typing would pick the first region of the whole list. */
  on_search_changed (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    choose_row (self, row);
}

static gboolean
on_search_key_pressed (HavenRegionList *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  on_search_changed (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

/* Enter on a row chooses that row. The search, which takes the keys typed
 * on the rows, would otherwise take Enter too, and choose its first match. */
static gboolean
on_list_key_pressed (HavenRegionList *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return GDK_EVENT_PROPAGATE;

  choose_row (self, GTK_LIST_BOX_ROW (row));

  return GDK_EVENT_STOP;
}

static void
haven_region_list_map (GtkWidget *widget)
{
  HavenRegionList *self = HAVEN_REGION_LIST (widget);

  if (self->filtered == NULL && self->regions != NULL)
    bind_list (self);

  GTK_WIDGET_CLASS (haven_region_list_parent_class)->map (widget);
}

static void
haven_region_list_dispose (GObject *object)
{
  HavenRegionList *self = HAVEN_REGION_LIST (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_REGION_LIST);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->regions);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (haven_region_list_parent_class)->dispose (object);
}

static void
haven_region_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HavenRegionList *self = HAVEN_REGION_LIST (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      g_value_set_object (value, self->regions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HavenRegionList *self = HAVEN_REGION_LIST (object);

  switch (prop_id)
    {
    case PROP_REGIONS:
      haven_region_list_set_regions (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_region_list_class_init (HavenRegionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_region_list_dispose;
  object_class->get_property = haven_region_list_get_property;
  object_class->set_property = haven_region_list_set_property;
  widget_class->map = haven_region_list_map;

  /**
   * HavenRegionList:regions:
   *
   * The regions to choose from (#HavenRegion items).
   */
  properties[PROP_REGIONS] =
    g_param_spec_object ("regions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenRegionList::region-chosen:
   * @self: the list
   * @region: the region the reader chose
   */
  signals[REGION_CHOSEN] =
    g_signal_new ("region-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HAVEN_TYPE_REGION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-region-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenRegionList, search);
  gtk_widget_class_bind_template_child (widget_class, HavenRegionList, list);
  gtk_widget_class_bind_template_child (widget_class, HavenRegionList, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
haven_region_list_init (HavenRegionList *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  /* Before the search's own, which it adds to the list just below. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  /* Typing on a row searches, as typing in the entry does. */
  gtk_search_entry_set_key_capture_widget (self->search, GTK_WIDGET (self->list));
}

GListModel *
haven_region_list_get_regions (HavenRegionList *self)
{
  g_return_val_if_fail (HAVEN_IS_REGION_LIST (self), NULL);

  return self->regions;
}

void
haven_region_list_set_regions (HavenRegionList *self,
                               GListModel      *regions)
{
  g_return_if_fail (HAVEN_IS_REGION_LIST (self));
  g_return_if_fail (regions == NULL || G_IS_LIST_MODEL (regions));

  if (!g_set_object (&self->regions, regions))
    return;

  /* A list on screen is filled now, a hidden one when it is next mapped. */
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_list (self);
  else
    update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}
