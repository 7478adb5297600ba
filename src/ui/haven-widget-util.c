/* haven-widget-util.c: small helpers the reading widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-widget-util"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-widget-util.h"

/**
 * haven_stack_show_only:
 * @stack: a stack
 * @name: the page to show
 *
 * Shows the page @name and hides the others. GTK 4.8 leaves a stack's
 * hidden pages in the accessibility tree as visible, so a screen reader
 * would still find the page the reader left; hiding them keeps the tree
 * to what is on screen.
 */
void
haven_stack_show_only (GtkStack   *stack,
                       const char *name)
{
  GtkWidget *target = gtk_stack_get_child_by_name (stack, name);

  g_return_if_fail (target != NULL);

  gtk_widget_set_visible (target, TRUE);
  gtk_stack_set_visible_child (stack, target);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != target)
      gtk_widget_set_visible (child, FALSE);
}

/**
 * haven_text_label_new:
 * @text: plain text, never markup (it may come from the feed)
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping, start-aligned label
 */
GtkWidget *
haven_text_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * haven_link_button_new:
 * @title: what the link leads to, plain text (it may come from the feed)
 * @url: the address it opens
 *
 * Returns: (transfer floating): a link button whose text wraps, so a long
 *   title from the feed fits a narrow window
 */
GtkWidget *
haven_link_button_new (const char *title,
                       const char *url)
{
  GtkWidget *button = gtk_link_button_new_with_label (url, title);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
    }
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "haven-link");
  haven_link_button_open_quietly (GTK_LINK_BUTTON (button));

  return button;
}

/**
 * haven_checked_markup_new:
 * @checked: (nullable): when a person last confirmed the details
 * @url: (nullable): where a reader can confirm them
 * @site: (nullable): the link's text, plain (it may come from the feed);
 *   %NULL for @url itself
 * @ask_to_confirm: whether the details are old or single-sourced enough
 *   to ask the reader to confirm them
 *
 * The one wording of "Checked DATE against SITE" that crisis lines and
 * emergency numbers share.
 *
 * Returns: (transfer full) (nullable): Pango markup for a label, or %NULL
 *   with neither a date nor a source
 */
char *
haven_checked_markup_new (const GDate *checked,
                          const char  *url,
                          const char  *site,
                          gboolean     ask_to_confirm)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *href = NULL;
  g_autofree char *text = NULL;

  if (checked != NULL && !g_date_valid (checked))
    checked = NULL;
  if (checked == NULL && url == NULL)
    return NULL;

  if (checked != NULL)
    {
      g_autofree char *formatted = NULL;

      date = g_date_time_new_utc (g_date_get_year (checked), g_date_get_month (checked),
                                  g_date_get_day (checked), 12, 0, 0);
      /* Translators: a date such as 25 November 2026, see g_date_time_format() */
      formatted = g_date_time_format (date, _("%-d %B %Y"));
      day = g_markup_escape_text (formatted, -1);
    }

  if (url == NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Checked %s"), day);

  href = g_markup_escape_text (url, -1);
  text = g_markup_escape_text (site != NULL ? site : url, -1);
  if (checked == NULL)
    /* Translators: %s is a link to a web site, its text the site's name */
    return g_strdup_printf (_("Source: <a href=\"%s\">%s</a>"), href, text);

  if (ask_to_confirm)
    /* Translators: first %s is a date, then a link to a web site */
    return g_strdup_printf (_("Checked %s. Details may have changed: confirm at "
                              "<a href=\"%s\">%s</a>"), day, href, text);

  /* Translators: first %s is a date, then a link to a web site */
  return g_strdup_printf (_("Checked %s against <a href=\"%s\">%s</a>"), day, href, text);
}

/* Phone numbers are written left to right in every language. Inside an
 * Arabic sentence, or alone in a right-to-left window, the bidirectional
 * algorithm would otherwise reorder their digit groups: "116 123" would
 * read "123 116", a wrong number. */

/**
 * haven_ltr_isolate:
 * @text: a number, or other left-to-right text to put in a sentence
 *
 * Returns: (transfer full): @text inside a left-to-right isolate
 *   (U+2066 … U+2069), for g_strdup_printf() into a translated sentence
 */
