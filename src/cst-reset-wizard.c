/* cst-reset-wizard.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-reset-wizard.h"

struct _CstResetWizard
{
  CstPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CstResetWizard, cst_reset_wizard, CST_TYPE_PAGE)

static void
cst_reset_wizard_class_init (CstResetWizardClass *klass)
{
}

static void
cst_reset_wizard_init (CstResetWizard *self)
{
}
