/* comm-audit.h: the audit trail - every insert, update and delete, who and when */
#pragma once

#include "comm-database.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *changed_at;  /* ISO 8601 UTC, "2026-11-23T15:30:00Z" */
  char   *changed_by;  /* the OS user */
  char   *table_name;
  gint64  row_id;
  char   *action;      /* "insert", "update" or "delete" */
  char   *old_values;  /* JSON object, NULL for inserts */
  char   *new_values;  /* JSON object, NULL for deletes */
} CommAuditEntry;

void       comm_audit_entry_free (CommAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommAuditEntry, comm_audit_entry_free)

/* Newest first. @table_name NULL for all tables; @row_id 0 for all rows. Returns CommAuditEntry*. */
GPtrArray *comm_audit_list       (CommDatabase  *db,
                                  const char    *table_name,
                                  gint64         row_id,
                                  GError       **error);
/* Adds a note-only entry (e.g. why a signed-off review was reopened). */
gboolean   comm_audit_add_note   (CommDatabase  *db,
                                  const char    *table_name,
                                  gint64         row_id,
                                  const char    *note,
                                  GError       **error);

G_END_DECLS
