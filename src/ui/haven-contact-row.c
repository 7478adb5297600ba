/* haven-contact-row.c: one crisis or support service, with its ways in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-contact-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "haven-clock-settings.h"
#include "haven-contact-row.h"
#include "haven-number-box.h"
#include "haven-opening-status.h"
#include "haven-widget-util.h"

struct _HavenContactRow
{
  AdwBin        parent_instance;

  HavenContact *contact;

  GtkLabel     *name_label;
  GtkLabel     *description_label;
  GtkImage     *status_icon;
  GtkLabel     *status_label;
  GtkBox       *channels_box;
  GtkLabel     *details_label;
  GtkLabel     *note_label;
  GtkLabel     *checked_label;

  /* The status lines of channels that keep hours of their own, each with
   * its channel as "haven-channel" data. */
  GPtrArray    *channel_status_labels;
};

G_DEFINE_FINAL_TYPE (HavenContactRow, haven_contact_row, ADW_TYPE_BIN)

/* The languages the feed's contacts answer in; others show their code. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "am", N_("Amharic") },
  { "ar", N_("Arabic") },
  { "bg", N_("Bulgarian") },
  { "cs", N_("Czech") },
  { "da", N_("Danish") },
  { "de", N_("German") },
  { "el", N_("Greek") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "et", N_("Estonian") },
  { "fi", N_("Finnish") },
  { "fil", N_("Filipino") },
  { "fr", N_("French") },
  { "he", N_("Hebrew") },
  { "hi", N_("Hindi") },
  { "hr", N_("Croatian") },
  { "hu", N_("Hungarian") },
  { "id", N_("Indonesian") },
  { "is", N_("Icelandic") },
  { "it", N_("Italian") },
  { "ja", N_("Japanese") },
  { "ko", N_("Korean") },
  { "lb", N_("Luxembourgish") },
  { "lt", N_("Lithuanian") },
  { "lv", N_("Latvian") },
  { "ml", N_("Malayalam") },
  { "ms", N_("Malay") },
  { "mt", N_("Maltese") },
  { "nb", N_("Norwegian Bokmål") },
  { "nl", N_("Dutch") },
  { "nn", N_("Norwegian Nynorsk") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "ro", N_("Romanian") },
  { "ru", N_("Russian") },
  { "si", N_("Sinhala") },
  { "sk", N_("Slovak") },
  { "sl", N_("Slovenian") },
  { "sv", N_("Swedish") },
  { "sw", N_("Swahili") },
  { "ta", N_("Tamil") },
  { "th", N_("Thai") },
  { "uk", N_("Ukrainian") },
  { "zh", N_("Chinese") },
  { "zh-Hant", N_("Traditional Chinese") },
};

/**
 * haven_language_dup_name:
 * @code: a BCP 47 language tag
 *
 * Returns: (transfer full): the language's name in the reader's language
 */
char *
haven_language_dup_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (languages[i].code, code) == 0)
      return g_strdup (_(languages[i].name));

  return g_strdup (code);
}

static void
haven_contact_row_dispose (GObject *object)
{
  HavenContactRow *self = HAVEN_CONTACT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_CONTACT_ROW);
  g_clear_object (&self->contact);
  g_clear_pointer (&self->channel_status_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (haven_contact_row_parent_class)->dispose (object);
}

static void
haven_contact_row_class_init (HavenContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_contact_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, channels_box);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, HavenContactRow, checked_label);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_contact_row_init (HavenContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
clock_format_changed_cb (HavenContactRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  haven_contact_row_update_status (self, now);
}

static void
email_failed (GtkWidget  *widget,
              const char *uri)
{
  const char *address = g_str_has_prefix (uri, "mailto:") ? uri + strlen ("mailto:") : uri;
  g_autofree char *plain = g_strndup (address, strcspn (address, "?"));
  g_autofree char *unescaped = g_uri_unescape_string (plain, NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), unescaped ? unescaped : plain);
  haven_show_toast (widget, _("Couldn’t open an email app. Address copied."));
}

static gboolean
on_activate_email (GtkLinkButton *button,
                   gpointer       user_data)
{
  haven_launch_uri (GTK_WIDGET (button), gtk_link_button_get_uri (button), email_failed);

  /* Handled: GTK's own handler would show its error dialog. */
  return TRUE;
}

