/* cst-face-capture-view.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-face-capture-view.h"

struct _CstFaceCaptureView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CstFaceCaptureView, cst_face_capture_view, GTK_TYPE_WIDGET)

static void
cst_face_capture_view_class_init (CstFaceCaptureViewClass *klass)
{
}

static void
cst_face_capture_view_init (CstFaceCaptureView *self)
{
}
