/* cst-auth-error.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-auth-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-auth-error.h"
#include "cst-core.h"

/* The payload of every CST_AUTH_ERROR (an extended error domain). @field
 * is always an interned string, so copying the pointer is enough. */
typedef struct
{
  gint64      value;
  const char *field;
} CstAuthErrorPrivate;

static void
cst_auth_error_private_init (CstAuthErrorPrivate *priv)
{
  priv->value = 0;
  priv->field = NULL;
}

static void
cst_auth_error_private_copy (const CstAuthErrorPrivate *src,
                             CstAuthErrorPrivate       *dest)
{
  dest->value = src->value;
  dest->field = src->field;
}

static void
cst_auth_error_private_clear (CstAuthErrorPrivate *priv)
{
  priv->value = 0;
  priv->field = NULL;
}

G_DEFINE_EXTENDED_ERROR (CstAuthError, cst_auth_error)

/* The messages take an int; the payload is wider so that it can carry
 * seconds or timestamps. Clamp rather than wrap. */
static int
value_to_int (gint64 value)
{
  return (int) CLAMP (value, 0, G_MAXINT);
}

static const char *
invalid_input_message (const char *field)
{
  if (g_strcmp0 (field, CST_FIELD_ID_NUMBER) == 0)
    return _("Invalid ID number");
  if (g_strcmp0 (field, CST_FIELD_PHONE) == 0)
    return _("Invalid mobile phone number");
  if (g_strcmp0 (field, CST_FIELD_CODE) == 0)
    return _("Enter the 6-digit code");
  if (g_strcmp0 (field, CST_FIELD_NAME) == 0)
    return _("Invalid name");
  if (g_strcmp0 (field, CST_FIELD_ENTERPRISE) == 0)
    /* Translators: the unified social credit code or taxpayer ID of an enterprise */
    return _("Invalid enterprise code");
  if (g_strcmp0 (field, CST_FIELD_USERNAME) == 0)
    return _("Invalid user name");
  if (g_strcmp0 (field, CST_FIELD_ACCOUNT) == 0)
    return _("Enter an ID number, mobile phone number or user name");
  if (g_strcmp0 (field, CST_FIELD_PASSWORD) == 0)
    return _("Enter the password");
  if (g_strcmp0 (field, CST_FIELD_FACE) == 0)
    return _("The face capture is incomplete; try again");

  return _("Invalid input");
}

/* The standard message of @code (SPEC §4), newly allocated. */
static char *
standard_message (CstAuthError  code,
                  gint64        value,
                  const char   *field)
{
  int n = value_to_int (value);

  switch (code)
    {
    case CST_AUTH_ERROR_BAD_CREDENTIALS:
      /* Only a known account that has tries left gets the count; any other
       * failure reads the same, so that accounts cannot be enumerated. */
      if (n > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Incorrect password, %d attempt left",
                                             "Incorrect password, %d attempts left",
                                             n),
                                n);
      return g_strdup (_("Incorrect account or password"));

    case CST_AUTH_ERROR_LOCKED:
      if (n > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Account locked; try again in %d minute "
                                             "or reset your password",
                                             "Account locked; try again in %d minutes "
                                             "or reset your password",
                                             n),
                                n);
      return g_strdup (_("Account locked; try again later or reset your password"));

    case CST_AUTH_ERROR_CODE_INVALID:
      /* Translators: the SMS verification code */
      return g_strdup (_("Incorrect code"));

    case CST_AUTH_ERROR_CODE_EXPIRED:
      return g_strdup (_("Code expired, request a new one"));

    case CST_AUTH_ERROR_RATE_LIMITED:
      if (n > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Wait %d second before requesting a new code",
                                             "Wait %d seconds before requesting a new code",
                                             n),
                                n);
      return g_strdup (_("Wait a moment before requesting a new code"));

    case CST_AUTH_ERROR_DAILY_LIMIT:
      return g_strdup (_("Too many codes were requested for this phone today; "
                         "try again tomorrow"));

    case CST_AUTH_ERROR_ALREADY_REGISTERED:
      return g_strdup (_("This ID number is already registered"));

    case CST_AUTH_ERROR_PHONE_IN_USE:
      return g_strdup (_("This mobile phone number is used by another account"));

    case CST_AUTH_ERROR_NOT_REGISTERED:
      return g_strdup (_("This user is not registered"));

    case CST_AUTH_ERROR_ENTERPRISE_UNKNOWN:
      return g_strdup (_("No enterprise with this code was found"));

    case CST_AUTH_ERROR_NOT_LINKED:
      return g_strdup (_("This user is not linked to the enterprise"));

    case CST_AUTH_ERROR_FACE_REJECTED:
      return g_strdup (_("Face recognition failed; try again"));

    case CST_AUTH_ERROR_FACE_UNAVAILABLE:
      return g_strdup (_("This service does not offer face recognition; "
                         "use SMS verification instead"));

    case CST_AUTH_ERROR_EXPIRED:
      return g_strdup (_("This has expired; start again"));

    case CST_AUTH_ERROR_WRONG_STEP:
      return g_strdup (_("The steps were not completed in order; start again"));

    case CST_AUTH_ERROR_NOT_LOGGED_IN:
      return g_strdup (_("Log in first"));

    case CST_AUTH_ERROR_CREDENTIAL_REVOKED:
      return g_strdup (_("The saved sign-in is no longer valid; log in with your password"));

    case CST_AUTH_ERROR_KEYRING_UNAVAILABLE:
      return g_strdup (_("The system keyring is not available, so sign-in details "
                         "cannot be saved on this device"));

    case CST_AUTH_ERROR_FINGERPRINT:
      return g_strdup (_("The fingerprint reader cannot be used"));

    case CST_AUTH_ERROR_STORAGE:
      return g_strdup (_("The identity service cannot read or write its data"));

    case CST_AUTH_ERROR_DATABASE_TOO_NEW:
      return g_strdup (_("The data was written by a newer version of this app; update the app"));

    case CST_AUTH_ERROR_INVALID_INPUT:
      return g_strdup (invalid_input_message (field));

    case CST_AUTH_ERROR_PASSWORD_POLICY:
      return g_strdup (_("The password does not meet the requirements"));

    default:
      g_critical ("Unknown CstAuthError code %d", (int) code);
      return g_strdup (_("The identity service failed"));
    }
}

