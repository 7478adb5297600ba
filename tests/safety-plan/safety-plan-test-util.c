/* safety-plan-test-util.c: plans whose every field says which version it is
 *
 * A version's plan is large (some hundred kilobytes), so that writing it
 * takes long enough for a kill to land in the middle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "safety-plan-test-util.h"

static char *
field_text (guint version,
            guint field)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "version %u, field %u\n", version, field);
  for (guint line = 0; line < 400; line++)
    g_string_append_printf (text, "line %u of field %u in version %u; ünïcödé\n", line, field, version);
  g_string_append_printf (text, "end of version %u", version);

  return g_string_free (text, FALSE);
}

HavenSafetyPlan *
safety_plan_test_new_version (guint version)
{
  HavenSafetyPlan *plan = haven_safety_plan_new ();

  for (guint i = 0; i < HAVEN_SAFETY_PLAN_N_SECTIONS; i++)
    {
      if (haven_safety_plan_section_has_contacts (i))
        {
          /* The number of contacts changes with the version, too. */
          for (guint n = 0; n < version % 4 + 1; n++)
            {
              g_autofree char *name = g_strdup_printf ("person %u of version %u", n, version);
              g_autofree char *number = g_strdup_printf ("%u %u", version, n);

              haven_safety_plan_add_contact (plan, i, name, number);
            }
        }
      else
        {
          g_autofree char *text = field_text (version, i);

          haven_safety_plan_set_text (plan, i, text);
        }
    }

  return plan;
}

/* Whether @plan is exactly one version's plan, and which. */
gboolean
safety_plan_test_get_version (HavenSafetyPlan *plan,
                              guint           *version)
{
  g_autoptr(HavenSafetyPlan) expected = NULL;
  g_autofree char *expected_data = NULL;
  g_autofree char *data = NULL;
  const char *first = haven_safety_plan_get_text (plan, HAVEN_SAFETY_PLAN_WARNING_SIGNS);

  if (sscanf (first, "version %u,", version) != 1)
    return FALSE;

  expected = safety_plan_test_new_version (*version);
  expected_data = haven_safety_plan_to_data (expected, NULL);
  data = haven_safety_plan_to_data (plan, NULL);

  return g_strcmp0 (expected_data, data) == 0;
}
