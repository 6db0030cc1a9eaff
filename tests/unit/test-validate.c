/* test-validate.c
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cst-core.h"

/*
 * SPEC §2: every rule with values that pass and values that fail, and the
 * reason the user reads. Birth dates are judged against a fixed day so
 * that the tests mean the same thing every year.
 */

static GDate today;

/* Reference implementations, written from SPEC §2 independently of the
 * code under test, for the generated tests. */

static char
ref_id_check (const char *id17)
{
  static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (id17[i] - '0') * w[i];

  return "10X98765432"[sum % 11];
}

static const char uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static char
ref_uscc_check (const char *code17)
{
  static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (uscc_chars, code17[i]) - uscc_chars) * w[i];

  return uscc_chars[(31 - sum % 31) % 31];
}

static const int provinces[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
};

static gboolean
ref_is_province (const char *s)
{
  int code = (s[0] - '0') * 10 + (s[1] - '0');

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (provinces[i] == code)
      return TRUE;

  return FALSE;
}

static gboolean
ref_resident_valid (const char *id)
{
  GDate birth;
  int y, m, d;

  if (strlen (id) != 18)
    return FALSE;
  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      return FALSE;
  if (!ref_is_province (id))
    return FALSE;
  if (sscanf (id + 6, "%4d%2d%2d", &y, &m, &d) != 3)
    return FALSE;
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, d, m, y);
  if (g_date_compare (&birth, &today) > 0)
    return FALSE;

  return ref_id_check (id) == id[17];
}

/* An 18-character ID with its check character computed by the reference. */
static char *
make_id (const char *id17)
{
  g_assert_cmpuint (strlen (id17), ==, 17);
  return g_strdup_printf ("%s%c", id17, ref_id_check (id17));
}

#define assert_id_valid(type, input, expected) G_STMT_START {                \
    g_autoptr(GError) _error = NULL;                                       \
    g_autofree char *_norm = NULL;                                         \
    gboolean _ok = cst_validate_id (type, input, &today, &_norm, &_error); \
    g_assert_no_error (_error);                                            \
    g_assert_true (_ok);                                                   \
    g_assert_cmpstr (_norm, ==, expected);                                 \
  } G_STMT_END

#define assert_id_invalid(type, input, code) G_STMT_START {                  \
    g_autoptr(GError) _error = NULL;                                       \
    g_autofree char *_norm = NULL;                                         \
    gboolean _ok = cst_validate_id (type, input, &today, &_norm, &_error); \
    g_assert_error (_error, CST_VALIDATION_ERROR, code);                   \
    g_assert_false (_ok);                                                  \
    g_assert_null (_norm);                                                 \
    g_assert_cmpstr (_error->message, !=, "");                             \
  } G_STMT_END

#define assert_valid(func, input, expected) G_STMT_START {                   \
    g_autoptr(GError) _error = NULL;                                       \
    g_autofree char *_norm = NULL;                                         \
    gboolean _ok = func (input, &_norm, &_error);                          \
    g_assert_no_error (_error);                                            \
    g_assert_true (_ok);                                                   \
    g_assert_cmpstr (_norm, ==, expected);                                 \
  } G_STMT_END

#define assert_invalid(func, input, code) G_STMT_START {                     \
    g_autoptr(GError) _error = NULL;                                       \
    g_autofree char *_norm = NULL;                                         \
    gboolean _ok = func (input, &_norm, &_error);                          \
    g_assert_error (_error, CST_VALIDATION_ERROR, code);                   \
    g_assert_false (_ok);                                                  \
    g_assert_null (_norm);                                                 \
    g_assert_cmpstr (_error->message, !=, "");                             \
  } G_STMT_END

/* Resident ID {{{1 */

static void
test_resident_valid (void)
{
  /* The sample number of GB 11643 itself, with its X. */
  assert_id_valid (CST_ID_TYPE_RESIDENT, "11010519491231002X", "11010519491231002X");
  assert_id_valid (CST_ID_TYPE_RESIDENT, "420106199001011231", "420106199001011231");
  /* lower-case x, grouping spaces, U+3000 around it, full-width digits */
  assert_id_valid (CST_ID_TYPE_RESIDENT, "11010519491231002x", "11010519491231002X");
  assert_id_valid (CST_ID_TYPE_RESIDENT, "110105 19491231 002x", "11010519491231002X");
  assert_id_valid (CST_ID_TYPE_RESIDENT, "\u3000420106199001011231\u3000", "420106199001011231");
  assert_id_valid (CST_ID_TYPE_RESIDENT, "４２０１０６１９９００１０１１２３１", "420106199001011231");
  assert_id_valid (CST_ID_TYPE_RESIDENT, "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X");
  /* 29 February of a leap year; Taiwan, Hong Kong, Macao codes */
  assert_id_valid (CST_ID_TYPE_RESIDENT, "420102200002290017", "420102200002290017");
  {
    g_autofree char *tw = make_id ("71000019800101001");
    g_autofree char *hk = make_id ("81000019800101001");
    g_autofree char *mo = make_id ("82000019800101001");

    assert_id_valid (CST_ID_TYPE_RESIDENT, tw, tw);
    assert_id_valid (CST_ID_TYPE_RESIDENT, hk, hk);
    assert_id_valid (CST_ID_TYPE_RESIDENT, mo, mo);
  }

  /* cst_validate_resident_id() is the same rule */
  {
    g_autofree char *norm = NULL;

    g_assert_true (cst_validate_resident_id (" 11010519491231002x ", &today, &norm, NULL));
    g_assert_cmpstr (norm, ==, "11010519491231002X");
    g_assert_true (cst_validate_resident_id ("11010519491231002X", NULL, NULL, NULL));
  }
}

