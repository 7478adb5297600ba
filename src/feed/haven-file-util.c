/* haven-file-util.c: reading and replacing Haven's own files safely
 *
 * Every function works on an fd of the file's folder, opened without
 * following a link, and then with the *at() calls on names in it, so that
 * nothing swapped in along the path is followed in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-file-util"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "haven-file-util.h"

/* Temporary files are ".NAME.XXXXXX" beside NAME: hidden, and recognisable
 * to remove after a crash. */
#define TEMP_RANDOM_LENGTH 6

struct _HavenFileLock
{
  int   directory_fd;
  int   fd;
  char *name;
};

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static void
close_keeping_errno (int fd)
{
  int saved_errno = errno;

  close (fd);
  errno = saved_errno;
}

/* Says what is at a path instead of a regular file. */
static gboolean
set_not_regular_error (GError    **error,
                       mode_t      mode)
{
  const char *reason;

  if (S_ISLNK (mode))
    reason = _("it is a symbolic link, which Haven does not follow");
  else if (S_ISDIR (mode))
    reason = _("it is a folder, not a file");
  else
    reason = _("it is not a regular file");

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, reason);
  return FALSE;
}

/**
 * haven_file_open_directory:
 * @directory: a folder
 * @create: whether to create it (and its parents) 0700 when missing
 *
 * Opens @directory for the *at() calls, refusing a symbolic link in its
 * place.
 *
 * Returns: an fd to close, or -1 with @error set
 */
int
haven_file_open_directory (const char  *directory,
                           gboolean     create,
                           GError     **error)
{
  GStatBuf st;
  int fd;

  if (create && g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      /* Something that is not a folder is in the way: say what below. */
      if (saved_errno != EEXIST && saved_errno != ENOTDIR)
        return set_errno_error (error, saved_errno), -1;
    }

  fd = open (directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0)
    return fd;

  if ((errno == ELOOP || errno == ENOTDIR) && g_lstat (directory, &st) == 0)
    {
      if (S_ISLNK (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                             _("its folder is a symbolic link, which Haven does not follow"));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                             _("its folder is not a folder"));
      return -1;
    }

  return set_errno_error (error, errno), -1;
}

static int
open_parent (const char  *path,
             gboolean     create,
             char       **name_out,
             GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);

  *name_out = g_path_get_basename (path);

  return haven_file_open_directory (directory, create, error);
}

/**
 * haven_file_read:
 * @path: a file
 * @max_size: the most bytes the file may hold
 * @flags: %HAVEN_FILE_PRIVATE to take away permissions from others
 *
 * Reads a regular file of at most @max_size bytes. Links, FIFOs, devices
 * and folders are refused before they are opened (and checked again on the
 * opened fd), so that this never blocks nor reads without end.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
haven_file_read (const char      *path,
                 gsize            max_size,
                 HavenFileFlags   flags,
                 GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  struct stat st;
  gsize length = 0, allocated;
  int directory_fd, fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE, NULL);

  directory_fd = open_parent (path, FALSE, &name, error);
  if (directory_fd < 0)
    return NULL;

  if (fstatat (directory_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    {
      close_keeping_errno (directory_fd);
      return set_errno_error (error, errno), NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (directory_fd);
      return set_not_regular_error (error, st.st_mode), NULL;
    }

  /* O_NONBLOCK: should a FIFO be swapped in after the check, opening it
   * must not wait for a writer. */
  fd = openat (directory_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  close_keeping_errno (directory_fd);
  if (fd < 0)
    {
      if (errno == ELOOP)
        return set_not_regular_error (error, S_IFLNK), NULL;
      return set_errno_error (error, errno), NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      close_keeping_errno (fd);
      return set_errno_error (error, errno), NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return set_not_regular_error (error, st.st_mode), NULL;
    }
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      close (fd);
      /* Translators: %s is a size, such as “8.4 MB” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("it is larger than %s"), limit);
      return NULL;
    }

  if ((flags & HAVEN_FILE_PRIVATE) && (st.st_mode & 077) != 0 &&
      fchmod (fd, st.st_mode & 0700) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));

  /* The file may grow while it is read: one byte past the limit says so. */
  allocated = (gsize) st.st_size + 1;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            break;
          allocated = MIN (allocated * 2, max_size + 1);
          data = g_realloc (data, allocated);
        }

      n = read (fd, data + length, allocated - length);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          close_keeping_errno (fd);
          if (flags & HAVEN_FILE_PRIVATE)
            explicit_bzero (data, allocated);
          return set_errno_error (error, errno), NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      if (flags & HAVEN_FILE_PRIVATE)
        explicit_bzero (data, allocated);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("it is larger than %s"), limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

