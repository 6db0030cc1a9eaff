/* cst-screenshots.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Takes the screenshots in data/screenshots/: for each scene it builds the
 * real window of the app against a fresh, seeded temporary database,
 * drives it there as a user would (window actions, typing into the fields,
 * pressing the buttons), waits for the frame clock to paint, and saves a
 * PNG of the window as GTK drew it.
 *
 * The identity service is the embedded one of the app, with two
 * differences that make the pictures repeatable: codes are captured (so
 * the tool can type them) instead of shown as notifications, and quick
 * login keeps its secrets in memory instead of the keyring. Face
 * recognition is the app's own labelled simulation (本地模拟).
 *
 * build-aux/screenshots runs it in a headless session; see there.
 */

#define G_LOG_DOMAIN "cst-screenshots"

#include "config.h"

#include <errno.h>
#include <locale.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cst-biometrics-page.h"
#include "cst-enterprise-role-page.h"
#include "cst-enterprise-verify-page.h"
#include "cst-face-capture-view.h"
#include "cst-face-login-page.h"
#include "cst-local-backend.h"
#include "cst-login-page.h"
#include "cst-password-row.h"
#include "cst-register-wizard.h"
#include "cst-reset-code-step.h"
#include "cst-reset-wizard.h"
#include "cst-sms-code-row.h"
#include "cst-sms-login-page.h"
#include "cst-window.h"
#include "cst-wizard.h"
#include "cst-wizard-credentials-step.h"
#include "cst-wizard-face-step.h"

/* Service calls hash passwords with argon2id: generous, for slow machines. */
#define WAIT_MS 15000

/* Who registers and who changes a phone in the scenes. */
#define NEW_ID17      "11010519491231002"
#define NEW_NAME      "李四"
#define NEW_PHONE     "13912345678"
#define NEW_PASSWORD  "Qingshan#2026"
#define RESET_PHONE   "13687654321"

typedef struct
{
  char                     *dir;
  CstClock                 *clock;
  CstCaptureSmsGateway     *sms;
  CstFaceVerifier          *face;
  CstMemoryCredentialStore *store;
  CstLocalBackend          *backend;
  CstAuthService           *service;
  CstWindow                *window;
} Stage;

typedef gboolean (*SceneFunc) (Stage   *stage,
                               GError **error);

typedef struct
{
  const char *name;
  SceneFunc   func;
  const char *description;
} Scene;

static AdwApplication *application;
/* Warnings and criticals logged so far, and the first of a scene. */
static guint n_warnings;
static char *first_warning;
static char *output_dir;
static int window_width = 420;
static int window_height = 800;

/* A picture taken while GTK or the app complained (a template that did
 * not build, a failed assertion) shows something broken: such a scene
 * fails instead. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      n_warnings++;
      if (first_warning == NULL)
        {
          for (gsize i = 0; i < n_fields; i++)
            if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
              first_warning = g_strdup (fields[i].value);
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* ------------------------------------------------------------------ */
/* Waiting                                                             */
/* ------------------------------------------------------------------ */

static void
spin_once (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* Spins for @ms: only where the app itself waits on the clock (a
 * countdown that should have ticked, a debounced message). */
static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    spin_once ();
}

/* In a scene function: spins until @condition holds, or fails the scene
 * saying what it waited for. */
#define WAIT_FOR(condition, timeout_ms)                                       \
  G_STMT_START {                                                              \
    gint64 deadline__ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(condition))                                                      \
      {                                                                       \
        if (g_get_monotonic_time () > deadline__)                             \
          {                                                                   \
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,             \
                         "timed out waiting for: %s", #condition);            \
            return FALSE;                                                     \
          }                                                                   \
        spin_once ();                                                         \
      }                                                                       \
  } G_STMT_END

#define CHECK(call)                                                           \
  G_STMT_START {                                                              \
    if (!(call))                                                              \
      return FALSE;                                                           \
  } G_STMT_END

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  guint *paints = user_data;

  (*paints)++;
}

/* Waits until the window has painted what it shows now. Twice: a size
 * request made during the first layout is allocated on the next frame. */
static gboolean
wait_for_paint (Stage   *stage,
                GError **error)
{
  GtkWidget *window = GTK_WIDGET (stage->window);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);
  guint paints = 0;
  gulong handler;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (frame_clock == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window is not realized");
      return FALSE;
    }

  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &paints);
  for (guint wanted = 1; wanted <= 2; wanted++)
    {
      gtk_widget_queue_draw (window);
      while (paints < wanted && g_get_monotonic_time () < deadline)
        spin_once ();
    }
  g_signal_handler_disconnect (frame_clock, handler);

  if (paints < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the window did not paint");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Finding and using widgets                                           */
/* ------------------------------------------------------------------ */

/* A named object of @widget's own template. */
static GtkWidget *
tchild (gpointer     widget,
        const char  *name,
        GError     **error)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget), name);

  if (object == NULL || !GTK_IS_WIDGET (object))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no template widget “%s”", G_OBJECT_TYPE_NAME (widget), name);
      return NULL;
    }

  return GTK_WIDGET (object);
}