static void
test_resident_check_character (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cst_validate_resident_id ("420106199001011232", &today, NULL, &error));
  g_assert_error (error, CST_VALIDATION_ERROR, CST_VALIDATION_ERROR_CHECK_CHARACTER);
  g_assert_cmpstr (error->message, ==, "Invalid ID number: the check character does not match");

  assert_id_invalid (CST_ID_TYPE_RESIDENT, "110105194912310020", CST_VALIDATION_ERROR_CHECK_CHARACTER);
  /* two digits swapped */
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "420106199010011231", CST_VALIDATION_ERROR_CHECK_CHARACTER);

  g_assert_cmpint (cst_id_check_character ("11010519491231002"), ==, 'X');
  g_assert_cmpint (cst_id_check_character ("42010619900101123"), ==, '1');
  g_assert_cmpint (cst_id_check_character ("4201061990010112A"), ==, '\0');
  g_assert_cmpint (cst_id_check_character ("4201"), ==, '\0');
}

static void
test_resident_birth_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate day;
  char id17[18];

  /* 1999-02-30, with a check character that is right for it */
  g_assert_false (cst_validate_resident_id ("420106199902301236", &today, NULL, &error));
  g_assert_error (error, CST_VALIDATION_ERROR, CST_VALIDATION_ERROR_BIRTH_DATE);
  g_assert_cmpstr (error->message, ==, "The birth date in the ID number does not exist");
  g_clear_error (&error);

  {
    g_autofree char *feb29 = make_id ("42010619990229123");    /* not a leap year */
    g_autofree char *month13 = make_id ("42010619901301123");
    g_autofree char *day0 = make_id ("42010619900100123");
    g_autofree char *year1899 = make_id ("42010618991231123");
    g_autofree char *y1900 = make_id ("42010619000228123");    /* 1900 is no leap year */

    assert_id_invalid (CST_ID_TYPE_RESIDENT, feb29, CST_VALIDATION_ERROR_BIRTH_DATE);
    assert_id_invalid (CST_ID_TYPE_RESIDENT, month13, CST_VALIDATION_ERROR_BIRTH_DATE);
    assert_id_invalid (CST_ID_TYPE_RESIDENT, day0, CST_VALIDATION_ERROR_BIRTH_DATE);
    assert_id_invalid (CST_ID_TYPE_RESIDENT, year1899, CST_VALIDATION_ERROR_BIRTH_DATE);
    assert_id_valid (CST_ID_TYPE_RESIDENT, y1900, y1900);
  }

  /* Born today is fine; tomorrow is in the future. */
  day = today;
  g_snprintf (id17, sizeof id17, "420106%04u%02u%02u123",
              g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
  {
    g_autofree char *born_today = make_id (id17);

    assert_id_valid (CST_ID_TYPE_RESIDENT, born_today, born_today);
  }

  g_date_add_days (&day, 1);
  g_snprintf (id17, sizeof id17, "420106%04u%02u%02u123",
              g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
  {
    g_autofree char *tomorrow = make_id (id17);

    g_assert_false (cst_validate_resident_id (tomorrow, &today, NULL, &error));
    g_assert_error (error, CST_VALIDATION_ERROR, CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE);
    g_assert_cmpstr (error->message, ==, "The birth date in the ID number is in the future");
    g_clear_error (&error);
  }

  /* 2030, judged against the fixed day and against an even later one */
  {
    GDate later;

    assert_id_invalid (CST_ID_TYPE_RESIDENT, "420106203001011230", CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE);
    g_date_clear (&later, 1);
    g_date_set_dmy (&later, 2, G_DATE_JANUARY, 2030);
    g_assert_true (cst_validate_resident_id ("420106203001011230", &later, NULL, NULL));
  }
}

static void
test_resident_province (void)
{
  static const char * const bad[] = { "00", "10", "16", "20", "24", "30", "38", "40", "47",
                                      "49", "55", "60", "66", "70", "72", "80", "83", "90", "99" };

  g_autoptr(GError) error = NULL;

  g_assert_false (cst_validate_resident_id ("990106199001011232", &today, NULL, &error));
  g_assert_error (error, CST_VALIDATION_ERROR, CST_VALIDATION_ERROR_PROVINCE);
  g_assert_cmpstr (error->message, ==, "Invalid ID number: the first two digits are not a province code");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *id17 = g_strdup_printf ("%s0106199001011234", bad[i]);
      g_autofree char *id = NULL;

      id17[17] = '\0';
      id = make_id (id17);
      assert_id_invalid (CST_ID_TYPE_RESIDENT, id, CST_VALIDATION_ERROR_PROVINCE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      g_autofree char *id17 = g_strdup_printf ("%02d0106199001011234", provinces[i]);
      g_autofree char *id = NULL;

      id17[17] = '\0';
      id = make_id (id17);
      assert_id_valid (CST_ID_TYPE_RESIDENT, id, id);
    }
}

static void
test_resident_format (void)
{
  g_autoptr(GError) error = NULL;

  assert_id_invalid (CST_ID_TYPE_RESIDENT, "", CST_VALIDATION_ERROR_EMPTY);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, " \u3000 ", CST_VALIDATION_ERROR_EMPTY);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, NULL, CST_VALIDATION_ERROR_EMPTY);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "42010619900101123", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "4201061990010112311", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "4201061990X1011231", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "42010619900101123A", CST_VALIDATION_ERROR_CHARACTERS);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "420106-19900101-1231", CST_VALIDATION_ERROR_CHARACTERS);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "42010619900101123\xf0\x9f\x98\x80", CST_VALIDATION_ERROR_CHARACTERS);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "4201061990010112\xff", CST_VALIDATION_ERROR_CHARACTERS);
  /* a right-to-left override hiding inside the number */
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "420106\u202e199001011231", CST_VALIDATION_ERROR_CHARACTERS);

  g_assert_false (cst_validate_resident_id ("4201061990X1011231", &today, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Invalid ID number: X can only be the last character");
}

static void
test_resident_legacy (void)
{
  g_autofree char *up = NULL;

  /* 15 digits, born 1990-01-01: 19 inserted, the check appended */
  assert_id_valid (CST_ID_TYPE_RESIDENT, "420106900101123", "420106199001011231");
  assert_id_valid (CST_ID_TYPE_RESIDENT, " 110105491231002 ", "11010519491231002X");
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "420106990230123", CST_VALIDATION_ERROR_BIRTH_DATE);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "990106900101123", CST_VALIDATION_ERROR_PROVINCE);
  assert_id_invalid (CST_ID_TYPE_RESIDENT, "42010690010112X", CST_VALIDATION_ERROR_CHARACTERS);

  up = cst_resident_id_upgrade ("110105491231002");
  g_assert_cmpstr (up, ==, "11010519491231002X");
  g_assert_null (cst_resident_id_upgrade ("420106990230123"));
  g_assert_null (cst_resident_id_upgrade ("11010519491231002X"));
  g_assert_null (cst_resident_id_upgrade ("11010549123100"));
  g_assert_null (cst_resident_id_upgrade (NULL));
}

