/* comm-deep-dive-template.h: Deep Dive checklist templates and their versions
 *
 * A checklist template has a name and numbered versions 1, 2, 3 ... Each version is an ordered
 * list of areas, each with a title, guidance text and prompts (questions, one line each).
 * Versions never change once saved: editing a template (renaming it, reordering, adding or
 * removing areas, changing guidance or prompts) saves a NEW version, so a Deep Dive that was
 * started with version N keeps showing exactly version N's areas. A template used by Deep Dives
 * can be edited at any time (Deep Dives started later use the newest version).
 *
 * The workspace ships with version 1 of "Standard Deep Dive checklist" (the nine areas of
 * DOMAIN.md), which is also the default template for new Deep Dives until another is chosen
 * (the workspace setting "deep-dive-template" holds the default template's id).
 *
 * Structs are plain (fields public, strings never NULL, "" when empty); the stores fill them.
 */
#pragma once

#include <glib.h>

#include "comm-database.h"

G_BEGIN_DECLS

/* Template names and area titles are at most this many characters. */
#define COMM_CHECKLIST_NAME_MAX 200

typedef struct {
  gint64   id;        /* the stored area of a saved version; 0 for an area added in an edit */
  char    *title;     /* "Quality of the direct work with children and families" */
  char    *guidance;  /* free text shown under the title, may hold several paragraphs */
  GStrv    prompts;   /* questions under the area, one line each; never NULL (may be empty) */
} CommChecklistArea;

typedef struct {
  gint64      template_id;  /* 0 until saved */
  gint64      version_id;   /* 0 until saved */
  int         version;      /* 1, 2, 3 ...; 0 until saved */
  char       *name;         /* the template's name as of this version */
  char       *created_at;   /* ISO 8601 UTC, "2026-11-23T15:30:00Z" ("" until saved) */
  char       *created_by;   /* the OS user who saved it */
  gboolean    is_latest;    /* TRUE if no newer version of the template exists */
  GPtrArray  *areas;        /* CommChecklistArea*, in order; never NULL */
} CommChecklistVersion;

typedef struct {
  gint64   id;
  char    *name;                /* the latest version's name */
  int      latest_version;      /* its number */
  gint64   latest_version_id;
  guint    n_areas;             /* areas in the latest version */
  guint    n_deep_dives;        /* Deep Dives that use any version of it (started or not) */
  gboolean is_default;          /* the template new Deep Dives use */
} CommChecklistTemplate;

CommChecklistArea    *comm_checklist_area_new      (const char               *title,
                                                    const char               *guidance,
                                                    const char *const        *prompts);
CommChecklistArea    *comm_checklist_area_copy     (const CommChecklistArea  *area);
void                  comm_checklist_area_free     (CommChecklistArea        *area);
/* A new, unsaved version (ids 0) named @name with no areas. */
CommChecklistVersion *comm_checklist_version_new   (const char               *name);
/* A deep copy (same ids): edit the copy, then comm_checklist_template_save_version() it. */
CommChecklistVersion *comm_checklist_version_copy  (const CommChecklistVersion *version);
void                  comm_checklist_version_free  (CommChecklistVersion     *version);
void                  comm_checklist_template_free (CommChecklistTemplate    *template_);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommChecklistArea, comm_checklist_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommChecklistVersion, comm_checklist_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CommChecklistTemplate, comm_checklist_template_free)

/* Every template, by name (case-insensitive). Returns CommChecklistTemplate*. */
GPtrArray            *comm_checklist_template_list          (CommDatabase  *db,
                                                             GError       **error);
/* Every version of a template, newest first, with @areas left EMPTY (load one to see its areas).
 * NOT_FOUND if there is no such template. Returns CommChecklistVersion*. */
GPtrArray            *comm_checklist_template_list_versions (CommDatabase  *db,
                                                             gint64         template_id,
                                                             GError       **error);
/* One version with its areas. NOT_FOUND if absent. */
CommChecklistVersion *comm_checklist_version_load           (CommDatabase  *db,
                                                             gint64         version_id,
                                                             GError       **error);
/* The newest version of a template with its areas. NOT_FOUND if absent. */
CommChecklistVersion *comm_checklist_template_load_latest   (CommDatabase  *db,
                                                             gint64         template_id,
                                                             GError       **error);

/* Saves @version (an edited copy of a template's latest version, or a comm_checklist_version_new()
 * with template_id 0 for a brand-new template) as the next version of its template, in one
 * transaction; on success fills in template_id (new template), version_id, version, created_at,
 * created_by, is_latest and the ids of the areas. Old versions are never touched.
 * If nothing differs from the latest version (name, and every area's title, guidance and prompts
 * in order) no version is written: @version gets the latest version's ids and TRUE is returned.
 * Prompts are trimmed, empty ones dropped, line breaks inside one turned into spaces.
 * Fails, writing nothing, with:
 *   INVALID   an empty or too long name, no areas, an area with an empty or too long title
 *             (the message names the area by its number), or a name another template has
 *             (case-insensitive);
 *   CONFLICT  @version was not made from the latest version (someone saved a newer one since:
 *             reload and edit again);
 *   NOT_FOUND the template does not exist. */
gboolean              comm_checklist_template_save_version  (CommDatabase          *db,
                                                             CommChecklistVersion  *version,
                                                             GError               **error);
/* A new template named @new_name whose version 1 is a copy of the version @version_id (e.g. to
 * make a local variant of the standard checklist). Returns the new template's id, 0 on error
 * (INVALID for an empty, too long or taken name; NOT_FOUND for no such version). */
gint64                comm_checklist_template_copy          (CommDatabase  *db,
                                                             gint64         version_id,
                                                             const char    *new_name,
                                                             GError       **error);
/* "<name> (copy)", then "<name> (copy 2)" ... whichever no template has. */
char                 *comm_checklist_template_free_copy_name (CommDatabase *db,
                                                              const char   *name);

/* The template new Deep Dives use: the setting "deep-dive-template" if it names a template,
 * else the standard checklist (the template with the lowest id). 0 only on a database error. */
gint64                comm_checklist_template_get_default   (CommDatabase  *db);
gboolean              comm_checklist_template_set_default   (CommDatabase  *db,
                                                             gint64         template_id,
                                                             GError       **error);

G_END_DECLS
