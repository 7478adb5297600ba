/* haven-region-detect.c: which region the reader is in, from locale or time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-region-detect"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-region.h"
#include "haven-region-detect.h"

/* Both are tzdata's: zone.tab names one country per zone, links included
 * (Europe/Oslo is NO), so it is asked first; zone1970.tab may list several
 * countries for a zone and puts the zone's own country first. */
static const char * const system_zone_tables[] = {
  "/usr/share/zoneinfo/zone.tab",
  "/usr/share/zoneinfo/zone1970.tab",
  NULL
};

static gboolean
is_region_code (const char *code,
                gsize       length)
{
  return length == 2 && g_ascii_isalpha (code[0]) && g_ascii_isalpha (code[1]);
}

/**
 * haven_region_code_from_locale:
 * @locale: a POSIX locale name such as `en_GB.UTF-8` or `sr_RS@latin`
 *
 * Returns: (transfer full) (nullable): the locale's territory, upper case
 *   (`GB`), or %NULL when the locale names none (`C`, `POSIX`, `en`)
 */
char *
haven_region_code_from_locale (const char *locale)
{
  const char *territory;
  gsize length;

  if (locale == NULL)
    return NULL;

  territory = strchr (locale, '_');
  if (territory == NULL)
    return NULL;
  territory++;

  length = strcspn (territory, ".@");
  if (!is_region_code (territory, length))
    return NULL;

  return g_ascii_strup (territory, 2);
}

/**
 * haven_region_code_from_languages:
 * @language_names: what g_get_language_names() returns
 *
 * Returns: (transfer full) (nullable): the territory of the first name
 *   that has one
 */
char *
haven_region_code_from_languages (const char * const *language_names)
{
  for (guint i = 0; language_names != NULL && language_names[i] != NULL; i++)
    {
      char *code = haven_region_code_from_locale (language_names[i]);

      if (code != NULL)
        return code;
    }

  return NULL;
}

/**
 * haven_region_code_from_time_zone:
 * @time_zone: an IANA zone such as `Europe/Berlin`
 * @zone_table: the text of tzdata's zone.tab or zone1970.tab
 *
 * Returns: (transfer full) (nullable): the country the table gives first
 *   for the zone, or %NULL when the table does not list it
 */
char *
haven_region_code_from_time_zone (const char *time_zone,
                                  const char *zone_table)
{
  g_auto(GStrv) lines = NULL;

  if (time_zone == NULL || zone_table == NULL)
    return NULL;

  lines = g_strsplit (zone_table, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      /* code(s), coordinates, zone, optional comment */
      columns = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (columns) < 3 || g_strcmp0 (g_strstrip (columns[2]), time_zone) != 0)
        continue;

      if (!is_region_code (columns[0], strcspn (columns[0], ",")))
        return NULL;

      return g_ascii_strup (columns[0], 2);
    }

  return NULL;
}

static gboolean
regions_contain (GListModel *regions,
                 const char *code)
{
  guint n;

  if (code == NULL)
    return FALSE;

  if (regions == NULL)
    return TRUE;

  n = g_list_model_get_n_items (regions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenRegion) region = g_list_model_get_item (regions, i);

      if (g_strcmp0 (haven_region_get_code (region), code) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * haven_region_detect:
 * @language_names: (nullable): the locale names, most preferred first
 * @time_zone: (nullable): the system's IANA time zone
 * @zone_tables: (nullable): paths of zone tables to try in turn
 * @regions: (nullable): the regions Haven knows; %NULL accepts any code
 *
 * The locale's territory wins; when it names none, or one Haven does not
 * know, the time zone decides.
 *
 * Returns: (transfer full) (nullable): a region code, or %NULL when the
 *   reader has to be asked
 */
char *
haven_region_detect (const char * const *language_names,
                     const char         *time_zone,
                     const char * const *zone_tables,
                     GListModel         *regions)
{
  g_autofree char *code = haven_region_code_from_languages (language_names);

  if (regions_contain (regions, code))
    return g_steal_pointer (&code);

  for (guint i = 0; time_zone != NULL && zone_tables != NULL && zone_tables[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *zone_code = NULL;

      if (!g_file_get_contents (zone_tables[i], &contents, NULL, NULL))
        continue;

      zone_code = haven_region_code_from_time_zone (time_zone, contents);
      if (zone_code != NULL)
        return regions_contain (regions, zone_code) ? g_steal_pointer (&zone_code) : NULL;
    }

  return NULL;
}

/**
 * haven_region_detect_for_system:
 * @regions: (nullable): the regions Haven knows
 *
 * haven_region_detect() with this process's locale and time zone.
 *
 * Returns: (transfer full) (nullable): a region code, or %NULL
 */
char *
haven_region_detect_for_system (GListModel *regions)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return haven_region_detect (g_get_language_names (),
                              g_time_zone_get_identifier (local),
                              system_zone_tables,
                              regions);
}