static void
test_birth_info (void)
{
  GDate birth;
  CstSex sex = CST_SEX_UNKNOWN;

  /* sequence 002: even, a woman */
  g_assert_true (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, "11010519491231002X", &birth, &sex));
  g_assert_cmpuint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpuint (g_date_get_month (&birth), ==, 12);
  g_assert_cmpuint (g_date_get_day (&birth), ==, 31);
  g_assert_cmpint (sex, ==, CST_SEX_FEMALE);

  /* sequence 123: odd, a man */
  g_assert_true (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, "420106199001011231", &birth, &sex));
  g_assert_cmpuint (g_date_get_year (&birth), ==, 1990);
  g_assert_cmpint (sex, ==, CST_SEX_MALE);

  /* legacy 15 digits: the sex is the last digit */
  g_assert_true (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, "420106900101124", &birth, &sex));
  g_assert_cmpuint (g_date_get_year (&birth), ==, 1990);
  g_assert_cmpint (sex, ==, CST_SEX_FEMALE);

  g_assert_true (cst_id_get_birth_info (CST_ID_TYPE_HKMOTW_RESIDENCE, "83000019851212456X", &birth, NULL));
  g_assert_cmpuint (g_date_get_year (&birth), ==, 1985);
  g_assert_cmpuint (g_date_get_month (&birth), ==, 12);
  g_assert_cmpuint (g_date_get_day (&birth), ==, 12);

  {
    g_autofree char *pr = make_id ("91184019880808011");

    g_assert_true (cst_id_get_birth_info (CST_ID_TYPE_FOREIGN_PR, pr, &birth, &sex));
    g_assert_cmpuint (g_date_get_year (&birth), ==, 1988);
    g_assert_cmpuint (g_date_get_month (&birth), ==, 8);
    g_assert_cmpint (sex, ==, CST_SEX_MALE);
  }

  /* documents that carry no birth date, and numbers that are none */
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_PASSPORT, "E12345678", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_HKMO_PERMIT, "H12345678", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_TW_PERMIT, "12345678", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_FOREIGN_PR, "USA110075060102", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, "420106199902301236", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, "4201", &birth, &sex));
  g_assert_false (cst_id_get_birth_info (CST_ID_TYPE_RESIDENT, NULL, &birth, &sex));
}

/* Other documents {{{1 */

