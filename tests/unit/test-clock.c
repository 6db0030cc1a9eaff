/* test-clock.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clock"

#include "config.h"

#include "cst-core.h"

/* 2026-01-01T16:30:00Z */
#define NEW_YEAR_AFTERNOON_UTC G_GINT64_CONSTANT (1767285000000000)

static void
test_manual (void)
{
  CstClock *clock = cst_clock_new_manual (NEW_YEAR_AFTERNOON_UTC);

  g_assert_cmpint (cst_clock_now (clock), ==, NEW_YEAR_AFTERNOON_UTC);
  /* it stands still */
  g_usleep (2000);
  g_assert_cmpint (cst_clock_now (clock), ==, NEW_YEAR_AFTERNOON_UTC);
  g_assert_cmpint (cst_clock_now_seconds (clock), ==, 1767285000);

  cst_clock_advance (clock, 5 * 60 * G_USEC_PER_SEC + 1);
  g_assert_cmpint (cst_clock_now (clock), ==, NEW_YEAR_AFTERNOON_UTC + 5 * 60 * G_USEC_PER_SEC + 1);
  g_assert_cmpint (cst_clock_now_seconds (clock), ==, 1767285000 + 300);

  cst_clock_advance (clock, -G_USEC_PER_SEC);
  g_assert_cmpint (cst_clock_now_seconds (clock), ==, 1767285000 + 299);

  cst_clock_set (clock, 0);
  g_assert_cmpint (cst_clock_now (clock), ==, 0);

  /* before the epoch, seconds round towards the past */
  cst_clock_set (clock, -1);
  g_assert_cmpint (cst_clock_now_seconds (clock), ==, -1);
  cst_clock_set (clock, -G_USEC_PER_SEC);
  g_assert_cmpint (cst_clock_now_seconds (clock), ==, -1);

  g_assert_finalize_object (clock);
}

static void
test_local_date (void)
{
  CstClock *clock = cst_clock_new_manual (NEW_YEAR_AFTERNOON_UTC);
  GDate date;

  /* main() runs this test in UTC+8: already 2 January there */
  cst_clock_get_date (clock, &date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_JANUARY);
  g_assert_cmpuint (g_date_get_day (&date), ==, 2);

  /* 15:59:59Z is still 1 January at 23:59:59 */
  cst_clock_set (clock, NEW_YEAR_AFTERNOON_UTC - (30 * 60 + 1) * G_USEC_PER_SEC);
  cst_clock_get_date (clock, &date);
  g_assert_cmpuint (g_date_get_day (&date), ==, 1);

  g_assert_finalize_object (clock);
}

static void
test_system (void)
{
  CstClock *clock = cst_clock_new_system ();
  gint64 before, now, after;
  GDate date;
  g_autoptr(GDateTime) local_before = NULL;
  g_autoptr(GDateTime) local_after = NULL;

  before = g_get_real_time ();
  now = cst_clock_now (clock);
  after = g_get_real_time ();
  g_assert_cmpint (before, <=, now);
  g_assert_cmpint (now, <=, after);

  /* today's local date, also when this runs across midnight */
  local_before = g_date_time_new_now_local ();
  cst_clock_get_date (clock, &date);
  local_after = g_date_time_new_now_local ();
  g_assert_true (g_date_get_day (&date) == g_date_time_get_day_of_month (local_before) ||
                 g_date_get_day (&date) == g_date_time_get_day_of_month (local_after));
  g_assert_cmpuint (g_date_get_year (&date), >=, g_date_time_get_year (local_before));

  /* Only manual clocks can be moved. */
  g_test_expect_message ("cst-clock", G_LOG_LEVEL_CRITICAL, "*CST_IS_MANUAL_CLOCK*");
  cst_clock_advance (clock, G_USEC_PER_SEC);
  g_test_assert_expected_messages ();
  g_test_expect_message ("cst-clock", G_LOG_LEVEL_CRITICAL, "*CST_IS_MANUAL_CLOCK*");
  cst_clock_set (clock, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpint (cst_clock_now (clock), >=, after);

  g_assert_finalize_object (clock);
}

#define N_THREADS 4
#define N_STEPS   20000

static gpointer
advance_thread (gpointer data)
{
  CstClock *clock = data;
  gint64 last = 0;

  for (guint i = 0; i < N_STEPS; i++)
    {
      gint64 now;

      cst_clock_advance (clock, 1);
      now = cst_clock_now (clock);
      /* other threads only move it forward */
      g_assert_cmpint (now, >, last);
      last = now;
    }

  return NULL;
}

static void
test_threads (void)
{
  CstClock *clock = cst_clock_new_manual (0);
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("advance", advance_thread, clock);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);

  /* no step lost to a race */
  g_assert_cmpint (cst_clock_now (clock), ==, N_THREADS * N_STEPS);

  g_assert_finalize_object (clock);
}

int
main (int   argc,
      char *argv[])
{
  /* A fixed zone east of UTC, as a POSIX TZ string that needs no tzdata. */
  g_setenv ("TZ", "CST-8", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Cst/Clock/manual", test_manual);
  g_test_add_func ("/Cst/Clock/local-date", test_local_date);
  g_test_add_func ("/Cst/Clock/system", test_system);
  g_test_add_func ("/Cst/Clock/threads", test_threads);

  return g_test_run ();
}
