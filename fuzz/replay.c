/* replay.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <glib.h>

#include "cst-fuzz.h"

/*
 * Runs a fuzz target without libFuzzer, as part of the normal test suite:
 * every file of the target's corpus (seeds and the regression cases of
 * bugs found) is one test case, fed to LLVMFuzzerTestOneInput(), whose
 * invariant checks abort() on a violation.
 *
 *   fuzz-replay-TARGET [--tap] [FILE|DIR …]
 *
 * Without arguments it replays fuzz/corpus/TARGET; with them, the files
 * given and the files of the directories given (a crash file from
 * build-aux/fuzz, say).
 */

#ifndef CST_FUZZ_TARGET
# error "CST_FUZZ_TARGET must name the fuzz target"
#endif

/* A corpus this small is a corpus that went missing. */
#define MIN_CORPUS_FILES 8

static void
replay_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
}

static void
add_file (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *test_path = NULL;

  /* Test paths are '/'-separated and printable; corpus names are hashes
   * or short words, but a crash file can be called anything. */
  g_strcanon (basename, G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "-_.", '_');
  test_path = g_strdup_printf ("/Cst/FuzzReplay/%s/%s", CST_FUZZ_TARGET, basename);

  g_test_add_data_func_full (test_path, g_strdup (path), replay_file, g_free);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the number of files added, or -1 when @dir_path cannot be read. */
static int
add_directory (const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }

  /* The order of a directory listing is the file system's. */
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    add_file (g_ptr_array_index (names, i));

  return (int) names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  LLVMFuzzerInitialize (&argc, &argv);

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        {
          if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
            {
              if (add_directory (argv[i]) < 0)
                return 1;
            }
          else
            add_file (argv[i]);
        }
    }
  else
    {
      int n = add_directory (CST_FUZZ_CORPUS_DIR);

      if (n < MIN_CORPUS_FILES)
        {
          g_printerr ("%s holds %d files, expected at least %d\n",
                      CST_FUZZ_CORPUS_DIR, n, MIN_CORPUS_FILES);
          return 1;
        }
    }

  return g_test_run ();
}