static void
set_payload (GError     *error,
             gint64      value,
             const char *field)
{
  CstAuthErrorPrivate *priv = cst_auth_error_get_private (error);

  priv->value = value;
  priv->field = g_intern_string (field);
}

/**
 * cst_auth_error_new:
 * @code: a #CstAuthError
 * @value: the number of the message (tries left, minutes, seconds) or 0
 * @field: (nullable): the CST_FIELD_* the error belongs to
 *
 * Returns: (transfer full): a %CST_AUTH_ERROR with the standard translated
 *   message of @code
 */
GError *
cst_auth_error_new (CstAuthError  code,
                    gint64        value,
                    const char   *field)
{
  g_autofree char *message = standard_message (code, value, field);

  return cst_auth_error_new_literal (code, value, field, message);
}

/**
 * cst_auth_set_error:
 * @error: (nullable): a return location for a #GError
 * @code: a #CstAuthError
 * @value: see cst_auth_error_new()
 * @field: (nullable): see cst_auth_error_new()
 *
 * Like cst_auth_error_new(), into @error.
 */
void
cst_auth_set_error (GError      **error,
                    CstAuthError  code,
                    gint64        value,
                    const char   *field)
{
  if (error == NULL)
    return;

  g_return_if_fail (*error == NULL);

  *error = cst_auth_error_new (code, value, field);
}

/**
 * cst_auth_error_new_literal:
 * @code: a #CstAuthError
 * @value: see cst_auth_error_new()
 * @field: (nullable): see cst_auth_error_new()
 * @message: the translated message
 *
 * Returns: (transfer full): a %CST_AUTH_ERROR with @message
 */
GError *
cst_auth_error_new_literal (CstAuthError  code,
                            gint64        value,
                            const char   *field,
                            const char   *message)
{
  GError *error;

  g_return_val_if_fail (message != NULL, NULL);

  error = g_error_new_literal (CST_AUTH_ERROR, code, message);
  set_payload (error, value, field);

  return error;
}

/**
 * cst_auth_error_from_validation:
 * @validation_error: a %CST_VALIDATION_ERROR or %CST_PASSWORD_ERROR
 * @field: (nullable): the field the input came from
 *
 * Turns the error of a core validator into the service's domain, keeping
 * its message (which says what is wrong). %CST_PASSWORD_ERROR becomes
 * %CST_AUTH_ERROR_PASSWORD_POLICY, anything else
 * %CST_AUTH_ERROR_INVALID_INPUT; the value is the original code (the
 * broken #CstPasswordRule, or the #CstValidationError).
 *
 * Returns: (transfer full): a new %CST_AUTH_ERROR
 */
GError *
cst_auth_error_from_validation (const GError *validation_error,
                                const char   *field)
{
  CstAuthError code;

  g_return_val_if_fail (validation_error != NULL, NULL);

  if (validation_error->domain == CST_PASSWORD_ERROR)
    code = CST_AUTH_ERROR_PASSWORD_POLICY;
  else
    code = CST_AUTH_ERROR_INVALID_INPUT;

  if (validation_error->message == NULL || validation_error->message[0] == '\0')
    return cst_auth_error_new (code, validation_error->code, field);

  return cst_auth_error_new_literal (code, validation_error->code, field,
                                     validation_error->message);
}

/**
 * cst_auth_error_get_value:
 * @error: a #GError
 *
 * Returns: the number carried by a %CST_AUTH_ERROR (tries left for
 *   BAD_CREDENTIALS, minutes for LOCKED, seconds for RATE_LIMITED), or 0
 *   for errors of other domains
 */
gint64
cst_auth_error_get_value (const GError *error)
{
  if (error == NULL || error->domain != CST_AUTH_ERROR)
    return 0;

  return cst_auth_error_get_private (error)->value;
}

/**
 * cst_auth_error_get_field:
 * @error: a #GError
 *
 * Returns: (nullable): the CST_FIELD_* a %CST_AUTH_ERROR belongs to, or
 *   %NULL (also for errors of other domains)
 */
const char *
cst_auth_error_get_field (const GError *error)
{
  if (error == NULL || error->domain != CST_AUTH_ERROR)
    return NULL;

  return cst_auth_error_get_private (error)->field;
}