char *
haven_ltr_isolate (const char *text)
{
  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

/**
 * haven_label_keep_ltr:
 * @label: a label that shows only a number
 *
 * Lays @label out left to right, at the start of the line as the window's
 * direction has it, so its text stays exactly the number.
 */
void
haven_label_keep_ltr (GtkLabel *label)
{
  gtk_widget_set_direction (GTK_WIDGET (label), GTK_TEXT_DIR_LTR);
  gtk_label_set_xalign (label, gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? 1.0 : 0.0);
}

/**
 * haven_button_set_icon_label:
 * @button: the button
 * @icon_name: its icon
 * @label: the short text it shows
 * @accessible_label: the full name a screen reader says, such as the
 *   number that Copy copies
 *
 * Gives @button an icon and a label, looking like an AdwButtonContent
 * child. AdwButtonContent makes its label the mnemonic label of the
 * button, and newer GTK (4.18 does) names a button after its mnemonic
 * label through a labelled-by relation, which wins over any accessible
 * label: every Copy button would be just "Copy Number". This label names
 * nothing, so @accessible_label stays the button's name on every GTK.
 */
void
haven_button_set_icon_label (GtkButton  *button,
                             const char *icon_name,
                             const char *label,
                             const char *accessible_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", icon_name,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (button, box);
  gtk_widget_add_css_class (GTK_WIDGET (button), "image-text-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

/* A source that waits for a widget's next painted frame, then runs like
 * an idle at low priority. */
typedef struct
{
  GSource        source;
  GtkWidget     *widget;
  GdkFrameClock *clock;
  gulong         realize_id;
  gulong         unrealize_id;
  gulong         paint_id;
} FrameSource;

static void
frame_source_painted_cb (GdkFrameClock *clock,
                         FrameSource   *frame)
{
  g_clear_signal_handler (&frame->paint_id, clock);
  g_source_set_ready_time ((GSource *) frame, 0);
}

static void
frame_source_realize_cb (GtkWidget   *widget,
                         FrameSource *frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock == NULL || frame->paint_id != 0)
    return;

  frame->clock = g_object_ref (clock);
  frame->paint_id = g_signal_connect (clock, "after-paint",
                                      G_CALLBACK (frame_source_painted_cb), frame);
}

static void
frame_source_unrealize_cb (GtkWidget   *widget,
                           FrameSource *frame)
{
  if (frame->clock != NULL)
    g_clear_signal_handler (&frame->paint_id, frame->clock);
  g_clear_object (&frame->clock);
}

static gboolean
frame_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  return callback (user_data);
}

static void
frame_source_finalize (GSource *source)
{
  FrameSource *frame = (FrameSource *) source;

  frame_source_unrealize_cb (frame->widget, frame);
  if (frame->widget != NULL)
    {
      g_clear_signal_handler (&frame->realize_id, frame->widget);
      g_clear_signal_handler (&frame->unrealize_id, frame->widget);
      g_clear_weak_pointer (&frame->widget);
    }
}

static GSourceFuncs frame_source_funcs = {
  NULL, NULL, frame_source_dispatch, frame_source_finalize, NULL, NULL,
};

/**
 * haven_after_first_frame:
 * @widget: a widget, realized or not; any widget, not only a window: an
 *   unrealized one (hidden, or not yet in a window) is waited for until it
 *   is realized, so the frame is one that shows it
 * @fallback_ms: run anyway after this long without a frame (a window
 *   minimised at start never paints), or 0 to wait for the frame alone
 * @callback: called at low priority once @widget's window has painted its
 *   next frame; it returns %G_SOURCE_CONTINUE to be called again, as an idle
 * @user_data: for @callback
 *
 * Work that need not be in the first frame waits for it this way, so the
 * first frame waits for nothing else.
 *
 * Returns: a source id, for g_source_remove()
 */
guint
haven_after_first_frame (GtkWidget   *widget,
                         guint        fallback_ms,
                         GSourceFunc  callback,
                         gpointer     user_data)
{
  GSource *source = g_source_new (&frame_source_funcs, sizeof (FrameSource));
  FrameSource *frame = (FrameSource *) source;
  guint id;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, callback, user_data, NULL);
  g_source_set_static_name (source, "[haven] after first frame");
  g_source_set_ready_time (source, fallback_ms > 0
                                   ? g_get_monotonic_time () + fallback_ms * G_TIME_SPAN_MILLISECOND
                                   : -1);

  g_set_weak_pointer (&frame->widget, widget);
  frame->realize_id = g_signal_connect (widget, "realize",
                                        G_CALLBACK (frame_source_realize_cb), frame);
  frame->unrealize_id = g_signal_connect (widget, "unrealize",
                                          G_CALLBACK (frame_source_unrealize_cb), frame);
  if (gtk_widget_get_realized (widget))
    frame_source_realize_cb (widget, frame);

  id = g_source_attach (source, NULL);
  g_source_unref (source);

  return id;
}

