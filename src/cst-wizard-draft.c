/* cst-wizard-draft.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-wizard-draft"

#include "config.h"

#include <sodium.h>

#include "cst-wizard-draft.h"

/* The string properties, in the order of the PROP_ enum below. */
enum {
  FIELD_ID_NUMBER,
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_CODE,
  FIELD_TICKET,
  FIELD_MASKED_PHONE,
  FIELD_NEW_PHONE,
  FIELD_NEW_PHONE_CODE,
  N_FIELDS
};

struct _CstWizardDraft
{
  GObject    parent_instance;

  char      *fields[N_FIELDS];
  CstIdType  id_type;
};

enum {
  PROP_0,
  PROP_ID_TYPE,
  PROP_ID_NUMBER,
  PROP_NAME,
  PROP_PHONE,
  PROP_CODE,
  PROP_TICKET,
  PROP_MASKED_PHONE,
  PROP_NEW_PHONE,
  PROP_NEW_PHONE_CODE,
  N_PROPS
};

#define FIELD_OF_PROP(prop_id) ((prop_id) - PROP_ID_NUMBER)
#define PROP_OF_FIELD(field) ((field) + PROP_ID_NUMBER)

G_DEFINE_FINAL_TYPE (CstWizardDraft, cst_wizard_draft, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
free_field (char **field)
{
  /* Codes and the ticket are secrets: do not leave them in freed memory. */
  if (*field != NULL)
    sodium_memzero (*field, strlen (*field));
  g_clear_pointer (field, g_free);
}

static void
set_field (CstWizardDraft *self,
           guint           field,
           const char     *value)
{
  g_assert (field < N_FIELDS);

  /* g_set_str() is GLib 2.76; the floor is 2.74. */
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  free_field (&self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF_FIELD (field)]);
}

static void
cst_wizard_draft_finalize (GObject *object)
{
  CstWizardDraft *self = CST_WIZARD_DRAFT (object);

  for (guint i = 0; i < N_FIELDS; i++)
    free_field (&self->fields[i]);

  G_OBJECT_CLASS (cst_wizard_draft_parent_class)->finalize (object);
}

static void
cst_wizard_draft_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CstWizardDraft *self = CST_WIZARD_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID_TYPE:
      g_value_set_int (value, self->id_type);
      break;

    case PROP_ID_NUMBER:
    case PROP_NAME:
    case PROP_PHONE:
    case PROP_CODE:
    case PROP_TICKET:
    case PROP_MASKED_PHONE:
    case PROP_NEW_PHONE:
    case PROP_NEW_PHONE_CODE:
      g_value_set_string (value, self->fields[FIELD_OF_PROP (prop_id)]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_draft_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CstWizardDraft *self = CST_WIZARD_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID_TYPE:
      if (self->id_type != (CstIdType) g_value_get_int (value))
        {
          self->id_type = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ID_NUMBER:
    case PROP_NAME:
    case PROP_PHONE:
    case PROP_CODE:
    case PROP_TICKET:
    case PROP_MASKED_PHONE:
    case PROP_NEW_PHONE:
    case PROP_NEW_PHONE_CODE:
      set_field (self, FIELD_OF_PROP (prop_id), g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_wizard_draft_class_init (CstWizardDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_FIELDS] = {
    "id-number", "name", "phone", "code", "ticket", "masked-phone", "new-phone", "new-phone-code",
  };

  object_class->finalize = cst_wizard_draft_finalize;
  object_class->get_property = cst_wizard_draft_get_property;
  object_class->set_property = cst_wizard_draft_set_property;

  properties[PROP_ID_TYPE] =
    g_param_spec_int ("id-type", NULL, NULL,
                      CST_ID_TYPE_RESIDENT, CST_N_ID_TYPES - 1, CST_ID_TYPE_RESIDENT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_OF_FIELD (i)] =
      g_param_spec_string (names[i], NULL, NULL,
                           NULL,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cst_wizard_draft_init (CstWizardDraft *self)
{
  self->id_type = CST_ID_TYPE_RESIDENT;
}

CstWizardDraft *
cst_wizard_draft_new (void)
{
  return g_object_new (CST_TYPE_WIZARD_DRAFT, NULL);
}

CstIdType
cst_wizard_draft_get_id_type (CstWizardDraft *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_DRAFT (self), CST_ID_TYPE_RESIDENT);

  return self->id_type;
}

#define DEFINE_GETTER(name, FIELD)                            \
  const char *                                                \
  cst_wizard_draft_get_##name (CstWizardDraft *self)          \
  {                                                           \
    g_return_val_if_fail (CST_IS_WIZARD_DRAFT (self), NULL);  \
    return self->fields[FIELD];                               \
  }

DEFINE_GETTER (id_number, FIELD_ID_NUMBER)
DEFINE_GETTER (name, FIELD_NAME)
DEFINE_GETTER (phone, FIELD_PHONE)
DEFINE_GETTER (code, FIELD_CODE)
DEFINE_GETTER (ticket, FIELD_TICKET)
DEFINE_GETTER (masked_phone, FIELD_MASKED_PHONE)
DEFINE_GETTER (new_phone, FIELD_NEW_PHONE)
DEFINE_GETTER (new_phone_code, FIELD_NEW_PHONE_CODE)

#undef DEFINE_GETTER

void
cst_wizard_draft_set_ticket (CstWizardDraft *self,
                             const char     *ticket)
{
  g_return_if_fail (CST_IS_WIZARD_DRAFT (self));

  set_field (self, FIELD_TICKET, ticket);
}

void
cst_wizard_draft_set_masked_phone (CstWizardDraft *self,
                                   const char     *masked_phone)
{
  g_return_if_fail (CST_IS_WIZARD_DRAFT (self));

  set_field (self, FIELD_MASKED_PHONE, masked_phone);
}

gboolean
cst_wizard_draft_is_empty (CstWizardDraft *self)
{
  g_return_val_if_fail (CST_IS_WIZARD_DRAFT (self), TRUE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i] != NULL && self->fields[i][0] != '\0')
      return FALSE;

  return TRUE;
}