static void
test_hkmo_permit (void)
{
  assert_id_valid (CST_ID_TYPE_HKMO_PERMIT, "H12345678", "H12345678");
  assert_id_valid (CST_ID_TYPE_HKMO_PERMIT, "M1234567801", "M1234567801");
  assert_id_valid (CST_ID_TYPE_HKMO_PERMIT, " h 1234 5678 ", "H12345678");
  assert_id_valid (CST_ID_TYPE_HKMO_PERMIT, "Ｈ１２３４５６７８", "H12345678");
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "", CST_VALIDATION_ERROR_EMPTY);
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "A12345678", CST_VALIDATION_ERROR_PREFIX);
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "12345678", CST_VALIDATION_ERROR_PREFIX);
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "H1234567", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "H123456789", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_HKMO_PERMIT, "H1234567A", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_tw_permit (void)
{
  assert_id_valid (CST_ID_TYPE_TW_PERMIT, "12345678", "12345678");
  assert_id_valid (CST_ID_TYPE_TW_PERMIT, "1234567801", "1234567801");
  assert_id_invalid (CST_ID_TYPE_TW_PERMIT, "1234567", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_TW_PERMIT, "123456789", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_TW_PERMIT, "T1234567", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_passport (void)
{
  assert_id_valid (CST_ID_TYPE_PASSPORT, "E12345678", "E12345678");
  assert_id_valid (CST_ID_TYPE_PASSPORT, "EA1234567", "EA1234567");
  assert_id_valid (CST_ID_TYPE_PASSPORT, "eh1234567", "EH1234567");
  assert_id_valid (CST_ID_TYPE_PASSPORT, "G12345678", "G12345678");
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "EI1234567", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "EO1234567", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "EA123456B", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "GA1234567", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "K12345678", CST_VALIDATION_ERROR_PREFIX);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "E1234567", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "E123456789", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_PASSPORT, "E1234_678", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_foreign_pr (void)
{
  g_autofree char *pr = make_id ("91184019880808011");
  g_autofree char *future = make_id ("91184020300808011");
  g_autofree char *bad_date = make_id ("91184019880230011");
  g_autofree char *bad_province = make_id ("99984019880808011");
  g_autofree char *wrong = g_strdup (pr);

  wrong[17] = wrong[17] == '0' ? '1' : '0';

  assert_id_valid (CST_ID_TYPE_FOREIGN_PR, pr, pr);
  assert_id_valid (CST_ID_TYPE_FOREIGN_PR, "USA110075060102", "USA110075060102");
  assert_id_valid (CST_ID_TYPE_FOREIGN_PR, "usa110075060102", "USA110075060102");
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, wrong, CST_VALIDATION_ERROR_CHECK_CHARACTER);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, future, CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, bad_date, CST_VALIDATION_ERROR_BIRTH_DATE);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, bad_province, CST_VALIDATION_ERROR_PROVINCE);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, "420106199001011231", CST_VALIDATION_ERROR_PREFIX);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, "US1110075060102", CST_VALIDATION_ERROR_FORMAT);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, "USA11007506010", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_FOREIGN_PR, "USA-11007506010", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_hkmotw_residence (void)
{
  assert_id_valid (CST_ID_TYPE_HKMOTW_RESIDENCE, "810000199001011230", "810000199001011230");
  assert_id_valid (CST_ID_TYPE_HKMOTW_RESIDENCE, "83000019851212456x", "83000019851212456X");
  {
    g_autofree char *macao = make_id ("82000019700615002");
    g_autofree char *wrong_prefix = make_id ("84000019700615002");
    g_autofree char *city = make_id ("81010019700615002");

    assert_id_valid (CST_ID_TYPE_HKMOTW_RESIDENCE, macao, macao);
    assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, wrong_prefix, CST_VALIDATION_ERROR_PREFIX);
    assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, city, CST_VALIDATION_ERROR_PREFIX);
  }
  assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, "420106199001011231", CST_VALIDATION_ERROR_PREFIX);
  assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, "810000199001011231", CST_VALIDATION_ERROR_CHECK_CHARACTER);
  assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, "81000019900101123", CST_VALIDATION_ERROR_LENGTH);
  assert_id_invalid (CST_ID_TYPE_HKMOTW_RESIDENCE, "810000203001011230", CST_VALIDATION_ERROR_FUTURE_BIRTH_DATE);
}

static void
test_id_types (void)
{
  static const char * const names[CST_N_ID_TYPES] = {
    "resident-id", "hkmo-permit", "tw-permit", "passport", "foreign-pr", "hkmotw-residence",
  };

  for (guint i = 0; i < CST_N_ID_TYPES; i++)
    {
      CstIdType type = 99;

      g_assert_cmpstr (cst_id_type_to_string (i), ==, names[i]);
      g_assert_true (cst_id_type_from_string (names[i], &type));
      g_assert_cmpint (type, ==, i);
      g_assert_nonnull (cst_id_type_get_label (i));
      g_assert_cmpstr (cst_id_type_get_label (i), !=, "");
    }

  {
    CstIdType type = CST_ID_TYPE_PASSPORT;

    g_assert_false (cst_id_type_from_string ("resident", &type));
    g_assert_false (cst_id_type_from_string ("", &type));
    g_assert_false (cst_id_type_from_string (NULL, &type));
    g_assert_cmpint (type, ==, CST_ID_TYPE_PASSPORT);
  }

  g_assert_cmpstr (cst_id_type_get_label (CST_ID_TYPE_RESIDENT), ==, "Resident ID card");
}

