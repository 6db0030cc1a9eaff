/* bench-stall.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Responsiveness: the longest main-loop stall while a user goes through
 * a password login, a registration and an enterprise login, driven
 * in-process through the real window, pages and service, at the real
 * argon2id cost (the backend's defaults).
 *
 * The probe is a 1 ms timeout at G_PRIORITY_HIGH: it is dispatched before
 * anything else that is ready, so the gap between two of its runs is the
 * longest stretch the main thread spent in one piece of work (a handler,
 * a frame, a template being built, the driver's own typing) without
 * returning to the loop. The driver waits by iterating the loop
 * (blocking), never by sleeping, so every wait is time the loop is free.
 *
 * Usage: bench-stall [RUNS]   (default 5 runs of each flow, interleaved)
 */

#define G_LOG_DOMAIN "cst-bench-stall"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "cst-auth-service.h"
#include "cst-enterprise-role-page.h"
#include "cst-enterprise-verify-page.h"
#include "cst-face-capture-view.h"
#include "cst-local-backend.h"
#include "cst-login-page.h"
#include "cst-password-row.h"
#include "cst-register-wizard.h"
#include "cst-sms-code-row.h"
#include "cst-validate.h"
#include "cst-window.h"
#include "cst-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-face-step.h"
#include "cst-wizard-step.h"

#define WAIT_MS 20000

typedef struct
{
  gint64      last;
  gint64      last_cpu;
  gint64      max_gap;
  gint64      max_cpu_gap;
  const char *phase;
  const char *max_phase;
} Probe;

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
  Probe                     probe;
  guint                     serial;
} Bench;

/* CPU time of the calling (main) thread, µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Besides the wall-clock gap, the main thread's own CPU time in a gap:
 * on a machine with more runnable threads than cores, a wall gap can be
 * the scheduler running someone else; the CPU gap is our work alone. */
static gboolean
probe_cb (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (probe->last != 0 && now - probe->last > probe->max_gap)
    {
      probe->max_gap = now - probe->last;
      probe->max_phase = probe->phase;
    }
  if (probe->last_cpu != 0 && cpu - probe->last_cpu > probe->max_cpu_gap)
    probe->max_cpu_gap = cpu - probe->last_cpu;
  probe->last = now;
  probe->last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
probe_reset (Probe *probe)
{
  probe->last = g_get_monotonic_time ();
  probe->last_cpu = thread_cpu_us ();
  probe->max_gap = 0;
  probe->max_cpu_gap = 0;
  probe->max_phase = NULL;
}

/* Iterates the loop (blocking: the probe wakes it every ms) until
 * @condition holds; the flow fails after WAIT_MS. */
#define wait_until(bench, what, condition)                                    \
  G_STMT_START {                                                              \
    gint64 __deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;    \
    (bench)->probe.phase = (what);                                            \
    while (!(condition))                                                      \
      {                                                                       \
        if (g_get_monotonic_time () > __deadline)                             \
          g_error ("timed out in %s waiting for: %s", (what), #condition);    \
        g_main_context_iteration (NULL, TRUE);                                \
      }                                                                       \
  } G_STMT_END

static void
spin (Bench      *bench,
      const char *what,
      guint       ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  wait_until (bench, what, g_get_monotonic_time () >= end);
}

static GtkWidget *
tchild (gpointer    widget,
        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget),
                                                   G_OBJECT_TYPE (widget), name);

  if (object == NULL)
    g_error ("%s has no template child %s", G_OBJECT_TYPE_NAME (widget), name);

  return GTK_WIDGET (object);
}

static void
type_text (Bench      *bench,
           const char *what,
           GtkWidget  *editable,
           const char *text)
{
  bench->probe.phase = what;
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_main_context_iteration (NULL, FALSE);
}

/* Like a click: the press animation, then "clicked". */
static void
click (Bench      *bench,
       const char *what,
       GtkWidget  *button)
{
  if (!gtk_widget_is_sensitive (button))
    g_error ("%s: the button is insensitive", what);

  bench->probe.phase = what;
  gtk_widget_activate (button);
}

static CstPage *
visible_page (Bench *bench)
{
  return cst_window_get_visible_page (bench->window);
}

static CstPage *
open_page (Bench      *bench,
           const char *what,
           const char *action,
           GType       type)
{
  bench->probe.phase = what;
  if (!gtk_widget_activate_action (GTK_WIDGET (bench->window), action, NULL))
    g_error ("%s: no action %s", what, action);
  wait_until (bench, what,
              G_TYPE_CHECK_INSTANCE_TYPE (visible_page (bench), type) &&
              gtk_widget_get_mapped (GTK_WIDGET (visible_page (bench))));

  return visible_page (bench);
}

