/* haven-number-box.c: one number in large text, with Call or Text and Copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-number-box"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-number-box.h"
#include "haven-qr-code.h"
#include "haven-widget-util.h"

struct _HavenNumberBox
{
  GtkBox     parent_instance;

  char      *number;
  char      *uri;
  gboolean   is_text;

  GtkWidget *no_handler_label;
  GtkWidget *qr_picture;
};

G_DEFINE_FINAL_TYPE (HavenNumberBox, haven_number_box, GTK_TYPE_BOX)

static void
haven_number_box_finalize (GObject *object)
{
  HavenNumberBox *self = HAVEN_NUMBER_BOX (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->uri, g_free);

  G_OBJECT_CLASS (haven_number_box_parent_class)->finalize (object);
}

static void
haven_number_box_class_init (HavenNumberBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = haven_number_box_finalize;
}

static void
haven_number_box_init (HavenNumberBox *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}

static void
show_no_handler (HavenNumberBox *self)
{
  gtk_widget_set_visible (self->no_handler_label, TRUE);

  if (self->qr_picture == NULL)
    {
      g_autoptr(GdkTexture) texture = haven_qr_code_texture_new (self->uri, 5, NULL);
      g_autofree char *alt = NULL;

      if (texture != NULL)
        {
          self->qr_picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
          gtk_picture_set_can_shrink (GTK_PICTURE (self->qr_picture), FALSE);
          gtk_widget_set_halign (self->qr_picture, GTK_ALIGN_START);
          /* Translators: %s is a phone number */
          alt = g_strdup_printf (self->is_text ? _("QR code to text %s from a phone")
                                               : _("QR code to call %s from a phone"),
                                 self->number);
          gtk_picture_set_alternative_text (GTK_PICTURE (self->qr_picture), alt);
          /* GTK 4.8 does not name a picture by its alternative text. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_picture),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, alt,
                                          -1);
          gtk_box_append (GTK_BOX (self), self->qr_picture);
        }
    }

  /* Short, so it fits a narrow window; the card says the rest. */
  gtk_widget_activate_action (GTK_WIDGET (self), "help.toast", "s",
                              self->is_text ? _("This computer can’t text")
                                            : _("This computer can’t call"));
}

static void
show_uri_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HavenNumberBox) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_debug ("Nothing opened %s: %s", self->uri, error->message);
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        show_no_handler (self);
    }
}

static void
on_dial_clicked (GtkButton      *button,
                 HavenNumberBox *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *scheme = self->is_text ? "sms" : "tel";
  g_autoptr(GAppInfo) handler = NULL;

  /* Outside a sandbox, GIO knows at once whether anything takes the link;
   * inside one, the portal tells through gtk_show_uri_full(). */
  if (!g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      handler = g_app_info_get_default_for_uri_scheme (scheme);
      if (handler == NULL)
        {
          show_no_handler (self);
          return;
        }
    }

  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                     self->uri, GDK_CURRENT_TIME, NULL,
                     show_uri_done, g_object_ref (self));
}

static void
on_copy_clicked (GtkButton      *button,
                 HavenNumberBox *self)
{
  g_autofree char *toast = NULL;
  g_autofree char *number = haven_ltr_isolate (self->number);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->number);
  /* Translators: %s is a phone number */
  toast = g_strdup_printf (_("Copied %s"), number);
  gtk_widget_activate_action (GTK_WIDGET (self), "help.toast", "s", toast);
}

static GtkWidget *
button_new (const char *icon_name,
            const char *label,
            const char *accessible_label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), FALSE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  return button;
}

/**
 * haven_number_box_new:
 * @number: the number as the feed writes it; shown and copied as it is
 * @caption: (nullable): what the number is for
 * @uri: the `tel:` or `sms:` link
 * @is_text: %TRUE for a text (sms) number
 * @keyword: (nullable): the word to text
 *
 * Returns: (transfer floating): the box
 */
GtkWidget *
haven_number_box_new (const char *number,
                      const char *caption,
                      const char *uri,
                      gboolean    is_text,
                      const char *keyword)
{
  HavenNumberBox *self;
  GtkWidget *label;
  GtkWidget *buttons;
  GtkWidget *dial;
  GtkWidget *copy;
  g_autofree char *dial_label = NULL;
  g_autofree char *dial_a11y = NULL;
  g_autofree char *copy_a11y = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *ltr_number = NULL;
  g_autofree char *ltr_keyword = NULL;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_NUMBER_BOX, NULL);
  self->number = g_strdup (number);
  self->uri = g_strdup (uri);
  self->is_text = is_text;

  if (caption != NULL)
    {
      label = gtk_label_new (caption);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self), label);
    }

  label = gtk_label_new (number);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  haven_label_keep_ltr (GTK_LABEL (label));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (self), label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self), buttons);

  if (is_text)
    {
      /* Translators: %s is the word a text service asks for, such as SHOUT */
      dial_label = keyword ? g_strdup_printf (_("Text %s"), keyword) : g_strdup (_("Text"));
      /* Translators: first %s is a word such as SHOUT, second a number */
      dial_a11y = keyword ? g_strdup_printf (_("Text %s to %s"), keyword, number)
      /* Translators: %s is a number */
                          : g_strdup_printf (_("Text %s"), number);
      dial = button_new ("mail-message-new-symbolic", dial_label, dial_a11y);
    }
  else
    {
      /* Translators: %s is a phone number */
      dial_a11y = g_strdup_printf (_("Call %s"), number);
      dial = button_new ("call-start-symbolic", _("Call"), dial_a11y);
    }
  gtk_widget_add_css_class (dial, "suggested-action");
  g_signal_connect (dial, "clicked", G_CALLBACK (on_dial_clicked), self);
  gtk_box_append (GTK_BOX (buttons), dial);

  /* Translators: %s is a phone number */
  copy_a11y = g_strdup_printf (_("Copy number %s"), number);
  copy = button_new ("edit-copy-symbolic", _("Copy Number"), copy_a11y);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), self);
  gtk_box_append (GTK_BOX (buttons), copy);

  ltr_number = haven_ltr_isolate (number);
  ltr_keyword = keyword ? haven_ltr_isolate (keyword) : NULL;
  if (is_text)
    hint = keyword ? g_strdup_printf (_("This computer has no app for sending texts. From a phone, text %s to %s, or scan this code with the phone’s camera."), ltr_keyword, ltr_number)
                   : g_strdup_printf (_("This computer has no app for sending texts. From a phone, text %s, or scan this code with the phone’s camera."), ltr_number);
  else
    hint = g_strdup_printf (_("This computer has no app for making calls. Dial %s from any phone, or scan this code with the phone’s camera."), ltr_number);
  self->no_handler_label = gtk_label_new (hint);
  gtk_label_set_wrap (GTK_LABEL (self->no_handler_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->no_handler_label), 0);
  gtk_widget_set_visible (self->no_handler_label, FALSE);
  gtk_box_append (GTK_BOX (self), self->no_handler_label);

  return GTK_WIDGET (self);
}

const char *
haven_number_box_get_number (HavenNumberBox *self)
{
  g_return_val_if_fail (HAVEN_IS_NUMBER_BOX (self), NULL);

  return self->number;
}
