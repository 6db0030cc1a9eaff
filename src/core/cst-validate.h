/* cst-validate.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CstIdType:
 * @CST_ID_TYPE_RESIDENT: 居民身份证 (18 chars, GB 11643; legacy 15 accepted)
 * @CST_ID_TYPE_HKMO_PERMIT: 港澳居民来往内地通行证
 * @CST_ID_TYPE_TW_PERMIT: 台湾居民来往大陆通行证
 * @CST_ID_TYPE_PASSPORT: 中国护照
 * @CST_ID_TYPE_FOREIGN_PR: 外国人永久居留身份证
 * @CST_ID_TYPE_HKMOTW_RESIDENCE: 港澳台居民居住证
 *
 * The ID documents a person can register with (SPEC §2.1). The numeric
 * values are stored in the database: never renumber them.
 */
typedef enum {
  CST_ID_TYPE_RESIDENT = 0,
  CST_ID_TYPE_HKMO_PERMIT = 1,
  CST_ID_TYPE_TW_PERMIT = 2,
  CST_ID_TYPE_PASSPORT = 3,
  CST_ID_TYPE_FOREIGN_PR = 4,
  CST_ID_TYPE_HKMOTW_RESIDENCE = 5,
} CstIdType;

#define CST_N_ID_TYPES 6

typedef enum {
  CST_SEX_UNKNOWN = 0,
  CST_SEX_MALE = 1,
  CST_SEX_FEMALE = 2,
} CstSex;

#define CST_VALIDATION_ERROR (cst_validation_error_quark ())

/**
 * CstValidationError:
 * @CST_VALIDATION_ERROR_EMPTY: nothing was entered
 * @CST_VALIDATION_ERROR_LENGTH: too short or too long
 * @CST_VALIDATION_ERROR_CHARACTERS: a character that is not allowed here
 * @CST_VALIDATION_ERROR_FORMAT: the shape is wrong (prefix, letters where digits go …)
 * @CST_VALIDATION_ERROR_PROVINCE: the first two digits are no province code
 * @CST_VALIDATION_ERROR_REGION: the region / administrative code is malformed
 * @CST_VALIDATION_ERROR_BIRTH_DATE: the birth date does not exist
 * @CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE: the birth date is after today
 * @CST_VALIDATION_ERROR_CHECK_CHARACTER: the check character does not match
 * @CST_VALIDATION_ERROR_PREFIX: a required prefix (H/M, E/G, 810000 …) is missing
 * @CST_VALIDATION_ERROR_DIGITS: a name contains digits
 * @CST_VALIDATION_ERROR_ALL_DIGITS: a user name made only of digits
 *
 * Every validator fails with one of these, and with a translated message
 * that the UI shows under the field as it is.
 */
typedef enum {
  CST_VALIDATION_ERROR_EMPTY,
  CST_VALIDATION_ERROR_LENGTH,
  CST_VALIDATION_ERROR_CHARACTERS,
  CST_VALIDATION_ERROR_FORMAT,
  CST_VALIDATION_ERROR_PROVINCE,
  CST_VALIDATION_ERROR_REGION,
  CST_VALIDATION_ERROR_BIRTH_DATE,
  CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE,
  CST_VALIDATION_ERROR_CHECK_CHARACTER,
  CST_VALIDATION_ERROR_PREFIX,
  CST_VALIDATION_ERROR_DIGITS,
  CST_VALIDATION_ERROR_ALL_DIGITS,
} CstValidationError;

GQuark       cst_validation_error_quark   (void);

/* "resident-id", "hkmo-permit", … as used by chushuitong-admin validate */
const char  *cst_id_type_to_string        (CstIdType     type);
gboolean     cst_id_type_from_string      (const char   *str,
                                           CstIdType    *type);
/* The translated document name, e.g. "Resident ID card" / 居民身份证 */
const char  *cst_id_type_get_label        (CstIdType     type);

/*
 * Each validator: @input is what the user typed (it is normalised first:
 * trimmed, full-width → ASCII, case). On success returns TRUE and, when
 * @normalized is not NULL, the canonical form (transfer full). @today is the
 * date that birth dates must not be after; NULL means the local date now.
 */
gboolean     cst_validate_id              (CstIdType     type,
                                           const char   *input,
                                           const GDate  *today,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_resident_id     (const char   *input,
                                           const GDate  *today,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_uscc            (const char   *input,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_tin             (const char   *input,
                                           char        **normalized,
                                           GError      **error);
/* Either a USCC or an old taxpayer ID: what the enterprise tab accepts. */
gboolean     cst_validate_enterprise_code (const char   *input,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_phone           (const char   *input,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_sms_code        (const char   *input,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_name            (const char   *input,
                                           char        **normalized,
                                           GError      **error);
gboolean     cst_validate_username        (const char   *input,
                                           char        **normalized,
                                           GError      **error);

/* The MOD 11-2 check character of the first 17 chars of @id17 ('0'–'9' or 'X'). */
char         cst_id_check_character       (const char   *id17);
/* The GB 32100 check character of the first 17 chars of @code17. */
char         cst_uscc_check_character     (const char   *code17);

/* Upgrade a valid 15-digit resident ID to 18 (transfer full), or NULL. */
char        *cst_resident_id_upgrade      (const char   *id15);

/*
 * Sex and birth date from a valid resident ID (15 or 18) or a
 * residence permit / new foreign PR number. Returns FALSE when @id carries
 * no such information.
 */
gboolean     cst_id_get_birth_info        (CstIdType     type,
                                           const char   *normalized_id,
                                           GDate        *birth_date,
                                           CstSex       *sex);

/*
 * What a login account string looks like: an ID number, a phone number,
 * or a user name. Used by the service to pick the lookup.
 */
typedef enum {
  CST_ACCOUNT_KIND_INVALID,
  CST_ACCOUNT_KIND_ID_NUMBER,
  CST_ACCOUNT_KIND_PHONE,
  CST_ACCOUNT_KIND_USERNAME,
} CstAccountKind;

/* Classifies and normalises @input (transfer full into @normalized). */
CstAccountKind cst_classify_account       (const char   *input,
                                           char        **normalized);

G_END_DECLS