static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  const char *shown = NULL;

  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (ADW_IS_PREFERENCES_ROW (root))
    shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

  if (g_strcmp0 (shown, text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
wait_signed_in (Bench *bench)
{
  wait_until (bench, "signed in, back on 我的",
              cst_auth_service_get_session (bench->service) != NULL &&
              visible_page (bench) == NULL);
  /* The frames that show the result are part of the flow. */
  spin (bench, "signed in, back on 我的", 300);
}

static void
logout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!cst_auth_service_logout_finish (CST_AUTH_SERVICE (object), result, &error))
    g_error ("logout failed: %s", error->message);
  *done = TRUE;
}

static void
logout (Bench *bench)
{
  gboolean done = FALSE;

  cst_auth_service_logout_async (bench->service, NULL, logout_cb, &done);
  wait_until (bench, "logout", done && cst_auth_service_get_session (bench->service) == NULL);
}

/* ---- the flows ---- */

static void
flow_password_login (Bench *bench)
{
  CstPage *page = open_page (bench, "open the login page", "win.login", CST_TYPE_LOGIN_PAGE);

  type_text (bench, "type the account", tchild (page, "account_row"), CST_DEMO_ID_NUMBER);
  type_text (bench, "type the password", tchild (page, "password_row"), CST_DEMO_PASSWORD);
  click (bench, "press 登录 (argon2id in a worker)", tchild (page, "login_button"));
  wait_signed_in (bench);
}

static void
capture_face (Bench              *bench,
              CstFaceCaptureView *view)
{
  cst_face_capture_view_set_step_duration (view, 100);
  bench->probe.phase = "face recognition";
  cst_face_capture_view_start (view);
}

static void
flow_registration (Bench *bench)
{
  g_autofree char *id17 = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *credentials;
  CstPasswordRow *password_row;
  CstSmsCodeRow *code_row;
  CstWizard *wizard;
  GtkWidget *next;
  CstPage *page;
  guint sent;

  bench->serial++;
  /* A new person each run: Wuhan, born 1990-01-01 plus serial days. */
  id17 = g_strdup_printf ("4201061990%02u%02u%03u", 1 + bench->serial / 28 % 12,
                          1 + bench->serial % 28, 100 + bench->serial % 900);
  id_number = g_strdup_printf ("%s%c", id17, cst_id_check_character (id17));
  phone = g_strdup_printf ("137%08u", bench->serial);

  page = open_page (bench, "open the registration wizard", "win.register", CST_TYPE_REGISTER_WIZARD);
  wizard = CST_WIZARD (tchild (page, "wizard"));
  next = cst_wizard_get_next_button (wizard);

  bench->probe.phase = "agree";
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tchild (cst_wizard_get_step (wizard), "agree_check")),
                               TRUE);
  click (bench, "下一步 to 身份信息", next);
  wait_until (bench, "下一步 to 身份信息",
              !cst_wizard_get_busy (wizard) &&
              cst_wizard_get_step (wizard) == CST_WIZARD_STEP (tchild (page, "identity_step")));

  type_text (bench, "type the ID number", tchild (cst_wizard_get_step (wizard), "id_number_row"), id_number);
  type_text (bench, "type the name", tchild (cst_wizard_get_step (wizard), "name_row"), "王五");
  click (bench, "下一步 to 设置密码 (register_begin)", next);
  wait_until (bench, "下一步 to 设置密码 (register_begin)",
              !cst_wizard_get_busy (wizard) &&
              CST_IS_WIZARD_CREDENTIALS_STEP (cst_wizard_get_step (wizard)));

  credentials = CST_WIZARD_CREDENTIALS_STEP (cst_wizard_get_step (wizard));
  password_row = cst_wizard_credentials_step_get_password_row (credentials);
  code_row = cst_wizard_credentials_step_get_code_row (credentials);
  type_text (bench, "type the password (policy, strength)", cst_password_row_get_entry (password_row),
             "Qingshan#2026");
  type_text (bench, "type the confirmation", cst_password_row_get_confirm_entry (password_row),
             "Qingshan#2026");
  type_text (bench, "type the phone", cst_wizard_credentials_step_get_phone_row (credentials), phone);

  sent = cst_capture_sms_gateway_count (bench->sms);
  click (bench, "获取验证码", cst_sms_code_row_get_send_button (code_row));
  wait_until (bench, "获取验证码",
              cst_capture_sms_gateway_count (bench->sms) > sent &&
              cst_sms_code_row_get_countdown (code_row) > 0);
  code = cst_capture_sms_gateway_last_code (bench->sms, phone);
  type_text (bench, "type the code", cst_sms_code_row_get_entry (code_row), code);

  click (bench, "下一步 to 人脸识别 (argon2id in a worker)", next);
  wait_until (bench, "下一步 to 人脸识别 (argon2id in a worker)",
              !cst_wizard_get_busy (wizard) && CST_IS_WIZARD_FACE_STEP (cst_wizard_get_step (wizard)) &&
              gtk_widget_get_mapped (GTK_WIDGET (cst_wizard_get_step (wizard))));

  capture_face (bench, cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (cst_wizard_get_step (wizard))));
  wait_signed_in (bench);
}

