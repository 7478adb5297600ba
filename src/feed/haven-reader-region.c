/* haven-reader-region.c: which region the reader is in
 *
 * The answer, in order: `--region` for this run, else the region the reader
 * chose (the "region" setting), else what the locale and the time zone
 * say, worked out once. Only a region the feed knows counts. HavenContent
 * owns one and hands its answer on as HavenContent:region.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-reader-region"

#include "config.h"

#include <string.h>

#include "haven-reader-region.h"
#include "haven-region-detect.h"

struct _HavenReaderRegion
{
  GObject    parent_instance;

  GSettings *settings;
  HavenFeed *feed;
  char      *code;
  char      *override;
  char      *detected;
  gboolean   detection_done;
};

G_DEFINE_FINAL_TYPE (HavenReaderRegion, haven_reader_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * haven_reader_region_normalize:
 * @code: (nullable): what the reader typed, such as "gb"
 *
 * Returns: (transfer full) (nullable): two ASCII letters, upper case, or
 *   %NULL when @code is not a region code
 */
char *
haven_reader_region_normalize (const char *code)
{
  if (code == NULL || strlen (code) != 2 ||
      !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]))
    return NULL;

  return g_ascii_strup (code, -1);
}

static gboolean
is_known (HavenReaderRegion *self,
          const char        *code)
{
  return code != NULL && code[0] != '\0' && self->feed != NULL &&
         haven_feed_lookup_region (self->feed, code) != NULL;
}

static void
update (HavenReaderRegion *self)
{
  g_autofree char *saved = g_settings_get_string (self->settings, "region");
  const char *code;

  /* A region given for this run is where the reader is, even one the feed
   * has no lines for: Get Help then says so, rather than show another's. */
  if (self->override != NULL)
    code = self->override;
  else if (is_known (self, saved))
    code = saved;
  else
    {
      /* Detection reads the time zone tables: once, unless a new feed no
       * longer knows the region it found. */
      if (!self->detection_done || (self->detected != NULL && !is_known (self, self->detected)))
        {
          g_free (self->detected);
          self->detected = self->feed != NULL
            ? haven_region_detect_for_system (haven_feed_get_regions (self->feed))
            : NULL;
          self->detection_done = self->feed != NULL;
        }
      code = self->detected;
    }

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

static void
haven_reader_region_dispose (GObject *object)
{
  HavenReaderRegion *self = HAVEN_READER_REGION (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (haven_reader_region_parent_class)->dispose (object);
}

static void
haven_reader_region_finalize (GObject *object)
{
  HavenReaderRegion *self = HAVEN_READER_REGION (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->override, g_free);
  g_clear_pointer (&self->detected, g_free);

  G_OBJECT_CLASS (haven_reader_region_parent_class)->finalize (object);
}

static void
haven_reader_region_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HavenReaderRegion *self = HAVEN_READER_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_reader_region_class_init (HavenReaderRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_reader_region_dispose;
  object_class->finalize = haven_reader_region_finalize;
  object_class->get_property = haven_reader_region_get_property;

  /**
   * HavenReaderRegion:code:
   *
   * The reader's region, an upper-case ISO 3166-1 alpha-2 code the feed
   * knows, or %NULL when Haven cannot tell (or has no feed yet).
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_reader_region_init (HavenReaderRegion *self)
{
}

/**
 * haven_reader_region_new:
 * @settings: the application's settings, whose "region" is the reader's choice
 */
HavenReaderRegion *
haven_reader_region_new (GSettings *settings)
{
  HavenReaderRegion *self = g_object_new (HAVEN_TYPE_READER_REGION, NULL);

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (settings, "changed::region", G_CALLBACK (update), self);

  return self;
}

/**
 * haven_reader_region_get_code:
 *
 * Returns: (nullable): see #HavenReaderRegion:code
 */
const char *
haven_reader_region_get_code (HavenReaderRegion *self)
{
  g_return_val_if_fail (HAVEN_IS_READER_REGION (self), NULL);

  return self->code;
}

/**
 * haven_reader_region_set_feed:
 * @feed: (nullable): the content shown now, which says which regions exist
 */
void
haven_reader_region_set_feed (HavenReaderRegion *self,
                              HavenFeed         *feed)
{
  g_return_if_fail (HAVEN_IS_READER_REGION (self));

  g_set_object (&self->feed, feed);
  update (self);
}

/**
 * haven_reader_region_choose:
 * @code: (nullable): the region the reader chose, or %NULL to follow the
 *   system again
 *
 * Remembers the reader's choice; it beats `--region` from now on.
 */
void
haven_reader_region_choose (HavenReaderRegion *self,
                            const char        *code)
{
  g_return_if_fail (HAVEN_IS_READER_REGION (self));

  g_clear_pointer (&self->override, g_free);
  g_settings_set_string (self->settings, "region", code != NULL ? code : "");
  update (self);
}

/**
 * haven_reader_region_set_override:
 * @code: (nullable): a region code for this run (`--region`), or %NULL
 *
 * A region given for one run wins over the remembered one and is not saved.
 */
void
haven_reader_region_set_override (HavenReaderRegion *self,
                                  const char        *code)
{
  g_return_if_fail (HAVEN_IS_READER_REGION (self));

  g_free (self->override);
  self->override = haven_reader_region_normalize (code);
  update (self);
}