#define TCHILD(var, widget, name)                                             \
  G_STMT_START {                                                              \
    if (!((var) = tchild ((widget), (name), error)))                          \
      return FALSE;                                                           \
  } G_STMT_END

/* The first mapped descendant of @root (itself included) for which
 * @match is TRUE. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_toast (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static void
on_clicked_cb (GtkButton *button,
               gpointer   user_data)
{
  gboolean *clicked = user_data;

  *clicked = TRUE;
}

/* Presses @widget as a user would (its press animation, then "clicked"). */
static gboolean
click (GtkWidget  *widget,
       GError    **error)
{
  gboolean clicked = FALSE;
  gulong handler;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_mapped (widget))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s “%s” cannot be pressed (insensitive or not on screen)",
                   G_OBJECT_TYPE_NAME (widget),
                   GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
                     ? gtk_button_get_label (GTK_BUTTON (widget)) : "");
      return FALSE;
    }

  handler = g_signal_connect (widget, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  gtk_widget_activate (widget);
  WAIT_FOR (clicked, 2000);
  g_signal_handler_disconnect (widget, handler);
  /* Let what the click started reach the screen (a spinner, a page). */
  spin (20);

  return TRUE;
}

/* Types @text into @editable, as one edit. */
static gboolean
type_text (GtkWidget   *editable,
      const char  *text,
      GError     **error)
{
  if (!GTK_IS_EDITABLE (editable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is not editable",
                   G_OBJECT_TYPE_NAME (editable));
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  /* The caret after the last character, where typing leaves it. */
  gtk_editable_set_position (GTK_EDITABLE (editable), -1);
  spin (5);

  return TRUE;
}

/* Closes the toasts on screen with their × button, where the scene is
 * about the page and not about the last result. */
static gboolean
dismiss_toasts (Stage   *stage,
                GError **error)
{
  GtkWidget *toast;

  while ((toast = find_widget (GTK_WIDGET (stage->window), is_toast, NULL)) != NULL)
    {
      GtkWidget *close_button = find_widget (toast, is_close_button, NULL);

      if (close_button == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "a toast without a close button");
          return FALSE;
        }

      /* The overlay drops the toast widget once it is hidden. */
      g_autoptr(GtkWidget) held = g_object_ref (toast);

      g_signal_emit_by_name (close_button, "clicked");
      WAIT_FOR (!gtk_widget_get_mapped (held) || gtk_widget_get_parent (held) == NULL, 2000);
    }

  return TRUE;
}

/* The mapped button in @root that activates @action_name. */
static GtkWidget *
find_button (GtkWidget   *root,
             const char  *action_name,
             GError     **error)
{
  GtkWidget *button = find_widget (root, has_action, action_name);

  if (button == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "%s shows no button for %s", G_OBJECT_TYPE_NAME (root), action_name);

  return button;
}

static CstPage *
visible_page (Stage *stage)
{
  return cst_window_get_visible_page (stage->window);
}

/* Activates the window action @action and waits for a mapped page of @type. */
static CstPage *
open_page (Stage       *stage,
           const char  *action,
           GType        type,
           GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  CstPage *page;

  if (!gtk_widget_activate_action (GTK_WIDGET (stage->window), action, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no action %s", action);
      return NULL;
    }

  while (!((page = visible_page (stage)) != NULL &&
           G_TYPE_CHECK_INSTANCE_TYPE (page, type) &&
           gtk_widget_get_mapped (GTK_WIDGET (page))))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "%s did not show a %s", action, g_type_name (type));
          return NULL;
        }
      spin_once ();
    }

  return page;
}

#define OPEN_PAGE(var, stage, action, type)                                   \
  G_STMT_START {                                                              \
    if (!((var) = open_page ((stage), (action), (type), error)))              \
      return FALSE;                                                           \
  } G_STMT_END

/* Waits until the page on top is a mapped @type. */
static CstPage *
wait_for_page (Stage   *stage,
               GType    type,
               GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;
  CstPage *page;

  while (!((page = visible_page (stage)) != NULL &&
           G_TYPE_CHECK_INSTANCE_TYPE (page, type) &&
           gtk_widget_get_mapped (GTK_WIDGET (page))))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no %s came up", g_type_name (type));
          return NULL;
        }
      spin_once ();
    }

  return page;
}

/* ------------------------------------------------------------------ */
/* Wizards                                                             */
/* ------------------------------------------------------------------ */

static char *
make_resident_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, cst_id_check_character (first17));
}

/* Waits until @page's wizard shows its step @name, idle. */
static CstWizardStep *
wait_for_step (CstPage     *page,
               const char  *name,
               GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;
  GtkWidget *wizard;
  GtkWidget *step;

  if (!(wizard = tchild (page, "wizard", error)) || !(step = tchild (page, name, error)))
    return NULL;

  while (!(cst_wizard_get_step (CST_WIZARD (wizard)) == CST_WIZARD_STEP (step) &&
           !cst_wizard_get_busy (CST_WIZARD (wizard)) &&
           gtk_widget_get_mapped (step)))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "the wizard did not get to its step %s", name);
          return NULL;
        }
      spin_once ();
    }

  return CST_WIZARD_STEP (step);
}

