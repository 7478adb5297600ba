/* haven-explainer-reader.c: reads one explainer, behind its content note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-explainer-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-byline.h"
#include "haven-language-label.h"
#include "haven-explainer-reader.h"
#include "haven-explainer-row.h"
#include "haven-widget-util.h"

/* The text sizes the style sheet has a class for, in percent. */
#define TEXT_SIZE_MIN  80
#define TEXT_SIZE_MAX  200
#define TEXT_SIZE_STEP 10

struct _HavenExplainerReader
{
  GtkBox             parent_instance;

  GSettings         *settings;
  HavenExplainer    *explainer;
  HavenImageCache   *image_cache;
  char              *size_class;

  GtkStack          *pages;
  GtkScrolledWindow *scroller;
  GtkBox            *content;
  GtkLabel          *note_label;
  GtkWidget         *continue_button;
  int                text_size;
};

G_DEFINE_FINAL_TYPE (HavenExplainerReader, haven_explainer_reader, GTK_TYPE_BOX)

enum {
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SAVED,
  PROP_SHOWING_NOTE,
  PROP_TEXT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text size and saving belong to the piece, so they wait behind the
 * content note with it: the window shows them while the note is not
 * shown (HavenExplainerReader:showing-note). */
static void
show_page (HavenExplainerReader *self,
           const char           *name)
{
  gboolean was_note = haven_explainer_reader_get_showing_note (self);

  haven_stack_show_only (self->pages, name);
  if (was_note != haven_explainer_reader_get_showing_note (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_NOTE]);
}

/* The piece's first link or button, or else the reader itself, so that
 * a screen reader starts reading the piece. */
static void
focus_body (HavenExplainerReader *self)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->scroller));
}

static void
apply_text_size (HavenExplainerReader *self)
{
  int size = g_settings_get_int (self->settings, "text-size");

  size = CLAMP (size - size % TEXT_SIZE_STEP, TEXT_SIZE_MIN, TEXT_SIZE_MAX);
  if (self->size_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->content), self->size_class);
  g_free (self->size_class);
  self->size_class = g_strdup_printf ("haven-text-%d", size);
  gtk_widget_add_css_class (GTK_WIDGET (self->content), self->size_class);

  if (size != self->text_size)
    {
      self->text_size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SIZE]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-in", size < TEXT_SIZE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-out", size > TEXT_SIZE_MIN);
}

static void
change_text_size (HavenExplainerReader *self,
                  int                   delta)
{
  int size = g_settings_get_int (self->settings, "text-size");

  size = delta == 0 ? 100 : CLAMP (size + delta, TEXT_SIZE_MIN, TEXT_SIZE_MAX);
  g_settings_set_int (self->settings, "text-size", size);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  change_text_size (HAVEN_EXPLAINER_READER (widget), TEXT_SIZE_STEP);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  change_text_size (HAVEN_EXPLAINER_READER (widget), -TEXT_SIZE_STEP);
}

static void
zoom_reset_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_text_size (HAVEN_EXPLAINER_READER (widget), 0);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK_REQUESTED], 0);
}

static void
continue_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  haven_explainer_reader_continue (HAVEN_EXPLAINER_READER (widget));
}

static gboolean
is_saved (HavenExplainerReader *self)
{
  g_auto(GStrv) saved = g_settings_get_strv (self->settings, "saved-explainers");

  return self->explainer != NULL &&
         g_strv_contains ((const char * const *) saved, haven_explainer_get_id (self->explainer));
}

static void
sync_saved (HavenExplainerReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

/* Saves the piece for later, or forgets it, in the saved-explainers key. */
static void
set_saved (HavenExplainerReader *self,
           gboolean              active)
{
  g_auto(GStrv) saved = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  const char *id;

  if (self->explainer == NULL || active == is_saved (self))
    return;

  id = haven_explainer_get_id (self->explainer);
  saved = g_settings_get_strv (self->settings, "saved-explainers");
  builder = g_strv_builder_new ();
  for (guint i = 0; saved[i] != NULL; i++)
    if (g_strcmp0 (saved[i], id) != 0)
      g_strv_builder_add (builder, saved[i]);
  if (active)
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "saved-explainers", (const char * const *) updated);
}

