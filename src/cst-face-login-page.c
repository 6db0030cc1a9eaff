/* cst-face-login-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-face-login-page.h"

struct _CstFaceLoginPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstFaceLoginPage, cst_face_login_page, CST_TYPE_PAGE)

static void
cst_face_login_page_class_init (CstFaceLoginPageClass *klass)
{
}

static void
cst_face_login_page_init (CstFaceLoginPage *self)
{
}
