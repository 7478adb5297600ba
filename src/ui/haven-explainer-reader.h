/* haven-explainer-reader.h: reads one explainer, behind its content note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "haven-explainer.h"
#include "haven-image-cache.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_EXPLAINER_READER (haven_explainer_reader_get_type ())

G_DECLARE_FINAL_TYPE (HavenExplainerReader, haven_explainer_reader, HAVEN, EXPLAINER_READER, GtkBox)

GtkWidget      *haven_explainer_reader_new             (void);
void            haven_explainer_reader_set_explainer   (HavenExplainerReader *self,
                                                        HavenExplainer       *explainer);
HavenExplainer *haven_explainer_reader_get_explainer   (HavenExplainerReader *self);
gboolean        haven_explainer_reader_get_showing_note (HavenExplainerReader *self);
int             haven_explainer_reader_get_text_size   (HavenExplainerReader *self);
void            haven_explainer_reader_continue        (HavenExplainerReader *self);
void            haven_explainer_reader_set_image_cache (HavenExplainerReader *self,
                                                        HavenImageCache      *cache);

G_END_DECLS
