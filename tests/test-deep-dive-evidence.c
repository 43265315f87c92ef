/* test-deep-dive-evidence.c: files attached to a Deep Dive round-trip byte for byte with the right
 * SHA-256; the 50 MB limit, missing, unreadable and odd files give clear errors; references;
 * lists never read the contents; damaged copies are caught; writing out for the system viewer */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "commissioner-core.h"
#include "comm-database-private.h"
#include "comm-test-core.h"

/* Helpers */

typedef struct {
  CommDatabase *db;
  gint64        dive_id;
  gint64        area_id;
  char         *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = comm_test_new_dir ();
  fixture->db = comm_test_create_workspace_in (fixture->dir, "evidence");
  comm_test_exec_sql (fixture->db,
    "INSERT INTO providers (id, name) VALUES (1, 'NSPCC');"
    "INSERT INTO contracts (id, reference, title, provider_id, start_date, end_date)"
    " VALUES (1, 'CAMHS-01', 'Emotional wellbeing', 1, '2025-04-01', '2028-03-31');");
  fixture->dive_id = comm_deep_dive_create (fixture->db, 1, 2026, "2026-10-05", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (comm_deep_dive_start (fixture->db, fixture->dive_id, "2026-10-05", NULL, &error));
  g_assert_no_error (error);
  fixture->area_id = comm_test_query_int (fixture->db, "SELECT id FROM deep_dive_areas WHERE position = 3");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  comm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
sha256_of (const guchar *data,
           gsize         size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
}

/* A file of @size bytes that uses every byte value, in the fixture's folder. */
static char *
write_sample (Fixture    *fixture,
              const char *name,
              gsize       size,
              GBytes    **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree guchar *data = g_malloc (MAX (size, 1));
  char *path = g_build_filename (fixture->dir, name, NULL);

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) ((i * 7 + i / 256) & 0xff);
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, &error));
  g_assert_no_error (error);
  if (bytes_out != NULL)
    *bytes_out = g_bytes_new (data, size);

  return path;
}