/**
 * haven_uri_scheme_has_handler:
 * @scheme: a URI scheme such as "tel" or "sms"
 *
 * Whether this computer has an app that opens @scheme links: the one place
 * that decides whether Haven offers Call, Text or Send an Email. Inside a
 * sandbox Haven cannot see the host's apps, so it assumes one and the
 * portal's answer leads to the fallback when there is none.
 *
 * HAVEN_URI_HANDLERS, when set, is the comma-separated list of schemes to
 * take as handled instead (empty for none): for tests and for trying out
 * a computer that cannot call.
 *
 * Returns: %TRUE when a link of @scheme can be opened
 */
gboolean
haven_uri_scheme_has_handler (const char *scheme)
{
  const char *injected = g_getenv ("HAVEN_URI_HANDLERS");
  g_autoptr(GAppInfo) handler = NULL;

  g_return_val_if_fail (scheme != NULL, FALSE);

  if (injected != NULL)
    {
      g_auto(GStrv) schemes = g_strsplit (injected, ",", -1);

      return g_strv_contains ((const char * const *) schemes, scheme);
    }

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;

  handler = g_app_info_get_default_for_uri_scheme (scheme);

  return handler != NULL;
}

typedef struct
{
  GtkWidget        *widget;
  char             *uri;
  HavenLaunchFailed failed;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_weak_pointer (&data->widget);
  g_free (data->uri);
  g_free (data);
}

static void
launch_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* For developers only: the reader gets Haven's own words. */
      g_debug ("Nothing opened %s: %s", data->uri, error->message);
      if (data->widget != NULL && data->failed != NULL)
        data->failed (data->widget, data->uri);
    }

  launch_data_free (data);
}

/**
 * haven_launch_uri:
 * @widget: the widget the reader used
 * @uri: the link to open
 * @failed: (nullable): called with @widget and @uri when nothing opened
 *   it, and @widget still exists
 *
 * Opens @uri in the reader's app for it, through the portal in a sandbox.
 * Unlike gtk_show_uri(), a failure never shows GTK's own error dialog:
 * @failed offers Haven's fallback instead.
 */
void
haven_launch_uri (GtkWidget        *widget,
                  const char       *uri,
                  HavenLaunchFailed failed)
{
  LaunchData *data;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  data = g_new0 (LaunchData, 1);
  g_set_weak_pointer (&data->widget, widget);
  data->uri = g_strdup (uri);
  data->failed = failed;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launch_done, data);
}

/**
 * haven_show_toast:
 * @widget: a widget inside a view that shows toasts
 * @message: what to say
 *
 * Shows @message as a toast of the view around @widget, in place of the
 * one it showed last.
 *
 * Returns: %TRUE when a view took it
 */
gboolean
haven_show_toast (GtkWidget  *widget,
                  const char *message)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return gtk_widget_activate_action (widget, "help.toast", "s", message);
}

static void
copy_link_failed (GtkWidget  *widget,
                  const char *uri)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), uri);
  haven_show_toast (widget, _("Couldn’t open a web browser. Link copied."));
}

static gboolean
on_activate_link (GtkLinkButton *button,
                  gpointer       user_data)
{
  haven_launch_uri (GTK_WIDGET (button), gtk_link_button_get_uri (button), copy_link_failed);

  /* Handled: GTK's own handler would show its error dialog. */
  return TRUE;
}

/**
 * haven_link_button_open_quietly:
 * @button: a link button
 *
 * Makes @button open its link with haven_launch_uri(): when no app takes
 * it, the link is copied and a toast says so, with no GTK error dialog.
 */
void
haven_link_button_open_quietly (GtkLinkButton *button)
{
  g_return_if_fail (GTK_IS_LINK_BUTTON (button));

  g_signal_connect (button, "activate-link", G_CALLBACK (on_activate_link), NULL);
}

static GtkWidget *
find_shown (GtkWidget *widget,
            GType      type)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * haven_widget_find_shown:
 * @root: where to look
 * @type: the type of widget to find
 *
 * Finds a widget the reader sees, or will when @root's window is shown:
 * it and its parents up to @root are visible, and none is a stack's page
 * behind another.
 *
 * Returns: (transfer none) (nullable): the first such widget of @type at
 *   or below @root, depth first
 */
GtkWidget *
haven_widget_find_shown (GtkWidget *root,
                         GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  return find_shown (root, type);
}

/* The first label with @css_class under @widget, @widget included: the
 * title or subtitle label inside a libadwaita row. */
GtkWidget *
haven_widget_find_label (GtkWidget  *widget,
                         const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = haven_widget_find_label (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}
