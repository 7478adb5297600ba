/* haven-safety-plan-store.c: keeps the safety plan on this computer only
 *
 * The plan is private: nothing here logs what it says, and errors name the
 * file, never its contents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-safety-plan-store"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "haven-file-util.h"
#include "haven-safety-plan-store.h"

/* A plan is a few kilobytes; anything this large was not written by Haven. */
#define MAX_PLAN_BYTES (4 * 1024 * 1024)

struct _HavenSafetyPlanStore
{
  GObject  parent_instance;

  char    *path;

  /* Serialises file access between the threads, and orders saves: each save
   * takes a generation when it is asked for, and a write whose generation
   * is not newer than the last one written is skipped. */
  GMutex   lock;
  guint64  next_generation;
  guint64  written_generation;
};

G_DEFINE_FINAL_TYPE (HavenSafetyPlanStore, haven_safety_plan_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (haven-safety-plan-store-error-quark, haven_safety_plan_store_error)

typedef struct
{
  char    *data;
  gsize    length;
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *save)
{
  if (save->data != NULL)
    explicit_bzero (save->data, save->length);
  g_free (save->data);
  g_free (save);
}

static void
haven_safety_plan_store_finalize (GObject *object)
{
  HavenSafetyPlanStore *self = (HavenSafetyPlanStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (haven_safety_plan_store_parent_class)->finalize (object);
}

static void
haven_safety_plan_store_class_init (HavenSafetyPlanStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = haven_safety_plan_store_finalize;
}

static void
haven_safety_plan_store_init (HavenSafetyPlanStore *self)
{
  g_mutex_init (&self->lock);
}

/**
 * haven_safety_plan_store_dup_default_path:
 *
 * Returns: (transfer full): where Haven keeps the plan:
 *   $XDG_DATA_HOME/haven/safety-plan.ini
 */
char *
haven_safety_plan_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "haven", "safety-plan.ini", NULL);
}

/**
 * haven_safety_plan_store_new:
 * @path: (nullable): the plan's file, or %NULL for the default
 */
HavenSafetyPlanStore *
haven_safety_plan_store_new (const char *path)
{
  HavenSafetyPlanStore *self = g_object_new (HAVEN_TYPE_SAFETY_PLAN_STORE, NULL);

  self->path = path != NULL ? g_strdup (path) : haven_safety_plan_store_dup_default_path ();

  return self;
}

const char *
haven_safety_plan_store_get_path (HavenSafetyPlanStore *self)
{
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self), NULL);

  return self->path;
}

/* @format has two %s: the file's name and the reason. */
static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               format, display, g_strerror (saved_errno));
#pragma GCC diagnostic pop
  return FALSE;
}


/* How long a save, load or delete waits for another Haven's to finish. */
#define LOCK_TIMEOUT_MS 10000

/* Wraps @reason, a GError from haven-file-util, in @format, which has two
 * %s: the file's name and the reason. */
static gboolean
set_file_error (GError     **error,
                GError      *reason,
                const char  *format,
                const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, reason->domain, reason->code, format, display, reason->message);
#pragma GCC diagnostic pop
  g_error_free (reason);
  return FALSE;
}

static gboolean
set_save_error (GError     **error,
                GError      *reason,
                const char  *path)
{
  /* Translators: the first %s is a file, the second the reason, such as “No space left on device” */
  return set_file_error (error, reason, _("Could not save your plan in “%s”: %s"), path);
}

/* Splits "safety-plan.ini" into "safety-plan" and ".ini". */
static char *
split_name (const char  *base,
            const char **extension)
{
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    dot = base + strlen (base);
  *extension = dot;

  return g_strndup (base, dot - base);
}

/* Renames an unreadable plan to safety-plan.corrupt-DATE.ini, never over
 * another file. Returns the new path, or %NULL with errno set. */
static char *
set_aside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  const char *extension;
  g_autofree char *stem = split_name (base, &extension);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *aside = NULL;

      if (n == 1)
        name = g_strdup_printf ("%s.corrupt-%s%s", stem, date, extension);
      else
        name = g_strdup_printf ("%s.corrupt-%s-%u%s", stem, date, n, extension);
      aside = g_build_filename (folder, name, NULL);

      /* link() fails rather than replace an existing file. */
      if (link (path, aside) == 0)
        {
          if (g_unlink (path) != 0)
            return NULL;
          return g_steal_pointer (&aside);
        }
      if (errno != EEXIST)
        return NULL;
    }

  errno = EEXIST;
  return NULL;
}

