/* cst-validate.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cst-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cst-normalize.h"
#include "cst-validate.h"

/*
 * The rules of SPEC §2. Everything here runs on each keystroke, so the
 * validators decode nothing twice and allocate only the normalised copy.
 * Messages are full sentences: the UI shows them under the field as they
 * are, and a translator sees the whole sentence.
 */

G_DEFINE_QUARK (cst-validation-error-quark, cst_validation_error)

#define MIN_BIRTH_YEAR 1900

static const struct {
  const char *id;
  const char *label;
} id_types[CST_N_ID_TYPES] = {
  [CST_ID_TYPE_RESIDENT]         = { "resident-id",      N_("Resident ID card") },
  [CST_ID_TYPE_HKMO_PERMIT]      = { "hkmo-permit",      N_("Mainland Travel Permit for Hong Kong and Macao Residents") },
  [CST_ID_TYPE_TW_PERMIT]        = { "tw-permit",        N_("Mainland Travel Permit for Taiwan Residents") },
  [CST_ID_TYPE_PASSPORT]         = { "passport",         N_("Chinese passport") },
  [CST_ID_TYPE_FOREIGN_PR]       = { "foreign-pr",       N_("Foreign Permanent Resident ID Card") },
  [CST_ID_TYPE_HKMOTW_RESIDENCE] = { "hkmotw-residence", N_("Residence Permit for Hong Kong, Macao and Taiwan Residents") },
};

const char *
cst_id_type_to_string (CstIdType type)
{
  g_return_val_if_fail ((guint) type < CST_N_ID_TYPES, NULL);

  return id_types[type].id;
}

