/* cst-password-row.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-password-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cst-core.h"
#include "cst-field.h"
#include "cst-password-row.h"
#include "cst-wizard.h"

/* As GNOME Initial Setup: problems are named once typing pauses. */
#define VALIDATION_DELAY_MS 600

/* The checklist; printable characters are not worth a line of their own
 * (the reason appears under the field when someone pastes a control char). */
static const CstPasswordRule checklist_rules[] = {
  CST_PASSWORD_RULE_LENGTH,
  CST_PASSWORD_RULE_CLASSES,
  CST_PASSWORD_RULE_NO_PERSONAL,
  CST_PASSWORD_RULE_NOT_COMMON,
};

struct _CstPasswordRow
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkEditable *entry;
  GtkLabel    *error_label;
  GtkLevelBar *strength_bar;
  GtkLabel    *strength_label;
  GtkBox      *checklist;
  GtkEditable *confirm_entry;
  GtkLabel    *confirm_error_label;

  /* owned */
  GStrv        personal;
  GtkImage    *rule_icons[G_N_ELEMENTS (checklist_rules)];
  GtkLabel    *rule_labels[G_N_ELEMENTS (checklist_rules)];

  /* source ids */
  guint        validate_id;

  guint        valid : 1;
};

enum {
  PROP_0,
  PROP_PASSWORD,
  PROP_VALID,
  PROP_PERSONAL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CstPasswordRow, cst_password_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static const char *
get_password (CstPasswordRow *self)
{
  return gtk_editable_get_text (self->entry);
}

static const char *
get_confirmation (CstPasswordRow *self)
{
  return gtk_editable_get_text (self->confirm_entry);
}

static gboolean
passwords_match (CstPasswordRow *self)
{
  return g_strcmp0 (get_password (self), get_confirmation (self)) == 0;
}

/* Live: the checklist, the meter and "valid" follow every keystroke. */
static void
update_live (CstPasswordRow *self)
{
  const char *password = get_password (self);
  CstPasswordStrength strength = CST_PASSWORD_STRENGTH_WEAK;
  CstPasswordRule broken;
  gboolean empty = password[0] == '\0';
  gboolean valid;

  broken = cst_password_policy_check (password,
                                      (const char * const *) self->personal,
                                      &strength);

  for (guint i = 0; i < G_N_ELEMENTS (checklist_rules); i++)
    {
      gboolean met = !empty && (broken & checklist_rules[i]) == 0;

      gtk_image_set_from_icon_name (self->rule_icons[i],
                                    met ? "object-select-symbolic" : "radio-symbolic");
      if (met)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->rule_icons[i]), "success");
          gtk_widget_remove_css_class (GTK_WIDGET (self->rule_icons[i]), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->rule_icons[i]), "success");
          gtk_widget_add_css_class (GTK_WIDGET (self->rule_icons[i]), "dim-label");
        }

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rule_labels[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      /* Translators: read after a password rule */
                                      met ? _("Met") : _("Not met yet"),
                                      -1);
    }

  if (empty)
    {
      gtk_level_bar_set_value (self->strength_bar, 0);
      gtk_label_set_label (self->strength_label, "");
    }
  else
    {
      /* A refused password is weak whatever its mix of characters. */
      if (broken != 0)
        strength = CST_PASSWORD_STRENGTH_WEAK;
      gtk_level_bar_set_value (self->strength_bar, 1 + (int) strength);
      gtk_label_set_label (self->strength_label, cst_password_strength_get_label (strength));
    }

  valid = !empty && broken == 0 && passwords_match (self);
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Debounced, and at once on focus-out: the messages under the fields. */
static void
validate_now (CstPasswordRow *self)
{
  g_autoptr(GError) error = NULL;
  const char *password = get_password (self);
  const char *confirmation = get_confirmation (self);

  g_clear_handle_id (&self->validate_id, g_source_remove);

  if (password[0] != '\0' &&
      !cst_password_policy_validate (password, (const char * const *) self->personal, &error))
    cst_field_set_error (GTK_WIDGET (self->entry), self->error_label, error->message);
  else
    cst_field_clear_error (GTK_WIDGET (self->entry), self->error_label);

  if (confirmation[0] != '\0' && !passwords_match (self))
    cst_field_set_error (GTK_WIDGET (self->confirm_entry), self->confirm_error_label,
                         _("Passwords do not match"));
  else
    cst_field_clear_error (GTK_WIDGET (self->confirm_entry), self->confirm_error_label);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  CstPasswordRow *self = user_data;

  self->validate_id = 0;
  validate_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_validation (CstPasswordRow *self)
{
  /* A message that no longer applies goes at once; new ones wait. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)) &&
      cst_password_policy_validate (get_password (self),
                                    (const char * const *) self->personal, NULL))
    cst_field_clear_error (GTK_WIDGET (self->entry), self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->confirm_error_label)) && passwords_match (self))
    cst_field_clear_error (GTK_WIDGET (self->confirm_entry), self->confirm_error_label);

  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATION_DELAY_MS, validate_timeout_cb, self);
}

static void
on_entry_changed_cb (CstPasswordRow *self,
                     GtkEditable    *entry)
{
  update_live (self);
  schedule_validation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD]);
}

static void
on_confirm_entry_changed_cb (CstPasswordRow *self,
                             GtkEditable    *entry)
{
  update_live (self);
  schedule_validation (self);
}

static void
on_entry_focus_leave_cb (CstPasswordRow          *self,
                         GtkEventControllerFocus *controller)
{
  if (self->validate_id != 0)
    validate_now (self);
}

static void
on_confirm_entry_focus_leave_cb (CstPasswordRow          *self,
                                 GtkEventControllerFocus *controller)
{
  if (self->validate_id != 0)
    validate_now (self);
}

static void
build_checklist (CstPasswordRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (checklist_rules); i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("radio-symbolic");
      GtkWidget *label = gtk_label_new (cst_password_rule_get_label (checklist_rules[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (self->checklist, line);

      self->rule_icons[i] = GTK_IMAGE (icon);
      self->rule_labels[i] = GTK_LABEL (label);
    }
}

static void
cst_password_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cst_password_row_parent_class)->root (widget);

  cst_wizard_ensure_style (gtk_widget_get_display (widget));
}

static gboolean
cst_password_row_grab_focus (GtkWidget *widget)
{
  CstPasswordRow *self = CST_PASSWORD_ROW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
cst_password_row_dispose (GObject *object)
{
  CstPasswordRow *self = CST_PASSWORD_ROW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->validate_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CST_TYPE_PASSWORD_ROW);
  /* The unnamed boxes of the template are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cst_password_row_parent_class)->dispose (object);
}

static void
cst_password_row_finalize (GObject *object)
{
  CstPasswordRow *self = CST_PASSWORD_ROW (object);

  g_clear_pointer (&self->personal, g_strfreev);

  G_OBJECT_CLASS (cst_password_row_parent_class)->finalize (object);
}

static void
cst_password_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CstPasswordRow *self = CST_PASSWORD_ROW (object);

  switch (prop_id)
    {
    case PROP_PASSWORD:
      g_value_set_string (value, cst_password_row_get_password (self));
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    case PROP_PERSONAL:
      g_value_set_boxed (value, self->personal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_password_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CstPasswordRow *self = CST_PASSWORD_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSONAL:
      cst_password_row_set_personal (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cst_password_row_class_init (CstPasswordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cst_password_row_dispose;
  object_class->finalize = cst_password_row_finalize;
  object_class->get_property = cst_password_row_get_property;
  object_class->set_property = cst_password_row_set_property;

  widget_class->root = cst_password_row_root;
  widget_class->grab_focus = cst_password_row_grab_focus;

  /**
   * CstPasswordRow:password:
   *
   * The new password (a secret: never log it).
   */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONAL] =
    g_param_spec_boxed ("personal", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cst-password-row.ui");

  g_type_ensure (CST_TYPE_PASSWORD_ENTRY_ROW);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, strength_label);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, checklist);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, CstPasswordRow, confirm_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_entry_focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "passwordrow");
}

