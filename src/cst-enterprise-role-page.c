/* cst-enterprise-role-page.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-enterprise-role-page.h"

struct _CstEnterpriseRolePage
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstEnterpriseRolePage, cst_enterprise_role_page, CST_TYPE_PAGE)

static void
cst_enterprise_role_page_class_init (CstEnterpriseRolePageClass *klass)
{
}

static void
cst_enterprise_role_page_init (CstEnterpriseRolePage *self)
{
}