static char *
make_temp_name (const char *name)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  GString *temp = g_string_new (".");

  g_string_append (temp, name);
  g_string_append_c (temp, '.');
  for (guint i = 0; i < TEMP_RANDOM_LENGTH; i++)
    g_string_append_c (temp, letters[g_random_int_range (0, sizeof letters - 1)]);

  return g_string_free (temp, FALSE);
}

/**
 * haven_file_replace:
 * @path: the file to replace or create
 * @data: (array length=length): its new contents
 * @length: the length of @data
 * @mode: its permissions, such as 0600 (set on the fd, whatever the umask)
 *
 * Replaces @path atomically: writes a new temporary file beside it, fsyncs
 * it, renames it over @path and fsyncs the folder, so that a crash or a
 * power cut leaves the old contents or the new ones, never a mix. A link at
 * @path is replaced, never followed; the folder is created 0700 if missing,
 * and refused if it is a link. On failure the temporary file is removed.
 *
 * A process killed in the middle leaves its temporary file behind: a
 * caller that holds a #HavenFileLock for @path can remove such leftovers
 * with haven_file_remove_temp_files().
 *
 * Returns: %TRUE on success
 */
gboolean
haven_file_replace (const char  *path,
                    const void  *data,
                    gsize        length,
                    int          mode,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int directory_fd, fd = -1;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  directory_fd = open_parent (path, TRUE, &name, error);
  if (directory_fd < 0)
    return FALSE;

  for (guint attempt = 0; fd < 0 && attempt < 100; attempt++)
    {
      g_free (temp);
      temp = make_temp_name (name);
      fd = openat (directory_fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0)
    {
      close_keeping_errno (directory_fd);
      return set_errno_error (error, errno);
    }

  if (fchmod (fd, mode) != 0 ||
      !write_all (fd, data, length) ||
      fsync (fd) != 0)
    {
      close_keeping_errno (fd);
      goto failed;
    }

  if (close (fd) != 0 ||
      renameat (directory_fd, temp, directory_fd, name) != 0)
    goto failed;

  /* Makes the rename itself durable; some file systems cannot sync a folder. */
  if (fsync (directory_fd) != 0 && errno != EINVAL)
    {
      close_keeping_errno (directory_fd);
      return set_errno_error (error, errno);
    }

  close (directory_fd);
  return TRUE;

failed:
  {
    int saved_errno = errno;

    unlinkat (directory_fd, temp, 0);
    close (directory_fd);
    return set_errno_error (error, saved_errno);
  }
}

static gboolean
has_temp_suffix (const char *name,
                 const char *prefix)
{
  if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + TEMP_RANDOM_LENGTH)
    return FALSE;

  for (const char *c = name + strlen (prefix); *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;

  return TRUE;
}

/**
 * haven_file_remove_temp_files:
 * @path: a file written with haven_file_replace()
 * @legacy: also remove "NAME.XXXXXX", the temporary files of
 *   g_file_set_contents(), which earlier versions of Haven used
 *
 * Removes the temporary files that writers of @path killed in the middle
 * left behind. Call it only with the #HavenFileLock of @path held, by
 * every writer of @path: a temporary file is then never a live writer's.
 */
void
haven_file_remove_temp_files (const char *path,
                              gboolean    legacy)
{
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *legacy_prefix = NULL;
  struct dirent *entry;
  DIR *dir;
  int directory_fd, listing_fd;

  g_return_if_fail (path != NULL);

  directory_fd = open_parent (path, FALSE, &name, NULL);
  if (directory_fd < 0)
    return;

  prefix = g_strdup_printf (".%s.", name);
  legacy_prefix = g_strdup_printf ("%s.", name);

  listing_fd = dup (directory_fd);
  dir = listing_fd >= 0 ? fdopendir (listing_fd) : NULL;
  if (dir == NULL)
    {
      if (listing_fd >= 0)
        close (listing_fd);
      close (directory_fd);
      return;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      if (has_temp_suffix (entry->d_name, prefix) ||
          (legacy && has_temp_suffix (entry->d_name, legacy_prefix)))
        {
          if (unlinkat (directory_fd, entry->d_name, 0) != 0)
            g_debug ("Could not remove %s: %s", entry->d_name, g_strerror (errno));
        }
    }

  closedir (dir);
  close (directory_fd);
}

/**
 * haven_file_lock_acquire:
 * @path: the file to lock
 * @timeout_ms: how long to wait for another process, 0 to try once
 *
 * Takes the advisory lock that every writer of @path holds around its
 * read-modify-write, creating the folder (0700) and the lock file (0600)
 * when needed. A process that dies holding it releases it (and leaves an
 * empty lock file, which the next holder removes).
 *
 * Returns: (transfer full): the lock, or %NULL with @error set
 *   (G_IO_ERROR_BUSY when another process held it all along)
 */
HavenFileLock *
haven_file_lock_acquire (const char  *path,
                         guint        timeout_ms,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *lock_name = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gulong pause_us = 1000;
  int directory_fd;

  g_return_val_if_fail (path != NULL, NULL);

  directory_fd = open_parent (path, TRUE, &name, error);
  if (directory_fd < 0)
    return NULL;
  lock_name = g_strdup_printf (".%s.lock", name);

  for (;;)
    {
      struct stat held, linked;
      int fd = openat (directory_fd, lock_name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;

          close (directory_fd);
          if (saved_errno == ELOOP)
            return set_not_regular_error (error, S_IFLNK), NULL;
          return set_errno_error (error, saved_errno), NULL;
        }

      while (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          if (saved_errno != EWOULDBLOCK || g_get_monotonic_time () >= deadline)
            {
              close (fd);
              close (directory_fd);
              if (saved_errno == EWOULDBLOCK)
                {
                  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                                       _("another Haven is using it; try again in a moment"));
                  return NULL;
                }
              return set_errno_error (error, saved_errno), NULL;
            }
          g_usleep (pause_us);
          pause_us = MIN (pause_us * 2, 32000);
        }

      /* The holder before us removed the lock file as it released it
       * (see haven_file_lock_release()): a lock on it locks nothing. */
      if (fstat (fd, &held) == 0 &&
          fstatat (directory_fd, lock_name, &linked, AT_SYMLINK_NOFOLLOW) == 0 &&
          held.st_dev == linked.st_dev && held.st_ino == linked.st_ino)
        {
          HavenFileLock *lock = g_new0 (HavenFileLock, 1);

          lock->directory_fd = directory_fd;
          lock->fd = fd;
          lock->name = g_steal_pointer (&lock_name);
          return lock;
        }

      close (fd);
    }
}

/**
 * haven_file_lock_release:
 *
 * Removes the lock file, so that nothing is left beside @path, and then
 * releases the lock. Others waiting for it notice that their file is gone
 * and lock a new one.
 */
void
haven_file_lock_release (HavenFileLock *lock)
{
  if (lock == NULL)
    return;

  if (unlinkat (lock->directory_fd, lock->name, 0) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", lock->name, g_strerror (errno));

  /* Closing the only fd of the lock file releases the flock. */
  close (lock->fd);
  close (lock->directory_fd);
  g_free (lock->name);
  g_free (lock);
}
