/* cst-test-ui.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cst-auth-service.h"
#include "cst-local-backend.h"
#include "cst-sms-gateway.h"
#include "cst-window.h"

G_BEGIN_DECLS

/*
 * A fixture for the ui suite: a temporary database with the local
 * backend at the OWASP-minimum argon2id cost, a manual clock, the
 * capturing SMS gateway, the scripted face verifier, the in-memory
 * credential store, the service, and a real CstWindow shown under Xvfb.
 */
typedef struct
{
  char                     *dir;
  CstClock                 *clock;
  CstCaptureSmsGateway     *sms;
  CstScriptedFaceVerifier  *face;
  CstMemoryCredentialStore *store;
  CstLocalBackend          *backend;
  CstAuthService           *service;
  CstWindow                *window;
} CstTestUi;

/* gtk_test_init + adw_init + the resources; call first in main(). */
void        cst_test_ui_init            (int          *argc,
                                         char       ***argv);
void        cst_test_ui_setup           (CstTestUi   *fixture,
                                         gconstpointer data);
void        cst_test_ui_teardown        (CstTestUi   *fixture,
                                         gconstpointer data);

/* Adds the demo person and enterprise (cst_local_backend_seed_demo). */
void        cst_test_ui_seed_demo       (CstTestUi   *fixture);

/* @ms in microseconds, times $CST_TIMEOUT_MULTIPLIER when that is set
 * (build-aux/valgrind sets it: memcheck runs the code 20–50 times slower).
 * Only for the deadlines that catch a hang: no test may pass or fail on
 * how fast the code runs. */
gint64      cst_test_timeout_us         (guint         ms);

/* Spins the main context until @condition (evaluated each turn) holds,
 * failing the test after @timeout_ms (scaled by cst_test_timeout_us). */
#define cst_test_wait_until(condition, timeout_ms)                            \
  G_STMT_START {                                                              \
    gint64 __deadline = g_get_monotonic_time () + cst_test_timeout_us (timeout_ms); \
    while (!(condition))                                                      \
      {                                                                       \
        if (g_get_monotonic_time () > __deadline)                             \
          g_error ("timed out waiting for: %s", #condition);                  \
        g_main_context_iteration (NULL, FALSE);                               \
        g_usleep (1000);                                                      \
      }                                                                       \
  } G_STMT_END

/* Spins the main context for @ms (only to let a countdown tick). */
void        cst_test_spin               (guint         ms);

/* Activates @widget (a button) and waits for its press animation. */
void        cst_test_click              (GtkWidget    *widget);
/* Sets the text of a GtkEditable (entry, entry row, password entry). */
void        cst_test_type               (GtkWidget    *editable,
                                         const char   *text);
/* The topmost page of the window's stack (NULL at the root). */
CstPage    *cst_test_ui_visible_page    (CstTestUi    *fixture);
/* Finds a descendant of @root that is a GtkLabel / button / row showing
 * @text (label, title or button label); NULL if none is mapped. */
GtkWidget  *cst_test_find_text          (GtkWidget    *root,
                                         const char   *text);
/* The text of the most recent toast shown by the window, or NULL. */
const char *cst_test_ui_last_toast      (CstTestUi    *fixture);

G_END_DECLS
