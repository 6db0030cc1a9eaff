/* fuzz-id.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-id"

#include "config.h"

#include <string.h>

#include "cst-core.h"
#include "cst-fuzz.h"

/*
 * cst_validate_id() for every CstIdType (the first byte picks it, the rest
 * is what the user typed), cst_id_get_birth_info(), the check characters
 * and the 15 → 18 upgrade.
 */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cst_fuzz_init ();
  return 0;
}

/* The documents that carry a GB 11643 number: birth date and check char. */
static gboolean
has_gb11643 (CstIdType   type,
             const char *id)
{
  switch (type)
    {
    case CST_ID_TYPE_RESIDENT:
    case CST_ID_TYPE_HKMOTW_RESIDENCE:
      return TRUE;

    case CST_ID_TYPE_FOREIGN_PR:
      return strlen (id) == 18;

    case CST_ID_TYPE_HKMO_PERMIT:
    case CST_ID_TYPE_TW_PERMIT:
    case CST_ID_TYPE_PASSPORT:
    default:
      return FALSE;
    }
}

/* SPEC §2.1, the shape of each document's canonical number. */
static void
check_shape (CstIdType   type,
             const char *id)
{
  gsize len = strlen (id);

  for (gsize i = 0; i < len; i++)
    CST_FUZZ_CHECK (g_ascii_isdigit (id[i]) || g_ascii_isupper (id[i]),
                    "type %d: \"%s\" is not upper-case ASCII letters and digits", type, id);

  switch (type)
    {
    case CST_ID_TYPE_RESIDENT:
      CST_FUZZ_CHECK (len == 18, "a resident ID normalises to 18 chars, not \"%s\"", id);
      CST_FUZZ_CHECK (cst_fuzz_ref_is_province (id), "\"%s\": no province", id);
      break;

    case CST_ID_TYPE_HKMO_PERMIT:
      CST_FUZZ_CHECK ((len == 9 || len == 11) && (id[0] == 'H' || id[0] == 'M') &&
                      cst_fuzz_is_ascii_digits (id + 1, -1), "HK/MO permit \"%s\"", id);
      break;

    case CST_ID_TYPE_TW_PERMIT:
      CST_FUZZ_CHECK ((len == 8 || len == 10) && cst_fuzz_is_ascii_digits (id, -1),
                      "TW permit \"%s\"", id);
      break;

    case CST_ID_TYPE_PASSPORT:
      CST_FUZZ_CHECK (len == 9, "passport \"%s\"", id);
      CST_FUZZ_CHECK ((id[0] == 'G' && cst_fuzz_is_ascii_digits (id + 1, 8)) ||
                      (id[0] == 'E' && cst_fuzz_is_ascii_digits (id + 1, 8)) ||
                      (id[0] == 'E' && g_ascii_isupper (id[1]) && id[1] != 'I' && id[1] != 'O' &&
                       cst_fuzz_is_ascii_digits (id + 2, 7)),
                      "passport \"%s\"", id);
      break;

    case CST_ID_TYPE_FOREIGN_PR:
      if (len == 15)
        CST_FUZZ_CHECK (g_ascii_isupper (id[0]) && g_ascii_isupper (id[1]) &&
                        g_ascii_isupper (id[2]) && cst_fuzz_is_ascii_digits (id + 3, 12),
                        "old foreign PR \"%s\"", id);
      else
        CST_FUZZ_CHECK (len == 18 && id[0] == '9' && cst_fuzz_ref_is_province (id + 1),
                        "new foreign PR \"%s\"", id);
      break;

    case CST_ID_TYPE_HKMOTW_RESIDENCE:
      CST_FUZZ_CHECK (len == 18 && (g_str_has_prefix (id, "810000") ||
                                    g_str_has_prefix (id, "820000") ||
                                    g_str_has_prefix (id, "830000")),
                      "residence permit \"%s\"", id);
      break;

    default:
      g_assert_not_reached ();
    }

  if (has_gb11643 (type, id))
    {
      GDate birth;

      CST_FUZZ_CHECK (cst_fuzz_is_ascii_digits (id, 17) &&
                      id[17] == cst_fuzz_ref_mod11_2 (id),
                      "\"%s\" passed with a wrong MOD 11-2 check character", id);
      CST_FUZZ_CHECK (cst_id_check_character (id) == id[17], "cst_id_check_character (\"%s\")", id);
      CST_FUZZ_CHECK (cst_fuzz_ref_birth_date (id + 6, cst_fuzz_today (), &birth),
                      "\"%s\" passed with a birth date that is not a past day", id);
    }
}

