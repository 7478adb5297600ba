/* haven-safety-plan-print.c: the safety plan laid out on paper
 *
 * Only the plan goes on paper: a title, then each section's heading, its
 * question in small type, and what the reader wrote, or ruled lines to write
 * on by hand. A section that fits on a page is never split; a longer one
 * flows on, line by line, with its heading kept next to its first lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-print"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-safety-plan-print.h"
#include "haven-widget-util.h"

#define SECTION_GAP   18.0
#define HEADING_GAP    3.0
#define BODY_GAP       6.0
#define RULE_HEIGHT   24.0
#define N_RULES        3
#define FOOTER_HEIGHT 24.0
/* Printers' default margins are narrow; the plan wants at least this. */
#define MIN_MARGIN    50.0

typedef enum
{
  ITEM_LINE,
  ITEM_RULE,
} ItemKind;

/* One line of text, or one ruled line, at its place on a page. */
typedef struct
{
  ItemKind     kind;
  guint        page;
  double       y;
  PangoLayout *layout;
  int          line;
  double       baseline;
  double       grey;
} Item;

/* A line before it has a page: its height and where its baseline sits. */
typedef struct
{
  ItemKind     kind;
  PangoLayout *layout;
  int          line;
  double       height;
  double       baseline;
  double       grey;
} Line;

struct _HavenSafetyPlanPrint
{
  GtkPrintOperation  parent_instance;

  HavenSafetyPlan   *plan;

  GArray            *items;
  GPtrArray         *layouts;
  double             page_height;
  double             inset_x;
  double             inset_y;
  double             width;
  guint              n_pages;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanPrint, haven_safety_plan_print, GTK_TYPE_PRINT_OPERATION)

static PangoLayout *
new_layout (HavenSafetyPlanPrint *self,
            GtkPrintContext      *context,
            const char           *font,
            const char           *text)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (self->width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  g_ptr_array_add (self->layouts, layout);

  return layout;
}

static void
add_lines (GArray      *lines,
           PangoLayout *layout,
           double       grey)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = 0;

  do
    {
      PangoRectangle logical;
      Line line = { ITEM_LINE, layout, index++, 0, 0, grey };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.height = pango_units_to_double (logical.height);
      line.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
add_rules (GArray *lines)
{
  for (guint i = 0; i < N_RULES; i++)
    {
      Line line = { ITEM_RULE, NULL, 0, RULE_HEIGHT, RULE_HEIGHT - 4, 0.6 };

      g_array_append_val (lines, line);
    }
}

static char *
contacts_text (GListModel *contacts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HavenSafetyPlanContact) contact = g_list_model_get_item (contacts, i);
      const char *name = g_strstrip (g_strdup (haven_safety_plan_contact_get_name (contact)));
      const char *number = g_strstrip (g_strdup (haven_safety_plan_contact_get_number (contact)));

      if (*name != '\0' || *number != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (*name != '\0' && *number != '\0')
            {
              g_autofree char *ltr_number = haven_ltr_isolate (number);

              /* Translators: a person or service in the printed plan: name, then number */
              g_string_append_printf (text, _("%s: %s"), name, ltr_number);
            }
          else
            g_string_append (text, *name != '\0' ? name : number);
        }

      g_free ((char *) name);
      g_free ((char *) number);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Places @lines from @y on; @keep_together asks for a fresh page rather than
 * splitting them, when they would fit on one. */
static void
place (HavenSafetyPlanPrint *self,
       GArray               *lines,
       guint                 keep_with_first,
       double               *y,
       guint                *page)
{
  double total = 0, head = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      total += g_array_index (lines, Line, i).height;
      if (i < keep_with_first)
        head += g_array_index (lines, Line, i).height;
    }

  if (*y > 0 &&
      ((*y + total > self->page_height && total <= self->page_height) ||
       *y + head > self->page_height))
    {
      (*page)++;
      *y = 0;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Item item = { line->kind, 0, 0, line->layout, line->line, line->baseline, line->grey };

      if (*y > 0 && *y + line->height > self->page_height)
        {
          (*page)++;
          *y = 0;
        }

      item.page = *page;
      item.y = *y;
      g_array_append_val (self->items, item);
      *y += line->height;
    }
}