gboolean
cst_id_type_from_string (const char *str,
                         CstIdType  *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < CST_N_ID_TYPES; i++)
    {
      if (g_str_equal (str, id_types[i].id))
        {
          *type = (CstIdType) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cst_id_type_get_label (CstIdType type)
{
  g_return_val_if_fail ((guint) type < CST_N_ID_TYPES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, id_types[type].label);
}

/* Helpers {{{1 */

static inline gboolean
is_digits (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static inline gboolean
is_alnum_upper (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s) && !g_ascii_isupper (*s))
      return FALSE;
  return TRUE;
}

/* Validators of codes work on a compact, upper-case copy: people paste
 * numbers grouped with spaces, and lower-case x or letters. */
static char *
normalize_code (const char *input)
{
  char *ret = cst_normalize_compact (input);

  if (ret != NULL)
    {
      for (char *p = ret; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
    }

  return ret;
}

static gboolean
fail (GError             **error,
      CstValidationError   code,
      const char          *message)
{
  g_set_error_literal (error, CST_VALIDATION_ERROR, code, message);
  return FALSE;
}

static gboolean
succeed (char **normalized,
         char  *value)
{
  if (normalized != NULL)
    *normalized = value;
  else
    g_free (value);
  return TRUE;
}

/* GB/T 2260 province-level codes, the first two digits of SPEC §2.1. */
static gboolean
is_province_code (const char *s)
{
  int code;

  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return FALSE;

  code = (s[0] - '0') * 10 + (s[1] - '0');

  return (code >= 11 && code <= 15) ||
         (code >= 21 && code <= 23) ||
         (code >= 31 && code <= 37) ||
         (code >= 41 && code <= 46) ||
         (code >= 50 && code <= 54) ||
         (code >= 61 && code <= 65) ||
         code == 71 || code == 81 || code == 82;
}

static void
get_today (const GDate *today,
           GDate       *out)
{
  g_date_clear (out, 1);

  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (out,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

/* Parses 8 digits YYYYMMDD into @date; FALSE when no such day exists. */
static gboolean
parse_date (const char *s,
            GDate      *date)
{
  int year, month, day;

  if (!is_digits (s, 8))
    return FALSE;

  year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  month = (s[4] - '0') * 10 + (s[5] - '0');
  day = (s[6] - '0') * 10 + (s[7] - '0');

  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

static gboolean
check_birth_date (const char   *yyyymmdd,
                  const GDate  *today,
                  GError      **error)
{
  GDate birth;
  GDate now;

  if (!parse_date (yyyymmdd, &birth))
    return fail (error, CST_VALIDATION_ERROR_BIRTH_DATE,
                 _("The birth date in the ID number does not exist"));

  get_today (today, &now);

  if (g_date_compare (&birth, &now) > 0)
    return fail (error, CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE,
                 _("The birth date in the ID number is in the future"));

  return TRUE;
}

/* ISO 7064 MOD 11-2 {{{1 */

char
cst_id_check_character (const char *id17)
{
  static const guint8 weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  guint sum = 0;

  g_return_val_if_fail (id17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (id17[i]))
        return '\0';
      sum += (guint) (id17[i] - '0') * weights[i];
    }

  return check[sum % 11];
}

/*
 * The part that the resident ID, the residence permits and the new
 * foreign permanent residence card share: 17 digits, a check character,
 * and a birth date at 7–14. The caller has checked the length and the
 * prefix, which is where these documents differ.
 */
static gboolean
check_gb11643_18 (const char   *code,
                  const GDate  *today,
                  GError      **error)
{
  if (!is_digits (code, 17) || !(g_ascii_isdigit (code[17]) || code[17] == 'X'))
    {
      if (strspn (code, "0123456789X") == 18)
        return fail (error, CST_VALIDATION_ERROR_FORMAT,
                     _("Invalid ID number: X can only be the last character"));
      return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                   _("Invalid ID number: only digits and a final X are allowed"));
    }

  if (!check_birth_date (code + 6, today, error))
    return FALSE;

  if (cst_id_check_character (code) != code[17])
    return fail (error, CST_VALIDATION_ERROR_CHECK_CHARACTER,
                 _("Invalid ID number: the check character does not match"));

  return TRUE;
}

/* Resident ID {{{1 */

/* The YYYYMMDD of a 15-digit number, issued to people born in the 1900s. */
static void
legacy_birth_date (const char *id15,
                   char        date[9])
{
  date[0] = '1';
  date[1] = '9';
  memcpy (date + 2, id15 + 6, 6);
  date[8] = '\0';
}

static gboolean
check_resident_15 (const char   *code,
                   const GDate  *today,
                   GError      **error)
{
  char date[9];

  if (!is_digits (code, 15))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid ID number: only digits and a final X are allowed"));

  if (!is_province_code (code))
    return fail (error, CST_VALIDATION_ERROR_PROVINCE,
                 _("Invalid ID number: the first two digits are not a province code"));

  legacy_birth_date (code, date);

  return check_birth_date (date, today, error);
}

static char *
upgrade_15 (const char *code)
{
  char id[19];

  memcpy (id, code, 6);
  id[6] = '1';
  id[7] = '9';
  memcpy (id + 8, code + 6, 9);
  id[17] = cst_id_check_character (id);
  id[18] = '\0';

  return g_strdup (id);
}

gboolean
cst_validate_resident_id (const char   *input,
                          const GDate  *today,
                          char        **normalized,
                          GError      **error)
{
  g_autofree char *code = normalize_code (input);
  gsize len;

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid ID number: only digits and a final X are allowed"));

  len = strlen (code);

  if (len == 0)
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the ID number"));

  if (strspn (code, "0123456789X") != len)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid ID number: only digits and a final X are allowed"));

  if (len == 15)
    {
      if (!check_resident_15 (code, today, error))
        return FALSE;
      return succeed (normalized, upgrade_15 (code));
    }

  if (len != 18)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid ID number: a resident ID number has 18 characters"));

  if (!is_province_code (code))
    return fail (error, CST_VALIDATION_ERROR_PROVINCE,
                 _("Invalid ID number: the first two digits are not a province code"));

  if (!check_gb11643_18 (code, today, error))
    return FALSE;

  return succeed (normalized, g_steal_pointer (&code));
}

char *
cst_resident_id_upgrade (const char *id15)
{
  GDate today;

  if (id15 == NULL || strlen (id15) != 15)
    return NULL;

  /* Born in 19xx, so any date today or later is fine for the check. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2000);

  if (!check_resident_15 (id15, &today, NULL))
    return NULL;

  return upgrade_15 (id15);
}

/* Other ID documents {{{1 */

static gboolean
validate_hkmo_permit (const char  *code,
                      GError     **error)
{
  gsize len = strlen (code);

  if (code[0] != 'H' && code[0] != 'M')
    return fail (error, CST_VALIDATION_ERROR_PREFIX,
                 _("Invalid permit number: it starts with H (Hong Kong) or M (Macao)"));

  if (!is_digits (code + 1, len - 1))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid permit number: H or M is followed by digits only"));

  if (len != 9 && len != 11)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid permit number: H or M is followed by 8 or 10 digits"));

  return TRUE;
}

static gboolean
validate_tw_permit (const char  *code,
                    GError     **error)
{
  gsize len = strlen (code);

  if (!is_digits (code, len))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid permit number: only digits are allowed"));

  if (len != 8 && len != 10)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid permit number: it has 8 or 10 digits"));

  return TRUE;
}

static gboolean
validate_passport (const char  *code,
                   GError     **error)
{
  gsize len = strlen (code);

  if (!is_alnum_upper (code))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid passport number: only letters and digits are allowed"));

  if (code[0] != 'E' && code[0] != 'G')
    return fail (error, CST_VALIDATION_ERROR_PREFIX,
                 _("Invalid passport number: it starts with E or G"));

  if (len != 9)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid passport number: it has 9 characters"));

  if (code[0] == 'E' && g_ascii_isupper (code[1]))
    {
      if (code[1] == 'I' || code[1] == 'O')
        return fail (error, CST_VALIDATION_ERROR_FORMAT,
                     _("Invalid passport number: the letters I and O are not used"));
      if (!is_digits (code + 2, 7))
        return fail (error, CST_VALIDATION_ERROR_FORMAT,
                     _("Invalid passport number: E and a letter are followed by 7 digits"));
      return TRUE;
    }

  if (!is_digits (code + 1, 8))
    return fail (error, CST_VALIDATION_ERROR_FORMAT,
                 _("Invalid passport number: E or G is followed by 8 digits"));

  return TRUE;
}

/*
 * The 2023 card: 9, the issuing province (2), the nationality (3), the
 * birth date (8), a sequence (3) and a MOD 11-2 check. The older card: the
 * ISO 3166 alpha-3 nationality and 12 digits.
 */
static gboolean
validate_foreign_pr (const char   *code,
                     const GDate  *today,
                     GError      **error)
{
  gsize len = strlen (code);

  if (!is_alnum_upper (code))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid permanent residence ID number: only letters and digits are allowed"));

  if (len == 15)
    {
      if (!g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]) ||
          !g_ascii_isupper (code[2]) || !is_digits (code + 3, 12))
        return fail (error, CST_VALIDATION_ERROR_FORMAT,
                     _("Invalid permanent residence ID number: an older card number is 3 letters and 12 digits"));
      return TRUE;
    }

  if (len != 18)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid permanent residence ID number: it has 18 digits, or 15 characters on older cards"));

  if (code[0] != '9')
    return fail (error, CST_VALIDATION_ERROR_PREFIX,
                 _("Invalid permanent residence ID number: an 18-digit number starts with 9"));

  if (!is_province_code (code + 1))
    return fail (error, CST_VALIDATION_ERROR_PROVINCE,
                 _("Invalid permanent residence ID number: the issuing province code is not valid"));

  return check_gb11643_18 (code, today, error);
}

static gboolean
validate_hkmotw_residence (const char   *code,
                           const GDate  *today,
                           GError      **error)
{
  if (strlen (code) != 18)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid residence permit number: it has 18 characters"));

  if (!g_str_has_prefix (code, "810000") &&
      !g_str_has_prefix (code, "820000") &&
      !g_str_has_prefix (code, "830000"))
    return fail (error, CST_VALIDATION_ERROR_PREFIX,
                 _("Invalid residence permit number: it starts with 810000, 820000 or 830000"));

  return check_gb11643_18 (code, today, error);
}

gboolean
cst_validate_id (CstIdType     type,
                 const char   *input,
                 const GDate  *today,
                 char        **normalized,
                 GError      **error)
{
  g_autofree char *code = NULL;
  gboolean ret = FALSE;

  g_return_val_if_fail ((guint) type < CST_N_ID_TYPES, FALSE);

  if (type == CST_ID_TYPE_RESIDENT)
    return cst_validate_resident_id (input, today, normalized, error);

  code = normalize_code (input);

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid ID number: it contains characters that are not allowed"));

  if (code[0] == '\0')
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the ID number"));

  switch (type)
    {
    case CST_ID_TYPE_HKMO_PERMIT:
      ret = validate_hkmo_permit (code, error);
      break;

    case CST_ID_TYPE_TW_PERMIT:
      ret = validate_tw_permit (code, error);
      break;

    case CST_ID_TYPE_PASSPORT:
      ret = validate_passport (code, error);
      break;

    case CST_ID_TYPE_FOREIGN_PR:
      ret = validate_foreign_pr (code, today, error);
      break;

    case CST_ID_TYPE_HKMOTW_RESIDENCE:
      ret = validate_hkmotw_residence (code, today, error);
      break;

    case CST_ID_TYPE_RESIDENT:
    default:
      g_assert_not_reached ();
    }

  if (!ret)
    return FALSE;

  return succeed (normalized, g_steal_pointer (&code));
}

gboolean
cst_id_get_birth_info (CstIdType   type,
                       const char *normalized_id,
                       GDate      *birth_date,
                       CstSex     *sex)
{
  GDate parsed;
  char date[9];
  gsize len;
  char sequence;

  g_return_val_if_fail ((guint) type < CST_N_ID_TYPES, FALSE);

  if (normalized_id == NULL)
    return FALSE;

  len = strlen (normalized_id);

  switch (type)
    {
    case CST_ID_TYPE_RESIDENT:
      if (len == 15 && is_digits (normalized_id, 15))
        {
          legacy_birth_date (normalized_id, date);
          sequence = normalized_id[14];
          break;
        }
      G_GNUC_FALLTHROUGH;

    case CST_ID_TYPE_HKMOTW_RESIDENCE:
    case CST_ID_TYPE_FOREIGN_PR:
      if (len != 18 || !is_digits (normalized_id, 17))
        return FALSE;
      if (type == CST_ID_TYPE_FOREIGN_PR && normalized_id[0] != '9')
        return FALSE;
      memcpy (date, normalized_id + 6, 8);
      date[8] = '\0';
      sequence = normalized_id[16];
      break;

    case CST_ID_TYPE_HKMO_PERMIT:
    case CST_ID_TYPE_TW_PERMIT:
    case CST_ID_TYPE_PASSPORT:
    default:
      return FALSE;
    }

  if (!parse_date (date, &parsed))
    return FALSE;

  if (birth_date != NULL)
    *birth_date = parsed;

  /* The sequence number is odd for men and even for women. */
  if (sex != NULL)
    *sex = ((sequence - '0') % 2 == 1) ? CST_SEX_MALE : CST_SEX_FEMALE;

  return TRUE;
}

/* Enterprise identifiers {{{1 */

/* GB 32100-2015: the 31 characters of the code, I O S V Z left out. */
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static inline int
uscc_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;

  p = strchr (uscc_alphabet, c);

  return p != NULL ? (int) (p - uscc_alphabet) : -1;
}

char
cst_uscc_check_character (const char *code17)
{
  static const guint8 weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  guint sum = 0;

  g_return_val_if_fail (code17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int v = uscc_value (code17[i]);

      if (v < 0)
        return '\0';
      sum += (guint) v * weights[i];
    }

  return uscc_alphabet[(31 - sum % 31) % 31];
}

static gboolean
check_uscc (const char  *code,
            GError     **error)
{
  if (strlen (code) != 18)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid unified social credit code: it has 18 characters"));

  for (const char *p = code; *p != '\0'; p++)
    {
      if (strchr ("IOSVZ", *p) != NULL)
        return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                     _("Invalid unified social credit code: the letters I, O, S, V and Z are not used"));
      if (uscc_value (*p) < 0)
        return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                     _("Invalid unified social credit code: only digits and capital letters are allowed"));
    }

  if (!is_digits (code + 2, 6))
    return fail (error, CST_VALIDATION_ERROR_REGION,
                 _("Invalid unified social credit code: characters 3 to 8 are the digits of a region code"));

  if (cst_uscc_check_character (code) != code[17])
    return fail (error, CST_VALIDATION_ERROR_CHECK_CHARACTER,
                 _("Invalid unified social credit code: the check character does not match"));

  return TRUE;
}