/**
 * haven_safety_plan_store_load:
 *
 * Reads the plan. Blocks: call it on a thread, or use the _async version.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set:
 *   G_IO_ERROR_NOT_FOUND when there is no plan yet, or
 *   HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT when the file could not be read
 *   as a plan and was renamed aside (the message says where, for the reader)
 */
HavenSafetyPlan *
haven_safety_plan_store_load (HavenSafetyPlanStore  *self,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(HavenSafetyPlan) plan = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_name = NULL;
  g_autoptr(HavenFileLock) file_lock = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *file_error = NULL;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  locker = g_mutex_locker_new (&self->lock);

  /* Another Haven may be saving: read its plan whole, or the one before. */
  file_lock = haven_file_lock_acquire (self->path, LOCK_TIMEOUT_MS, &file_error);
  if (file_lock == NULL)
    /* Translators: the first %s is a file, the second the reason */
    return set_file_error (error, file_error, _("Could not open your plan in “%s”: %s"), self->path), NULL;

  haven_file_remove_temp_files (self->path, FALSE);

  /* A plan restored from a backup may have come back readable by others:
   * HAVEN_FILE_PRIVATE takes that away, on the file opened. */
  bytes = haven_file_read (self->path, MAX_PLAN_BYTES, HAVEN_FILE_PRIVATE, &file_error);
  if (bytes == NULL)
    {
      if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_error_free (file_error);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no safety plan yet"));
          return NULL;
        }

      /* A link, FIFO or folder was not made by Haven: it is left alone,
       * and followed nowhere. Too large a file is kept aside below. */
      if (!g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        /* Translators: the first %s is a file, the second the reason */
        return set_file_error (error, file_error, _("Could not open your plan in “%s”: %s"), self->path), NULL;
      g_clear_error (&file_error);
    }
  else
    {
      gsize length = 0;
      char *contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);

      plan = haven_safety_plan_new_from_data (contents, length, NULL);
      explicit_bzero (contents, length);
      g_free (contents);
      if (plan != NULL)
        return g_steal_pointer (&plan);
    }

  aside = set_aside (self->path);
  if (aside == NULL)
    /* Translators: the first %s is a file, the second the reason */
    return set_io_error (error, errno,
                         _("Your plan in “%s” could not be read, nor kept aside: %s"), self->path), NULL;

  aside_name = g_filename_display_basename (aside);
  folder = g_path_get_dirname (aside);
  folder_name = g_filename_display_name (folder);
  g_set_error (error, HAVEN_SAFETY_PLAN_STORE_ERROR, HAVEN_SAFETY_PLAN_STORE_ERROR_CORRUPT,
               /* Translators: the first %s is a file name, the second a folder */
               _("Your saved plan could not be read, so it has been kept safe as “%s” "
                 "in the folder “%s”, and nothing in it was deleted. "
                 "You can start again here."),
               aside_name, folder_name);
  return NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HavenSafetyPlan *plan = haven_safety_plan_store_load (source_object, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

void
haven_safety_plan_store_load_async (HavenSafetyPlanStore *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_safety_plan_store_load_async);
  g_task_run_in_thread (task, load_thread);
}

HavenSafetyPlan *
haven_safety_plan_store_load_finish (HavenSafetyPlanStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static SaveData *
save_data_new (HavenSafetyPlanStore *self,
               HavenSafetyPlan      *plan)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->data = haven_safety_plan_to_data (plan, &save->length);

  g_mutex_lock (&self->lock);
  save->generation = ++self->next_generation;
  g_mutex_unlock (&self->lock);

  return save;
}

static gboolean
write_save_data (HavenSafetyPlanStore  *self,
                 SaveData              *save,
                 GError               **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(HavenFileLock) file_lock = NULL;
  GError *file_error = NULL;

  /* A newer save (or a delete) has already landed. */
  if (save->generation <= self->written_generation)
    return TRUE;

  /* Another Haven saving at the same time waits for this one, or this one
   * for it: each replaces the whole plan, and the last one wins whole. */
  file_lock = haven_file_lock_acquire (self->path, LOCK_TIMEOUT_MS, &file_error);
  if (file_lock == NULL)
    return set_save_error (error, file_error, self->path);

  /* With the lock held no other writer is under way: these are left over
   * from one that was killed. */
  haven_file_remove_temp_files (self->path, FALSE);

  if (!haven_file_replace (self->path, save->data, save->length, 0600, &file_error))
    return set_save_error (error, file_error, self->path);

  self->written_generation = save->generation;
  return TRUE;
}