/* SPEC §1.4: the system derives sex and birth date from a valid number. */
static void
check_birth_info (CstIdType   type,
                  const char *id)
{
  GDate birth, expected;
  CstSex sex = CST_SEX_UNKNOWN;
  gboolean has_info;

  g_date_clear (&birth, 1);
  has_info = cst_id_get_birth_info (type, id, &birth, &sex);

  if (!has_gb11643 (type, id))
    {
      CST_FUZZ_CHECK (!has_info, "type %d \"%s\" claims birth info", type, id);
      return;
    }

  CST_FUZZ_CHECK (has_info, "no birth info from valid \"%s\" (type %d)", id, type);
  CST_FUZZ_CHECK (g_date_valid (&birth), "invalid birth date from \"%s\"", id);
  cst_fuzz_ref_birth_date (id + 6, cst_fuzz_today (), &expected);
  CST_FUZZ_CHECK (g_date_compare (&birth, &expected) == 0, "wrong birth date from \"%s\"", id);
  CST_FUZZ_CHECK (sex == (((id[16] - '0') % 2 == 1) ? CST_SEX_MALE : CST_SEX_FEMALE),
                  "wrong sex %d from \"%s\"", sex, id);

  /* A caller that wants only one of them. */
  CST_FUZZ_CHECK (cst_id_get_birth_info (type, id, NULL, NULL), "birth info without out args");
}

/* What the user sees must not change with how the same number is typed. */
static void
check_same_verdict (CstIdType   type,
                    const char *variant,
                    gboolean    ok,
                    const char *normalized,
                    const char *how)
{
  g_autofree char *other = NULL;
  gboolean other_ok;

  other_ok = cst_validate_id (type, variant, cst_fuzz_today (), &other, NULL);

  if (other_ok != ok || g_strcmp0 (other, normalized) != 0)
    {
      g_autofree char *escaped = cst_fuzz_escape (variant);

      CST_FUZZ_CHECK (FALSE, "type %d: %s \"%s\" gives %d \"%s\", the original %d \"%s\"",
                      type, how, escaped, other_ok, other, ok, normalized);
    }
}

/*
 * A number with its check character recomputed is refused only for a
 * reason that is not the check character; the fuzzer reaches valid
 * numbers this way, which random bytes seldom are.
 */
static void
check_repaired (const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  char id[19];
  GDate birth;
  gboolean expected;

  if (strlen (code) < 17 || !cst_fuzz_is_ascii_digits (code, 17))
    return;

  memcpy (id, code, 17);
  id[17] = cst_fuzz_ref_mod11_2 (id);
  id[18] = '\0';

  expected = cst_fuzz_ref_is_province (id) && cst_fuzz_ref_birth_date (id + 6, cst_fuzz_today (), &birth);

  if (cst_validate_resident_id (id, cst_fuzz_today (), &normalized, &error))
    {
      CST_FUZZ_CHECK (expected, "\"%s\" passed with no province or no past birth date", id);
      CST_FUZZ_CHECK (g_str_equal (normalized, id), "\"%s\" normalised to \"%s\"", id, normalized);
      return;
    }

  CST_FUZZ_CHECK (!g_error_matches (error, CST_VALIDATION_ERROR,
                                    CST_VALIDATION_ERROR_CHECK_CHARACTER),
                  "\"%s\" refused for its check character, which is right", id);
  CST_FUZZ_CHECK (!expected || g_error_matches (error, CST_VALIDATION_ERROR,
                                                CST_VALIDATION_ERROR_BIRTH_DATE),
                  "\"%s\" refused: %s", id, error->message);
}

