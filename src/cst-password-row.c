/* cst-password-row.c — STUB, to be replaced by its owner */

#include "config.h"

#include "cst-password-row.h"

struct _CstPasswordRow
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CstPasswordRow, cst_password_row, GTK_TYPE_WIDGET)

static void
cst_password_row_class_init (CstPasswordRowClass *klass)
{
}

static void
cst_password_row_init (CstPasswordRow *self)
{
}
