/* cst-face-verifier.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-face-verifier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-auth-error.h"
#include "cst-face-verifier.h"

/* How old a capture the simulation accepts, and how far in the future
 * (clock skew between the capture view and the service). */
#define CAPTURE_MAX_AGE_US   (2 * G_TIME_SPAN_MINUTE)
#define CAPTURE_MAX_SKEW_US  (5 * G_TIME_SPAN_SECOND)

/* ---- CstFaceCapture ---- */

struct _CstFaceCapture
{
  gatomicrefcount    ref_count;
  CstLivenessAction  actions;
  gint64             captured_at;
  GBytes            *image;
};

G_DEFINE_BOXED_TYPE (CstFaceCapture, cst_face_capture, cst_face_capture_ref, cst_face_capture_unref)

/**
 * cst_face_capture_new:
 * @actions: the liveness actions the person completed
 * @captured_at_us: when the capture was finished, µs since the epoch
 * @image: (nullable): image data of the capture, if a camera was used
 *
 * Returns: (transfer full): a new, immutable #CstFaceCapture
 */
CstFaceCapture *
cst_face_capture_new (CstLivenessAction  actions,
                      gint64             captured_at_us,
                      GBytes            *image)
{
  CstFaceCapture *capture;

  capture = g_new0 (CstFaceCapture, 1);
  g_atomic_ref_count_init (&capture->ref_count);
  capture->actions = actions & CST_LIVENESS_ALL;
  capture->captured_at = captured_at_us;
  capture->image = image != NULL ? g_bytes_ref (image) : NULL;

  return capture;
}

CstFaceCapture *
cst_face_capture_ref (CstFaceCapture *capture)
{
  g_return_val_if_fail (capture != NULL, NULL);

  g_atomic_ref_count_inc (&capture->ref_count);

  return capture;
}

void
cst_face_capture_unref (CstFaceCapture *capture)
{
  g_return_if_fail (capture != NULL);

  if (g_atomic_ref_count_dec (&capture->ref_count))
    {
      g_clear_pointer (&capture->image, g_bytes_unref);
      g_free (capture);
    }
}

CstLivenessAction
cst_face_capture_get_actions (CstFaceCapture *capture)
{
  g_return_val_if_fail (capture != NULL, 0);

  return capture->actions;
}

gint64
cst_face_capture_get_captured_at (CstFaceCapture *capture)
{
  g_return_val_if_fail (capture != NULL, 0);

  return capture->captured_at;
}

/**
 * cst_face_capture_get_image:
 * @capture: a #CstFaceCapture
 *
 * Returns: (transfer none) (nullable): the image data, if any
 */
GBytes *
cst_face_capture_get_image (CstFaceCapture *capture)
{
  g_return_val_if_fail (capture != NULL, NULL);

  return capture->image;
}

/* ---- CstFaceVerifier ---- */

G_DEFINE_INTERFACE (CstFaceVerifier, cst_face_verifier, G_TYPE_OBJECT)

static void
cst_face_verifier_default_init (CstFaceVerifierInterface *iface)
{
}

gboolean
cst_face_verifier_is_available (CstFaceVerifier *self)
{
  CstFaceVerifierInterface *iface;

  g_return_val_if_fail (CST_IS_FACE_VERIFIER (self), FALSE);

  iface = CST_FACE_VERIFIER_GET_IFACE (self);
  return iface->is_available != NULL && iface->is_available (self);
}

gboolean
cst_face_verifier_is_simulated (CstFaceVerifier *self)
{
  CstFaceVerifierInterface *iface;

  g_return_val_if_fail (CST_IS_FACE_VERIFIER (self), FALSE);

  iface = CST_FACE_VERIFIER_GET_IFACE (self);
  return iface->is_simulated != NULL && iface->is_simulated (self);
}

/**
 * cst_face_verifier_verify:
 * @self: a #CstFaceVerifier
 * @id_type: the document type of the person
 * @id_number: the normalised document number
 * @name: (nullable): the name on file
 * @capture: what the capture view recorded
 * @error: a return location for a #GError
 *
 * Decides whether @capture shows the person of @id_number. May block;
 * call it from a worker thread.
 *
 * Returns: %TRUE if accepted; %FALSE with %CST_AUTH_ERROR_FACE_REJECTED or
 *   %CST_AUTH_ERROR_FACE_UNAVAILABLE
 */