static GtkWidget *
link_box_new (HavenChannel *channel)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button;
  g_autofree char *uri = haven_channel_dup_uri (channel);
  const char *label;
  const char *icon;

  switch (channel->type)
    {
    case HAVEN_CHANNEL_TYPE_CHAT:
      label = _("Chat Online");
      icon = "chat-message-new-symbolic";
      break;

    case HAVEN_CHANNEL_TYPE_WHATSAPP:
      label = _("Message on WhatsApp");
      icon = "chat-message-new-symbolic";
      break;

    case HAVEN_CHANNEL_TYPE_EMAIL:
      label = _("Send an Email");
      icon = "mail-send-symbolic";
      break;

    case HAVEN_CHANNEL_TYPE_PHONE:
    case HAVEN_CHANNEL_TYPE_SMS:
    case HAVEN_CHANNEL_TYPE_WEB:
    default:
      label = _("Open Website");
      icon = "web-browser-symbolic";
      break;
    }

  if (channel->label != NULL)
    {
      GtkWidget *caption = gtk_label_new (channel->label);

      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), caption);
    }
  else if (channel->type == HAVEN_CHANNEL_TYPE_EMAIL)
    {
      GtkWidget *address = gtk_label_new (channel->value);

      gtk_label_set_selectable (GTK_LABEL (address), TRUE);
      gtk_label_set_wrap (GTK_LABEL (address), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (address), 0);
      gtk_box_append (GTK_BOX (box), address);
    }

  button = gtk_link_button_new_with_label (uri, label);
  gtk_button_set_child (GTK_BUTTON (button), NULL);
  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
    gtk_button_set_child (GTK_BUTTON (button), content);
  }
  gtk_widget_remove_css_class (button, "link");
  gtk_widget_remove_css_class (button, "text-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  if (channel->type == HAVEN_CHANNEL_TYPE_EMAIL)
    g_signal_connect (button, "activate-link", G_CALLBACK (on_activate_email), NULL);
  else
    haven_link_button_open_quietly (GTK_LINK_BUTTON (button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
channel_widget_new (HavenChannel *channel)
{
  g_autofree char *uri = NULL;

  switch (channel->type)
    {
    case HAVEN_CHANNEL_TYPE_PHONE:
      uri = haven_channel_dup_uri (channel);
      return haven_number_box_new (channel->value, channel->label, uri, FALSE, NULL);

    case HAVEN_CHANNEL_TYPE_SMS:
      {
        g_autofree char *caption = NULL;

        uri = haven_channel_dup_uri (channel);
        if (channel->label != NULL)
          caption = g_strdup (channel->label);
        else if (channel->keyword != NULL)
          /* Translators: %s is the word to text, such as SHOUT */
          caption = g_strdup_printf (_("Text %s to"), channel->keyword);
        else
          caption = g_strdup (_("Text"));
        return haven_number_box_new (channel->value, caption, uri, TRUE, channel->keyword);
      }

    case HAVEN_CHANNEL_TYPE_CHAT:
    case HAVEN_CHANNEL_TYPE_WEB:
    case HAVEN_CHANNEL_TYPE_EMAIL:
    case HAVEN_CHANNEL_TYPE_WHATSAPP:
    default:
      return link_box_new (channel);
    }
}

/* “Free · English, Welsh”: the cost first, so it never reads as one more
 * language; a cost the feed does not state is left out. NULL when there
 * is nothing to say. */
static char *
dup_details (HavenContact *contact)
{
  const char * const *codes = haven_contact_get_languages (contact);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *cost;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_ptr_array_add (names, haven_language_dup_name (codes[i]));
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between languages */
  joined = g_strjoinv (_(", "), (char **) names->pdata);

  switch (haven_contact_get_cost (contact))
    {
    case HAVEN_COST_FREE:
      cost = _("Free");
      break;

    case HAVEN_COST_NORMAL_RATE:
      cost = _("Normal call rates");
      break;

    case HAVEN_COST_UNKNOWN:
    default:
      cost = NULL;
      break;
    }

  if (cost == NULL)
    return *joined != '\0' ? g_steal_pointer (&joined) : NULL;
  if (*joined == '\0')
    return g_strdup (cost);

  /* Translators: first %s is the cost, such as “Free”, second a list of languages */
  return g_strdup_printf (_("%s · %s"), cost, joined);
}

static char *
dup_checked_markup (HavenContact *contact)
{
  const char *url = haven_contact_get_source_url (contact);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  /* Older or single-sourced details: kindly ask the reader to confirm. */
  return haven_checked_markup_new (haven_contact_get_checked (contact), url,
                                   uri ? g_uri_get_host (uri) : NULL,
                                   haven_contact_get_confidence (contact) == HAVEN_CONFIDENCE_MEDIUM);
}

/**
 * haven_contact_row_new:
 * @contact: the service
 * @now: the time its opening status is computed for
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
haven_contact_row_new (HavenContact *contact,
                       GDateTime    *now)
{
  HavenContactRow *self;
  GPtrArray *channels;
  g_autofree char *details = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (HAVEN_IS_CONTACT (contact), NULL);

  self = g_object_new (HAVEN_TYPE_CONTACT_ROW, NULL);
  self->contact = g_object_ref (contact);

  gtk_label_set_text (self->name_label, haven_contact_get_name (contact));
  gtk_label_set_text (self->description_label, haven_contact_get_description (contact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, haven_contact_get_name (contact),
                                  -1);

  channels = haven_contact_get_channels (contact);
  self->channel_status_labels = g_ptr_array_new ();
  for (guint i = 0; i < channels->len; i++)
    {
      HavenChannel *channel = g_ptr_array_index (channels, i);
      GtkWidget *widget = channel_widget_new (channel);

      /* A channel with hours of its own says when it answers, right
       * under it: the contact's status above speaks for the others. */
      if (channel->hours != NULL)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *status = gtk_label_new (NULL);

          gtk_label_set_xalign (GTK_LABEL (status), 0);
          gtk_label_set_wrap (GTK_LABEL (status), TRUE);
          gtk_widget_add_css_class (status, "heading");
          g_object_set_data (G_OBJECT (status), "haven-channel", channel);
          gtk_box_append (GTK_BOX (box), widget);
          gtk_box_append (GTK_BOX (box), status);
          g_ptr_array_add (self->channel_status_labels, status);
          widget = box;
        }

      gtk_box_append (self->channels_box, widget);
    }

  details = dup_details (contact);
  gtk_label_set_text (self->details_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);

  if (haven_contact_get_note (contact) != NULL)
    {
      gtk_label_set_text (self->note_label, haven_contact_get_note (contact));
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }

  checked = dup_checked_markup (contact);
  gtk_label_set_markup (self->checked_label, checked);

  haven_contact_row_update_status (self, now);
  /* Times follow the desktop's 12 or 24 hour clock as it changes. */
  g_signal_connect_object (haven_clock_settings_get_default (), "notify::format",
                           G_CALLBACK (clock_format_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

HavenContact *
haven_contact_row_get_contact (HavenContactRow *self)
{
  g_return_val_if_fail (HAVEN_IS_CONTACT_ROW (self), NULL);

  return self->contact;
}

/**
 * haven_contact_row_update_status:
 * @self: a row
 * @now: the current time
 *
 * Recomputes "Open now" and its kind from @now.
 */
void
haven_contact_row_update_status (HavenContactRow *self,
                                 GDateTime       *now)
{
  HavenClockFormat clock_format = haven_clock_settings_get_format (haven_clock_settings_get_default ());
  g_autofree char *text = NULL;
  HavenOpenState state;

  g_return_if_fail (HAVEN_IS_CONTACT_ROW (self));

  for (guint i = 0; i < self->channel_status_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->channel_status_labels, i);
      HavenChannel *channel = g_object_get_data (G_OBJECT (label), "haven-channel");
      g_autofree char *channel_text = NULL;

      channel_text = haven_opening_status_format_for_clock (channel->hours,
                                                            haven_contact_get_time_zone (self->contact),
                                                            now, clock_format, NULL);
      gtk_label_set_text (label, channel_text);
    }

  text = haven_opening_status_format_for_clock (haven_contact_get_hours (self->contact),
                                                haven_contact_get_time_zone (self->contact),
                                                now, clock_format, &state);
  gtk_label_set_text (self->status_label, text);

  /* Only the icon is coloured: the words must stay readable on any style. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  switch (state)
    {
    case HAVEN_OPEN_STATE_OPEN:
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
      break;

    case HAVEN_OPEN_STATE_CLOSED:
      gtk_image_set_from_icon_name (self->status_icon, "preferences-system-time-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "warning");
      break;

    case HAVEN_OPEN_STATE_UNKNOWN:
    default:
      gtk_image_set_from_icon_name (self->status_icon, "dialog-information-symbolic");
      break;
    }
}