/* Enterprise {{{1 */

static void
test_uscc (void)
{
  static const char forbidden[] = "IOSVZ";
  g_autoptr(GError) error = NULL;

  assert_valid (cst_validate_uscc, "91110000100001342C", "91110000100001342C");
  assert_valid (cst_validate_uscc, "914201001775984582", "914201001775984582");
  assert_valid (cst_validate_uscc, " 12420000mb1234567q ", "12420000MB1234567Q");
  assert_valid (cst_validate_uscc, "９１１１００００１００００１３４２Ｃ", "91110000100001342C");
  assert_invalid (cst_validate_uscc, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_uscc, "91110000100001342", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_uscc, "91110000100001342D", CST_VALIDATION_ERROR_CHECK_CHARACTER);
  assert_invalid (cst_validate_uscc, "911100A0100001342C", CST_VALIDATION_ERROR_REGION);
  assert_invalid (cst_validate_uscc, "91110000100001342-", CST_VALIDATION_ERROR_CHARACTERS);

  /* I O S V Z are not in the alphabet, wherever they stand */
  for (guint i = 0; forbidden[i] != '\0'; i++)
    {
      char code[] = "12420000MB1234567Q";

      code[9] = forbidden[i];
      assert_invalid (cst_validate_uscc, code, CST_VALIDATION_ERROR_CHARACTERS);
      code[9] = 'B';
      code[17] = forbidden[i];
      assert_invalid (cst_validate_uscc, code, CST_VALIDATION_ERROR_CHARACTERS);
    }

  g_assert_false (cst_validate_uscc ("12420000MO1234567Q", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Invalid unified social credit code: the letters I, O, S, V and Z are not used");

  g_assert_cmpint (cst_uscc_check_character ("91110000100001342"), ==, 'C');
  g_assert_cmpint (cst_uscc_check_character ("9111000010000134I"), ==, '\0');
}

static void
test_tin (void)
{
  assert_valid (cst_validate_tin, "420106177598458", "420106177598458");
  assert_valid (cst_validate_tin, "42010617759845x", "42010617759845X");
  assert_valid (cst_validate_tin, "42010690010112301", "42010690010112301");
  assert_valid (cst_validate_tin, "420106199001011231", "420106199001011231");
  assert_valid (cst_validate_tin, "42010619900101123101", "42010619900101123101");
  assert_invalid (cst_validate_tin, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_tin, "4201061775984", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_tin, "4201061775984581", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_tin, "990106177598458", CST_VALIDATION_ERROR_REGION);
  assert_invalid (cst_validate_tin, "42A106177598458", CST_VALIDATION_ERROR_REGION);
  assert_invalid (cst_validate_tin, "420106-77598458", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_tin, "420106199001011232", CST_VALIDATION_ERROR_CHECK_CHARACTER);
  assert_invalid (cst_validate_tin, "4201069001011230A", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_tin, "42010619900101123A01", CST_VALIDATION_ERROR_FORMAT);
}

static void
test_enterprise_code (void)
{
  assert_valid (cst_validate_enterprise_code, "91110000100001342c", "91110000100001342C");
  assert_valid (cst_validate_enterprise_code, "420106177598458", "420106177598458");
  assert_valid (cst_validate_enterprise_code, "420106199001011231", "420106199001011231");
  assert_invalid (cst_validate_enterprise_code, " ", CST_VALIDATION_ERROR_EMPTY);
  /* a mistyped credit code is explained as one */
  assert_invalid (cst_validate_enterprise_code, "91110000100001342D", CST_VALIDATION_ERROR_CHECK_CHARACTER);
  assert_invalid (cst_validate_enterprise_code, "91110000100S01342C", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_enterprise_code, "9911000010000134", CST_VALIDATION_ERROR_LENGTH);
}

/* Phone, code, name, user name {{{1 */

static void
test_phone (void)
{
  assert_valid (cst_validate_phone, "13812345678", "13812345678");
  assert_valid (cst_validate_phone, "+86 138-1234-5678", "13812345678");
  assert_valid (cst_validate_phone, "0086 19912345678", "19912345678");
  assert_valid (cst_validate_phone, "8613812345678", "13812345678");
  assert_valid (cst_validate_phone, "＋８６ １３８ １２３４ ５６７８", "13812345678");
  assert_valid (cst_validate_phone, "\u3000138 1234 5678\u3000", "13812345678");
  assert_invalid (cst_validate_phone, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_phone, "+86", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_phone, "12812345678", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_phone, "23812345678", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_phone, "1381234567", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_phone, "138123456789", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_phone, "1381234567a", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_phone, "(138)12345678", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_phone, "138\xc0\x80" "12345678", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_sms_code (void)
{
  assert_valid (cst_validate_sms_code, "123456", "123456");
  assert_valid (cst_validate_sms_code, " 012 345 ", "012345");
  assert_valid (cst_validate_sms_code, "１２３４５６", "123456");
  assert_invalid (cst_validate_sms_code, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_sms_code, "12345", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_sms_code, "1234567", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_sms_code, "12345a", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_sms_code, "12-456", CST_VALIDATION_ERROR_CHARACTERS);
}

static void
test_name (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *max_name = NULL;
  GString *s;

  assert_valid (cst_validate_name, "张三", "张三");
  assert_valid (cst_validate_name, "欧阳娜娜", "欧阳娜娜");
  assert_valid (cst_validate_name, " 李〇 ", "李〇");
  assert_valid (cst_validate_name, "\U00020000\U00020001", "\U00020000\U00020001");
  /* the middle dot of minority names, and what IMEs type for it */
  assert_valid (cst_validate_name, "阿卜杜·热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "阿卜杜\u2022热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "阿卜杜\u30fb热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "阿卜杜\uff0e热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "阿卜杜.热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "阿卜杜 · 热合曼", "阿卜杜·热合曼");
  assert_valid (cst_validate_name, "买买提·艾力·吐尔逊", "买买提·艾力·吐尔逊");
  /* a slip of the space bar between 汉字 goes; words of Latin names stay */
  assert_valid (cst_validate_name, "张 三", "张三");
  assert_valid (cst_validate_name, "JOHN   SMITH", "JOHN SMITH");
  assert_valid (cst_validate_name, "Ｊｏｈｎ", "John");
  assert_valid (cst_validate_name, "Zoe\xcc\x88", "Zoe\xcc\x88");

  assert_invalid (cst_validate_name, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_name, "\u3000", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_name, "张", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_name, "张三3", CST_VALIDATION_ERROR_DIGITS);
  assert_invalid (cst_validate_name, "张三３", CST_VALIDATION_ERROR_DIGITS);
  assert_invalid (cst_validate_name, "张三Ⅷ", CST_VALIDATION_ERROR_DIGITS);
  assert_invalid (cst_validate_name, "·张三", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_name, "张三·", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_name, "张··三", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_name, "张. ·三", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_name, "张三\xf0\x9f\x98\x80", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_name, "张\u202e三", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_name, "张\u200b三", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_name, "张_三", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_name, "张\xff三", CST_VALIDATION_ERROR_CHARACTERS);

  /* 30 characters are the most */
  s = g_string_new (NULL);
  for (guint i = 0; i < 30; i++)
    g_string_append (s, "赵");
  max_name = g_strdup (s->str);
  g_string_append (s, "赵");
  long_name = g_string_free (s, FALSE);
  assert_valid (cst_validate_name, max_name, max_name);
  assert_invalid (cst_validate_name, long_name, CST_VALIDATION_ERROR_LENGTH);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cst_validate_name ("张三3", NULL, &error));
    g_assert_cmpstr (error->message, ==, "The name cannot contain digits");
  }
}

static void
test_username (void)
{
  assert_valid (cst_validate_username, "tax_user1", "tax_user1");
  assert_valid (cst_validate_username, "abcd", "abcd");
  assert_valid (cst_validate_username, "ｔａｘ＿ｕｓｅｒ", "tax_user");
  assert_valid (cst_validate_username, "A2345678901234567890", "A2345678901234567890");
  assert_invalid (cst_validate_username, "", CST_VALIDATION_ERROR_EMPTY);
  assert_invalid (cst_validate_username, "abc", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_username, "A23456789012345678901", CST_VALIDATION_ERROR_LENGTH);
  assert_invalid (cst_validate_username, "12345678", CST_VALIDATION_ERROR_ALL_DIGITS);
  assert_invalid (cst_validate_username, "13812345678", CST_VALIDATION_ERROR_ALL_DIGITS);
  assert_invalid (cst_validate_username, "tax-user", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_username, "tax user", CST_VALIDATION_ERROR_CHARACTERS);
  assert_invalid (cst_validate_username, "用户名字", CST_VALIDATION_ERROR_CHARACTERS);
  /* it would be taken for a document number at login */
  assert_invalid (cst_validate_username, "E12345678", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_username, "h12345678", CST_VALIDATION_ERROR_FORMAT);
  assert_invalid (cst_validate_username, "11010519491231002X", CST_VALIDATION_ERROR_FORMAT);
}

static void
test_classify (void)
{
  struct {
    const char     *input;
    CstAccountKind  kind;
    const char     *normalized;
  } cases[] = {
    { "13812345678",         CST_ACCOUNT_KIND_PHONE,     "13812345678" },
    { "+86 138 1234 5678",   CST_ACCOUNT_KIND_PHONE,     "13812345678" },
    { "11010519491231002x",  CST_ACCOUNT_KIND_ID_NUMBER, "11010519491231002X" },
    { "420106900101123",     CST_ACCOUNT_KIND_ID_NUMBER, "420106199001011231" },
    { "e12345678",           CST_ACCOUNT_KIND_ID_NUMBER, "E12345678" },
    { "M1234567801",         CST_ACCOUNT_KIND_ID_NUMBER, "M1234567801" },
    { "tax_user1",           CST_ACCOUNT_KIND_USERNAME,  "tax_user1" },
    { " ｔａｘｕｓｅｒ ",    CST_ACCOUNT_KIND_USERNAME,  "taxuser" },
    { "ab",                  CST_ACCOUNT_KIND_INVALID,   NULL },
    { "12812345678",         CST_ACCOUNT_KIND_INVALID,   NULL },
    { "张三",                CST_ACCOUNT_KIND_INVALID,   NULL },
    { "",                    CST_ACCOUNT_KIND_INVALID,   NULL },
    { NULL,                  CST_ACCOUNT_KIND_INVALID,   NULL },
    { "\xfe\xff",            CST_ACCOUNT_KIND_INVALID,   NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *escaped = g_strescape (cases[i].input ? cases[i].input : "(null)", NULL);

      g_test_message ("account %s", escaped);
      g_assert_cmpint (cst_classify_account (cases[i].input, &normalized), ==, cases[i].kind);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      g_assert_cmpint (cst_classify_account (cases[i].input, NULL), ==, cases[i].kind);
    }
}

/* Robustness {{{1 */

typedef gboolean (*FieldFunc) (const char *, char **, GError **);

static gboolean
check_everything (const char *input)
{
  static const FieldFunc funcs[] = {
    cst_validate_uscc, cst_validate_tin, cst_validate_enterprise_code, cst_validate_phone,
    cst_validate_sms_code, cst_validate_name, cst_validate_username,
  };
  gboolean any = FALSE;

  for (guint i = 0; i < CST_N_ID_TYPES + G_N_ELEMENTS (funcs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean ok;

      if (i < CST_N_ID_TYPES)
        ok = cst_validate_id (i, input, &today, &normalized, &error);
      else
        ok = funcs[i - CST_N_ID_TYPES] (input, &normalized, &error);

      /* Either a clean success with valid UTF-8, or a reason to show. */
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (normalized);
          g_assert_true (g_utf8_validate (normalized, -1, NULL));
          any = TRUE;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == CST_VALIDATION_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpstr (error->message, !=, "");
          g_assert_null (normalized);
        }
    }

  {
    g_autofree char *normalized = NULL;
    CstAccountKind kind = cst_classify_account (input, &normalized);

    g_assert_true ((kind == CST_ACCOUNT_KIND_INVALID) == (normalized == NULL));
  }

  return any;
}

static void
test_robustness (void)
{
  static const char * const nasty[] = {
    "\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe4\xb8", "1\x80", "\u200f\u202e",
    "\u200d", "\xf0\x9f\x91\xa8\u200d\xf0\x9f\x91\xa9\u200d\xf0\x9f\x91\xa7",
    "\xef\xbb\xbf", "\u00b7", "··", " · ", "X", "x", "9", "E", "H", "\uffff", "\U0010FFFF",
    "+", "0086", "86", "\t\n\r\v\f",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260615);
  g_autofree char *huge = NULL;
  g_autofree char *huge_spaces = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (nasty); i++)
    g_assert_false (check_everything (nasty[i]));

  /* A megabyte of digits, and a valid ID buried in a megabyte of spaces. */
  huge = g_strnfill (1 << 20, '1');
  g_assert_false (check_everything (huge));
  huge_spaces = g_strdup_printf ("%*s11010519491231002X%*s", 1 << 19, "", 1 << 19, "");
  g_assert_true (cst_validate_resident_id (huge_spaces, &today, NULL, NULL));

  /* Random bytes: whatever comes, a clean answer. */
  for (guint i = 0; i < 3000; i++)
    {
      char buf[40];
      guint len = g_rand_int_range (rand, 0, sizeof buf);

      for (guint j = 0; j < len; j++)
        buf[j] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';

      check_everything (buf);
    }
}

/* Generated {{{1 */

#define N_GENERATED 2000

static char *
random_resident_id (GRand *rand)
{
  GDate birth;
  char id17[18];
  guint32 first = 0, last;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, G_DATE_JANUARY, 1900);
  first = g_date_get_julian (&birth);
  last = g_date_get_julian (&today);
  g_date_set_julian (&birth, g_rand_int_range (rand, first, last + 1));

  g_snprintf (id17, sizeof id17, "%02d%04d%04u%02u%02u%03d",
              provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))],
              g_rand_int_range (rand, 0, 10000),
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              g_rand_int_range (rand, 0, 1000));

  return make_id (id17);
}