gboolean
cst_face_verifier_verify (CstFaceVerifier  *self,
                          CstIdType         id_type,
                          const char       *id_number,
                          const char       *name,
                          CstFaceCapture   *capture,
                          GError          **error)
{
  CstFaceVerifierInterface *iface;
  gboolean ret;

  g_return_val_if_fail (CST_IS_FACE_VERIFIER (self), FALSE);
  g_return_val_if_fail (id_number != NULL, FALSE);
  g_return_val_if_fail (capture != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = CST_FACE_VERIFIER_GET_IFACE (self);
  if (iface->verify == NULL)
    {
      cst_auth_set_error (error, CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE);
      return FALSE;
    }

  ret = iface->verify (self, id_type, id_number, name, capture, error);

  if (!ret && error != NULL && *error == NULL)
    {
      g_critical ("%s failed without setting an error", G_OBJECT_TYPE_NAME (self));
      cst_auth_set_error (error, CST_AUTH_ERROR_FACE_REJECTED, 0, CST_FIELD_FACE);
    }

  return ret;
}

/* ---- CstLocalFaceVerifier ---- */

/*
 * The embedded service's stand-in for face recognition. It cannot compare
 * a face with an ID photo (it has neither the photo nor a model), and it
 * does not pretend to: it checks only that the capture view ran its whole
 * liveness sequence (正对屏幕, 眨眨眼, 缓慢转头) and that the capture is
 * fresh, so a replayed old capture is refused. is_simulated() is TRUE so
 * that the UI says 本地模拟. A real deployment verifies faces on the
 * identity service's side behind the same interface.
 *
 * Immutable after construction, hence thread-safe (CstClock is too).
 */
struct _CstLocalFaceVerifier
{
  GObject   parent_instance;

  CstClock *clock;
  guint     enabled : 1;
};

static void local_face_verifier_iface_init (CstFaceVerifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstLocalFaceVerifier, cst_local_face_verifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_FACE_VERIFIER,
                                                      local_face_verifier_iface_init))

static gboolean
local_face_verifier_is_available (CstFaceVerifier *verifier)
{
  return CST_LOCAL_FACE_VERIFIER (verifier)->enabled;
}

static gboolean
local_face_verifier_is_simulated (CstFaceVerifier *verifier)
{
  return TRUE;
}

static gboolean
local_face_verifier_verify (CstFaceVerifier  *verifier,
                            CstIdType         id_type,
                            const char       *id_number,
                            const char       *name,
                            CstFaceCapture   *capture,
                            GError          **error)
{
  CstLocalFaceVerifier *self = CST_LOCAL_FACE_VERIFIER (verifier);
  gint64 age;

  if (!self->enabled)
    {
      cst_auth_set_error (error, CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE);
      return FALSE;
    }

  if ((cst_face_capture_get_actions (capture) & CST_LIVENESS_ALL) != CST_LIVENESS_ALL)
    {
      if (error != NULL)
        *error = cst_auth_error_new_literal (CST_AUTH_ERROR_FACE_REJECTED, 0, CST_FIELD_FACE,
                                             _("Liveness check incomplete: face the screen, blink, "
                                               "and turn your head slowly"));
      return FALSE;
    }

  age = cst_clock_now (self->clock) - cst_face_capture_get_captured_at (capture);
  if (age > CAPTURE_MAX_AGE_US || age < -CAPTURE_MAX_SKEW_US)
    {
      if (error != NULL)
        *error = cst_auth_error_new_literal (CST_AUTH_ERROR_FACE_REJECTED, 0, CST_FIELD_FACE,
                                             _("The face capture has expired; "
                                               "start the recognition again"));
      return FALSE;
    }

  return TRUE;
}

static void
local_face_verifier_iface_init (CstFaceVerifierInterface *iface)
{
  iface->is_available = local_face_verifier_is_available;
  iface->is_simulated = local_face_verifier_is_simulated;
  iface->verify = local_face_verifier_verify;
}

static void
cst_local_face_verifier_finalize (GObject *object)
{
  CstLocalFaceVerifier *self = (CstLocalFaceVerifier *)object;

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cst_local_face_verifier_parent_class)->finalize (object);
}

static void
cst_local_face_verifier_class_init (CstLocalFaceVerifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_local_face_verifier_finalize;
}

static void
cst_local_face_verifier_init (CstLocalFaceVerifier *self)
{
}

/**
 * cst_local_face_verifier_new:
 * @clock: (nullable): the clock that judges freshness; %NULL for the system clock
 * @enabled: whether the simulation offers face recognition at all
 *
 * Returns: (transfer full): the simulation of SPEC §1.8
 */
CstFaceVerifier *
cst_local_face_verifier_new (CstClock *clock,
                             gboolean  enabled)
{
  CstLocalFaceVerifier *self;

  g_return_val_if_fail (clock == NULL || CST_IS_CLOCK (clock), NULL);

  self = g_object_new (CST_TYPE_LOCAL_FACE_VERIFIER, NULL);
  self->clock = clock != NULL ? g_object_ref (clock) : cst_clock_new_system ();
  self->enabled = !!enabled;

  return CST_FACE_VERIFIER (self);
}

