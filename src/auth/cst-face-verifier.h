/* cst-face-verifier.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cst-auth-types.h"

G_BEGIN_DECLS

/**
 * CstLivenessAction:
 *
 * The liveness prompts of the capture view (SPEC §1.8): 正对屏幕, 眨眨眼,
 * 缓慢转头. A capture records which ones the person completed.
 */
typedef enum {
  CST_LIVENESS_FACE_SCREEN = 1 << 0,
  CST_LIVENESS_BLINK       = 1 << 1,
  CST_LIVENESS_TURN_HEAD   = 1 << 2,
} CstLivenessAction;

#define CST_LIVENESS_ALL (CST_LIVENESS_FACE_SCREEN | CST_LIVENESS_BLINK | CST_LIVENESS_TURN_HEAD)

/*
 * What the capture view hands to the service: the completed liveness
 * actions, when they were completed, and optionally image frames (a camera
 * is never required). Boxed, immutable after creation.
 */
typedef struct _CstFaceCapture CstFaceCapture;

#define CST_TYPE_FACE_CAPTURE (cst_face_capture_get_type ())
GType              cst_face_capture_get_type     (void) G_GNUC_CONST;
CstFaceCapture    *cst_face_capture_new          (CstLivenessAction actions,
                                                  gint64            captured_at_us,
                                                  GBytes           *image);  /* nullable */
CstFaceCapture    *cst_face_capture_ref          (CstFaceCapture   *capture);
void               cst_face_capture_unref        (CstFaceCapture   *capture);
CstLivenessAction  cst_face_capture_get_actions  (CstFaceCapture   *capture);
gint64             cst_face_capture_get_captured_at (CstFaceCapture *capture);
GBytes            *cst_face_capture_get_image    (CstFaceCapture   *capture);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CstFaceCapture, cst_face_capture_unref)

/*
 * The server side of face recognition: compares a capture with the photo
 * of the ID on file. Called from worker threads: implementations must be
 * thread-safe.
 */
#define CST_TYPE_FACE_VERIFIER (cst_face_verifier_get_type ())
G_DECLARE_INTERFACE (CstFaceVerifier, cst_face_verifier, CST, FACE_VERIFIER, GObject)

struct _CstFaceVerifierInterface
{
  GTypeInterface parent_iface;

  gboolean (*is_available) (CstFaceVerifier *self);
  /* TRUE for the embedded simulation: the UI shows 本地模拟. */
  gboolean (*is_simulated) (CstFaceVerifier *self);
  /* FALSE with CST_AUTH_ERROR_FACE_REJECTED / _FACE_UNAVAILABLE */
  gboolean (*verify)       (CstFaceVerifier *self,
                            CstIdType        id_type,
                            const char      *id_number,
                            const char      *name,
                            CstFaceCapture  *capture,
                            GError         **error);
};

gboolean cst_face_verifier_is_available (CstFaceVerifier *self);
gboolean cst_face_verifier_is_simulated (CstFaceVerifier *self);
gboolean cst_face_verifier_verify       (CstFaceVerifier *self,
                                         CstIdType        id_type,
                                         const char      *id_number,
                                         const char      *name,
                                         CstFaceCapture  *capture,
                                         GError         **error);

/*
 * The embedded service's simulation (SPEC §1.8): accepts a capture in
 * which every liveness action was completed and that is fresh (≤ 2 min
 * old by @clock); never compares faces. @enabled FALSE: is_available() is
 * FALSE and verify() fails with FACE_UNAVAILABLE.
 */
#define CST_TYPE_LOCAL_FACE_VERIFIER (cst_local_face_verifier_get_type ())
G_DECLARE_FINAL_TYPE (CstLocalFaceVerifier, cst_local_face_verifier, CST, LOCAL_FACE_VERIFIER, GObject)
CstFaceVerifier *cst_local_face_verifier_new (CstClock *clock,
                                              gboolean  enabled);

/*
 * For tests: answers from a script. Each verify() pops the next verdict
 * (TRUE accept / FALSE reject); an empty script accepts. Counts calls.
 */
#define CST_TYPE_SCRIPTED_FACE_VERIFIER (cst_scripted_face_verifier_get_type ())
G_DECLARE_FINAL_TYPE (CstScriptedFaceVerifier, cst_scripted_face_verifier, CST, SCRIPTED_FACE_VERIFIER, GObject)
CstScriptedFaceVerifier *cst_scripted_face_verifier_new       (void);
void                     cst_scripted_face_verifier_push      (CstScriptedFaceVerifier *self,
                                                               gboolean                 accept);
void                     cst_scripted_face_verifier_set_available (CstScriptedFaceVerifier *self,
                                                                   gboolean                 available);
guint                    cst_scripted_face_verifier_get_calls (CstScriptedFaceVerifier *self);

G_END_DECLS