/*
 * The taxpayer ID before 2015: a 6-digit region and the 9-character
 * organisation code (15), or for an individual business the owner's ID
 * number (15 or 18) with or without a 2-digit sequence (17, 20). All
 * begin with a region code. An 18 or 20 character one carries a resident
 * ID number, and so its check character: that is what tells it apart
 * from a mistyped credit code.
 */
static gboolean
check_tin (const char  *code,
           GError     **error)
{
  gsize len = strlen (code);

  if (!is_alnum_upper (code))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid taxpayer identification number: only digits and capital letters are allowed"));

  if (len != 15 && len != 17 && len != 18 && len != 20)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid taxpayer identification number: it has 15, 17, 18 or 20 characters"));

  if (!is_digits (code, 6) || !is_province_code (code))
    return fail (error, CST_VALIDATION_ERROR_REGION,
                 _("Invalid taxpayer identification number: the first 6 digits are not a region code"));

  if (len == 17 && !is_digits (code, 17))
    return fail (error, CST_VALIDATION_ERROR_FORMAT,
                 _("Invalid taxpayer identification number: a 17-character number is made of digits"));

  if (len == 18 || len == 20)
    {
      if (!is_digits (code, 17) || !is_digits (code + 18, len - 18) ||
          !(g_ascii_isdigit (code[17]) || code[17] == 'X'))
        return fail (error, CST_VALIDATION_ERROR_FORMAT,
                     _("Invalid taxpayer identification number: an 18 or 20-character number holds an ID number"));

      if (cst_id_check_character (code) != code[17])
        return fail (error, CST_VALIDATION_ERROR_CHECK_CHARACTER,
                     _("Invalid taxpayer identification number: the check character does not match"));
    }

  return TRUE;
}