static void
haven_safety_plan_print_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  HavenSafetyPlanPrint *self = HAVEN_SAFETY_PLAN_PRINT (operation);
  double y = 0;
  guint page = 0;

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->layouts, 0);
  {
    GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
    double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
    double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);

    self->inset_x = MAX (0, MIN_MARGIN - left);
    self->inset_y = MAX (0, MIN_MARGIN - top);
  }
  self->width = gtk_print_context_get_width (context) - 2 * self->inset_x;
  self->page_height = gtk_print_context_get_height (context) - 2 * self->inset_y - FOOTER_HEIGHT;

  {
    g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));

    add_lines (lines, new_layout (self, context, "Sans Bold 20", _("My Safety Plan")), 0);
    add_lines (lines, new_layout (self, context, "Sans 10",
                                  _("A plan for hard moments, made with Haven. "
                                    "Keep it where you can find it, and come back to it any time.")),
               0.35);
    place (self, lines, lines->len, &y, &page);
    y += SECTION_GAP;
  }

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
      g_autofree char *body = NULL;
      guint head;

      add_lines (lines, new_layout (self, context, "Sans Bold 13",
                                    haven_safety_plan_section_get_title (i)), 0);
      g_array_index (lines, Line, lines->len - 1).height += HEADING_GAP;
      add_lines (lines, new_layout (self, context, "Sans Italic 9",
                                    haven_safety_plan_section_get_printed_prompt (i)), 0.35);
      g_array_index (lines, Line, lines->len - 1).height += BODY_GAP;
      head = lines->len;

      if (haven_safety_plan_section_has_contacts (i))
        body = contacts_text (G_LIST_MODEL (haven_safety_plan_get_contacts (self->plan, i)));
      else
        body = g_strstrip (g_strdup (haven_safety_plan_get_text (self->plan, i)));

      if (*body == '\0')
        add_rules (lines);
      else
        add_lines (lines, new_layout (self, context, "Sans 11", body), 0);

      /* A heading and its question never end a page alone. */
      place (self, lines, MIN (head + 2, lines->len), &y, &page);
      y += SECTION_GAP;
    }

  self->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, self->n_pages);
}

static void
haven_safety_plan_print_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  HavenSafetyPlanPrint *self = HAVEN_SAFETY_PLAN_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = self->width;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  g_autoptr(PangoFontDescription) footer_font = NULL;
  int footer_width;

  cairo_translate (cr, self->inset_x, self->inset_y);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->page != (guint) page_nr)
        continue;

      cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
      if (item->kind == ITEM_RULE)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, 0, item->y + item->baseline);
          cairo_line_to (cr, width, item->y + item->baseline);
          cairo_stroke (cr);
        }
      else
        {
          cairo_move_to (cr, 0, item->y + item->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout, item->line));
        }
    }

  /* Translators: the printed plan's footer: the first %d is this page, the second the number of pages */
  footer = g_strdup_printf (_("My Safety Plan · page %d of %d"), page_nr + 1, self->n_pages);
  footer_layout = gtk_print_context_create_pango_layout (context);
  footer_font = pango_font_description_from_string ("Sans 8");
  pango_layout_set_font_description (footer_layout, footer_font);
  pango_layout_set_text (footer_layout, footer, -1);
  pango_layout_get_size (footer_layout, &footer_width, NULL);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, (width - pango_units_to_double (footer_width)) / 2,
                 self->page_height + FOOTER_HEIGHT / 2);
  pango_cairo_show_layout (cr, footer_layout);
}

static void
haven_safety_plan_print_end_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  HavenSafetyPlanPrint *self = HAVEN_SAFETY_PLAN_PRINT (operation);

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->layouts, 0);
}

static void
haven_safety_plan_print_finalize (GObject *object)
{
  HavenSafetyPlanPrint *self = HAVEN_SAFETY_PLAN_PRINT (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (haven_safety_plan_print_parent_class)->finalize (object);
}

static void
haven_safety_plan_print_class_init (HavenSafetyPlanPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = haven_safety_plan_print_finalize;
  print_class->begin_print = haven_safety_plan_print_begin_print;
  print_class->draw_page = haven_safety_plan_print_draw_page;
  print_class->end_print = haven_safety_plan_print_end_print;
}

static void
haven_safety_plan_print_init (HavenSafetyPlanPrint *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  /* Translators: the suggested name of the PDF when saving the plan as a file */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("My Safety Plan"));
}

/**
 * haven_safety_plan_print_new:
 *
 * Returns: (transfer full): a print operation that prints @plan as it is
 *   when printing starts
 */
HavenSafetyPlanPrint *
haven_safety_plan_print_new (HavenSafetyPlan *plan)
{
  HavenSafetyPlanPrint *self;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (plan), NULL);

  self = g_object_new (HAVEN_TYPE_SAFETY_PLAN_PRINT, NULL);
  self->plan = g_object_ref (plan);

  return self;
}

/**
 * haven_safety_plan_print_export_pdf:
 * @paper_name: a GtkPaperSize name, such as GTK_PAPER_NAME_A4 or
 *   GTK_PAPER_NAME_LETTER
 * @n_pages: (out) (optional): how many pages the plan took
 *
 * Writes @plan to a PDF file without asking anything, as printing it to a
 * file from the print dialog does.
 */
gboolean
haven_safety_plan_print_export_pdf (HavenSafetyPlan  *plan,
                                    const char       *filename,
                                    const char       *paper_name,
                                    int              *n_pages,
                                    GError          **error)
{
  g_autoptr(HavenSafetyPlanPrint) print = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (paper_name);

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (plan), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  print = haven_safety_plan_print_new (plan);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (print), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), filename);

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                               NULL, error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (n_pages != NULL)
    *n_pages = (int) print->n_pages;

  return TRUE;
}
