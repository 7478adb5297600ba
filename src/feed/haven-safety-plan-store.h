/* haven-safety-plan-store.h: keeps the safety plan on this computer only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "haven-safety-plan.h"

G_BEGIN_DECLS

/* The plan lives in one file, by default
 * $XDG_DATA_HOME/haven/safety-plan.ini (see haven-safety-plan.h for the
 * format), and nowhere else: it is never sent anywhere and its contents are
 * never logged.
 *
 * - The file is mode 0600 and its folder, when Haven creates it, 0700.
 *   Neither is ever followed if it is a symbolic link, nor read if it is
 *   not a regular file (a FIFO, a device, a folder): loading refuses with a
 *   message, and touches nothing.
 * - Saving writes a new file beside the old one (created 0600), fsyncs it,
 *   renames it over the old one and fsyncs the folder, so that a crash or a
 *   power cut leaves the old plan or the new one, never a mix.
 * - Saves finish in the order they were asked for: a save asked for later
 *   always wins, even when an earlier one is still queued on a thread.
 * - Several Haven processes may share the plan (two instances, or one that
 *   crashed): every load, save and delete holds an advisory lock (flock on
 *   .safety-plan.ini.lock beside it) for its whole read-modify-write. Each
 *   save writes the whole plan, so the last save to take the lock wins
 *   whole; the file is always one complete save, and a save never fails
 *   because another process is saving (it waits, up to 10 seconds).
 *   There is no merge: two windows editing the plan at once each save
 *   their own whole plan.
 * - Temporary files left by a Haven killed in the middle of a save are
 *   removed by the next load, save or delete (with the lock held, so never
 *   a live writer's).
 * - A file that cannot be read as a plan (or larger than 4 MiB) is renamed
 *   aside, to safety-plan.corrupt-DATE.ini, and loading reports
 *   HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT with a message for the reader;
 *   it is never overwritten.
 * - Deleting the plan removes every copy: the plan, the copies kept aside
 *   and any temporary files.
 */

#define HAVEN_SAFETY_PLAN_STORE_ERROR (haven_safety_plan_store_error_quark ())
#define HAVEN_TYPE_SAFETY_PLAN_STORE  (haven_safety_plan_store_get_type ())

typedef enum
{
  HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT,
} HavenSafetyPlanStoreError;

GQuark haven_safety_plan_store_error_quark (void);

G_DECLARE_FINAL_TYPE (HavenSafetyPlanStore, haven_safety_plan_store, HAVEN, SAFETY_PLAN_STORE, GObject)

char                 *haven_safety_plan_store_dup_default_path (void);
HavenSafetyPlanStore *haven_safety_plan_store_new          (const char            *path);
const char           *haven_safety_plan_store_get_path     (HavenSafetyPlanStore  *self);

HavenSafetyPlan      *haven_safety_plan_store_load         (HavenSafetyPlanStore  *self,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
void                  haven_safety_plan_store_load_async   (HavenSafetyPlanStore  *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
HavenSafetyPlan      *haven_safety_plan_store_load_finish  (HavenSafetyPlanStore  *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

gboolean              haven_safety_plan_store_save         (HavenSafetyPlanStore  *self,
                                                            HavenSafetyPlan       *plan,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
void                  haven_safety_plan_store_save_async   (HavenSafetyPlanStore  *self,
                                                            HavenSafetyPlan       *plan,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              haven_safety_plan_store_save_finish  (HavenSafetyPlanStore  *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

gboolean              haven_safety_plan_store_delete       (HavenSafetyPlanStore  *self,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
void                  haven_safety_plan_store_delete_async (HavenSafetyPlanStore  *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              haven_safety_plan_store_delete_finish (HavenSafetyPlanStore *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