gboolean
cst_validate_uscc (const char  *input,
                   char       **normalized,
                   GError     **error)
{
  g_autofree char *code = normalize_code (input);

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid unified social credit code: only digits and capital letters are allowed"));

  if (code[0] == '\0')
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the unified social credit code"));

  if (!check_uscc (code, error))
    return FALSE;

  return succeed (normalized, g_steal_pointer (&code));
}

gboolean
cst_validate_tin (const char  *input,
                  char       **normalized,
                  GError     **error)
{
  g_autofree char *code = normalize_code (input);

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid taxpayer identification number: only digits and capital letters are allowed"));

  if (code[0] == '\0')
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the taxpayer identification number"));

  if (!check_tin (code, error))
    return FALSE;

  return succeed (normalized, g_steal_pointer (&code));
}

gboolean
cst_validate_enterprise_code (const char  *input,
                              char       **normalized,
                              GError     **error)
{
  g_autofree char *code = normalize_code (input);
  g_autoptr(GError) uscc_error = NULL;

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid unified social credit code: only digits and capital letters are allowed"));

  if (code[0] == '\0')
    return fail (error, CST_VALIDATION_ERROR_EMPTY,
                 _("Enter the unified social credit code or taxpayer identification number"));

  if (strlen (code) != 18)
    {
      if (!check_tin (code, error))
        return FALSE;
      return succeed (normalized, g_steal_pointer (&code));
    }

  /* 18 characters is nearly always a credit code; an old 18-character
   * taxpayer ID is tried only when it is not one, and a failure explains
   * the credit code, which is what the user most likely meant. */
  if (check_uscc (code, &uscc_error) || check_tin (code, NULL))
    return succeed (normalized, g_steal_pointer (&code));

  g_propagate_error (error, g_steal_pointer (&uscc_error));

  return FALSE;
}

