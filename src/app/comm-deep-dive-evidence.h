/* comm-deep-dive-evidence.h: the evidence of one Deep Dive area - files and references */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"
#include "comm-deep-dive.h"

G_BEGIN_DECLS

#define COMM_TYPE_DEEP_DIVE_EVIDENCE (comm_deep_dive_evidence_get_type ())
G_DECLARE_FINAL_TYPE (CommDeepDiveEvidence, comm_deep_dive_evidence, COMM, DEEP_DIVE_EVIDENCE, AdwBin)

/* Lists @area's evidence (the rows are made when the list is first shown), attaches files
 * (GtkFileChooserNative; the workspace keeps a copy, at most 50 MB), adds reference texts, opens
 * a file with the system viewer (from a private temporary copy) and removes evidence.
 * Signals: "changed" - evidence was added or removed; "failed" (const char *message). */
CommDeepDiveEvidence *comm_deep_dive_evidence_new           (CommDatabase         *database,
                                                             CommDeepDiveArea     *area);
void                  comm_deep_dive_evidence_set_read_only (CommDeepDiveEvidence *self,
                                                             gboolean              read_only);
/* Attaches the file at @path, as choosing it in the file chooser does. FALSE if refused (the
 * "failed" signal says why). */
gboolean              comm_deep_dive_evidence_attach_path   (CommDeepDiveEvidence *self,
                                                             const char           *path);
/* The rows shown (0 until the list is first shown). */
guint                 comm_deep_dive_evidence_get_n_rows    (CommDeepDiveEvidence *self);

G_END_DECLS
