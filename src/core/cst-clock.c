/* cst-clock.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-clock"

#include "config.h"

#include "cst-clock.h"

G_DEFINE_ABSTRACT_TYPE (CstClock, cst_clock, G_TYPE_OBJECT)

static void
cst_clock_class_init (CstClockClass *klass)
{
}

static void
cst_clock_init (CstClock *self)
{
}

/* The system clock {{{1 */

#define CST_TYPE_SYSTEM_CLOCK (cst_system_clock_get_type ())
G_DECLARE_FINAL_TYPE (CstSystemClock, cst_system_clock, CST, SYSTEM_CLOCK, CstClock)

struct _CstSystemClock
{
  CstClock parent_instance;
};

G_DEFINE_FINAL_TYPE (CstSystemClock, cst_system_clock, CST_TYPE_CLOCK)

static gint64
cst_system_clock_now (CstClock *clock)
{
  return g_get_real_time ();
}

static void
cst_system_clock_class_init (CstSystemClockClass *klass)
{
  CstClockClass *clock_class = CST_CLOCK_CLASS (klass);

  clock_class->now = cst_system_clock_now;
}

static void
cst_system_clock_init (CstSystemClock *self)
{
}

/* The manual clock {{{1 */

#define CST_TYPE_MANUAL_CLOCK (cst_manual_clock_get_type ())
G_DECLARE_FINAL_TYPE (CstManualClock, cst_manual_clock, CST, MANUAL_CLOCK, CstClock)

struct _CstManualClock
{
  CstClock parent_instance;

  /* a worker thread of the service reads while a test moves time */
  GMutex   mutex;
  gint64   now_us;
};

G_DEFINE_FINAL_TYPE (CstManualClock, cst_manual_clock, CST_TYPE_CLOCK)

static gint64
cst_manual_clock_now (CstClock *clock)
{
  CstManualClock *self = CST_MANUAL_CLOCK (clock);
  gint64 now_us;

  g_mutex_lock (&self->mutex);
  now_us = self->now_us;
  g_mutex_unlock (&self->mutex);

  return now_us;
}

static void
cst_manual_clock_finalize (GObject *object)
{
  CstManualClock *self = CST_MANUAL_CLOCK (object);

  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cst_manual_clock_parent_class)->finalize (object);
}

static void
cst_manual_clock_class_init (CstManualClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CstClockClass *clock_class = CST_CLOCK_CLASS (klass);

  object_class->finalize = cst_manual_clock_finalize;

  clock_class->now = cst_manual_clock_now;
}

static void
cst_manual_clock_init (CstManualClock *self)
{
  g_mutex_init (&self->mutex);
}

/* Public API {{{1 */

/**
 * cst_clock_new_system:
 *
 * Returns: (transfer full): a clock that reads the system's wall clock
 */
CstClock *
cst_clock_new_system (void)
{
  return g_object_new (CST_TYPE_SYSTEM_CLOCK, NULL);
}

/**
 * cst_clock_new_manual:
 * @start_us: the time it shows, in microseconds since the epoch
 *
 * Returns: (transfer full): a clock that stands still until it is moved
 *   with cst_clock_advance() or cst_clock_set()
 */
CstClock *
cst_clock_new_manual (gint64 start_us)
{
  CstManualClock *self = g_object_new (CST_TYPE_MANUAL_CLOCK, NULL);

  self->now_us = start_us;

  return CST_CLOCK (self);
}

gint64
cst_clock_now (CstClock *self)
{
  g_return_val_if_fail (CST_IS_CLOCK (self), 0);
  g_return_val_if_fail (CST_CLOCK_GET_CLASS (self)->now != NULL, 0);

  return CST_CLOCK_GET_CLASS (self)->now (self);
}

gint64
cst_clock_now_seconds (CstClock *self)
{
  gint64 now;

  g_return_val_if_fail (CST_IS_CLOCK (self), 0);

  now = cst_clock_now (self);

  /* Round towards the past, also before 1970. */
  if (now < 0)
    return -((-now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  return now / G_USEC_PER_SEC;
}

void
cst_clock_get_date (CstClock *self,
                    GDate    *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_if_fail (CST_IS_CLOCK (self));
  g_return_if_fail (date != NULL);

  dt = g_date_time_new_from_unix_local (cst_clock_now_seconds (self));

  g_date_clear (date, 1);

  /* Outside GDateTime's range (years 1–9999), which no test or real
   * clock reaches; the date stays invalid rather than made up. */
  if (dt == NULL)
    return;

  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

void
cst_clock_advance (CstClock *self,
                   gint64    delta_us)
{
  CstManualClock *manual;

  g_return_if_fail (CST_IS_MANUAL_CLOCK (self));

  manual = CST_MANUAL_CLOCK (self);

  g_mutex_lock (&manual->mutex);
  manual->now_us += delta_us;
  g_mutex_unlock (&manual->mutex);
}

void
cst_clock_set (CstClock *self,
               gint64    now_us)
{
  CstManualClock *manual;

  g_return_if_fail (CST_IS_MANUAL_CLOCK (self));

  manual = CST_MANUAL_CLOCK (self);

  g_mutex_lock (&manual->mutex);
  manual->now_us = now_us;
  g_mutex_unlock (&manual->mutex);
}
