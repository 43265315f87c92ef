/* comm-test-deep-dive.h: what the Deep Dive test programs share - a small workspace with three
 * contracts running through 2026-27, making, starting, loading and completing Deep Dives, and
 * asserting an error's code and words. Header-only (static inline), as each test program is
 * built from one file. */
#pragma once

#include <string.h>

#include "commissioner-core.h"
#include "comm-test-core.h"

#define YEAR 2026

/* A workspace with one provider and contracts 1-3 running through 2026-27. */
static inline CommDatabase *
new_workspace (void)
{
  CommDatabase *db = comm_test_temp_workspace ();

  comm_test_exec_sql (db,
    "INSERT INTO providers (id, name) VALUES (1, 'Family Action');"
    "INSERT INTO contracts (id, reference, title, provider_id, lead_commissioner, service_area,"
    " start_date, end_date) VALUES"
    " (1, 'FS-001', 'Family support hubs', 1, 'Priya Shah', 'Family Support', '2025-04-01', '2028-03-31'),"
    " (2, 'YC-002', 'Young carers service', 1, 'Tom Reid', 'Young Carers', '2024-10-01', '2027-09-30'),"
    " (3, 'DA-003', 'Domestic abuse outreach', 1, 'Priya Shah', 'Domestic Abuse', '2026-01-01', '2029-12-31');");

  return db;
}

static inline gint64
create_dive (CommDatabase *db,
             gint64        contract_id,
             const char   *scheduled_on)
{
  g_autoptr(GError) error = NULL;
  gint64 id = comm_deep_dive_create (db, contract_id, YEAR, scheduled_on, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static inline CommDeepDive *
load (CommDatabase *db,
      gint64        id)
{
  g_autoptr(GError) error = NULL;
  CommDeepDive *dive = comm_deep_dive_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dive);

  return dive;
}

static inline CommDeepDiveArea *
area (CommDeepDive *dive,
      guint         number)
{
  g_assert_cmpuint (number, >=, 1);
  g_assert_cmpuint (number, <=, dive->areas->len);

  return g_ptr_array_index (dive->areas, number - 1);
}

/* A started Deep Dive of contract @contract_id. */
static inline gint64
started_dive (CommDatabase *db,
              gint64        contract_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create_dive (db, contract_id, "2026-09-15");

  g_assert_true (comm_deep_dive_start (db, id, "2026-09-15", NULL, &error));
  g_assert_no_error (error);

  return id;
}

/* Judges every area Met, grades it Good and signs it off. */
static inline void
complete_dive (CommDatabase *db,
               gint64        id)
{
  g_autoptr(CommDeepDive) dive = load (db, id);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < dive->areas->len; i++)
    {
      g_assert_true (comm_deep_dive_save_area (db, area (dive, i + 1)->id, COMM_JUDGEMENT_MET, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (comm_deep_dive_save_conclusion (db, id, COMM_GRADE_GOOD, "Keep the hubs open late.", "",
                                                 FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (comm_deep_dive_sign_off (db, id, "Jo Bloggs", "2026-10-01", NULL, &error));
  g_assert_no_error (error);
}

static inline void
assert_error (GError     *error,
              int         code,
              const char *fragment)
{
  g_assert_error (error, COMM_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}
