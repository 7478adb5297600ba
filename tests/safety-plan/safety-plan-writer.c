/* safety-plan-writer.c: saves version after version of a plan until killed
 *
 *   safety-plan-writer PATH FIRST-VERSION
 *
 * Uses the real store. After each save returns it prints the version on a
 * line of its own, so that its parent knows which versions are on disk.
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
  guint version;

  if (argc != 3)
    {
      g_printerr ("usage: safety-plan-writer PATH FIRST-VERSION\n");
      return 2;
    }

  store = haven_safety_plan_store_new (argv[1]);
  version = (guint) strtoul (argv[2], NULL, 10);

  for (;; version++)
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
    }
}
