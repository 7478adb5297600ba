/* haven-navigable.h: a view with pages below its first, which the window's
 * header bar shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_NAVIGABLE (haven_navigable_get_type ())

G_DECLARE_INTERFACE (HavenNavigable, haven_navigable, HAVEN, NAVIGABLE, GtkWidget)

struct _HavenNavigableInterface
{
  GTypeInterface parent_iface;

  const char * (*get_page_title) (HavenNavigable *self);
  GtkWidget *  (*get_page)       (HavenNavigable *self);
  gboolean     (*go_back)        (HavenNavigable *self);
};

const char *haven_navigable_get_page_title (HavenNavigable *self);
GtkWidget  *haven_navigable_get_page       (HavenNavigable *self);
gboolean    haven_navigable_go_back        (HavenNavigable *self);
void        haven_navigable_page_changed   (HavenNavigable *self);

G_END_DECLS
