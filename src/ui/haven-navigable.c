/* haven-navigable.c: a view with pages below its first, which the window's
 * header bar shows
 *
 * Each of the window's views (Home, Explainers, Get Help) keeps its own
 * pages: a campaign's page, an explainer, the steps of Get Help. The view
 * answers which page is on screen and how to go back from it; the window
 * shows a back button and the page's title in its header bar while a
 * page below the view's first is shown, and its view switcher otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-navigable"

#include "config.h"

#include "haven-navigable.h"

G_DEFINE_INTERFACE (HavenNavigable, haven_navigable, GTK_TYPE_WIDGET)

enum {
  PAGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
haven_navigable_default_init (HavenNavigableInterface *iface)
{
  /**
   * HavenNavigable::page-changed:
   *
   * Another page is on screen, or the page's title changed.
   */
  signals[PAGE_CHANGED] =
    g_signal_new ("page-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/**
 * haven_navigable_get_page_title:
 *
 * Returns: (nullable): the title of the page on screen, or %NULL while
 *   the view shows its first page, which has nothing to go back to
 */
const char *
haven_navigable_get_page_title (HavenNavigable *self)
{
  g_return_val_if_fail (HAVEN_IS_NAVIGABLE (self), NULL);

  return HAVEN_NAVIGABLE_GET_IFACE (self)->get_page_title (self);
}

/**
 * haven_navigable_get_page:
 *
 * Returns: (nullable) (transfer none): the page on screen, or %NULL while
 *   the view shows its first page
 */
GtkWidget *
haven_navigable_get_page (HavenNavigable *self)
{
  g_return_val_if_fail (HAVEN_IS_NAVIGABLE (self), NULL);

  return HAVEN_NAVIGABLE_GET_IFACE (self)->get_page (self);
}

/**
 * haven_navigable_go_back:
 *
 * Shows the page before the one on screen.
 *
 * Returns: %TRUE if there was one to go back to
 */
gboolean
haven_navigable_go_back (HavenNavigable *self)
{
  g_return_val_if_fail (HAVEN_IS_NAVIGABLE (self), FALSE);

  return HAVEN_NAVIGABLE_GET_IFACE (self)->go_back (self);
}

/* For the views: says that another page is on screen. */
void
haven_navigable_page_changed (HavenNavigable *self)
{
  g_return_if_fail (HAVEN_IS_NAVIGABLE (self));

  g_signal_emit (self, signals[PAGE_CHANGED], 0);
}
