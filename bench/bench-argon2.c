/* bench-argon2.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The argon2id cost, chosen by measurement: for a few (memory, passes)
 * choices, the time of crypto_pwhash_str (registration, password change,
 * rehash), of crypto_pwhash_str_verify, and of a whole password login
 * through CstLocalBackend (a database on disk, synchronous=FULL), which
 * is what a user waits for. Interleaved rounds: one of each choice per
 * round, so that load from other work on the machine spreads over all.
 *
 * Usage: bench-argon2 [ROUNDS]   (default 7)
 */

#define G_LOG_DOMAIN "cst-bench-argon2"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "cst-auth-backend.h"
#include "cst-local-backend.h"

#define PASSWORD "Argon2#Bench2026"
#define BUDGET_MS 250.0

typedef struct
{
  guint        mib;
  guint        passes;
  const char  *note;
  char        *dir;
  CstLocalBackend *backend;
  char         hash[crypto_pwhash_STRBYTES];
  GArray      *hash_ms;
  GArray      *verify_ms;
  GArray      *login_ms;
} Choice;

static Choice choices[] = {
  { 19, 2, "OWASP minimum; the backend's default" },
  { 46, 1, "OWASP, memory-heavy variant" },
  { 32, 2, NULL },
  { 64, 2, "libsodium INTERACTIVE" },
  { 64, 3, NULL },
  { 128, 3, NULL },
  { 256, 3, "libsodium MODERATE" },
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
summarise (GArray *values,
           double *min,
           double *median,
           double *max)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  *min = g_array_index (sorted, double, 0);
  *max = g_array_index (sorted, double, n - 1);
  *median = n % 2 ? g_array_index (sorted, double, n / 2)
                  : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static void
choice_setup (Choice *choice)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CstLocalConfig config;
  gint64 id;

  choice->dir = g_dir_make_tmp ("cst-bench-argon2-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (choice->dir, "identity.db", NULL);

  cst_local_config_init_defaults (&config);
  config.pwhash_memlimit = (guint64) choice->mib * 1024 * 1024;
  config.pwhash_opslimit = choice->passes;

  choice->backend = cst_local_backend_new (path, NULL, NULL, NULL, &config, &error);
  g_assert_no_error (error);
  /* Hashed by the backend at this cost, like a registration. */
  id = cst_local_backend_add_person (choice->backend, CST_ID_TYPE_RESIDENT, CST_DEMO_ID_NUMBER,
                                     CST_DEMO_NAME, CST_DEMO_PHONE, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert (id > 0);

  if (crypto_pwhash_str (choice->hash, PASSWORD, strlen (PASSWORD),
                         choice->passes, (size_t) choice->mib * 1024 * 1024) != 0)
    g_error ("crypto_pwhash_str failed (out of memory?)");

  choice->hash_ms = g_array_new (FALSE, FALSE, sizeof (double));
  choice->verify_ms = g_array_new (FALSE, FALSE, sizeof (double));
  choice->login_ms = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
choice_teardown (Choice *choice)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&choice->backend);
  if ((dir = g_dir_open (choice->dir, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (choice->dir, name, NULL);
          g_unlink (child);
        }
    }
  g_rmdir (choice->dir);
  g_clear_pointer (&choice->dir, g_free);
  g_clear_pointer (&choice->hash_ms, g_array_unref);
  g_clear_pointer (&choice->verify_ms, g_array_unref);
  g_clear_pointer (&choice->login_ms, g_array_unref);
}

static void
choice_round (Choice *choice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CstSession) session = NULL;
  char hash[crypto_pwhash_STRBYTES];
  gint64 start;
  double ms;

  start = g_get_monotonic_time ();
  if (crypto_pwhash_str (hash, PASSWORD, strlen (PASSWORD),
                         choice->passes, (size_t) choice->mib * 1024 * 1024) != 0)
    g_error ("crypto_pwhash_str failed");
  ms = elapsed_ms (start);
  g_array_append_val (choice->hash_ms, ms);

  start = g_get_monotonic_time ();
  if (crypto_pwhash_str_verify (choice->hash, PASSWORD, strlen (PASSWORD)) != 0)
    g_error ("crypto_pwhash_str_verify failed");
  ms = elapsed_ms (start);
  g_array_append_val (choice->verify_ms, ms);

  start = g_get_monotonic_time ();
  session = cst_auth_backend_login_password (CST_AUTH_BACKEND (choice->backend), CST_DEMO_PHONE,
                                             PASSWORD, FALSE, &error);
  ms = elapsed_ms (start);
  if (session == NULL)
    g_error ("login failed: %s", error->message);
  g_array_append_val (choice->login_ms, ms);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 7;
  const Choice *best = NULL;

  setlocale (LC_ALL, "");

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  if (rounds == 0)
    rounds = 7;

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    choice_setup (&choices[c]);

  /* One warm-up round (page faults of the first big allocation), then
   * the measured ones. */
  for (guint r = 0; r <= rounds; r++)
    for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
      {
        choice_round (&choices[c]);
        if (r == 0)
          {
            g_array_set_size (choices[c].hash_ms, 0);
            g_array_set_size (choices[c].verify_ms, 0);
            g_array_set_size (choices[c].login_ms, 0);
          }
      }

  g_print ("argon2id (libsodium %s, one lane), ms: min / median / max over %u interleaved rounds\n",
           sodium_version_string (), rounds);
  g_print ("  %-12s %-20s %-20s %-20s %s\n", "m, t", "hash", "verify", "login (backend)", "");

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      Choice *choice = &choices[c];
      double h[3], v[3], l[3];
      g_autofree char *mt = g_strdup_printf ("%u MiB, %u", choice->mib, choice->passes);
      g_autofree char *hs = NULL, *vs = NULL, *ls = NULL;

      summarise (choice->hash_ms, &h[0], &h[1], &h[2]);
      summarise (choice->verify_ms, &v[0], &v[1], &v[2]);
      summarise (choice->login_ms, &l[0], &l[1], &l[2]);
      hs = g_strdup_printf ("%.0f / %.0f / %.0f", h[0], h[1], h[2]);
      vs = g_strdup_printf ("%.0f / %.0f / %.0f", v[0], v[1], v[2]);
      ls = g_strdup_printf ("%.0f / %.0f / %.0f", l[0], l[1], l[2]);
      g_print ("  %-12s %-20s %-20s %-20s %s\n", mt, hs, vs, ls, choice->note ?: "");

      /* The costliest (memory × passes) choice whose median login leaves
       * room for a second login at once on two cores and whose slowest
       * one still fits the budget. */
      if (choice->mib * choice->passes >= 19 * 2 && l[1] <= BUDGET_MS / 2 && l[2] <= BUDGET_MS &&
          (best == NULL || choice->mib * choice->passes > best->mib * best->passes))
        best = choice;
    }

  if (best != NULL)
    g_print ("  costliest choice with a median login ≤ %.0f ms and every login ≤ %.0f ms: %u MiB, t = %u\n",
             BUDGET_MS / 2, BUDGET_MS, best->mib, best->passes);
  else
    g_print ("  no choice at or above the OWASP minimum keeps logins within %.0f ms here\n",
             BUDGET_MS);

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    choice_teardown (&choices[c]);

  return 0;
}