static void
assert_error (GError     *error,
              int         code,
              const char *fragment)
{
  g_assert_error (error, COMM_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

/* Tests */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(CommEvidence) evidence = NULL;
  g_autoptr(CommDeepDive) dive = NULL;
  g_autofree char *path = write_sample (fixture, "Q2 return – café.xlsx", 300 * 1024 + 17, &original);
  g_autofree char *expected = sha256_of (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autofree char *temp = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.bin", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  evidence = comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evidence->kind, ==, COMM_EVIDENCE_FILE);
  g_assert_cmpstr (evidence->name, ==, "Q2 return – café.xlsx");
  g_assert_cmpint (evidence->size, ==, 300 * 1024 + 17);
  g_assert_cmpstr (evidence->sha256, ==, expected);
  g_assert_cmpstr (evidence->content_type, !=, "");
  g_assert_cmpstr (evidence->added_by, ==, g_get_user_name ());
  g_assert_cmpint (evidence->area_id, ==, fixture->area_id);

  back = comm_deep_dive_read_attachment (fixture->db, evidence->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, original));

  /* For the system viewer: a private file under its own name. */
  temp = comm_deep_dive_write_attachment_temp (fixture->db, evidence->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (temp, "/Q2 return – café.xlsx"));
  g_assert_true (g_file_get_contents (temp, &contents, &length, &error));
  g_assert_cmpmem (contents, length, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_assert_cmpint (g_stat (temp, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  temp_dir = g_path_get_dirname (temp);
  comm_test_remove_tree (temp_dir);

  g_assert_true (comm_deep_dive_write_attachment (fixture->db, evidence->id, copy_path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy_path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  /* The Deep Dive lists it without its contents. */
  dive = comm_deep_dive_load (fixture->db, fixture->dive_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((CommDeepDiveArea *) dive->areas->pdata[2])->evidence->len, ==, 1);
  g_assert_cmpstr (((CommEvidence *) ((CommDeepDiveArea *) dive->areas->pdata[2])->evidence->pdata[0])->sha256, ==,
                   expected);
}

static void
test_empty_and_bytes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_path = write_sample (fixture, "empty.txt", 0, NULL);
  g_autoptr(CommEvidence) empty = NULL;
  g_autoptr(CommEvidence) memory = NULL;
  g_autoptr(GBytes) empty_back = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Visit notes\n", 12);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GPtrArray) list = NULL;

  empty = comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, empty_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty->size, ==, 0);
  g_assert_cmpstr (empty->sha256, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  empty_back = comm_deep_dive_read_attachment (fixture->db, empty->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty_back), ==, 0);

  memory = comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, " visit-notes.txt ", text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (memory->name, ==, "visit-notes.txt");
  g_assert_cmpstr (memory->content_type, ==, "text/plain");
  back = comm_deep_dive_read_attachment (fixture->db, memory->id, &error);
  g_assert_true (g_bytes_equal (back, text));
  g_assert_null (comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "  ", text, &error));
  assert_error (error, COMM_ERROR_INVALID, "name");
  g_clear_error (&error);

  list = comm_deep_dive_list_evidence (fixture->db, fixture->area_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CommEvidence *) list->pdata[0])->name, ==, "empty.txt");
}

static void
test_temp_file_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("x", 1);
  g_autoptr(CommEvidence) evidence = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;

  /* A name with folders in it (from another system, say) never writes outside the temp folder. */
  evidence = comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "../../etc/notes.txt", text, &error);
  g_assert_no_error (error);
  temp = comm_deep_dive_write_attachment_temp (fixture->db, evidence->id, &error);
  g_assert_no_error (error);
  folder = g_path_get_dirname (temp);
  base = g_path_get_basename (folder);
  g_assert_true (g_str_has_prefix (base, "commissioner-"));
  g_assert_true (g_str_has_suffix (temp, "/_.._etc_notes.txt"));
  g_assert_true (g_file_test (temp, G_FILE_TEST_IS_REGULAR));
  comm_test_remove_tree (folder);
}

static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "video of the visit.mp4", NULL);
  g_autoptr(GBytes) huge = NULL;
  int fd;

  /* A sparse file one byte over the limit: refused before anything is read. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE + 1), ==, 0);
  close (fd);
  g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, path, &error));
  assert_error (error, COMM_ERROR_INVALID, "at most 50 MB");
  g_assert_nonnull (strstr (error->message, "video of the visit.mp4"));
  g_assert_nonnull (strstr (error->message, "is 50.0"));  /* g_format_size: "50.0 MB" with a no-break space */
  g_clear_error (&error);

  huge = g_bytes_new_take (g_malloc0 (COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE + 1), COMM_DEEP_DIVE_MAX_ATTACHMENT_SIZE + 1);
  g_assert_null (comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "big.bin", huge, &error));
  assert_error (error, COMM_ERROR_INVALID, "at most 50 MB");
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count(*) FROM deep_dive_evidence"), ==, 0);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "Minutes 12 March.docx", NULL);
  g_autofree char *locked = write_sample (fixture, "locked.pdf", 100, NULL);

  g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, missing, &error));
  assert_error (error, COMM_ERROR_NOT_FOUND, "Minutes 12 March.docx");
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, fixture->dir, &error));
  assert_error (error, COMM_ERROR_INVALID, "folder");
  g_clear_error (&error);

  g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, "/dev/null", &error));
  assert_error (error, COMM_ERROR_INVALID, "not an ordinary file");
  g_clear_error (&error);

  g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, 9999, locked, &error));
  assert_error (error, COMM_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  if (geteuid () != 0)  /* root reads anything */
    {
      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      g_assert_null (comm_deep_dive_add_evidence_file (fixture->db, fixture->area_id, locked, &error));
      assert_error (error, COMM_ERROR_FAILED, "locked.pdf");
      g_clear_error (&error);
    }
  g_assert_cmpint (comm_test_query_int (fixture->db, "SELECT count(*) FROM deep_dive_evidence"), ==, 0);
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CommEvidence) reference = NULL;

  reference = comm_deep_dive_add_evidence_reference (fixture->db, fixture->area_id, " Q2 monitoring return ",
                                                     "SharePoint > Contracts > CAMHS-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (reference->kind, ==, COMM_EVIDENCE_REFERENCE);
  g_assert_cmpstr (reference->name, ==, "Q2 monitoring return");
  g_assert_cmpstr (reference->reference, ==, "SharePoint > Contracts > CAMHS-01");
  g_assert_cmpint (reference->size, ==, 0);
  g_assert_cmpstr (reference->sha256, ==, "");
  g_assert_null (comm_deep_dive_read_attachment (fixture->db, reference->id, &error));
  assert_error (error, COMM_ERROR_INVALID, "reference");
  g_clear_error (&error);
  g_assert_null (comm_deep_dive_add_evidence_reference (fixture->db, fixture->area_id, "", "somewhere", &error));
  assert_error (error, COMM_ERROR_INVALID, "title");
  g_clear_error (&error);

  g_assert_true (comm_deep_dive_remove_evidence (fixture->db, reference->id, &error));
  g_assert_no_error (error);
  g_assert_false (comm_deep_dive_remove_evidence (fixture->db, reference->id, &error));
  assert_error (error, COMM_ERROR_NOT_FOUND, NULL);
}