static void
test_generated_resident (void)
{
  static const char alphabet[] = "0123456789X";
  g_autoptr(GRand) rand = g_rand_new_with_seed (11643);
  guint n_mutants = 0, n_accepted = 0;

  for (guint n = 0; n < N_GENERATED; n++)
    {
      g_autofree char *id = random_resident_id (rand);
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (ref_resident_valid (id));
      if (!cst_validate_resident_id (id, &today, &normalized, &error))
        g_error ("%s refused: %s", id, error->message);
      g_assert_cmpstr (normalized, ==, id);
      g_assert_cmpint (cst_id_check_character (id), ==, id[17]);

      /* every single-character change: refused unless the reference
       * says it is still a valid number */
      for (guint pos = 0; pos < 18; pos++)
        {
          for (guint k = 0; alphabet[k] != '\0'; k++)
            {
              g_autofree char *mutant = NULL;
              gboolean ok;

              if (alphabet[k] == id[pos])
                continue;

              mutant = g_strdup (id);
              mutant[pos] = alphabet[k];
              ok = cst_validate_resident_id (mutant, &today, NULL, NULL);
              if (ok != ref_resident_valid (mutant))
                g_error ("%s (from %s): validator says %d", mutant, id, ok);
              n_mutants++;
              n_accepted += ok;
            }
        }
    }

  /* MOD 11-2 catches every single substitution: none gets through. */
  g_assert_cmpuint (n_accepted, ==, 0);
  g_test_message ("%u mutants refused", n_mutants);
}

