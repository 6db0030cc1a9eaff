/* cst-enterprise-verify-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-enterprise-verify-page.h"

struct _CstEnterpriseVerifyPage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstEnterpriseVerifyPage, cst_enterprise_verify_page, CST_TYPE_PAGE)

static void
cst_enterprise_verify_page_class_init (CstEnterpriseVerifyPageClass *klass)
{
}

static void
cst_enterprise_verify_page_init (CstEnterpriseVerifyPage *self)
{
}
