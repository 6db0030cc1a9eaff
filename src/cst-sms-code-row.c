/* cst-sms-code-row.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-sms-code-row.h"

struct _CstSmsCodeRow
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CstSmsCodeRow, cst_sms_code_row, GTK_TYPE_WIDGET)

static void
cst_sms_code_row_class_init (CstSmsCodeRowClass *klass)
{
}

static void
cst_sms_code_row_init (CstSmsCodeRow *self)
{
}