#define WAIT_FOR_STEP(var, page, name)                                        \
  G_STMT_START {                                                              \
    if (!((var) = wait_for_step ((page), (name), error)))                     \
      return FALSE;                                                           \
  } G_STMT_END

static gboolean
press_next (CstPage  *page,
            GError  **error)
{
  GtkWidget *wizard;

  TCHILD (wizard, page, "wizard");

  return click (cst_wizard_get_next_button (CST_WIZARD (wizard)), error);
}

/* Presses 获取验证码 on @row and waits until the code reached @phone and
 * the countdown runs; returns the code (transfer full). */
static char *
request_code (Stage          *stage,
              CstSmsCodeRow  *row,
              const char     *phone,
              GError        **error)
{
  guint before = cst_capture_sms_gateway_count (stage->sms);
  gint64 deadline;

  if (!click (cst_sms_code_row_get_send_button (row), error))
    return NULL;

  deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;
  while (!(cst_capture_sms_gateway_count (stage->sms) > before &&
           cst_sms_code_row_get_countdown (row) > 0))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no code was sent to %s", phone);
          return NULL;
        }
      spin_once ();
    }

  return cst_capture_sms_gateway_last_code (stage->sms, phone);
}

/* Runs the prompts of @view quickly and waits for the service's verdict. */
static gboolean
capture_face (CstFaceCaptureView  *view,
              GError             **error)
{
  GtkWidget *start;

  TCHILD (start, view, "start_button");
  cst_face_capture_view_set_step_duration (view, 20);
  CHECK (click (start, error));
  WAIT_FOR (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_SUCCEEDED ||
            cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED ||
            !gtk_widget_get_mapped (GTK_WIDGET (view)), WAIT_MS);

  if (cst_face_capture_view_get_state (view) == CST_FACE_CAPTURE_STATE_FAILED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "face recognition failed");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The scenes                                                          */
/* ------------------------------------------------------------------ */

static gboolean
show_root_page (Stage       *stage,
                const char  *name,
                GError     **error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (stage->window), "win.show-page", "s", name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no action win.show-page");
      return FALSE;
    }

  return TRUE;
}

static gboolean
scene_home (Stage   *stage,
            GError **error)
{
  return show_root_page (stage, "home", error);
}

static gboolean
scene_my (Stage   *stage,
          GError **error)
{
  return show_root_page (stage, "my", error);
}

static gboolean
scene_login (Stage   *stage,
             GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.login", CST_TYPE_LOGIN_PAGE);

  return TRUE;
}

static gboolean
scene_login_enterprise (Stage   *stage,
                        GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.login-enterprise", CST_TYPE_LOGIN_PAGE);

  return TRUE;
}

/* Wrong password once: the tries left, under the password. */
static gboolean
scene_login_error (Stage   *stage,
                   GError **error)
{
  GtkWidget *account, *password, *button, *password_error;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.login", CST_TYPE_LOGIN_PAGE);
  TCHILD (account, page, "account_row");
  TCHILD (password, page, "password_row");
  TCHILD (button, page, "login_button");
  TCHILD (password_error, page, "password_error");

  CHECK (type_text (account, CST_DEMO_ID_NUMBER, error));
  CHECK (type_text (password, "Wrong@2026", error));
  CHECK (click (button, error));
  WAIT_FOR (gtk_widget_get_visible (password_error), WAIT_MS);
  WAIT_FOR (gtk_widget_is_sensitive (button), WAIT_MS);

  return TRUE;
}

/* Logs in as the demo person through the login page, and closes the
 * "Signed in" toast. */
static gboolean
log_in (Stage   *stage,
        GError **error)
{
  GtkWidget *account, *password, *button;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.login", CST_TYPE_LOGIN_PAGE);
  TCHILD (account, page, "account_row");
  TCHILD (password, page, "password_row");
  TCHILD (button, page, "login_button");

  CHECK (type_text (account, CST_DEMO_PHONE, error));
  CHECK (type_text (password, CST_DEMO_PASSWORD, error));
  CHECK (click (button, error));
  WAIT_FOR (cst_auth_service_get_session (stage->service) != NULL, WAIT_MS);
  WAIT_FOR (visible_page (stage) == NULL, 2000);

  return dismiss_toasts (stage, error);
}

static gboolean
scene_my_logged_in (Stage   *stage,
                    GError **error)
{
  return log_in (stage, error);
}

static gboolean
scene_biometrics (Stage   *stage,
                  GError **error)
{
  GtkWidget *fingerprint_row;
  CstPage *page;
  /* Said while the reader is being looked for (see cst-biometrics-page.c). */
  const char *looking = _("Looking for a fingerprint reader…");

  CHECK (log_in (stage, error));
  OPEN_PAGE (page, stage, "win.biometrics", CST_TYPE_BIOMETRICS_PAGE);
  TCHILD (fingerprint_row, page, "fingerprint_row");
  WAIT_FOR (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (fingerprint_row)), looking) != 0,
            WAIT_MS);
  /* The keyring lookups answer right after. */
  spin (100);

  return TRUE;
}

static gboolean
scene_sms_login (Stage   *stage,
                 GError **error)
{
  GtkWidget *phone;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.sms-login", CST_TYPE_SMS_LOGIN_PAGE);
  TCHILD (phone, page, "phone_row");

  return type_text (phone, "138 0000 1234", error);
}

