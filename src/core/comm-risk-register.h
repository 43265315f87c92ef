/* comm-risk-register.h: a risk register - of a programme, a procurement or a contract
 *
 * A register declares its scale (5 x 5 with configurable score bands, or Low / Medium / High
 * with ranges). Fields are public (read them directly); strings never NULL.
 *
 * Roll-up: a procurement or contract register may name a parent programme register
 * (parent_id). The parent's list then includes the risks of every register whose parent it is
 * (one level: children of children are not followed), each once, marked rolled_up. A
 * programme register has no parent.
 *
 * Bands (5 x 5 only): four bands Low, Medium, High, Very high with configurable upper limits:
 * Low 1..band_low_max, Medium ..band_medium_max, High ..band_high_max, Very high ..25;
 * default 4, 9, 14 (DOMAIN.md). 1 <= low_max < medium_max < high_max < 25.
 */
#pragma once

#include <glib-object.h>

#include "comm-risk-scale.h"

G_BEGIN_DECLS

typedef enum {
  COMM_RISK_REGISTER_PROGRAMME,
  COMM_RISK_REGISTER_PROCUREMENT,
  COMM_RISK_REGISTER_CONTRACT,
} CommRiskRegisterKind;

/* Storage names "programme", "procurement", "contract"; labels translated. -1 if unknown. */
const char *comm_risk_register_kind_to_string   (CommRiskRegisterKind kind);
const char *comm_risk_register_kind_label       (CommRiskRegisterKind kind);
int         comm_risk_register_kind_from_string (const char *text);
/* Storage names "5x5" and "lmh" (also accepted: "5 x 5", "LMH", "Low/Medium/High" any case);
 * labels "5 x 5" and "Low / Medium / High" (translated). -1 if unknown. */
const char *comm_risk_scale_to_string           (CommRiskScaleKind scale);
const char *comm_risk_scale_label               (CommRiskScaleKind scale);
int         comm_risk_scale_from_string         (const char *text);

#define COMM_TYPE_RISK_REGISTER (comm_risk_register_get_type ())
G_DECLARE_FINAL_TYPE (CommRiskRegister, comm_risk_register, COMM, RISK_REGISTER, GObject)

struct _CommRiskRegister
{
  GObject              parent_instance;

  /* Stored */
  gint64               id;             /* 0 = not saved yet */
  char                *name;           /* unique, ignoring case */
  CommRiskRegisterKind kind;
  char                *programme;      /* programme: its name ("Early Help"); procurement: what
                                          is being procured; contract: "" */
  gint64               contract_id;    /* contract registers: the contract (required); else 0 */
  gint64               parent_id;      /* procurement / contract: the programme register its
                                          risks roll up into, 0 = none; programme: 0 */
  CommRiskScaleKind    scale;
  guint                band_low_max;   /* 5 x 5 band limits (see above); kept on LMH too */
  guint                band_medium_max;
  guint                band_high_max;
  char                *owner;          /* who keeps the register, "" if not said */
  char                *description;

  /* Derived: filled by the store; not saved */
  char                *contract_reference; /* contract registers */
  gboolean             contract_deleted;   /* the contract has been deleted (register kept) */
  char                *parent_name;        /* "" if no parent */
  guint                n_risks;            /* its own risks, open and closed */
  guint                n_open;             /* its own open risks */
  guint                n_overdue;          /* its own open risks with an overdue review */
};

/* A new unsaved programme register on the 5 x 5 scale with the default bands. */
CommRiskRegister *comm_risk_register_new       (void);
CommRiskRegister *comm_risk_register_copy      (CommRiskRegister *self);
/* The register's bands as a CommRiskBands (translated names; valid while the program runs). */
void              comm_risk_register_get_bands (CommRiskRegister *self,
                                                CommRiskBands    *bands);
/* Fails (COMM_ERROR_INVALID, in words) on an empty name, a contract register without a
 * contract, a programme register with a parent, a parent that is itself (by id), or band limits
 * not in order within 1-24. Checks that need the workspace (parent is a programme register,
 * unique name) are done by the store. */
gboolean          comm_risk_register_validate  (CommRiskRegister *self,
                                                GError          **error);

G_END_DECLS
