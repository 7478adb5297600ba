/* haven-byline.c: who made an explainer: avatar, name and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-byline"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-byline.h"
#include "haven-explainer-row.h"
#include "haven-language.h"
#include "haven-widget-util.h"

#define AVATAR_SIZE 48

/* The creator's picture comes from the image cache, decoded off the main
 * thread at the avatar's size; until it is there, or when there is none,
 * the avatar shows the name's initials. */
struct _HavenByline
{
  GtkBox           parent_instance;

  HavenPerson     *person;
  HavenImageCache *cache;
  gulong           stored_id;
  GCancellable    *cancellable;
  AdwAvatar       *avatar;
};

G_DEFINE_FINAL_TYPE (HavenByline, haven_byline, GTK_TYPE_BOX)

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = haven_image_cache_load_finish (HAVEN_IMAGE_CACHE (object), result, &error);
  g_autoptr(GdkTexture) texture = NULL;
  HavenByline *self;

  /* Cancelled when the byline goes away, so it is alive when pixels come. */
  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Creator picture not shown: %s", error->message);
      return;
    }

  self = HAVEN_BYLINE (user_data);
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
load (HavenByline *self)
{
  int size = AVATAR_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  haven_image_cache_load_async (self->cache, self->person->avatar_url, size, size,
                                self->cancellable, loaded_cb, self);
}

static void
stored_cb (HavenImageCache *cache,
           const char      *url,
           HavenByline     *self)
{
  if (g_strcmp0 (url, self->person->avatar_url) == 0)
    load (self);
}

/* The window answers with the creator's page in the Explainers view,
 * from any view; a view on its own (as in tests) answers itself. */
static void
name_clicked_cb (HavenByline *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-creator", "s",
                                   self->person->name) &&
      !gtk_widget_activate_action (GTK_WIDGET (self), "explainers.show-creator", "s",
                                   self->person->name))
    g_debug ("No creator page here for %s", self->person->name);
}

static void
haven_byline_dispose (GObject *object)
{
  HavenByline *self = HAVEN_BYLINE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->cache != NULL)
    g_clear_signal_handler (&self->stored_id, self->cache);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->person, haven_person_unref);

  G_OBJECT_CLASS (haven_byline_parent_class)->dispose (object);
}

static void
haven_byline_class_init (HavenBylineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_byline_dispose;
}

static void
haven_byline_init (HavenByline *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "haven-byline");
}

/**
 * haven_byline_new:
 * @person: an explainer's creator
 * @cache: (nullable): where the creator's picture is
 *
 * Returns: (transfer floating): the creator's avatar (their picture, or
 *   their initials), name and role
 */
GtkWidget *
haven_byline_new (HavenPerson     *person,
                  HavenImageCache *cache)
{
  HavenByline *self;
  GtkWidget *text, *label, *name_button;
  g_autofree char *by = NULL;

  g_return_val_if_fail (person != NULL, NULL);
  g_return_val_if_fail (!cache || HAVEN_IS_IMAGE_CACHE (cache), NULL);

  self = g_object_new (HAVEN_TYPE_BYLINE, NULL);
  self->person = haven_person_ref (person);

  /* The name is read out next to it; the picture adds nothing to hear. */
  self->avatar = ADW_AVATAR (adw_avatar_new (AVATAR_SIZE, person->name, TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->avatar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, person->name, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->avatar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->avatar));

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  /* Translators: %s is who made an explainer */
  by = g_strdup_printf (_("By %s"), person->name);
  label = haven_text_label_new (by, "heading");
  /* The name leads to the creator's other pieces. */
  name_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (name_button), label);
  gtk_widget_set_halign (name_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (name_button, "flat");
  gtk_widget_add_css_class (name_button, "haven-creator-link");
  gtk_widget_set_tooltip_text (name_button, _("More by this creator"));
  /* GTK 4.8 names a button only by a label it made itself. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, by,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("More by this creator"),
                                  -1);
  g_signal_connect_swapped (name_button, "clicked", G_CALLBACK (name_clicked_cb), self);
  gtk_box_append (GTK_BOX (text), name_button);
  if (person->role != NULL)
    gtk_box_append (GTK_BOX (text), haven_text_label_new (person->role, "dim-label"));
  gtk_box_append (GTK_BOX (self), text);

  if (cache != NULL && person->avatar_url != NULL)
    {
      self->cache = g_object_ref (cache);
      self->stored_id = g_signal_connect (cache, "image-stored", G_CALLBACK (stored_cb), self);
      load (self);
    }

  return GTK_WIDGET (self);
}

AdwAvatar *
haven_byline_get_avatar (HavenByline *self)
{
  g_return_val_if_fail (HAVEN_IS_BYLINE (self), NULL);

  return self->avatar;
}

/**
 * haven_byline_format_subtitle:
 * @explainer: an explainer
 * @topic: (nullable): the name of the explainer's topic
 *
 * Returns: (transfer full): a line for lists: the topic, how long the
 *   piece takes to read, who made it, in what role, and the language it
 *   is in when that is not the reader's
 */
char *
haven_byline_format_subtitle (HavenExplainer *explainer,
                              const char     *topic)
{
  HavenPerson *creator;
  GString *line;
  g_autofree char *minutes = NULL;

  g_return_val_if_fail (HAVEN_IS_EXPLAINER (explainer), NULL);

  creator = haven_explainer_get_creator (explainer);
  minutes = haven_explainer_format_minutes (explainer);
  line = g_string_new (NULL);
  if (topic != NULL)
    g_string_append_printf (line, "%s · ", topic);
  g_string_append (line, minutes);

  g_string_append (line, " · ");
  if (creator->role != NULL)
    /* Translators: who made an explainer and their role, as in
     * “By Haven editorial team, Writers” */
    g_string_append_printf (line, _("By %s, %s"), creator->name, creator->role);
  else
    /* Translators: %s is who made an explainer */
    g_string_append_printf (line, _("By %s"), creator->name);

  if (!haven_explainer_get_in_reader_language (explainer) &&
      haven_explainer_get_language (explainer) != NULL)
    {
      const char *language = haven_explainer_get_language (explainer);
      const char *name = haven_language_get_native_name (language);

      g_string_append (line, " · ");
      /* Translators: %s is a language's name in that language, as in
       * “In English”, “In Deutsch”: the piece that follows is written in it */
      g_string_append_printf (line, _("In %s"), name != NULL ? name : language);
    }

  return g_string_free (line, FALSE);
}
