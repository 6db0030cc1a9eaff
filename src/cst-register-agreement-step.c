/* cst-register-agreement-step.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-register-agreement-step"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cst-register-agreement-step.h"

/*
 * The agreements describe what THIS app and its embedded identity service
 * do. One translatable string per paragraph keeps the units manageable
 * for translators. Keep them true when the service changes.
 */
static const char * const personal_paragraphs[] = {
  /* Translators: paragraph of the personal information notice */
  N_("Chushuitong Desktop (“the app”) and the identity service built into it use your "
     "personal information only to register you, to sign you in and to reset your password. "
     "This notice tells you what is kept, where, and why."),
  /* Translators: paragraph of the personal information notice */
  N_("What is kept: your ID type and ID number, your name and your mobile phone number; "
     "your password, only as a one-way hash and never the password itself; the verification "
     "codes sent to you, also only as hashes; your sign-in sessions; and an audit log that "
     "records when you registered, signed in, signed out or reset your password."),
  /* Translators: paragraph of the personal information notice */
  N_("Where it is kept: all of it in a local database on this computer, in the data folder "
     "of your user account. The built-in service sends none of it over the network. If you "
     "choose to stay signed in, or turn on quick login, a sign-in token is kept in the "
     "system keyring of your desktop session, never in a plain file."),
  /* Translators: paragraph of the personal information notice */
  N_("Why: the ID number and the name identify you as a taxpayer; the phone number receives "
     "your verification codes and lets you sign in by SMS; the hashes let the service check "
     "a password or a code without storing it; the sessions keep you signed in; the audit "
     "log lets you and the administrator of this computer see what happened to the account."),
  /* Translators: paragraph of the personal information notice */
  N_("Your choices: you can log out at any time, which ends the session and forgets the "
     "remembered token. Resetting your password ends every session of yours. Deleting the "
     "local database removes everything the app has kept."),
  /* Translators: paragraph of the personal information notice */
  N_("By checking “I have read and agree” you consent to this use of your information. When "
     "the app is connected to the tax authority's own identity service instead of the "
     "built-in one, that service's notice applies as well."),
};

static const char * const face_paragraphs[] = {
  /* Translators: paragraph of the face recognition agreement */
  N_("Registration ends with a face check, as in the mobile app: you are asked to face the "
     "screen, to blink, and to turn your head slowly."),
  /* Translators: paragraph of the face recognition agreement */
  N_("The identity service built into this app cannot compare faces. It runs a simulated "
     "liveness check, marked “Local simulation” on the screen, that only checks that each "
     "prompt was completed in time. No image of your face is taken, kept or sent."),
  /* Translators: paragraph of the face recognition agreement */
  N_("A real identity service compares a live capture with the photo of your ID document "
     "held by the authority. It then processes facial data under its own agreement, which "
     "it asks you to accept."),
  /* Translators: paragraph of the face recognition agreement */
  N_("The simulation can be turned off in the settings of the built-in service. The face "
     "steps then say that face recognition is not offered, and use SMS verification where "
     "the flow allows it."),
  /* Translators: paragraph of the face recognition agreement */
  N_("By checking “I have read and agree” you accept that registration uses this check."),
};

struct _CstRegisterAgreementStep
{
  CstWizardStep   parent_instance;

  /* template widgets */
  GtkBox         *personal_box;
  GtkBox         *face_box;
  GtkCheckButton *agree_check;
};

G_DEFINE_FINAL_TYPE (CstRegisterAgreementStep, cst_register_agreement_step, CST_TYPE_WIZARD_STEP)

static void
add_paragraphs (GtkBox             *box,
                const char * const *paragraphs,
                gsize               n_paragraphs)
{
  for (gsize i = 0; i < n_paragraphs; i++)
    {
      GtkWidget *label = gtk_label_new (_(paragraphs[i]));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (box, label);
    }
}

static void
on_agree_check_toggled_cb (CstRegisterAgreementStep *self,
                           GtkCheckButton           *check)
{
  cst_wizard_step_set_complete (CST_WIZARD_STEP (self), gtk_check_button_get_active (check));
}

static void
cst_register_agreement_step_shown (CstWizardStep *step)
{
  CstRegisterAgreementStep *self = CST_REGISTER_AGREEMENT_STEP (step);

  gtk_widget_grab_focus (GTK_WIDGET (self->agree_check));
}

static void
cst_register_agreement_step_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CST_TYPE_REGISTER_AGREEMENT_STEP);

  G_OBJECT_CLASS (cst_register_agreement_step_parent_class)->dispose (object);
}

static void
cst_register_agreement_step_class_init (CstRegisterAgreementStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CstWizardStepClass *step_class = CST_WIZARD_STEP_CLASS (klass);

  object_class->dispose = cst_register_agreement_step_dispose;

  step_class->shown = cst_register_agreement_step_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cst-register-agreement-step.ui");
  gtk_widget_class_bind_template_child (widget_class, CstRegisterAgreementStep, personal_box);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterAgreementStep, face_box);
  gtk_widget_class_bind_template_child (widget_class, CstRegisterAgreementStep, agree_check);
  gtk_widget_class_bind_template_callback (widget_class, on_agree_check_toggled_cb);
}

static void
cst_register_agreement_step_init (CstRegisterAgreementStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_paragraphs (self->personal_box, personal_paragraphs, G_N_ELEMENTS (personal_paragraphs));
  add_paragraphs (self->face_box, face_paragraphs, G_N_ELEMENTS (face_paragraphs));
}

gboolean
cst_register_agreement_step_get_agreed (CstRegisterAgreementStep *self)
{
  g_return_val_if_fail (CST_IS_REGISTER_AGREEMENT_STEP (self), FALSE);

  return gtk_check_button_get_active (self->agree_check);
}