static void
cst_password_row_init (CstPasswordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Named offsets, styled by cst_wizard_ensure_style(). */
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->strength_bar, "weak", 1);
  gtk_level_bar_add_offset_value (self->strength_bar, "medium", 2);
  gtk_level_bar_add_offset_value (self->strength_bar, "strong", 3);

  build_checklist (self);
  update_live (self);
}

GtkWidget *
cst_password_row_new (void)
{
  return g_object_new (CST_TYPE_PASSWORD_ROW, NULL);
}

/**
 * cst_password_row_get_password:
 *
 * Returns: (transfer none): the password typed (a secret)
 */
const char *
cst_password_row_get_password (CstPasswordRow *self)
{
  g_return_val_if_fail (CST_IS_PASSWORD_ROW (self), NULL);

  return get_password (self);
}

gboolean
cst_password_row_get_valid (CstPasswordRow *self)
{
  g_return_val_if_fail (CST_IS_PASSWORD_ROW (self), FALSE);

  return self->valid;
}

/**
 * cst_password_row_set_personal:
 * @personal: (nullable) (array zero-terminated=1): ID number, phone, user name
 */
void
cst_password_row_set_personal (CstPasswordRow     *self,
                               const char * const *personal)
{
  g_return_if_fail (CST_IS_PASSWORD_ROW (self));

  if (self->personal != NULL && personal != NULL &&
      g_strv_equal ((const char * const *) self->personal, personal))
    return;
  if (self->personal == NULL && personal == NULL)
    return;

  g_clear_pointer (&self->personal, g_strfreev);
  self->personal = g_strdupv ((char **) personal);

  update_live (self);
  /* Only re-judge a message that is already shown; do not start nagging. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    validate_now (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONAL]);
}

/**
 * cst_password_row_set_error:
 * @message: (nullable): a translated message from the service; NULL clears
 */
void
cst_password_row_set_error (CstPasswordRow *self,
                            const char     *message)
{
  g_return_if_fail (CST_IS_PASSWORD_ROW (self));

  cst_field_set_error (GTK_WIDGET (self->entry), self->error_label, message);
}

/**
 * cst_password_row_clear:
 *
 * Empties both entries and every message.
 */
void
cst_password_row_clear (CstPasswordRow *self)
{
  g_return_if_fail (CST_IS_PASSWORD_ROW (self));

  gtk_editable_set_text (self->entry, "");
  gtk_editable_set_text (self->confirm_entry, "");
  g_clear_handle_id (&self->validate_id, g_source_remove);
  cst_field_clear_error (GTK_WIDGET (self->entry), self->error_label);
  cst_field_clear_error (GTK_WIDGET (self->confirm_entry), self->confirm_error_label);
}

/**
 * cst_password_row_get_entry:
 *
 * Returns: (transfer none): the password entry (a #GtkEditable)
 */
GtkWidget *
cst_password_row_get_entry (CstPasswordRow *self)
{
  g_return_val_if_fail (CST_IS_PASSWORD_ROW (self), NULL);

  return GTK_WIDGET (self->entry);
}

/**
 * cst_password_row_get_confirm_entry:
 *
 * Returns: (transfer none): the confirmation entry (a #GtkEditable)
 */
GtkWidget *
cst_password_row_get_confirm_entry (CstPasswordRow *self)
{
  g_return_val_if_fail (CST_IS_PASSWORD_ROW (self), NULL);

  return GTK_WIDGET (self->confirm_entry);
}
