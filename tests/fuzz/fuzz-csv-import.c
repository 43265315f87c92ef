/* fuzz-csv-import.c: arbitrary bytes through the CSV reader and the import's plan phase
 *
 * Built two ways: with libFuzzer (clang -fsanitize=fuzzer, `make fuzz`), or with the standalone
 * driver fuzz-driver.c that mutates the seeds in tests/fuzz/corpus/ for a bounded time (the
 * "fuzz-short" test of `make check`, which runs under ASan + UBSan in the sanitizer build).
 * The first input bytes choose the options (separator, encoding, date form, lines to skip), so
 * every path of the source is reachable. The workspace holds one provider and one contract, so
 * rows can be new, updated or unchanged; planning never writes.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "commissioner-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static CommDatabase *
workspace (void)
{
  static CommDatabase *db;
  g_autoptr(CommProvider) provider = NULL;
  g_autoptr(CommContract) contract = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (db != NULL)
    return db;
  dir = g_dir_make_tmp ("fuzz-csv-import-XXXXXX", NULL);
  path = g_build_filename (dir, "fuzz.commissioner", NULL);
  db = comm_database_open (path, COMM_DATABASE_CREATE, NULL);
  g_assert (db != NULL);
  provider = comm_provider_new ();
  comm_provider_set_name (provider, "Home-Start");
  g_assert (comm_provider_store_save (db, provider, NULL));
  contract = comm_contract_new ();
  g_object_set (contract, "reference", "A-1", "title", "Hub", "provider-id", comm_provider_get_id (provider),
                "start-date", "2026-04-01", "end-date", "2027-03-31", NULL);
  comm_contract_set_has_details (contract, TRUE);
  g_assert (comm_contract_store_save (db, contract, NULL));
  /* The files are removed now; the open connection keeps working on them. */
  g_unlink (path);
  g_rmdir (dir);
  return db;
}

static void
read_all_rows (const guint8 *data,
               size_t        size,
               char          separator)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(CommCsvReader) reader = comm_csv_reader_new (in, separator);
  char **row;
  GError *error = NULL;

  while ((row = comm_csv_reader_next_row (reader, &error)) != NULL)
    {
      g_assert (comm_csv_reader_get_line (reader) >= 1);
      for (guint i = 0; row[i] != NULL; i++)
        g_assert (g_utf8_validate (row[i], -1, NULL));
      g_strfreev (row);
    }
  g_clear_error (&error);
}

static void
plan (const guint8 *data,
      size_t        size,
      guint8        choice)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  g_autoptr(CommImportOptions) options = comm_import_options_new ();
  g_autoptr(CommImportSource) source = NULL;
  g_autoptr(CommImportPlan) import_plan = NULL;
  GError *error = NULL;

  options->separator = separators[choice & 3];
  options->encoding = (CommImportEncoding) ((choice >> 2) & 3);
  options->date_format = (CommImportDateFormat) ((choice >> 4) & 3);
  options->skip_lines = (choice >> 6) & 1;
  if (choice & 0x80)
    options->columns[COMM_IMPORT_FIELD_VALUE] = g_strdup ("Title");

  source = comm_import_source_new_from_data ((const char *) data, size, options, &error);
  if (source == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_clear_error (&error);
      return;
    }
  g_ptr_array_unref (comm_import_source_preview (source, 5));
  import_plan = comm_import_plan_new (workspace (), source, options, NULL, NULL, NULL, &error);
  if (import_plan == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_clear_error (&error);
      return;
    }
  for (guint i = 0; i < comm_import_plan_get_rows (import_plan)->len; i++)
    {
      CommImportRow *row = comm_import_plan_get_rows (import_plan)->pdata[i];

      g_assert (row->line > 0);
      g_assert ((row->kind == COMM_IMPORT_ROW_REJECTED) == (row->reason != NULL));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  if (size > 1024 * 1024)
    return 0;
  read_all_rows (data, size, ',');
  read_all_rows (data, size, '\t');
  if (size > 0)
    plan (data + 1, size - 1, data[0]);
  return 0;
}