/* The legacy 15-digit number: upgraded by inserting 19 and a check char. */
static void
check_upgrade (const char *input,
               const char *code)
{
  g_autofree char *upgraded = cst_resident_id_upgrade (input);
  g_autofree char *revalidated = NULL;

  if (upgraded == NULL)
    return;

  CST_FUZZ_CHECK (strlen (input) == 15 && cst_fuzz_is_ascii_digits (input, 15),
                  "upgraded \"%s\", which is not 15 digits", code);
  CST_FUZZ_CHECK (strlen (upgraded) == 18 && strncmp (upgraded, input, 6) == 0 &&
                  strncmp (upgraded + 6, "19", 2) == 0 && strncmp (upgraded + 8, input + 6, 9) == 0,
                  "\"%s\" upgraded to \"%s\"", input, upgraded);
  CST_FUZZ_CHECK (cst_validate_resident_id (upgraded, cst_fuzz_today (), &revalidated, NULL) &&
                  g_str_equal (revalidated, upgraded),
                  "the upgrade \"%s\" of \"%s\" is not a valid resident ID", upgraded, input);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;
  g_autofree char *code = NULL;
  CstIdType type;
  gboolean ok;

  if (size < 1)
    return 0;

  type = (CstIdType) (data[0] % CST_N_ID_TYPES);
  input = cst_fuzz_string (data + 1, size - 1);

  ok = cst_validate_id (type, input, cst_fuzz_today (), &normalized, &error);
  cst_fuzz_check_result (ok, normalized, error, CST_VALIDATION_ERROR,
                         CST_VALIDATION_ERROR_ALL_DIGITS, "cst_validate_id");

  /* The verdict does not depend on whether the caller wants the details. */
  CST_FUZZ_CHECK (cst_validate_id (type, input, cst_fuzz_today (), NULL, NULL) == ok,
                  "different verdict without out arguments");

  if (type == CST_ID_TYPE_RESIDENT)
    {
      g_autofree char *direct = NULL;

      CST_FUZZ_CHECK (cst_validate_resident_id (input, cst_fuzz_today (), &direct, NULL) == ok &&
                      g_strcmp0 (direct, normalized) == 0,
                      "cst_validate_resident_id and cst_validate_id disagree");
    }

  /* The names chushuitong-admin validate takes round-trip, and only they
   * name a type. */
  {
    CstIdType named = CST_N_ID_TYPES;
    const char *label = cst_id_type_get_label (type);

    CST_FUZZ_CHECK (cst_id_type_from_string (cst_id_type_to_string (type), &named) && named == type,
                    "type %d does not round-trip through its name", type);
    if (cst_id_type_from_string (input, &named))
      CST_FUZZ_CHECK ((guint) named < CST_N_ID_TYPES && g_str_equal (cst_id_type_to_string (named), input),
                      "\"%s\" names type %d", input, named);
    CST_FUZZ_CHECK (label != NULL && label[0] != '\0', "type %d has no label", type);
    cst_fuzz_check_utf8 (label, "the document label");
  }

  /* Whatever the input was, a date the core derives is a real day. */
  {
    GDate any;

    g_date_clear (&any, 1);
    if (cst_id_get_birth_info (type, input, &any, NULL))
      CST_FUZZ_CHECK (g_date_valid (&any), "birth info with an invalid date");
  }

  if (g_utf8_validate (input, -1, NULL))
    {
      g_autofree char *wide = cst_fuzz_widen (input);
      g_autofree char *padded = cst_fuzz_pad (input);
      g_autofree char *swapped = cst_fuzz_ascii_swapcase (input);

      check_same_verdict (type, wide, ok, normalized, "full-width");
      check_same_verdict (type, padded, ok, normalized, "padded");
      check_same_verdict (type, swapped, ok, normalized, "case-swapped");

      code = cst_normalize_compact (input);
      for (char *p = code; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      check_repaired (code);
      check_upgrade (code, code);
    }

  check_upgrade (input, input);

  if (!ok)
    return 0;

  check_shape (type, normalized);
  check_birth_info (type, normalized);

  /* Idempotence: the canonical form is valid and canonical. */
  CST_FUZZ_CHECK (cst_validate_id (type, normalized, cst_fuzz_today (), &again, NULL) &&
                  g_str_equal (again, normalized),
                  "\"%s\" does not re-validate to itself (got \"%s\")", normalized, again);

  /* A birth date that is past today is past every later day too. */
  CST_FUZZ_CHECK (cst_validate_id (type, input, cst_fuzz_later (), &later, NULL) &&
                  g_str_equal (later, normalized),
                  "\"%s\" is valid today but not later", normalized);

  /* A legacy number was upgraded from exactly what the user typed. */
  if (type == CST_ID_TYPE_RESIDENT && code != NULL && strlen (code) == 15)
    {
      g_autofree char *upgraded = cst_resident_id_upgrade (code);

      CST_FUZZ_CHECK (g_strcmp0 (upgraded, normalized) == 0,
                      "\"%s\" validated to \"%s\" but upgrades to \"%s\"", code, normalized, upgraded);
    }

  return 0;
}
