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
  char      *keyword;
  gboolean   is_text;

  /* Laid out for calling or texting from here, or, when this computer
   * cannot, for doing it from a phone: the number, its QR code and Copy. */
  GtkWidget *number_label;
  GtkWidget *dial_button;
  GtkWidget *from_phone_label;
  GtkWidget *qr_picture;
};

G_DEFINE_FINAL_TYPE (HavenNumberBox, haven_number_box, GTK_TYPE_BOX)

static void
haven_number_box_finalize (GObject *object)
{
  HavenNumberBox *self = HAVEN_NUMBER_BOX (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->keyword, g_free);

  G_OBJECT_CLASS (haven_number_box_parent_class)->finalize (object);
}

static void
haven_number_box_class_init (HavenNumberBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = haven_number_box_finalize;

  /* The number is read as part of its box, not as a stop of its own. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_number_box_init (HavenNumberBox *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}

/* This computer cannot call or text: the box leads with doing it from a
 * phone, the number in large text under it, then Copy and the QR code for
 * the phone's camera. Nothing is toasted, so a "Copied" toast is never hidden. */
static void
show_from_phone (HavenNumberBox *self)
{
  g_autofree char *ltr_number = haven_ltr_isolate (self->number);
  g_autofree char *ltr_keyword = self->keyword ? haven_ltr_isolate (self->keyword) : NULL;
  g_autofree char *text = NULL;

  if (self->from_phone_label != NULL)
    return;

  if (!self->is_text)
    /* Translators: %s is a phone number */
    text = g_strdup_printf (_("Dial %s from any phone"), ltr_number);
  else if (ltr_keyword != NULL)
    /* Translators: first %s is a word such as SHOUT, second a number */
    text = g_strdup_printf (_("Text %s to %s from any phone"), ltr_keyword, ltr_number);
  else
    /* Translators: %s is a phone number */
    text = g_strdup_printf (_("Text %s from any phone"), ltr_number);

  self->from_phone_label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (self->from_phone_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->from_phone_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->from_phone_label), 0);
  gtk_widget_add_css_class (self->from_phone_label, "heading");
  /* Above the number, which stays large to read from the screen. */
  gtk_box_insert_child_after (GTK_BOX (self), self->from_phone_label,
                              gtk_widget_get_prev_sibling (self->number_label));
  gtk_widget_set_visible (self->dial_button, FALSE);

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
}

static void
dial_failed (GtkWidget  *widget,
             const char *uri)
{
  GtkWidget *box = gtk_widget_get_ancestor (widget, HAVEN_TYPE_NUMBER_BOX);

  /* In a sandbox, the portal is the first to know. */
  if (box != NULL)
    show_from_phone (HAVEN_NUMBER_BOX (box));
}

static void
on_dial_clicked (GtkButton      *button,
                 HavenNumberBox *self)
{
  haven_launch_uri (GTK_WIDGET (button), self->uri, dial_failed);
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
  haven_show_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
button_new (const char *icon_name,
            const char *label,
            const char *accessible_label)
{
  GtkWidget *button = gtk_button_new ();

  haven_button_set_icon_label (GTK_BUTTON (button), icon_name, label, accessible_label);

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
  g_autofree char *box_a11y = NULL;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_NUMBER_BOX, NULL);
  self->number = g_strdup (number);
  self->uri = g_strdup (uri);
  self->keyword = g_strdup (keyword);
  self->is_text = is_text;

  if (caption != NULL)
    {
      label = gtk_label_new (caption);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self), label);
      /* Translators: first %s says what a number is for, second is the number */
      box_a11y = g_strdup_printf (_("%s: %s"), caption, number);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, box_a11y ? box_a11y : number,
                                  -1);

  /* Not selectable: Copy copies it, and each number would be one more
   * stop on the way to the buttons. */
  self->number_label = gtk_label_new (number);
  label = self->number_label;
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
  self->dial_button = dial;

  /* Translators: %s is a phone number */
  copy_a11y = g_strdup_printf (_("Copy number %s"), number);
  copy = button_new ("edit-copy-symbolic", _("Copy Number"), copy_a11y);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), self);
  gtk_box_append (GTK_BOX (buttons), copy);

  if (!haven_uri_scheme_has_handler (is_text ? "sms" : "tel"))
    show_from_phone (self);

  return GTK_WIDGET (self);
}

const char *
haven_number_box_get_number (HavenNumberBox *self)
{
  g_return_val_if_fail (HAVEN_IS_NUMBER_BOX (self), NULL);

  return self->number;
}
