/* cst-sms-login-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-sms-login-page.h"

struct _CstSmsLoginPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstSmsLoginPage, cst_sms_login_page, CST_TYPE_PAGE)

static void
cst_sms_login_page_class_init (CstSmsLoginPageClass *klass)
{
}

static void
cst_sms_login_page_init (CstSmsLoginPage *self)
{
}