/* Phone, SMS code {{{1 */

gboolean
cst_validate_phone (const char  *input,
                    char       **normalized,
                    GError     **error)
{
  g_autofree char *phone = cst_normalize_phone (input);
  gsize len;

  if (phone == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid mobile phone number: only digits are allowed"));

  len = strlen (phone);

  if (len == 0)
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the mobile phone number"));

  if (!is_digits (phone, len))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("Invalid mobile phone number: only digits are allowed"));

  if (len != 11)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("Invalid mobile phone number: it has 11 digits"));

  if (phone[0] != '1' || phone[1] < '3')
    return fail (error, CST_VALIDATION_ERROR_FORMAT,
                 _("Invalid mobile phone number: it starts with 13 to 19"));

  return succeed (normalized, g_steal_pointer (&phone));
}

gboolean
cst_validate_sms_code (const char  *input,
                       char       **normalized,
                       GError     **error)
{
  g_autofree char *code = cst_normalize_compact (input);
  gsize len;

  if (code == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("The verification code is made of digits only"));

  len = strlen (code);

  if (len == 0)
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter the verification code"));

  if (!is_digits (code, len))
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("The verification code is made of digits only"));

  if (len != 6)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("The verification code has 6 digits"));

  return succeed (normalized, g_steal_pointer (&code));
}

