/* safety-plan-writer.c: saves version after version of a plan until killed
 *
 *   safety-plan-writer PATH FIRST-VERSION [COUNT]
 *
 * Uses the real store. After each save returns it prints the version on a
 * line of its own, so that its parent knows which versions are on disk.
 *
 * With COUNT, it saves COUNT versions and stops, loading the plan after
 * each save as a second Haven would: a failed save or load, or a plan that
 * is not one whole version, ends it with status 1 and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "haven-safety-plan-store.h"
#include "safety-plan-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HavenSafetyPlanStore) store = NULL;
  guint version, count = 0;

  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: safety-plan-writer PATH FIRST-VERSION [COUNT]\n");
      return 2;
    }

  store = haven_safety_plan_store_new (argv[1]);
  version = (guint) strtoul (argv[2], NULL, 10);
  if (argc == 4)
    count = (guint) strtoul (argv[3], NULL, 10);

  for (guint i = 0; count == 0 || i < count; i++, version++)
    {
      g_autoptr(HavenSafetyPlan) plan = safety_plan_test_new_version (version);
      g_autoptr(GError) error = NULL;

      if (!haven_safety_plan_store_save (store, plan, NULL, &error))
        {
          g_printerr ("safety-plan-writer: %s\n", error->message);
          return 1;
        }

      printf ("%u\n", version);
      fflush (stdout);

      if (count > 0)
        {
          g_autoptr(HavenSafetyPlan) read = haven_safety_plan_store_load (store, NULL, &error);
          guint read_version;

          if (read == NULL)
            {
              g_printerr ("safety-plan-writer: after saving %u: %s\n", version, error->message);
              return 1;
            }
          if (!safety_plan_test_get_version (read, &read_version))
            {
              g_printerr ("safety-plan-writer: after saving %u, the plan is not one whole version\n", version);
              return 1;
            }
        }
    }

  return 0;
}