/* The capture view half-way through its prompts, the eyes closed. */
static gboolean
scene_face_login (Stage   *stage,
                  GError **error)
{
  GtkWidget *id_number, *next, *face_view, *progress;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.face-login", CST_TYPE_FACE_LOGIN_PAGE);
  TCHILD (id_number, page, "id_number_row");
  TCHILD (next, page, "next_button");
  TCHILD (face_view, page, "face_view");
  TCHILD (progress, face_view, "progress_bar");

  CHECK (type_text (id_number, CST_DEMO_ID_NUMBER, error));
  CHECK (click (next, error));
  WAIT_FOR (gtk_widget_get_mapped (face_view), 2000);

  /* The middle of 眨眨眼, the second of three prompts. */
  cst_face_capture_view_set_step_duration (CST_FACE_CAPTURE_VIEW (face_view), 1500);
  cst_face_capture_view_start (CST_FACE_CAPTURE_VIEW (face_view));
  WAIT_FOR (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)) >= 0.5, WAIT_MS);

  return TRUE;
}

/* Fills the 企业业务 tab for the first demo enterprise and presses 登录:
 * 张三 holds two roles there. */
static CstPage *
enterprise_roles (Stage   *stage,
                  GError **error)
{
  GtkWidget *enterprise, *account, *password, *button;
  CstPage *page;

  if (!(page = open_page (stage, "win.login-enterprise", CST_TYPE_LOGIN_PAGE, error)) ||
      !(enterprise = tchild (page, "enterprise_row", error)) ||
      !(account = tchild (page, "ent_account_row", error)) ||
      !(password = tchild (page, "ent_password_row", error)) ||
      !(button = tchild (page, "ent_login_button", error)))
    return NULL;

  if (!type_text (enterprise, CST_DEMO_ENTERPRISE_CODE, error) ||
      !type_text (account, CST_DEMO_ID_NUMBER, error) ||
      !type_text (password, CST_DEMO_PASSWORD, error) ||
      !click (button, error))
    return NULL;

  if (!(page = wait_for_page (stage, CST_TYPE_ENTERPRISE_ROLE_PAGE, error)))
    return NULL;

  /* 办税员, by its row, as a click on it would. */
  {
    const char *label = cst_role_get_label (CST_ROLE_TAX_OFFICER);
    GtkWidget *row = find_widget (GTK_WIDGET (page), is_row_titled, label);

    if (row == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no role row “%s”", label);
        return NULL;
      }
    gtk_widget_activate (row);
    spin (5);
  }

  return page;
}

static gboolean
scene_enterprise_role (Stage   *stage,
                       GError **error)
{
  return enterprise_roles (stage, error) != NULL;
}

/* 短信验证 to the masked phone on file, the countdown running. */
static gboolean
scene_enterprise_verify (Stage   *stage,
                         GError **error)
{
  g_autofree char *code = NULL;
  GtkWidget *next, *code_row;
  CstPage *page;

  if (!(page = enterprise_roles (stage, error)))
    return FALSE;
  TCHILD (next, page, "next_button");
  CHECK (click (next, error));

  if (!(page = wait_for_page (stage, CST_TYPE_ENTERPRISE_VERIFY_PAGE, error)))
    return FALSE;
  TCHILD (code_row, page, "code_row");
  if (!(code = request_code (stage, CST_SMS_CODE_ROW (code_row), CST_DEMO_PHONE, error)))
    return FALSE;
  CHECK (type_text (cst_sms_code_row_get_entry (CST_SMS_CODE_ROW (code_row)), code, error));
  /* A few seconds into the minute: the countdown visibly runs. */
  spin (2100);

  return dismiss_toasts (stage, error);
}