/**
 * haven_safety_plan_store_save:
 *
 * Writes @plan now, on this thread. Haven uses it only when a window closes,
 * so that the last edit is on disk before the application can exit.
 */
gboolean
haven_safety_plan_store_save (HavenSafetyPlanStore  *self,
                              HavenSafetyPlan       *plan,
                              GCancellable          *cancellable,
                              GError               **error)
{
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN (plan), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  save = save_data_new (self, plan);
  ok = write_save_data (self, save, error);
  save_data_free (save);

  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_save_data (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * haven_safety_plan_store_save_async:
 *
 * Takes a copy of @plan as it is now, and writes it on a thread.
 */
void
haven_safety_plan_store_save_async (HavenSafetyPlanStore *self,
                                    HavenSafetyPlan      *plan,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self));
  g_return_if_fail (HAVEN_IS_SAFETY_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_safety_plan_store_save_async);
  g_task_set_task_data (task, save_data_new (self, plan), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
haven_safety_plan_store_save_finish (HavenSafetyPlanStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removes the plan, the unreadable copies kept aside from it and the
 * temporary files of saves cut short: a reader who deletes their plan
 * expects no copy of it to be left. Called with the locks held. */
static gboolean
remove_every_copy (const char  *path,
                   GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *aside_prefix = NULL;
  g_autofree char *stem = NULL;
  const char *extension;
  struct dirent *entry;
  DIR *dir;
  int directory_fd, listing_fd;
  int failed_errno = 0;

  directory_fd = haven_file_open_directory (folder, FALSE, error);
  if (directory_fd < 0)
    return FALSE;

  stem = split_name (base, &extension);
  aside_prefix = g_strdup_printf ("%s.corrupt-", stem);

  haven_file_remove_temp_files (path, FALSE);

  listing_fd = dup (directory_fd);
  dir = listing_fd >= 0 ? fdopendir (listing_fd) : NULL;
  if (dir == NULL)
    {
      failed_errno = errno;
      if (listing_fd >= 0)
        close (listing_fd);
      close (directory_fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (failed_errno),
                           g_strerror (failed_errno));
      return FALSE;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      const char *name = entry->d_name;

      if (g_str_equal (name, base) ||
          (g_str_has_prefix (name, aside_prefix) && g_str_has_suffix (name, extension)))
        {
          /* unlinkat() removes a link itself, never what it points to. */
          if (unlinkat (directory_fd, name, 0) != 0 && errno != ENOENT && failed_errno == 0)
            failed_errno = errno;
        }
    }
  closedir (dir);

  if (fsync (directory_fd) != 0 && errno != EINVAL)
    g_debug ("Could not sync the plan's folder: %s", g_strerror (errno));
  close (directory_fd);

  if (failed_errno != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (failed_errno),
                           g_strerror (failed_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * haven_safety_plan_store_delete:
 *
 * Removes the plan from disk, and any save still queued with it. There
 * being no plan is not an error.
 */
gboolean
haven_safety_plan_store_delete (HavenSafetyPlanStore  *self,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(HavenFileLock) file_lock = NULL;
  GError *file_error = NULL;

  g_return_val_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  locker = g_mutex_locker_new (&self->lock);

  /* Saves asked for before the delete must not bring the plan back. */
  self->written_generation = self->next_generation;

  file_lock = haven_file_lock_acquire (self->path, LOCK_TIMEOUT_MS, &file_error);
  if (file_lock == NULL ||
      !remove_every_copy (self->path, &file_error))
    /* Translators: the first %s is a file, the second the reason */
    return set_file_error (error, file_error, _("Could not delete your plan in “%s”: %s"), self->path);

  return TRUE;
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (haven_safety_plan_store_delete (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
haven_safety_plan_store_delete_async (HavenSafetyPlanStore *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HAVEN_IS_SAFETY_PLAN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_safety_plan_store_delete_async);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
haven_safety_plan_store_delete_finish (HavenSafetyPlanStore  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