static void
haven_explainer_reader_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HavenExplainerReader *self = HAVEN_EXPLAINER_READER (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      g_value_set_boolean (value, is_saved (self));
      break;

    case PROP_SHOWING_NOTE:
      g_value_set_boolean (value, haven_explainer_reader_get_showing_note (self));
      break;

    case PROP_TEXT_SIZE:
      g_value_set_int (value, self->text_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_explainer_reader_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HavenExplainerReader *self = HAVEN_EXPLAINER_READER (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      set_saved (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_explainer_reader_dispose (GObject *object)
{
  HavenExplainerReader *self = HAVEN_EXPLAINER_READER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_EXPLAINER_READER);
  g_clear_object (&self->settings);
  g_clear_object (&self->explainer);
  g_clear_object (&self->image_cache);
  g_clear_pointer (&self->size_class, g_free);

  G_OBJECT_CLASS (haven_explainer_reader_parent_class)->dispose (object);
}

static void
haven_explainer_reader_class_init (HavenExplainerReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_explainer_reader_dispose;
  object_class->get_property = haven_explainer_reader_get_property;
  object_class->set_property = haven_explainer_reader_set_property;

  /**
   * HavenExplainerReader:saved:
   *
   * Whether the piece shown is saved for later (in the saved-explainers
   * key, which the reader follows).
   */
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HavenExplainerReader:showing-note:
   *
   * Whether the content note stands before the piece.
   */
  properties[PROP_SHOWING_NOTE] =
    g_param_spec_boolean ("showing-note", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * HavenExplainerReader:text-size:
   *
   * The size of the text, in percent.
   */
  properties[PROP_TEXT_SIZE] =
    g_param_spec_int ("text-size", NULL, NULL, TEXT_SIZE_MIN, TEXT_SIZE_MAX, 100,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenExplainerReader::back-requested:
   *
   * The reader asked to leave the explainer (the back button, Alt+Left,
   * Escape, or “Go Back” on the content note).
   */
  signals[BACK_REQUESTED] =
    g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, zoom_reset_cb);
  gtk_widget_class_install_action (widget_class, "reader.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "reader.continue", NULL, continue_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/haven-explainer-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenExplainerReader, pages);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainerReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainerReader, content);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainerReader, note_label);
  gtk_widget_class_bind_template_child (widget_class, HavenExplainerReader, continue_button);
}

static void
haven_explainer_reader_init (HavenExplainerReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->text_size = 100;
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::text-size",
                           G_CALLBACK (apply_text_size), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::saved-explainers",
                           G_CALLBACK (sync_saved), self, G_CONNECT_SWAPPED);
  apply_text_size (self);
}

GtkWidget *
haven_explainer_reader_new (void)
{
  return g_object_new (HAVEN_TYPE_EXPLAINER_READER, NULL);
}

static void
append (HavenExplainerReader *self,
        GtkWidget            *widget)
{
  gtk_box_append (self->content, widget);
}

static GtkWidget *
help_callout (const char *text)
{
  GtkWidget *box, *button;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "haven-callout");
  gtk_box_append (GTK_BOX (box), haven_text_label_new (_("Talk to Someone"), "heading"));
  gtk_box_append (GTK_BOX (box),
                  haven_text_label_new (text != NULL ? text :
                                        _("You do not have to go through this alone. A crisis line can listen now, "
                                          "any time of day, and in an emergency your local emergency number can help."),
                                        NULL));
  button = gtk_button_new_with_label (_("Get Help Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.help-now");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
append_block (HavenExplainerReader *self,
              HavenBlock           *block)
{
  GtkWidget *widget, *box;

  switch (block->type)
    {
    case HAVEN_BLOCK_TYPE_HEADING:
      widget = haven_text_label_new (block->text, "title-3");
      gtk_widget_set_margin_top (widget, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      append (self, widget);
      break;

    case HAVEN_BLOCK_TYPE_PARAGRAPH:
      append (self, haven_text_label_new (block->text, "body"));
      break;

    case HAVEN_BLOCK_TYPE_LIST:
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (box, 12);
      for (guint i = 0; block->items != NULL && block->items[i] != NULL; i++)
        {
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          g_autofree char *marker = block->ordered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
          GtkWidget *marker_label = gtk_label_new (marker);

          gtk_label_set_yalign (GTK_LABEL (marker_label), 0.0);
          gtk_widget_set_valign (marker_label, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (row), marker_label);
          widget = haven_text_label_new (block->items[i], "body");
          gtk_widget_set_hexpand (widget, TRUE);
          gtk_box_append (GTK_BOX (row), widget);
          gtk_box_append (GTK_BOX (box), row);
        }
      append (self, box);
      break;

    case HAVEN_BLOCK_TYPE_QUOTE:
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (box, "haven-quote");
      gtk_box_append (GTK_BOX (box), haven_text_label_new (block->text, "haven-quote-text"));
      if (block->attribution != NULL)
        {
          /* Translators: who a quote is from */
          g_autofree char *from = g_strdup_printf (_("— %s"), block->attribution);

          widget = haven_text_label_new (from, "dim-label");
          gtk_box_append (GTK_BOX (box), widget);
        }
      append (self, box);
      break;

    case HAVEN_BLOCK_TYPE_TIP:
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "haven-callout");
      gtk_box_append (GTK_BOX (box), haven_text_label_new (_("Tip"), "heading"));
      gtk_box_append (GTK_BOX (box), haven_text_label_new (block->text, "body"));
      append (self, box);
      break;

    case HAVEN_BLOCK_TYPE_HELP:
      append (self, help_callout (block->text));
      break;

    default:
      g_assert_not_reached ();
    }
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date),
                                                     0, 0, 0);

  /* Translators: a full date, as in “25 November 2026”; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
describe_person (HavenPerson *person)
{
  GString *text = g_string_new (person->name);

  if (person->role != NULL)
    g_string_append_printf (text, ", %s", person->role);
  if (person->credentials != NULL)
    g_string_append_printf (text, ", %s", person->credentials);
  if (person->organisation != NULL)
    g_string_append_printf (text, ", %s", person->organisation);

  return g_string_free (text, FALSE);
}

static void
rebuild (HavenExplainerReader *self)
{
  HavenExplainer *explainer = self->explainer;
  GPtrArray *body = haven_explainer_get_body (explainer);
  GPtrArray *reviewers = haven_explainer_get_reviewers (explainer);
  GPtrArray *sources = haven_explainer_get_sources (explainer);
  g_autofree char *minutes = haven_explainer_format_minutes (explainer);
  GtkWidget *child;
  gboolean ends_with_help = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  child = haven_text_label_new (haven_explainer_get_title (explainer), "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  append (self, child);
  append (self, haven_byline_new (haven_explainer_get_creator (explainer), self->image_cache));
  append (self, haven_text_label_new (minutes, "dim-label"));
  append (self, haven_text_label_new (haven_explainer_get_summary (explainer), "haven-summary"));

  for (guint i = 0; i < body->len; i++)
    {
      HavenBlock *block = g_ptr_array_index (body, i);

      append_block (self, block);
      ends_with_help = block->type == HAVEN_BLOCK_TYPE_HELP;
    }

  /* Safe messaging: help is within reach at the end of every sensitive piece. */
  if (haven_explainer_get_sensitive (explainer) && !ends_with_help)
    append (self, help_callout (NULL));

  child = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_margin_top (child, 12);
  append (self, child);

  /* content: a piece the feed lacks the reader's language for says which
   * one it is in, under its title, and reads in that language's direction. */
  if (!haven_explainer_get_in_reader_language (explainer) &&
      haven_explainer_get_language (explainer) != NULL)
    {
      const char *language = haven_explainer_get_language (explainer);
      GtkWidget *title = gtk_widget_get_first_child (GTK_WIDGET (self->content));

      for (GtkWidget *piece = title; piece != child; piece = gtk_widget_get_next_sibling (piece))
        haven_language_set_direction (piece, language);
      gtk_box_insert_child_after (self->content, haven_language_label_new (language), title);
    }

  if (reviewers != NULL && reviewers->len > 0)
    {
      append (self, haven_text_label_new (_("Reviewed by"), "heading"));
      for (guint i = 0; i < reviewers->len; i++)
        {
          g_autofree char *reviewer = describe_person (g_ptr_array_index (reviewers, i));

          append (self, haven_text_label_new (reviewer, NULL));
        }
    }

  if (haven_explainer_get_reviewed (explainer) != NULL)
    {
      g_autofree char *date = format_date (haven_explainer_get_reviewed (explainer));
      /* Translators: %s is a date */
      g_autofree char *reviewed = g_strdup_printf (_("Last reviewed %s"), date);

      append (self, haven_text_label_new (reviewed, "dim-label"));
    }

  if (sources != NULL && sources->len > 0)
    {
      append (self, haven_text_label_new (_("Sources"), "heading"));
      for (guint i = 0; i < sources->len; i++)
        {
          HavenLink *link = g_ptr_array_index (sources, i);
          GtkWidget *button = gtk_link_button_new_with_label (link->url, link->title);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          if (GTK_IS_LABEL (label))
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_xalign (GTK_LABEL (label), 0.0);
            }
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          gtk_widget_add_css_class (button, "haven-link");
          append (self, button);
        }
    }
}

/**
 * haven_explainer_reader_set_explainer:
 * @explainer: (nullable): the explainer to read
 *
 * Opens @explainer: on its content note first when it is sensitive. When
 * it is the explainer already open (as after a feed update), the reader
 * stays where they were.
 */
void
haven_explainer_reader_set_explainer (HavenExplainerReader *self,
                                      HavenExplainer       *explainer)
{
  GtkAdjustment *adjustment;
  gboolean same;
  double position;

  g_return_if_fail (HAVEN_IS_EXPLAINER_READER (self));
  g_return_if_fail (!explainer || HAVEN_IS_EXPLAINER (explainer));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  position = gtk_adjustment_get_value (adjustment);
  same = self->explainer != NULL && explainer != NULL &&
         g_strcmp0 (haven_explainer_get_id (self->explainer), haven_explainer_get_id (explainer)) == 0;

  g_set_object (&self->explainer, explainer);
  sync_saved (self);
  if (explainer == NULL)
    return;

  rebuild (self);
  gtk_adjustment_set_value (adjustment, same ? position : 0.0);

  if (same)
    return;

  if (haven_explainer_get_sensitive (explainer))
    {
      const char *note = haven_explainer_get_content_note (explainer);

      gtk_label_set_text (self->note_label,
                          note != NULL ? note : _("This piece talks about topics that some people find difficult."));
      show_page (self, "note");
      gtk_widget_grab_focus (self->continue_button);
    }
  else
    {
      show_page (self, "body");
      focus_body (self);
    }
}

/**
 * haven_explainer_reader_get_text_size:
 *
 * Returns: the size of the text, in percent
 */
int
haven_explainer_reader_get_text_size (HavenExplainerReader *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER_READER (self), 100);

  return self->text_size;
}

HavenExplainer *
haven_explainer_reader_get_explainer (HavenExplainerReader *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER_READER (self), NULL);

  return self->explainer;
}

/**
 * haven_explainer_reader_get_showing_note:
 *
 * Returns: %TRUE while the content note stands before the explainer
 */
gboolean
haven_explainer_reader_get_showing_note (HavenExplainerReader *self)
{
  g_return_val_if_fail (HAVEN_IS_EXPLAINER_READER (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "note") == 0;
}

/**
 * haven_explainer_reader_continue:
 *
 * Goes past the content note to the explainer, as its “Continue” does.
 */
void
haven_explainer_reader_continue (HavenExplainerReader *self)
{
  g_return_if_fail (HAVEN_IS_EXPLAINER_READER (self));

  show_page (self, "body");
  focus_body (self);
}

/**
 * haven_explainer_reader_set_image_cache:
 * @cache: (nullable): where creators' pictures are
 *
 * Used by the explainers shown from now on.
 */
void
haven_explainer_reader_set_image_cache (HavenExplainerReader *self,
                                        HavenImageCache      *cache)
{
  g_return_if_fail (HAVEN_IS_EXPLAINER_READER (self));
  g_return_if_fail (!cache || HAVEN_IS_IMAGE_CACHE (cache));

  g_set_object (&self->image_cache, cache);
}