/* Names {{{1 */

#define NAME_MIN_LENGTH 2
#define NAME_MAX_LENGTH 30
#define MIDDLE_DOT      0x00B7

/*
 * The separator of minority and foreign names is U+00B7; what people
 * type for it depends on the input method and the font: the Katakana
 * middle dot (Japanese IMEs), bullets, the hyphenation point, dot
 * operators, and a full stop (full-width, already folded to '.').
 */
static inline gboolean
is_name_dot (gunichar c)
{
  switch (c)
    {
    case '.':
    case 0x00B7: /* MIDDLE DOT */
    case 0x0387: /* GREEK ANO TELEIA, canonically U+00B7 */
    case 0x2022: /* BULLET */
    case 0x2027: /* HYPHENATION POINT */
    case 0x2219: /* BULLET OPERATOR */
    case 0x22C5: /* DOT OPERATOR */
    case 0x2E31: /* WORD SEPARATOR MIDDLE DOT */
    case 0x30FB: /* KATAKANA MIDDLE DOT */
    case 0xFF65: /* HALFWIDTH KATAKANA MIDDLE DOT */
      return TRUE;

    default:
      return FALSE;
    }
}

static inline gboolean
is_name_letter (gunichar c)
{
  /* 〇 is a number by Unicode, but a character of Chinese names. */
  return g_unichar_isalpha (c) || c == 0x3007;
}

static inline gboolean
is_number (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;

    default:
      return FALSE;
    }
}

static inline gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