static void
flow_enterprise_login (Bench *bench)
{
  CstPage *page;
  CstPage *verify;
  CstSmsCodeRow *code_row;
  GtkWidget *row;
  g_autofree char *code = NULL;

  bench->probe.phase = "open the 企业业务 tab";
  if (!gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.login-enterprise", NULL))
    g_error ("no win.login-enterprise");
  wait_until (bench, "open the 企业业务 tab",
              CST_IS_LOGIN_PAGE (visible_page (bench)) &&
              gtk_widget_get_mapped (GTK_WIDGET (visible_page (bench))));
  page = visible_page (bench);

  type_text (bench, "type the enterprise", tchild (page, "enterprise_row"), CST_DEMO_ENTERPRISE_CODE);
  type_text (bench, "type the account", tchild (page, "ent_account_row"), CST_DEMO_PHONE);
  type_text (bench, "type the password", tchild (page, "ent_password_row"), CST_DEMO_PASSWORD);
  click (bench, "press 登录 (argon2id in a worker)", tchild (page, "ent_login_button"));
  wait_until (bench, "press 登录 (argon2id in a worker)",
              CST_IS_ENTERPRISE_ROLE_PAGE (visible_page (bench)) &&
              gtk_widget_get_mapped (GTK_WIDGET (visible_page (bench))));

  /* 身份类型选择: the demo person holds two roles there. */
  row = find_text (GTK_WIDGET (visible_page (bench)), cst_role_get_label (CST_ROLE_TAX_OFFICER));
  if (row == NULL)
    g_error ("no 办税员 row");
  bench->probe.phase = "choose 办税员";
  gtk_widget_activate (row);
  click (bench, "下一步 to the second factor", tchild (visible_page (bench), "next_button"));
  wait_until (bench, "下一步 to the second factor",
              CST_IS_ENTERPRISE_VERIFY_PAGE (visible_page (bench)) &&
              gtk_widget_get_mapped (GTK_WIDGET (visible_page (bench))));
  verify = visible_page (bench);

  code_row = CST_SMS_CODE_ROW (tchild (verify, "code_row"));
  click (bench, "获取验证码", cst_sms_code_row_get_send_button (code_row));
  wait_until (bench, "获取验证码", cst_sms_code_row_get_countdown (code_row) > 0);
  code = cst_capture_sms_gateway_last_code (bench->sms, CST_DEMO_PHONE);
  type_text (bench, "type the code", cst_sms_code_row_get_entry (code_row), code);
  click (bench, "press 登录 (second factor)", tchild (verify, "login_button"));
  wait_signed_in (bench);
}

/* ---- set-up ---- */

static void
bench_setup (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CstLocalConfig config;

  bench->dir = g_dir_make_tmp ("cst-bench-stall-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (bench->dir, "identity.db", NULL);

  /* The real cost: the backend's defaults (printed with the figures). */
  cst_local_config_init_defaults (&config);

  /* A manual clock, moved on between runs past the resend interval. */
  bench->clock = cst_clock_new_manual (g_get_real_time ());
  bench->sms = cst_capture_sms_gateway_new ();
  bench->face = cst_scripted_face_verifier_new ();
  bench->store = cst_memory_credential_store_new ();
  bench->backend = cst_local_backend_new (path, bench->clock, CST_SMS_GATEWAY (bench->sms),
                                          CST_FACE_VERIFIER (bench->face), &config, &error);
  g_assert_no_error (error);
  cst_local_backend_seed_demo (bench->backend, &error);
  g_assert_no_error (error);

  bench->service = cst_auth_service_new (CST_AUTH_BACKEND (bench->backend),
                                         CST_CREDENTIAL_STORE (bench->store));
  bench->window = cst_window_new (NULL, bench->service);
  gtk_window_present (GTK_WINDOW (bench->window));

  g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, &bench->probe, NULL);
  wait_until (bench, "window", gtk_widget_get_mapped (GTK_WIDGET (bench->window)));
  spin (bench, "window", 500);
}

static void
bench_teardown (Bench *bench)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (bench->window));
  spin (bench, "teardown", 100);

  g_clear_object (&bench->service);
  g_clear_object (&bench->backend);
  g_clear_object (&bench->store);
  g_clear_object (&bench->face);
  g_clear_object (&bench->sms);
  g_clear_object (&bench->clock);

  if ((dir = g_dir_open (bench->dir, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (bench->dir, name, NULL);
          g_unlink (child);
        }
    }
  g_rmdir (bench->dir);
  g_clear_pointer (&bench->dir, g_free);
}

