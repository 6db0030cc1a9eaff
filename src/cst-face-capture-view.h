/* cst-face-capture-view.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cst-face-verifier.h"

G_BEGIN_DECLS

/*
 * The face capture of SPEC §1.8, shared by registration, face login, the
 * enterprise second factor and the reset face path: instructions (正对屏幕,
 * 眨眨眼, 缓慢转头), a capture area, progress, the result, retry; the 本地模拟
 * label when "simulated" is TRUE (the embedded service).
 *
 * cst_face_capture_view_start() runs the prompts; when they are done the
 * view emits "captured" (CstFaceCapture) and shows progress until the
 * owner, after the service answered, calls set_result(). Retry restarts.
 * "state": idle / capturing / verifying / succeeded / failed. Every state
 * change updates the accessible description for screen readers.
 */
typedef enum {
  CST_FACE_CAPTURE_STATE_IDLE,
  CST_FACE_CAPTURE_STATE_CAPTURING,
  CST_FACE_CAPTURE_STATE_VERIFYING,
  CST_FACE_CAPTURE_STATE_SUCCEEDED,
  CST_FACE_CAPTURE_STATE_FAILED,
} CstFaceCaptureState;

#define CST_TYPE_FACE_CAPTURE_STATE (cst_face_capture_state_get_type ())
GType cst_face_capture_state_get_type (void) G_GNUC_CONST;

#define CST_TYPE_FACE_CAPTURE_VIEW (cst_face_capture_view_get_type ())
G_DECLARE_FINAL_TYPE (CstFaceCaptureView, cst_face_capture_view, CST, FACE_CAPTURE_VIEW, GtkWidget)

GtkWidget           *cst_face_capture_view_new            (void);
void                 cst_face_capture_view_start          (CstFaceCaptureView *self);
void                 cst_face_capture_view_reset          (CstFaceCaptureView *self);
void                 cst_face_capture_view_set_result     (CstFaceCaptureView *self,
                                                           gboolean            success,
                                                           const char         *message);
CstFaceCaptureState  cst_face_capture_view_get_state      (CstFaceCaptureView *self);
gboolean             cst_face_capture_view_get_simulated  (CstFaceCaptureView *self);
void                 cst_face_capture_view_set_simulated  (CstFaceCaptureView *self,
                                                           gboolean            simulated);
/* For tests and the benchmark: the duration of each prompt (default 800 ms). */
void                 cst_face_capture_view_set_step_duration (CstFaceCaptureView *self,
                                                              guint               ms);

G_END_DECLS
