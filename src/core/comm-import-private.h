/* comm-import-private.h: for src/core only - what the plan needs from the source */
#pragma once

#include "comm-csv.h"
#include "comm-contract.h"
#include "comm-import.h"

G_BEGIN_DECLS

/* A reader over the decoded text, positioned after the header row. CSV line numbers of the file
 * are the reader's lines plus comm_import_source_line_offset(). */
CommCsvReader *comm_import_source_open_rows   (CommImportSource *source);
guint          comm_import_source_line_offset (CommImportSource *source);
/* Lines in the decoded text (at least 1), for progress. */
guint          comm_import_source_n_lines     (CommImportSource *source);

G_END_DECLS

G_BEGIN_DECLS

/* A planned row: the public part first, then what applying it needs. */
typedef struct {
  CommImportRow  row;
  CommContract  *contract;       /* to save (new or updated rows); NULL otherwise */
  char          *new_provider;   /* the provider to create for it, by name; NULL if it exists */
} CommImportPlanRow;

/* What the row builder needs while planning. */
typedef struct {
  CommDatabase            *db;
  const CommImportOptions *options;
  const char * const      *header;
  guint                    n_header;
  int                      columns[COMM_IMPORT_N_FIELDS];
  GHashTable              *existing;       /* case-folded reference -> CommContract (as listed) */
  GHashTable              *lines;          /* contract id (gint64*) -> GPtrArray of CommFundingLine */
  GHashTable              *seen;           /* case-folded reference -> line (GUINT_TO_POINTER) */
  GHashTable              *providers;      /* comm_text_fold(name) -> gint64 id (boxed) */
  GHashTable              *new_providers;  /* comm_text_fold(name) -> name as first written */
  GPtrArray               *new_provider_names;
  GHashTable              *vocabulary;     /* "<choices>|<folded label or code>" -> code; built on first use */
  GDate                    today;
} CommImportContext;

/* Fills @out (line and cells already set) from its cells: kind, reason, flags, contract. Fails
 * only on a database error. */
gboolean comm_import_build_row   (CommImportContext  *context,
                                  CommImportPlanRow  *out,
                                  GError            **error);
void     comm_import_plan_row_free (CommImportPlanRow *row);

G_END_DECLS

G_BEGIN_DECLS

/* Inserting many new contracts with their funding lines through statements prepared once (each
 * prepared statement compiles the audit triggers, which would otherwise dominate a large import).
 * The caller holds the transaction; the contracts have passed comm_contract_validate(). */
typedef struct _CommImportInserter CommImportInserter;

CommImportInserter *comm_import_inserter_new    (CommDatabase        *db,
                                                 GError             **error);
gboolean            comm_import_inserter_insert (CommImportInserter  *inserter,
                                                 CommContract        *contract,
                                                 GError             **error);
void                comm_import_inserter_free   (CommImportInserter  *inserter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommImportInserter, comm_import_inserter_free)

G_END_DECLS