gboolean
cst_validate_name (const char  *input,
                   char       **normalized,
                   GError     **error)
{
  g_autofree char *text = cst_normalize_text (input);
  g_autoptr(GString) out = NULL;
  gunichar prev = 0;
  gboolean pending_space = FALSE;
  gboolean bad_separator = FALSE;
  guint n_chars = 0;

  if (text == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("The name can contain only Chinese characters, letters and the middle dot ·"));

  if (text[0] == '\0')
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter your name"));

  out = g_string_sized_new (strlen (text));

  /*
   * One pass: dots become U+00B7; a run of spaces becomes one space
   * between letters of scripts that separate words (JOHN SMITH) and goes
   * away next to a Chinese character or a dot, where it is a slip. The
   * separators must stand between two parts of the name.
   */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (is_name_dot (c))
        {
          c = MIDDLE_DOT;
          if (prev == 0 || prev == MIDDLE_DOT)
            bad_separator = TRUE;
        }
      else if (is_name_letter (c))
        {
          if (pending_space && prev != MIDDLE_DOT && !is_han (prev) && !is_han (c))
            {
              g_string_append_c (out, ' ');
              n_chars++;
            }
        }
      else if (g_unichar_ismark (c) && prev != 0 && prev != MIDDLE_DOT && !pending_space)
        {
          /* a combining accent on the letter before it */
        }
      else if (is_number (c))
        {
          return fail (error, CST_VALIDATION_ERROR_DIGITS, _("The name cannot contain digits"));
        }
      else
        {
          return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                       _("The name can contain only Chinese characters, letters and the middle dot ·"));
        }

      pending_space = FALSE;
      g_string_append_unichar (out, c);
      n_chars++;
      prev = c;
    }

  if (bad_separator || prev == MIDDLE_DOT)
    return fail (error, CST_VALIDATION_ERROR_FORMAT,
                 _("The middle dot · can only stand between two parts of the name"));

  if (n_chars < NAME_MIN_LENGTH || n_chars > NAME_MAX_LENGTH)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("The name must be 2 to 30 characters long"));

  return succeed (normalized, g_string_free (g_steal_pointer (&out), FALSE));
}

/* User names and accounts {{{1 */

#define USERNAME_MIN_LENGTH 4
#define USERNAME_MAX_LENGTH 20

/* Document numbers, in the order an account is looked up. */
static gboolean
looks_like_id (const char  *code,
               char       **normalized)
{
  for (guint i = 0; i < CST_N_ID_TYPES; i++)
    {
      if (cst_validate_id ((CstIdType) i, code, NULL, normalized, NULL))
        return TRUE;
    }

  return FALSE;
}

gboolean
cst_validate_username (const char  *input,
                       char       **normalized,
                       GError     **error)
{
  g_autofree char *name = cst_normalize_text (input);
  gsize len;

  if (name == NULL)
    return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                 _("The user name can contain only letters, digits and underscores"));

  len = strlen (name);

  if (len == 0)
    return fail (error, CST_VALIDATION_ERROR_EMPTY, _("Enter a user name"));

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (name[i]) && name[i] != '_')
        return fail (error, CST_VALIDATION_ERROR_CHARACTERS,
                     _("The user name can contain only letters, digits and underscores"));
    }

  if (len < USERNAME_MIN_LENGTH || len > USERNAME_MAX_LENGTH)
    return fail (error, CST_VALIDATION_ERROR_LENGTH,
                 _("The user name must be 4 to 20 characters long"));

  if (is_digits (name, len))
    return fail (error, CST_VALIDATION_ERROR_ALL_DIGITS,
                 _("The user name cannot be made of digits only"));

  /* An account that is a user name must never be taken for a passport or
   * permit number at login (cst_classify_account()). */
  if (looks_like_id (name, NULL))
    return fail (error, CST_VALIDATION_ERROR_FORMAT,
                 _("The user name cannot have the form of an ID document number"));

  return succeed (normalized, g_steal_pointer (&name));
}

CstAccountKind
cst_classify_account (const char  *input,
                      char       **normalized)
{
  char *value = NULL;

  if (cst_validate_phone (input, &value, NULL))
    {
      succeed (normalized, value);
      return CST_ACCOUNT_KIND_PHONE;
    }

  if (looks_like_id (input, &value))
    {
      succeed (normalized, value);
      return CST_ACCOUNT_KIND_ID_NUMBER;
    }

  if (cst_validate_username (input, &value, NULL))
    {
      succeed (normalized, value);
      return CST_ACCOUNT_KIND_USERNAME;
    }

  return CST_ACCOUNT_KIND_INVALID;
}
