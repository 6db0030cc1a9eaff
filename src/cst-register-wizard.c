/* cst-register-wizard.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-register-wizard.h"

struct _CstRegisterWizard
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstRegisterWizard, cst_register_wizard, CST_TYPE_PAGE)

static void
cst_register_wizard_class_init (CstRegisterWizardClass *klass)
{
}

static void
cst_register_wizard_init (CstRegisterWizard *self)
{
}