static gboolean
register_agree (CstPage  *page,
                GError  **error)
{
  CstWizardStep *step;
  GtkWidget *check;

  WAIT_FOR_STEP (step, page, "agreement_step");
  TCHILD (check, step, "agree_check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  spin (5);

  return TRUE;
}

static gboolean
scene_register_1 (Stage   *stage,
                  GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.register", CST_TYPE_REGISTER_WIZARD);

  return register_agree (page, error);
}

static gboolean
register_identity (CstPage  *page,
                   GError  **error)
{
  g_autofree char *id_number = make_resident_id (NEW_ID17);
  CstWizardStep *step;
  GtkWidget *id_row, *name_row;

  CHECK (register_agree (page, error));
  CHECK (press_next (page, error));
  WAIT_FOR_STEP (step, page, "identity_step");
  TCHILD (id_row, step, "id_number_row");
  TCHILD (name_row, step, "name_row");
  CHECK (type_text (id_row, id_number, error));
  CHECK (type_text (name_row, NEW_NAME, error));

  return TRUE;
}

static gboolean
scene_register_2 (Stage   *stage,
                  GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.register", CST_TYPE_REGISTER_WIZARD);

  return register_identity (page, error);
}

static gboolean
register_credentials (Stage    *stage,
                      CstPage  *page,
                      GError  **error)
{
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *credentials;
  CstPasswordRow *password_row;
  CstSmsCodeRow *code_row;
  CstWizardStep *step;

  CHECK (register_identity (page, error));
  CHECK (press_next (page, error));
  WAIT_FOR_STEP (step, page, "credentials_step");
  credentials = CST_WIZARD_CREDENTIALS_STEP (step);
  password_row = cst_wizard_credentials_step_get_password_row (credentials);
  code_row = cst_wizard_credentials_step_get_code_row (credentials);

  CHECK (type_text (cst_password_row_get_entry (password_row), NEW_PASSWORD, error));
  CHECK (type_text (cst_password_row_get_confirm_entry (password_row), NEW_PASSWORD, error));
  CHECK (type_text (cst_wizard_credentials_step_get_phone_row (credentials), NEW_PHONE, error));
  if (!(code = request_code (stage, code_row, NEW_PHONE, error)))
    return FALSE;
  CHECK (type_text (cst_sms_code_row_get_entry (code_row), code, error));

  return TRUE;
}

static gboolean
scene_register_3 (Stage   *stage,
                  GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.register", CST_TYPE_REGISTER_WIZARD);
  CHECK (register_credentials (stage, page, error));
  /* The strength meter and the checklist settle after typing pauses. */
  spin (1100);

  return dismiss_toasts (stage, error);
}

static CstWizardStep *
register_face (Stage    *stage,
               CstPage  *page,
               GError  **error)
{
  if (!register_credentials (stage, page, error) || !press_next (page, error))
    return NULL;

  return wait_for_step (page, "face_step", error);
}

static gboolean
scene_register_4 (Stage   *stage,
                  GError **error)
{
  CstWizardStep *step;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.register", CST_TYPE_REGISTER_WIZARD);
  if (!(step = register_face (stage, page, error)))
    return FALSE;

  return dismiss_toasts (stage, error);
}

/* After the face: signed in, on 我的, with the window's toast. */
static gboolean
scene_register_done (Stage   *stage,
                     GError **error)
{
  CstWizardStep *step;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.register", CST_TYPE_REGISTER_WIZARD);
  if (!(step = register_face (stage, page, error)))
    return FALSE;
  CHECK (dismiss_toasts (stage, error));
  CHECK (capture_face (cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step)), error));
  WAIT_FOR (cst_auth_service_get_session (stage->service) != NULL, WAIT_MS);
  WAIT_FOR (visible_page (stage) == NULL, 2000);

  return TRUE;
}

static gboolean
reset_identity (CstPage  *page,
                GError  **error)
{
  CstWizardStep *step;
  GtkWidget *id_row;

  WAIT_FOR_STEP (step, page, "identity_step");
  TCHILD (id_row, step, "id_number_row");

  return type_text (id_row, CST_DEMO_ID_NUMBER, error);
}

static gboolean
scene_reset_1 (Stage   *stage,
               GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);

  return reset_identity (page, error);
}

/* At the code step with the masked phone; with @send, the code asked
 * for and typed (returned, transfer full, or "" without @send). */
static char *
reset_code (Stage    *stage,
            CstPage  *page,
            gboolean  send,
            GError  **error)
{
  CstWizardStep *step;
  CstSmsCodeRow *code_row;
  char *code;

  if (!reset_identity (page, error) || !press_next (page, error) ||
      !(step = wait_for_step (page, "code_step", error)))
    return NULL;

  if (!send)
    return g_strdup ("");

  code_row = cst_reset_code_step_get_code_row (CST_RESET_CODE_STEP (step));
  if (!(code = request_code (stage, code_row, CST_DEMO_PHONE, error)))
    return NULL;
  if (!type_text (cst_sms_code_row_get_entry (code_row), code, error))
    {
      g_free (code);
      return NULL;
    }

  return code;
}

static gboolean
scene_reset_2 (Stage   *stage,
               GError **error)
{
  g_autofree char *code = NULL;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);
  if (!(code = reset_code (stage, page, TRUE, error)))
    return FALSE;
  spin (2100);

  return dismiss_toasts (stage, error);
}

/* 无法收取验证码？ → the face step. */
static CstWizardStep *
reset_face (Stage    *stage,
            CstPage  *page,
            GError  **error)
{
  g_autofree char *code = NULL;
  GtkWidget *code_step;
  GtkWidget *face_button;

  if (!(code = reset_code (stage, page, FALSE, error)) ||
      !(code_step = tchild (page, "code_step", error)) ||
      !(face_button = find_button (code_step, "wizard.use-face", error)) ||
      !click (face_button, error))
    return NULL;

  return wait_for_step (page, "face_step", error);
}

static gboolean
scene_reset_face (Stage   *stage,
                  GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);

  return reset_face (stage, page, error) != NULL;
}

/* Face verified: the new phone, its code asked for and typed. */
static gboolean
scene_reset_new_phone (Stage   *stage,
                       GError **error)
{
  g_autofree char *code = NULL;
  CstWizardCredentialsStep *phone_step;
  CstSmsCodeRow *code_row;
  CstWizardStep *step;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);
  if (!(step = reset_face (stage, page, error)))
    return FALSE;
  CHECK (capture_face (cst_wizard_face_step_get_view (CST_WIZARD_FACE_STEP (step)), error));
  WAIT_FOR_STEP (step, page, "phone_step");

  phone_step = CST_WIZARD_CREDENTIALS_STEP (step);
  code_row = cst_wizard_credentials_step_get_code_row (phone_step);
  CHECK (type_text (cst_wizard_credentials_step_get_phone_row (phone_step), RESET_PHONE, error));
  if (!(code = request_code (stage, code_row, RESET_PHONE, error)))
    return FALSE;
  CHECK (type_text (cst_sms_code_row_get_entry (code_row), code, error));
  spin (2100);

  return dismiss_toasts (stage, error);
}

