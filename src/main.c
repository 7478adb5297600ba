/* main.c: Haven's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "haven-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HavenApplication) app = NULL;
  const char *localedir;

  /* Before anything is translated: --help prints before GTK starts. */
  setlocale (LC_ALL, "");

  /* HAVEN_LOCALEDIR lets Haven run translated from its build directory
   * (build-aux/dev, meson devenv and the tests set it); installed Haven
   * uses the directory it was built for. */
  localedir = g_getenv ("HAVEN_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = haven_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
