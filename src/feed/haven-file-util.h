/* haven-file-util.h: reading and replacing Haven's own files safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Haven keeps its files (the stored feed, the safety plan) in folders of
 * its own. Anything else may sit at their paths: a symbolic link planted
 * there, a FIFO, a device, a folder, a file of gigabytes. These functions
 * never follow a symbolic link, neither for the file nor for the folder
 * that holds it (the folders above it are the user's business), never block
 * on anything but a regular file, and never read more than they were told.
 *
 * Errors are in the G_IO_ERROR domain, with a message that says why in a
 * few words (“it is a symbolic link, which Haven does not follow”) and
 * leaves naming the file to the caller:
 * - G_IO_ERROR_NOT_FOUND: there is no such file (or folder)
 * - G_IO_ERROR_NOT_REGULAR_FILE: a link, folder, FIFO or device
 * - G_IO_ERROR_MESSAGE_TOO_LARGE: a regular file over the limit
 * - G_IO_ERROR_BUSY: another process held the lock for too long
 * - others from errno
 */

typedef enum
{
  HAVEN_FILE_NONE    = 0,
  /* Reading takes away any permission for the group and others, on the
   * opened file (never on what a path might point to). */
  HAVEN_FILE_PRIVATE = 1 << 0,
} HavenFileFlags;

int       haven_file_open_directory    (const char      *directory,
                                        gboolean         create,
                                        GError         **error);

GBytes   *haven_file_read              (const char      *path,
                                        gsize            max_size,
                                        HavenFileFlags   flags,
                                        GError         **error);

gboolean  haven_file_replace           (const char      *path,
                                        const void      *data,
                                        gsize            length,
                                        int              mode,
                                        GError         **error);

void      haven_file_remove_temp_files (const char      *path,
                                        gboolean         legacy);

/* An advisory lock (flock) on an empty file beside @path, ".NAME.lock",
 * shared by every process that uses these functions for @path; the file
 * is there only while the lock is held. */
typedef struct _HavenFileLock HavenFileLock;

HavenFileLock *haven_file_lock_acquire     (const char     *path,
                                            guint           timeout_ms,
                                            GError        **error);
void           haven_file_lock_release     (HavenFileLock  *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenFileLock, haven_file_lock_release)

G_END_DECLS