/* By the code: the new password, typed twice. */
static CstWizardStep *
reset_password (Stage    *stage,
                CstPage  *page,
                GError  **error)
{
  g_autofree char *code = NULL;
  CstPasswordRow *password_row;
  CstWizardStep *step;

  if (!(code = reset_code (stage, page, TRUE, error)) ||
      !press_next (page, error) ||
      !(step = wait_for_step (page, "password_step", error)))
    return NULL;

  password_row = cst_wizard_credentials_step_get_password_row (CST_WIZARD_CREDENTIALS_STEP (step));
  if (!type_text (cst_password_row_get_entry (password_row), NEW_PASSWORD, error) ||
      !type_text (cst_password_row_get_confirm_entry (password_row), NEW_PASSWORD, error))
    return NULL;

  return step;
}

static gboolean
scene_reset_3 (Stage   *stage,
               GError **error)
{
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);
  if (reset_password (stage, page, error) == NULL)
    return FALSE;
  spin (1100);

  return dismiss_toasts (stage, error);
}

static gboolean
scene_reset_done (Stage   *stage,
                  GError **error)
{
  CstWizardStep *step;
  CstPage *page;

  OPEN_PAGE (page, stage, "win.reset", CST_TYPE_RESET_WIZARD);
  if (reset_password (stage, page, error) == NULL)
    return FALSE;
  CHECK (press_next (page, error));
  WAIT_FOR_STEP (step, page, "done_step");

  return dismiss_toasts (stage, error);
}

static const Scene scenes[] = {
  { "home", scene_home, "首页 with the operation guide" },
  { "my", scene_my, "我的, logged out" },
  { "login", scene_login, "the login page, 个人业务 tab" },
  { "login-enterprise", scene_login_enterprise, "the login page, 企业业务 tab" },
  { "sms-login", scene_sms_login, "短信登录 with a phone number typed" },
  { "face-login", scene_face_login, "扫脸登录, the capture half-way through its prompts" },
  { "enterprise-role", scene_enterprise_role, "身份类型选择 with 办税员 chosen" },
  { "enterprise-verify", scene_enterprise_verify, "短信验证 to the masked phone, the countdown running" },
  { "register-1", scene_register_1, "registration step 1, the agreements accepted" },
  { "register-2", scene_register_2, "registration step 2, ID number and name" },
  { "register-3", scene_register_3, "registration step 3, password, phone and code" },
  { "register-4", scene_register_4, "registration step 4, 开始识别" },
  { "register-done", scene_register_done, "registered and signed in" },
  { "reset-1", scene_reset_1, "password reset step 1, the ID number" },
  { "reset-2", scene_reset_2, "password reset step 2, the code to the masked phone" },
  { "reset-face", scene_reset_face, "password reset, 无法收取验证码？ face verification" },
  { "reset-new-phone", scene_reset_new_phone, "password reset, a new phone after the face" },
  { "reset-3", scene_reset_3, "password reset step 3, the new password" },
  { "reset-done", scene_reset_done, "password reset finished" },
  { "my-logged-in", scene_my_logged_in, "我的, signed in" },
  { "biometrics", scene_biometrics, "生物识别" },
  { "login-error", scene_login_error, "a wrong password, with the tries left" },
};

/* ------------------------------------------------------------------ */
/* A stage: the service and the window for one scene                   */
/* ------------------------------------------------------------------ */

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d != NULL)
    {
      while ((name = g_dir_read_name (d)))
        {
          g_autofree char *child = g_build_filename (dir, name, NULL);

          g_unlink (child);
        }
    }
  g_rmdir (dir);
}

static void
stage_clear (Stage *stage)
{
  if (stage->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (stage->window));
      stage->window = NULL;
      /* Let cancelled service calls and idle sources finish. */
      spin (50);
    }

  g_clear_object (&stage->service);
  g_clear_object (&stage->backend);
  g_clear_object (&stage->store);
  g_clear_object (&stage->face);
  g_clear_object (&stage->sms);
  g_clear_object (&stage->clock);

  if (stage->dir != NULL)
    remove_dir (stage->dir);
  g_clear_pointer (&stage->dir, g_free);
}

