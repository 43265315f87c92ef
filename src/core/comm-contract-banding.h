/* comm-contract-banding.h: each contract's risk banding (0-3) and equality impact banding (1-3)
 *
 * DOMAIN.md: risk banding 0 = several major concerns, 1 = some concerns, 2 = minor concerns,
 * 3 = no identified concerns; equality impact banding 1 = high, 2 = medium, 3 = low impact of a
 * change on protected groups. Each banding is dated and has a reason; a new banding adds to the
 * history (never overwrites). The current banding is the one with the latest date (the latest
 * added on the same date). Bandings of soft-deleted contracts are kept.
 */
#pragma once

#include <gio/gio.h>

#include "comm-database.h"

G_BEGIN_DECLS

#define COMM_RISK_BANDING_MIN 0
#define COMM_RISK_BANDING_MAX 3
#define COMM_EQUALITY_BANDING_MIN 1
#define COMM_EQUALITY_BANDING_MAX 3

typedef struct {
  gint64  id;
  gint64  contract_id;
  int     risk_banding;      /* 0-3 */
  int     equality_banding;  /* 1-3 */
  char   *banded_on;         /* ISO date */
  char   *reason;
} CommContractBanding;

CommContractBanding *comm_contract_banding_new  (gint64      contract_id,
                                                 int         risk_banding,
                                                 int         equality_banding,
                                                 const char *banded_on,
                                                 const char *reason);
CommContractBanding *comm_contract_banding_copy (const CommContractBanding *banding);
void                 comm_contract_banding_free (CommContractBanding *banding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommContractBanding, comm_contract_banding_free)

/* Translated: "0 - several major concerns" ... / "1 - high impact" ...; "" if out of range. */
const char *comm_risk_banding_label     (int risk_banding);
const char *comm_equality_banding_label (int equality_banding);

/* Adds a banding to the history (sets @banding->id). Fails (INVALID) on a banding out of range,
 * a date that is not ISO, an empty reason, or a contract that does not exist (NOT_FOUND). */
gboolean             comm_contract_banding_add     (CommDatabase         *db,
                                                    CommContractBanding  *banding,
                                                    GError              **error);
/* The history of one contract, newest first (CommContractBanding*, free with the array). */
GPtrArray           *comm_contract_banding_history (CommDatabase  *db,
                                                    gint64         contract_id,
                                                    GError       **error);
/* The current banding of one contract, or NULL (no error) if it has never been banded. */
CommContractBanding *comm_contract_banding_current (CommDatabase  *db,
                                                    gint64         contract_id,
                                                    GError       **error);
/* The current banding of every contract that has one, in one query: a table from the contract
 * id (gint64*, owned) to its CommContractBanding* (owned). For the Contracts tab's filter. */
GHashTable          *comm_contract_banding_current_all (CommDatabase  *db,
                                                        GError       **error);

G_END_DECLS
