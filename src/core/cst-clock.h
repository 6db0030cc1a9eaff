/* cst-clock.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A clock the service reads instead of calling g_get_real_time(), so that
 * expiry, lockout and rate limits can be tested by moving time instead of
 * waiting. Thread-safe.
 */
#define CST_TYPE_CLOCK (cst_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (CstClock, cst_clock, CST, CLOCK, GObject)

struct _CstClockClass
{
  GObjectClass parent_class;

  /* wall-clock time in microseconds since the epoch (UTC) */
  gint64 (*now) (CstClock *self);
};

CstClock *cst_clock_new_system      (void);
/* A clock that stands still at @start_us until advanced. */
CstClock *cst_clock_new_manual      (gint64    start_us);
gint64    cst_clock_now             (CstClock *self);
/* Seconds since the epoch, for SQL. */
gint64    cst_clock_now_seconds     (CstClock *self);
/* The local calendar date at now (for birth-date checks). */
void      cst_clock_get_date        (CstClock *self,
                                     GDate    *date);
/* Only for manual clocks. */
void      cst_clock_advance         (CstClock *self,
                                     gint64    delta_us);
void      cst_clock_set             (CstClock *self,
                                     gint64    now_us);

G_END_DECLS