static gboolean
stage_init (Stage   *stage,
            GError **error)
{
  g_autofree char *path = NULL;
  CstLocalConfig config;

  if (!(stage->dir = g_dir_make_tmp ("cst-screenshots-XXXXXX", error)))
    return FALSE;
  path = g_build_filename (stage->dir, "identity.db", NULL);

  cst_local_config_init_defaults (&config);
  /* Nothing to equalise against here; the scenes should not wait. */
  config.min_failure_time_ms = 0;

  stage->clock = cst_clock_new_system ();
  stage->sms = cst_capture_sms_gateway_new ();
  stage->face = cst_local_face_verifier_new (stage->clock, TRUE);
  stage->store = cst_memory_credential_store_new ();
  stage->backend = cst_local_backend_new (path, stage->clock,
                                          CST_SMS_GATEWAY (stage->sms), stage->face,
                                          &config, error);
  if (stage->backend == NULL ||
      !cst_local_backend_open (stage->backend, error) ||
      !cst_local_backend_seed_demo (stage->backend, error))
    return FALSE;

  stage->service = cst_auth_service_new (CST_AUTH_BACKEND (stage->backend),
                                         CST_CREDENTIAL_STORE (stage->store));
  stage->window = cst_window_new (application, stage->service);
  gtk_window_set_default_size (GTK_WINDOW (stage->window), window_width, window_height);
  gtk_window_present (GTK_WINDOW (stage->window));

  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (stage->window)), 5000);

  return wait_for_paint (stage, error);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */
/* ------------------------------------------------------------------ */

static gboolean
save_png (Stage       *stage,
          const char  *path,
          GError     **error)
{
  GtkWidget *window = GTK_WIDGET (stage->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  CHECK (wait_for_paint (stage, error));

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window drew nothing");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* Prints the innermost widgets under @widget that need more than @limit
 * pixels of width: what keeps the window from its requested size. */
static gboolean
report_too_wide (GtkWidget *widget,
                 int        limit)
{
  gboolean child_reported = FALSE;
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    child_reported |= report_too_wide (child, limit);

  if (!child_reported)
    {
      const char *text = NULL;

      if (GTK_IS_LABEL (widget))
        text = gtk_label_get_text (GTK_LABEL (widget));
      else if (ADW_IS_PREFERENCES_ROW (widget))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      g_printerr ("  %s%s%s%s needs %d px\n", G_OBJECT_TYPE_NAME (widget),
                  text != NULL ? " “" : "", text != NULL ? text : "", text != NULL ? "”" : "",
                  minimum);
    }

  return TRUE;
}

static gboolean
run_scene (const Scene  *scene,
           GError      **error)
{
  g_autofree char *basename = g_strconcat (scene->name, ".png", NULL);
  g_autofree char *path = g_build_filename (output_dir, basename, NULL);
  Stage stage = { 0 };
  guint warnings_before = n_warnings;
  gboolean ok;

  g_clear_pointer (&first_warning, g_free);

  ok = stage_init (&stage, error) &&
       scene->func (&stage, error) &&
       wait_for_paint (&stage, error);

  if (ok && n_warnings > warnings_before)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "not saved: a warning was logged (%s)",
                   first_warning != NULL ? first_warning : "?");
      ok = FALSE;
    }

  /* Not an error (the picture shows what a user gets), but worth saying. */
  if (ok && (gtk_widget_get_width (GTK_WIDGET (stage.window)) > window_width ||
             gtk_widget_get_height (GTK_WIDGET (stage.window)) > window_height))
    {
      g_printerr ("%s: the window needs %d×%d, more than %d×%d:\n", scene->name,
                  gtk_widget_get_width (GTK_WIDGET (stage.window)),
                  gtk_widget_get_height (GTK_WIDGET (stage.window)),
                  window_width, window_height);
      report_too_wide (GTK_WIDGET (stage.window), window_width);
    }

  ok = ok && save_png (&stage, path, error);

  stage_clear (&stage);

  if (ok)
    g_print ("%s\n", path);

  return ok;
}

/* ------------------------------------------------------------------ */
/* The fingerprint reader                                              */
/* ------------------------------------------------------------------ */

/* The 生物识别 scene shows what the page says about the reader, so the
 * tool decides which reader it sees: with @script, fake-fprintd.py
 * (tests/service) with an enrolled finger; else no system bus at all, as
 * on a machine without fprintd. Returns the fake, which lives as long as
 * its stdin. */
static GSubprocess *
setup_fingerprint (const char  *script,
                   const char  *scratch,
                   GError     **error)
{
  g_autoptr(GSubprocess) fake = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *address = NULL;
  g_autofree char *unique_name = NULL;

  if (script == NULL)
    {
      g_autofree char *nowhere = g_build_filename (scratch, "no-system-bus", NULL);
      g_autofree char *value = g_strconcat ("unix:path=", nowhere, NULL);

      g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", value, TRUE);
      return NULL;
    }

  fake = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           error, "/usr/bin/python3", script, "--scenario", "match", NULL);
  if (fake == NULL)
    return NULL;

  /* The bus address, then the fake's unique name, once it serves. */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fake));
  address = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);
  if (address == NULL)
    return NULL;
  unique_name = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);
  if (unique_name == NULL)
    return NULL;

  if (!g_str_has_prefix (address, "unix:"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s printed no bus address", script);
      return NULL;
    }

  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);

  return g_steal_pointer (&fake);
}

/* ------------------------------------------------------------------ */

