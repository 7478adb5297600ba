/* haven-creator-page.c: a creator and the pieces they made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-creator-page"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-byline.h"
#include "haven-creator-page.h"
#include "haven-explainer-row.h"
#include "haven-widget-util.h"

/* Reached from a byline: the creator as the byline shows them, then each
 * explainer the feed credits to them, as rows that open it. */
struct _HavenCreatorPage
{
  GtkBox      parent_instance;

  char       *name;
  GListStore *pieces;
  GtkBox     *content;
};

G_DEFINE_FINAL_TYPE (HavenCreatorPage, haven_creator_page, GTK_TYPE_BOX)

enum {
  EXPLAINER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (HavenExplainerRow *row,
                  HavenCreatorPage  *self)
{
  g_signal_emit (self, signals[EXPLAINER_ACTIVATED], 0, haven_explainer_row_get_explainer (row));
}

static void
haven_creator_page_dispose (GObject *object)
{
  HavenCreatorPage *self = HAVEN_CREATOR_PAGE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->pieces);

  G_OBJECT_CLASS (haven_creator_page_parent_class)->dispose (object);
}

static void
haven_creator_page_class_init (HavenCreatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_creator_page_dispose;

  signals[EXPLAINER_ACTIVATED] =
    g_signal_new ("explainer-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HAVEN_TYPE_EXPLAINER);
}

static void
haven_creator_page_init (HavenCreatorPage *self)
{
  GtkWidget *scroller, *clamp;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->pieces = g_list_store_new (HAVEN_TYPE_EXPLAINER);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 700);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  /* The header bar's Back leaves the page (HavenExplainersView::go_back). */
  gtk_box_append (GTK_BOX (self), scroller);
}

GtkWidget *
haven_creator_page_new (void)
{
  return g_object_new (HAVEN_TYPE_CREATOR_PAGE, NULL);
}

/**
 * haven_creator_page_set_creator:
 * @feed: the feed the creator's pieces are in
 * @name: the creator's name, as explainers give it
 * @cache: (nullable): where creators' pictures are
 *
 * Shows the creator and every explainer of @feed they made, in feed order.
 */
void
haven_creator_page_set_creator (HavenCreatorPage *self,
                                HavenFeed        *feed,
                                const char       *name,
                                HavenImageCache  *cache)
{
  GListModel *explainers;
  HavenPerson *person = NULL;
  GtkWidget *child, *list;
  g_autofree char *count = NULL;

  g_return_if_fail (HAVEN_IS_CREATOR_PAGE (self));
  g_return_if_fail (HAVEN_IS_FEED (feed));
  g_return_if_fail (name != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
  g_list_store_remove_all (self->pieces);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  explainers = haven_feed_get_explainers (feed);
  for (guint i = 0; i < g_list_model_get_n_items (explainers); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (explainers, i);
      HavenPerson *creator = haven_explainer_get_creator (explainer);

      if (g_strcmp0 (creator->name, name) != 0)
        continue;
      if (person == NULL)
        person = creator;
      g_list_store_append (self->pieces, explainer);
    }

  if (person == NULL)
    return;

  child = haven_byline_new (person, cache);
  gtk_box_append (self->content, child);

  count = g_strdup_printf (ngettext ("%u piece", "%u pieces",
                                     g_list_model_get_n_items (G_LIST_MODEL (self->pieces))),
                           g_list_model_get_n_items (G_LIST_MODEL (self->pieces)));
  child = haven_text_label_new (count, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->content, child);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  count, -1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->pieces)); i++)
    {
      g_autoptr(HavenExplainer) explainer = g_list_model_get_item (G_LIST_MODEL (self->pieces), i);
      GtkWidget *row = haven_explainer_row_new (feed, explainer);

      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (self->content, list);
}

const char *
haven_creator_page_get_creator (HavenCreatorPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CREATOR_PAGE (self), NULL);

  return self->name;
}

/**
 * haven_creator_page_get_pieces:
 *
 * Returns: (transfer none): the creator's explainers
 */
GListModel *
haven_creator_page_get_pieces (HavenCreatorPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CREATOR_PAGE (self), NULL);

  return G_LIST_MODEL (self->pieces);
}
