/* cst-auth-types.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-auth-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-auth-types.h"

typedef struct
{
  CstRole     role;
  const char *id;
  const char *context;
  const char *label;
} RoleInfo;

/* The identifiers are what chushuitong-admin and the database speak; the
 * labels are the mobile app's (SPEC §1.3). */
static const RoleInfo roles[] = {
  /* Translators: the identity of a session that is not for an enterprise (我的 page) */
  { CST_ROLE_NONE, "none", "identity", NC_("identity", "Personal") },
  /* Translators: the enterprise roles of 身份类型选择 */
  { CST_ROLE_LEGAL_REPRESENTATIVE, "legal-representative", "role",
    NC_("role", "Legal representative") },
  { CST_ROLE_FINANCIAL_OFFICER, "financial-officer", "role", NC_("role", "Financial officer") },
  { CST_ROLE_TAX_OFFICER, "tax-officer", "role", NC_("role", "Tax officer") },
  { CST_ROLE_INVOICE_CLERK, "invoice-clerk", "role", NC_("role", "Invoice clerk") },
};

static const RoleInfo *
find_role (CstRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (roles[i].role == role)
        return &roles[i];
    }

  return NULL;
}

/**
 * cst_role_to_string:
 * @role: a #CstRole
 *
 * Returns: (nullable): the stable identifier of @role, e.g.
 *   "legal-representative", or %NULL for a value that is no role
 */
const char *
cst_role_to_string (CstRole role)
{
  const RoleInfo *info = find_role (role);

  return info != NULL ? info->id : NULL;
}

/**
 * cst_role_from_string:
 * @str: (nullable): a stable identifier as returned by cst_role_to_string()
 * @role: (out) (optional): the role
 *
 * Returns: %TRUE if @str names a role
 */
gboolean
cst_role_from_string (const char *str,
                      CstRole    *role)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (g_ascii_strcasecmp (roles[i].id, str) == 0)
        {
          if (role != NULL)
            *role = roles[i].role;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cst_role_get_label:
 * @role: a #CstRole
 *
 * Returns: the translated name of @role as the mobile app shows it
 *   (法定代表人 …); "" for a value that is no role
 */
const char *
cst_role_get_label (CstRole role)
{
  const RoleInfo *info = find_role (role);

  if (info == NULL)
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, info->context, info->label);
}

/**
 * cst_credential_kind_to_string:
 * @kind: a #CstCredentialKind
 *
 * Returns: the value of the `kind` attribute in the keyring ("refresh",
 *   "fingerprint", "face"); never renamed, or remembered secrets get lost
 */
const char *
cst_credential_kind_to_string (CstCredentialKind kind)
{
  switch (kind)
    {
    case CST_CREDENTIAL_KIND_REFRESH:
      return "refresh";
    case CST_CREDENTIAL_KIND_FINGERPRINT:
      return "fingerprint";
    case CST_CREDENTIAL_KIND_FACE:
      return "face";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cst_code_purpose_to_string:
 * @purpose: a #CstCodePurpose
 *
 * Returns: the stable identifier of @purpose ("register", "login", "reset",
 *   "enterprise", "change-phone"), as listed by `chushuitong-admin sms-outbox`
 */
const char *
cst_code_purpose_to_string (CstCodePurpose purpose)
{
  switch (purpose)
    {
    case CST_CODE_PURPOSE_REGISTER:
      return "register";
    case CST_CODE_PURPOSE_LOGIN:
      return "login";
    case CST_CODE_PURPOSE_RESET:
      return "reset";
    case CST_CODE_PURPOSE_ENTERPRISE:
      return "enterprise";
    case CST_CODE_PURPOSE_CHANGE_PHONE:
      return "change-phone";
    default:
      g_return_val_if_reached (NULL);
    }
}
