/* bench-exec.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * bench-exec CMD [ARG…]: reads CLOCK_MONOTONIC and execs CMD with the
 * reading in CST_BENCH_EXEC_NS, so that the first-frame shim measures
 * from the exec itself, not from whatever started us.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int
main (int   argc,
      char *argv[])
{
  struct timespec ts;
  char value[32];

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-exec CMD [ARG…]\n");
      return 64;
    }

  clock_gettime (CLOCK_MONOTONIC, &ts);
  snprintf (value, sizeof value, "%lld",
            (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec);
  setenv ("CST_BENCH_EXEC_NS", value, 1);

  execvp (argv[1], argv + 1);
  fprintf (stderr, "bench-exec: cannot run %s: %s\n", argv[1], strerror (errno));
  return 127;
}