static void
test_generated_uscc (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ";
  g_autoptr(GRand) rand = g_rand_new_with_seed (32100);
  guint n_accepted = 0;

  for (guint n = 0; n < N_GENERATED; n++)
    {
      char code[19];
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 17; i++)
        {
          if (i >= 2 && i < 8)
            code[i] = '0' + g_rand_int_range (rand, 0, 10);
          else
            code[i] = uscc_chars[g_rand_int_range (rand, 0, 31)];
        }
      code[17] = ref_uscc_check (code);
      code[18] = '\0';

      if (!cst_validate_uscc (code, &normalized, &error))
        g_error ("%s refused: %s", code, error->message);
      g_assert_cmpstr (normalized, ==, code);

      {
        g_autofree char *lower = g_ascii_strdown (code, -1);

        g_assert_true (cst_validate_enterprise_code (lower, NULL, NULL));
      }

      for (guint pos = 0; pos < 18; pos++)
        {
          for (guint k = 0; alphabet[k] != '\0'; k++)
            {
              char mutant[19];
              gboolean expected;
              gboolean ok;

              if (alphabet[k] == code[pos])
                continue;

              memcpy (mutant, code, sizeof mutant);
              mutant[pos] = alphabet[k];

              expected = strchr ("IOSVZ", alphabet[k]) == NULL &&
                         (pos < 2 || pos >= 8 || g_ascii_isdigit (alphabet[k])) &&
                         ref_uscc_check (mutant) == mutant[17];
              ok = cst_validate_uscc (mutant, NULL, NULL);
              if (ok != expected)
                g_error ("%s (from %s): validator says %d", mutant, code, ok);
              n_accepted += ok;
            }
        }
    }

  /* weights 1…30 mod 31 are all non-zero: every substitution is caught */
  g_assert_cmpuint (n_accepted, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  g_test_add_func ("/Cst/Validate/resident/valid", test_resident_valid);
  g_test_add_func ("/Cst/Validate/resident/check-character", test_resident_check_character);
  g_test_add_func ("/Cst/Validate/resident/birth-date", test_resident_birth_date);
  g_test_add_func ("/Cst/Validate/resident/province", test_resident_province);
  g_test_add_func ("/Cst/Validate/resident/format", test_resident_format);
  g_test_add_func ("/Cst/Validate/resident/legacy", test_resident_legacy);
  g_test_add_func ("/Cst/Validate/birth-info", test_birth_info);
  g_test_add_func ("/Cst/Validate/hkmo-permit", test_hkmo_permit);
  g_test_add_func ("/Cst/Validate/tw-permit", test_tw_permit);
  g_test_add_func ("/Cst/Validate/passport", test_passport);
  g_test_add_func ("/Cst/Validate/foreign-pr", test_foreign_pr);
  g_test_add_func ("/Cst/Validate/hkmotw-residence", test_hkmotw_residence);
  g_test_add_func ("/Cst/Validate/id-types", test_id_types);
  g_test_add_func ("/Cst/Validate/uscc", test_uscc);
  g_test_add_func ("/Cst/Validate/tin", test_tin);
  g_test_add_func ("/Cst/Validate/enterprise-code", test_enterprise_code);
  g_test_add_func ("/Cst/Validate/phone", test_phone);
  g_test_add_func ("/Cst/Validate/sms-code", test_sms_code);
  g_test_add_func ("/Cst/Validate/name", test_name);
  g_test_add_func ("/Cst/Validate/username", test_username);
  g_test_add_func ("/Cst/Validate/classify-account", test_classify);
  g_test_add_func ("/Cst/Validate/robustness", test_robustness);
  g_test_add_func ("/Cst/Validate/generated/resident-id", test_generated_resident);
  g_test_add_func ("/Cst/Validate/generated/uscc", test_generated_uscc);

  return g_test_run ();
}