/* ---- CstScriptedFaceVerifier ---- */

struct _CstScriptedFaceVerifier
{
  GObject  parent_instance;

  /* all below under @mutex: verify() runs in worker threads */
  GMutex   mutex;
  GQueue   script;
  guint    calls;
  guint    available : 1;
};

static void scripted_face_verifier_iface_init (CstFaceVerifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CstScriptedFaceVerifier, cst_scripted_face_verifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CST_TYPE_FACE_VERIFIER,
                                                      scripted_face_verifier_iface_init))

static gboolean
scripted_face_verifier_is_available (CstFaceVerifier *verifier)
{
  CstScriptedFaceVerifier *self = CST_SCRIPTED_FACE_VERIFIER (verifier);
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->available;
}

/* It stands in for the simulation in tests, so the UI shows 本地模拟 as it
 * does with the real local service. */
static gboolean
scripted_face_verifier_is_simulated (CstFaceVerifier *verifier)
{
  return TRUE;
}

static gboolean
scripted_face_verifier_verify (CstFaceVerifier  *verifier,
                               CstIdType         id_type,
                               const char       *id_number,
                               const char       *name,
                               CstFaceCapture   *capture,
                               GError          **error)
{
  CstScriptedFaceVerifier *self = CST_SCRIPTED_FACE_VERIFIER (verifier);
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gboolean accept = TRUE;

  self->calls++;

  if (!self->available)
    {
      cst_auth_set_error (error, CST_AUTH_ERROR_FACE_UNAVAILABLE, 0, CST_FIELD_FACE);
      return FALSE;
    }

  if (!g_queue_is_empty (&self->script))
    accept = GPOINTER_TO_INT (g_queue_pop_head (&self->script));

  if (!accept)
    {
      cst_auth_set_error (error, CST_AUTH_ERROR_FACE_REJECTED, 0, CST_FIELD_FACE);
      return FALSE;
    }

  return TRUE;
}

static void
scripted_face_verifier_iface_init (CstFaceVerifierInterface *iface)
{
  iface->is_available = scripted_face_verifier_is_available;
  iface->is_simulated = scripted_face_verifier_is_simulated;
  iface->verify = scripted_face_verifier_verify;
}

static void
cst_scripted_face_verifier_finalize (GObject *object)
{
  CstScriptedFaceVerifier *self = (CstScriptedFaceVerifier *)object;

  g_queue_clear (&self->script);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cst_scripted_face_verifier_parent_class)->finalize (object);
}

static void
cst_scripted_face_verifier_class_init (CstScriptedFaceVerifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cst_scripted_face_verifier_finalize;
}

static void
cst_scripted_face_verifier_init (CstScriptedFaceVerifier *self)
{
  g_mutex_init (&self->mutex);
  g_queue_init (&self->script);
  self->available = TRUE;
}

/**
 * cst_scripted_face_verifier_new:
 *
 * Returns: (transfer full): a verifier for tests that accepts everything
 *   until told otherwise
 */
CstScriptedFaceVerifier *
cst_scripted_face_verifier_new (void)
{
  return g_object_new (CST_TYPE_SCRIPTED_FACE_VERIFIER, NULL);
}

/**
 * cst_scripted_face_verifier_push:
 * @self: a #CstScriptedFaceVerifier
 * @accept: the verdict of a coming verify()
 *
 * Appends a verdict; verify() takes them in order, and accepts once the
 * script is used up.
 */
void
cst_scripted_face_verifier_push (CstScriptedFaceVerifier *self,
                                 gboolean                 accept)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (CST_IS_SCRIPTED_FACE_VERIFIER (self));

  locker = g_mutex_locker_new (&self->mutex);
  g_queue_push_tail (&self->script, GINT_TO_POINTER (!!accept));
}

/**
 * cst_scripted_face_verifier_set_available:
 * @self: a #CstScriptedFaceVerifier
 * @available: %FALSE to behave as a service without face recognition
 */
void
cst_scripted_face_verifier_set_available (CstScriptedFaceVerifier *self,
                                          gboolean                 available)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_if_fail (CST_IS_SCRIPTED_FACE_VERIFIER (self));

  locker = g_mutex_locker_new (&self->mutex);
  self->available = !!available;
}

/**
 * cst_scripted_face_verifier_get_calls:
 * @self: a #CstScriptedFaceVerifier
 *
 * Returns: how many times verify() was called
 */
guint
cst_scripted_face_verifier_get_calls (CstScriptedFaceVerifier *self)
{
  g_autoptr (GMutexLocker) locker = NULL;

  g_return_val_if_fail (CST_IS_SCRIPTED_FACE_VERIFIER (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  return self->calls;
}