static void
test_damaged_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("The real minutes", 16);
  g_autoptr(CommEvidence) evidence = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree char *contents = NULL;

  evidence = comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "minutes.txt", text, &error);
  g_assert_no_error (error);
  comm_test_exec_sql (fixture->db, "UPDATE deep_dive_evidence_content SET content = CAST ('The fake minutes' AS BLOB)");
  g_assert_null (comm_deep_dive_read_attachment (fixture->db, evidence->id, &error));
  assert_error (error, COMM_ERROR_FAILED, "damaged");
  g_clear_error (&error);
  g_assert_false (comm_deep_dive_write_attachment (fixture->db, evidence->id, dest, &error));
  assert_error (error, COMM_ERROR_FAILED, "minutes.txt");
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* An existing file is left as it was. */
  g_assert_true (g_file_set_contents (dest, "before", -1, &error));
  g_assert_false (comm_deep_dive_write_attachment (fixture->db, evidence->id, dest, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (dest, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "before");
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("notes", 5);
  g_autoptr(CommEvidence) evidence = NULL;

  evidence = comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "notes.txt", text, &error);
  g_assert_no_error (error);
  comm_test_exec_sql (fixture->db, "UPDATE deep_dive_areas SET judgement = 'met';"
                                   "UPDATE deep_dives SET grade = 'good', signed_off_by = 'Head of Service',"
                                   " signed_off_on = '2026-10-30'");
  g_assert_null (comm_deep_dive_add_evidence_bytes (fixture->db, fixture->area_id, "more.txt", text, &error));
  assert_error (error, COMM_ERROR_LOCKED, "signed off");
  g_clear_error (&error);
  g_assert_false (comm_deep_dive_remove_evidence (fixture->db, evidence->id, &error));
  assert_error (error, COMM_ERROR_LOCKED, "signed off");
  g_clear_error (&error);
  /* Reading is always allowed. */
  g_clear_pointer (&text, g_bytes_unref);
  text = comm_deep_dive_read_attachment (fixture->db, evidence->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (text), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/deep-dive-evidence/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("empty-and-bytes", test_empty_and_bytes);
  ADD ("temp-file-name", test_temp_file_name);
  ADD ("size-limit", test_size_limit);
  ADD ("bad-files", test_bad_files);
  ADD ("references", test_references);
  ADD ("damaged-copy", test_damaged_copy);
  ADD ("locked", test_locked);
#undef ADD

  return g_test_run ();
}