static const Scene *
find_scene (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    if (g_str_equal (scenes[i].name, name))
      return &scenes[i];

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) fake_fprintd = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *scratch = NULL;
  g_autofree char *font = NULL;
  g_autofree char *decoration_layout = NULL;
  g_autofree char *fake_fprintd_script = NULL;
  g_auto(GStrv) names = NULL;
  const char *localedir = LOCALEDIR;
  gboolean list = FALSE;
  gboolean high_contrast = FALSE;
  gboolean dark = FALSE;
  double text_scale = 1.0;
  guint failures = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir, "Write the PNGs to DIR (default: .)", "DIR" },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, "List the scenes and exit", NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast, "Use the high contrast style", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
    { "text-scale", 0, 0, G_OPTION_ARG_DOUBLE, &text_scale,
      "Scale text by FACTOR (gtk-xft-dpi), e.g. 1.5", "FACTOR" },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, "The interface font, e.g. “Cantarell 11”", "FONT" },
    { "decoration-layout", 0, 0, G_OPTION_ARG_STRING, &decoration_layout,
      "The header bar buttons, e.g. “:close” as in GNOME", "LAYOUT" },
    { "width", 0, 0, G_OPTION_ARG_INT, &window_width, "Window width (default 420)", "PIXELS" },
    { "height", 0, 0, G_OPTION_ARG_INT, &window_height, "Window height (default 800)", "PIXELS" },
    { "fake-fprintd", 0, 0, G_OPTION_ARG_FILENAME, &fake_fprintd_script,
      "Show a fingerprint reader: tests/service/fake-fprintd.py", "SCRIPT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, "[SCENE…]" },
    { NULL }
  };

  g_log_set_writer_func (log_writer, NULL, NULL);

  /* Bound as the app binds it (src/main.c): translated from the build
   * tree with CST_BUILD_TREE, e.g. LANGUAGE=zh_CN LANG=C.UTF-8. */
  if (g_getenv ("CST_BUILD_TREE") != NULL)
    localedir = BUILD_LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("[SCENE…] — screenshots of the real window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 64;
    }

  if (list)
    {
      for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
        g_print ("%-18s %s\n", scenes[i].name, scenes[i].description);
      return 0;
    }

  if (names == NULL || names[0] == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
        g_ptr_array_add (chosen, (gpointer) &scenes[i]);
    }
  else
    {
      for (guint i = 0; names[i] != NULL; i++)
        {
          const Scene *scene = find_scene (names[i]);

          if (scene == NULL)
            {
              g_printerr ("No scene named “%s” (--list shows them)\n", names[i]);
              return 64;
            }
          g_ptr_array_add (chosen, (gpointer) scene);
        }
    }

  if (text_scale < 0.5 || text_scale > 4.0 || window_width < 200 || window_height < 200)
    {
      g_printerr ("--text-scale takes 0.5 to 4, --width and --height at least 200\n");
      return 64;
    }

  if (output_dir == NULL)
    output_dir = g_strdup (".");
  if (g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      g_printerr ("Cannot create %s: %s\n", output_dir, g_strerror (errno));
      return 73;
    }

  if (!(scratch = g_dir_make_tmp ("cst-screenshots-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 73;
    }

  /* Before anything touches the system bus. */
  fake_fprintd = setup_fingerprint (fake_fprintd_script, scratch, &error);
  if (error != NULL)
    {
      g_printerr ("Cannot start the fake fingerprint reader: %s\n", error->message);
      g_rmdir (scratch);
      return 69;
    }

  /* libadwaita reads it when it starts. */
  if (high_contrast)
    g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);

  /* An application, so that libadwaita loads the app's style.css (and its
   * dark and high contrast variants) from the resources, as in the app. */
  application = g_object_new (ADW_TYPE_APPLICATION,
                              "application-id", APPLICATION_ID ".Screenshots",
                              "resource-base-path", RESOURCE_BASE,
                              "flags", G_APPLICATION_NON_UNIQUE,
                              NULL);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 70;
    }

  /* Pictures of a settled state: no transitions half-way, no blinking
   * caret, the text size asked for. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                "gtk-xft-dpi", (int) (96 * 1024 * text_scale + 0.5),
                NULL);
  if (font != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-font-name", font, NULL);
  if (decoration_layout != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", decoration_layout, NULL);

  /* Xvfb has no compositing manager, so GTK draws the window with the
   * 5 px frame of "solid CSD". In a GNOME session the window has no frame
   * (the compositor draws its shadow); picture it that way. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_data (provider, "window.solid-csd { padding: 0; box-shadow: none; }", -1);
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_USER);
  }
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  for (guint i = 0; i < chosen->len; i++)
    {
      const Scene *scene = g_ptr_array_index (chosen, i);
      g_autoptr(GError) scene_error = NULL;

      if (!run_scene (scene, &scene_error))
        {
          g_printerr ("%s: %s\n", scene->name, scene_error->message);
          failures++;
        }
    }

  if (fake_fprintd != NULL)
    {
      /* It stops with its stdin. */
      g_output_stream_close (g_subprocess_get_stdin_pipe (fake_fprintd), NULL, NULL);
      g_subprocess_wait (fake_fprintd, NULL, NULL);
    }
  g_rmdir (scratch);
  g_clear_object (&application);
  g_clear_pointer (&output_dir, g_free);
  g_clear_pointer (&first_warning, g_free);

  return failures == 0 ? 0 : 1;
}