typedef struct
{
  const char *name;
  void      (*run) (Bench *bench);
  GArray     *stalls;    /* double, ms */
  GArray     *cpu;       /* double, ms: main-thread CPU in the longest CPU gap */
  GArray     *totals;    /* double, ms */
  GPtrArray  *phases;    /* const char *, phase of each run's longest stall */
} Flow;

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

int
main (int   argc,
      char *argv[])
{
  Flow flows[] = {
    { "password login", flow_password_login },
    { "registration", flow_registration },
    { "enterprise login", flow_enterprise_login },
  };
  Bench bench = { 0 };
  CstLocalConfig defaults;
  g_autoptr(GtkCssProvider) style = NULL;
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5;
  double worst = 0;
  double worst_cpu = 0;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_init ();
  adw_init ();

  /* The app's own style, which AdwApplication would load from its
   * resource base path: without it the pages are drawn otherwise (and
   * its spinner icon, a PNG, would be Adwaita's SVG). */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (runs == 0)
    runs = 5;

  bench_setup (&bench);

  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    {
      flows[f].stalls = g_array_new (FALSE, FALSE, sizeof (double));
      flows[f].cpu = g_array_new (FALSE, FALSE, sizeof (double));
      flows[f].totals = g_array_new (FALSE, FALSE, sizeof (double));
      flows[f].phases = g_ptr_array_new ();
    }

  /* Interleaved: login, registration, enterprise, login, … The first
   * round builds each page for the first time, as a fresh app would. */
  for (guint i = 0; i < runs; i++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
        {
          gint64 start;
          double stall, cpu, total;

          cst_clock_advance (bench.clock, G_GINT64_CONSTANT (120) * G_USEC_PER_SEC);
          probe_reset (&bench.probe);
          start = g_get_monotonic_time ();
          flows[f].run (&bench);
          total = (g_get_monotonic_time () - start) / 1000.0;
          stall = bench.probe.max_gap / 1000.0;
          cpu = bench.probe.max_cpu_gap / 1000.0;
          g_array_append_val (flows[f].stalls, stall);
          g_array_append_val (flows[f].cpu, cpu);
          g_array_append_val (flows[f].totals, total);
          g_ptr_array_add (flows[f].phases, (gpointer) bench.probe.max_phase);
          logout (&bench);
          spin (&bench, "after logout", 200);
        }
    }

  cst_local_config_init_defaults (&defaults);
  g_print ("Responsiveness: longest main-loop stall per flow (1 ms probe at G_PRIORITY_HIGH)\n"
           "  argon2id at the backend defaults (%" G_GUINT64_FORMAT " MiB, t = %" G_GUINT64_FORMAT "), in-process through CstWindow;\n"
           "  renderer: GSK_RENDERER=%s, GDK_DEBUG=%s\n",
           defaults.pwhash_memlimit / (1024 * 1024), defaults.pwhash_opslimit,
           g_getenv ("GSK_RENDERER") ?: "(default)", g_getenv ("GDK_DEBUG") ?: "(none)");
  g_print ("  %-18s %9s %9s %9s   (ms; %u interleaved runs each)\n", "", "min", "median", "max", runs);

  for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
    {
      double lo, med, hi, tlo, tmed, thi, clo, cmed, chi;
      guint worst_run = 0;

      summarise (flows[f].stalls, &lo, &med, &hi);
      summarise (flows[f].totals, &tlo, &tmed, &thi);
      summarise (flows[f].cpu, &clo, &cmed, &chi);
      for (guint i = 0; i < flows[f].stalls->len; i++)
        if (g_array_index (flows[f].stalls, double, i) == hi)
          worst_run = i;

      g_print ("  %-18s %9.1f %9.1f %9.1f   longest in run %u: %s; flow took %.0f ms (median)\n",
               flows[f].name, lo, med, hi, worst_run + 1,
               (const char *) g_ptr_array_index (flows[f].phases, worst_run) ?: "?", tmed);
      g_print ("  %-18s %9.1f %9.1f %9.1f   main-thread CPU in its longest gap\n",
               "", clo, cmed, chi);
      worst = MAX (worst, hi);
      worst_cpu = MAX (worst_cpu, chi);

      g_array_unref (flows[f].stalls);
      g_array_unref (flows[f].cpu);
      g_array_unref (flows[f].totals);
      g_ptr_array_unref (flows[f].phases);
    }

  g_print ("  longest stall: %.1f ms wall, %.1f ms of main-thread CPU (goal ≤ 50 ms) — %s\n",
           worst, worst_cpu, worst <= 50 ? "met" : worst_cpu <= 50 ? "met in CPU, NOT in wall time (load?)" : "NOT met");

  bench_teardown (&bench);

  return 0;
}
