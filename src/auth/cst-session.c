/* cst-session.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-session"

#include "config.h"

#include <sodium.h>

#include "cst-session.h"

struct _CstSession
{
  GObject         parent_instance;

  /* secrets: wiped on finalize */
  char           *token;
  char           *refresh_token;

  char           *name;
  char           *id_number;
  char           *phone;
  char           *username;
  char           *enterprise_code;
  char           *enterprise_name;
  gint64          person_id;
  gint64          expires;
  CstIdType       id_type;
  CstRole         role;
  CstLoginMethod  method;
};

G_DEFINE_FINAL_TYPE (CstSession, cst_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_REFRESH_TOKEN,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_ID_TYPE,
  PROP_ID_NUMBER,
  PROP_PHONE,
  PROP_USERNAME,
  PROP_ENTERPRISE_CODE,
  PROP_ENTERPRISE_NAME,
  PROP_ROLE,
  PROP_METHOD,
  PROP_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      sodium_memzero (*str, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

static void
cst_session_finalize (GObject *object)
{
  CstSession *self = (CstSession *)object;

  wipe_string (&self->token);
  wipe_string (&self->refresh_token);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->enterprise_code, g_free);
  g_clear_pointer (&self->enterprise_name, g_free);

  G_OBJECT_CLASS (cst_session_parent_class)->finalize (object);
}

static void
cst_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CstSession *self = CST_SESSION (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_REFRESH_TOKEN:
      g_value_set_string (value, self->refresh_token);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ID_TYPE:
      g_value_set_int (value, self->id_type);
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_ENTERPRISE_CODE:
      g_value_set_string (value, self->enterprise_code);
      break;

    case PROP_ENTERPRISE_NAME:
      g_value_set_string (value, self->enterprise_name);
      break;

    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    case PROP_METHOD:
      g_value_set_int (value, self->method);
      break;

    case PROP_EXPIRES:
      g_value_set_int64 (value, self->expires);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Empty strings mean "absent" for the nullable properties, so that a
 * backend reading NULL-or-"" columns does not need to care. */
static char *
dup_nullable (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return (str != NULL && str[0] != '\0') ? g_strdup (str) : NULL;
}

static void
cst_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CstSession *self = CST_SESSION (object);

  /* All construct-only: each is set exactly once, before anyone can see
   * the object, so there is nothing to free or notify. */
  switch (prop_id)
    {
    case PROP_TOKEN:
      self->token = g_value_dup_string (value);
      break;

    case PROP_REFRESH_TOKEN:
      self->refresh_token = dup_nullable (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ID_TYPE:
      self->id_type = g_value_get_int (value);
      break;

    case PROP_ID_NUMBER:
      self->id_number = g_value_dup_string (value);
      break;

    case PROP_PHONE:
      self->phone = g_value_dup_string (value);
      break;

    case PROP_USERNAME:
      self->username = dup_nullable (value);
      break;

    case PROP_ENTERPRISE_CODE:
      self->enterprise_code = dup_nullable (value);
      break;

    case PROP_ENTERPRISE_NAME:
      self->enterprise_name = dup_nullable (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_int (value);
      break;

    case PROP_METHOD:
      self->method = g_value_get_int (value);
      break;

    case PROP_EXPIRES:
      self->expires = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_session_class_init (CstSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cst_session_finalize;
  object_class->get_property = cst_session_get_property;
  object_class->set_property = cst_session_set_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL, flags);
  properties[PROP_REFRESH_TOKEN] =
    g_param_spec_string ("refresh-token", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ID_TYPE] =
    g_param_spec_int ("id-type", NULL, NULL,
                      CST_ID_TYPE_RESIDENT, CST_N_ID_TYPES - 1, CST_ID_TYPE_RESIDENT,
                      flags);
  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_ENTERPRISE_CODE] =
    g_param_spec_string ("enterprise-code", NULL, NULL, NULL, flags);
  properties[PROP_ENTERPRISE_NAME] =
    g_param_spec_string ("enterprise-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      CST_ROLE_NONE, CST_ROLE_INVOICE_CLERK, CST_ROLE_NONE,
                      flags);
  properties[PROP_METHOD] =
    g_param_spec_int ("method", NULL, NULL,
                      CST_LOGIN_METHOD_PASSWORD, CST_LOGIN_METHOD_ENTERPRISE_FACE,
                      CST_LOGIN_METHOD_PASSWORD,
                      flags);
  properties[PROP_EXPIRES] =
    g_param_spec_int64 ("expires", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cst_session_init (CstSession *self)
{
  self->id_type = CST_ID_TYPE_RESIDENT;
  self->role = CST_ROLE_NONE;
  self->method = CST_LOGIN_METHOD_PASSWORD;
}

/**
 * cst_session_new:
 * @first_property_name: the name of the first property
 * @...: its value, then more name/value pairs, %NULL-terminated
 *
 * Creates a session; meant for backends. Safe to call from any thread.
 *
 * Returns: (transfer full): a new #CstSession
 */
CstSession *
cst_session_new (const char *first_property_name,
                 ...)
{
  CstSession *self;
  va_list args;

  va_start (args, first_property_name);
  self = (CstSession *) g_object_new_valist (CST_TYPE_SESSION, first_property_name, args);
  va_end (args);

  return self;
}

/**
 * cst_session_get_token:
 * @self: a #CstSession
 *
 * Returns: the session token: a secret, never to be logged or shown
 */
const char *
cst_session_get_token (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->token;
}

/**
 * cst_session_get_refresh_token:
 * @self: a #CstSession
 *
 * Returns: (nullable): the 保持登录 refresh token (a secret), if one was asked for
 */
const char *
cst_session_get_refresh_token (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->refresh_token;
}

gint64
cst_session_get_person_id (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), 0);

  return self->person_id;
}

const char *
cst_session_get_name (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->name;
}

CstIdType
cst_session_get_id_type (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), CST_ID_TYPE_RESIDENT);

  return self->id_type;
}

const char *
cst_session_get_id_number (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->id_number;
}

const char *
cst_session_get_phone (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->phone;
}

/**
 * cst_session_get_username:
 * @self: a #CstSession
 *
 * Returns: (nullable): the optional user name (login alias)
 */
const char *
cst_session_get_username (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->username;
}

/**
 * cst_session_get_enterprise_code:
 * @self: a #CstSession
 *
 * Returns: (nullable): the normalised USCC / TIN of an enterprise session
 */
const char *
cst_session_get_enterprise_code (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->enterprise_code;
}

/**
 * cst_session_get_enterprise_name:
 * @self: a #CstSession
 *
 * Returns: (nullable): the name of the enterprise of an enterprise session
 */
const char *
cst_session_get_enterprise_name (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), NULL);

  return self->enterprise_name;
}

CstRole
cst_session_get_role (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), CST_ROLE_NONE);

  return self->role;
}

CstLoginMethod
cst_session_get_method (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), CST_LOGIN_METHOD_PASSWORD);

  return self->method;
}

/**
 * cst_session_get_expires:
 * @self: a #CstSession
 *
 * Returns: when the session ends, in µs since the epoch
 */
gint64
cst_session_get_expires (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), 0);

  return self->expires;
}

/**
 * cst_session_is_enterprise:
 * @self: a #CstSession
 *
 * Returns: %TRUE if the person is signed in for an enterprise
 */
gboolean
cst_session_is_enterprise (CstSession *self)
{
  g_return_val_if_fail (CST_IS_SESSION (self), FALSE);

  return self->enterprise_code != NULL;
}
