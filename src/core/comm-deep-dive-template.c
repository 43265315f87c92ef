/* comm-deep-dive-template.c: Deep Dive checklist templates - listing them, loading a version,
 * saving an edit as a new version (old versions are never changed: the schema refuses it too),
 * copying one into a new template, and the default template */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "comm-deep-dive-private.h"
#include "comm-deep-dive-template.h"

#define DEFAULT_SETTING "deep-dive-template"

#define VERSION_SELECT \
  "SELECT v.template_id, v.id, v.version, v.name, v.created_at, v.created_by," \
  " v.version = (SELECT max (version) FROM checklist_versions WHERE template_id = v.template_id)" \
  " FROM checklist_versions v"

static GStrv
prompts_from_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}

/* The prompts as stored: trimmed, line breaks inside one made spaces, empty ones dropped. */
static char *
prompts_to_text (const char *const *prompts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; prompts != NULL && prompts[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (prompts[i]);

      g_strdelimit (line, "\r\n", ' ');
      g_strstrip (line);
      if (*line == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

static CommChecklistVersion *
version_from_row (sqlite3_stmt *stmt)
{
  CommChecklistVersion *version = comm_checklist_version_new (comm_sqlite_column_text (stmt, 3));

  version->template_id = sqlite3_column_int64 (stmt, 0);
  version->version_id = sqlite3_column_int64 (stmt, 1);
  version->version = sqlite3_column_int (stmt, 2);
  g_free (version->created_at);
  version->created_at = g_strdup (comm_sqlite_column_text (stmt, 4));
  g_free (version->created_by);
  version->created_by = g_strdup (comm_sqlite_column_text (stmt, 5));
  version->is_latest = sqlite3_column_int (stmt, 6) != 0;

  return version;
}

static gboolean
load_areas (CommDatabase          *db,
            CommChecklistVersion  *version,
            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = comm_database_prepare (db, "SELECT id, title, guidance, prompts FROM checklist_areas"
                                    " WHERE version_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version->version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommChecklistArea *area = comm_checklist_area_new (comm_sqlite_column_text (stmt, 1),
                                                         comm_sqlite_column_text (stmt, 2), NULL);

      area->id = sqlite3_column_int64 (stmt, 0);
      g_strfreev (area->prompts);
      area->prompts = prompts_from_text (comm_sqlite_column_text (stmt, 3));
      g_ptr_array_add (version->areas, area);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the checklist template"));
      return FALSE;
    }

  return TRUE;
}

/* One version, chosen by @sql with ?1 = @id, with its areas. */
static CommChecklistVersion *
load_version (CommDatabase  *db,
              const char    *sql,
              gint64         id,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CommChecklistVersion) version = NULL;
  int rc;

  if ((stmt = comm_database_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This checklist template no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comm_database_set_error (db, error, _("Could not read the checklist template"));
      return NULL;
    }
  version = version_from_row (stmt);

  return load_areas (db, version, error) ? g_steal_pointer (&version) : NULL;
}

/* Trims the name, titles and prompts of @version in place and checks them. */
static gboolean
normalise_and_check (CommChecklistVersion  *version,
                     GError               **error)
{
  g_strstrip (version->name);
  if (*version->name == '\0' || g_utf8_strlen (version->name, -1) > COMM_CHECKLIST_NAME_MAX)
    {
      g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                   _("A checklist template needs a name of 1 to %d characters."), COMM_CHECKLIST_NAME_MAX);
      return FALSE;
    }
  if (version->areas->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_INVALID,
                           _("A checklist template needs at least one area."));
      return FALSE;
    }
  for (guint i = 0; i < version->areas->len; i++)
    {
      CommChecklistArea *area = g_ptr_array_index (version->areas, i);
      g_autofree char *text = prompts_to_text ((const char *const *) area->prompts);

      g_strstrip (area->title);
      if (*area->title == '\0' || g_utf8_strlen (area->title, -1) > COMM_CHECKLIST_NAME_MAX)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
                       _("Area %u of the checklist needs a title of 1 to %d characters."),
                       i + 1, COMM_CHECKLIST_NAME_MAX);
          return FALSE;
        }
      g_strfreev (area->prompts);
      area->prompts = prompts_from_text (text);
    }

  return TRUE;
}

static gboolean
same_areas (const CommChecklistVersion *a,
            const CommChecklistVersion *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 || a->areas->len != b->areas->len)
    return FALSE;

  for (guint i = 0; i < a->areas->len; i++)
    {
      const CommChecklistArea *x = g_ptr_array_index (a->areas, i);
      const CommChecklistArea *y = g_ptr_array_index (b->areas, i);

      if (g_strcmp0 (x->title, y->title) != 0 || g_strcmp0 (x->guidance, y->guidance) != 0 ||
          !g_strv_equal ((const char *const *) x->prompts, (const char *const *) y->prompts))
        return FALSE;
    }

  return TRUE;
}

/* INVALID if another template than @except_id has @name (ignoring case). */
static gboolean
check_name_free (CommDatabase  *db,
                 const char    *name,
                 gint64         except_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = comm_database_prepare (db, "SELECT 1 FROM checklist_templates WHERE name = ?1 COLLATE NOCASE"
                                    " AND id IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  g_set_error (error, COMM_ERROR, COMM_ERROR_INVALID,
               _("There is already a checklist template called “%s”: choose another name."), name);
  return FALSE;
}

static gboolean
step (CommDatabase  *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return comm_store_step_done (db, stmt, _("Could not save the checklist template"), error);
}

/* Writes the template row (new, or renamed) and returns its id. */
static gint64
write_template (CommDatabase                *db,
                const CommChecklistVersion  *version,
                GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (version->template_id == 0)
    stmt = comm_database_prepare (db, "INSERT INTO checklist_templates (name) VALUES (?1)", error);
  else
    stmt = comm_database_prepare (db, "UPDATE checklist_templates SET name = ?1 WHERE id = ?2"
                                      " AND name IS NOT ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, version->name, -1, SQLITE_STATIC);
  if (version->template_id != 0)
    sqlite3_bind_int64 (stmt, 2, version->template_id);
  if (!step (db, stmt, error))
    return 0;

  return version->template_id != 0 ? version->template_id
                                   : sqlite3_last_insert_rowid (comm_database_get_handle (db));
}

/* Inserts version @number of @template_id with @version's areas; fills in the ids. */
static gboolean
write_version (CommDatabase          *db,
               gint64                 template_id,
               int                    number,
               CommChecklistVersion  *version,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) area = NULL;
  sqlite3 *handle = comm_database_get_handle (db);
  gint64 version_id;

  head = comm_database_prepare (db, "INSERT INTO checklist_versions (template_id, version, name, created_by)"
                                    " VALUES (?1, ?2, ?3, ?4)", error);
  area = comm_database_prepare (db, "INSERT INTO checklist_areas (version_id, position, title, guidance, prompts)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (head == NULL || area == NULL)
    return FALSE;
  sqlite3_bind_int64 (head, 1, template_id);
  sqlite3_bind_int (head, 2, number);
  sqlite3_bind_text (head, 3, version->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (head, 4, _comm_deep_dive_user_name (), -1, SQLITE_STATIC);
  if (!step (db, head, error))
    return FALSE;
  version_id = sqlite3_last_insert_rowid (handle);

  for (guint i = 0; i < version->areas->len; i++)
    {
      CommChecklistArea *item = g_ptr_array_index (version->areas, i);
      g_autofree char *prompts = prompts_to_text ((const char *const *) item->prompts);

      sqlite3_reset (area);
      sqlite3_bind_int64 (area, 1, version_id);
      sqlite3_bind_int (area, 2, (int) i + 1);
      sqlite3_bind_text (area, 3, item->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (area, 4, item->guidance, -1, SQLITE_STATIC);
      sqlite3_bind_text (area, 5, prompts, -1, SQLITE_STATIC);
      if (!step (db, area, error))
        return FALSE;
      item->id = sqlite3_last_insert_rowid (handle);
    }
  version->template_id = template_id;
  version->version_id = version_id;
  version->version = number;

  return TRUE;
}

/* Copies what was stored (ids, dates, author) from @saved into @version. */
static void
take_saved (CommChecklistVersion       *version,
            const CommChecklistVersion *saved)
{
  version->template_id = saved->template_id;
  version->version_id = saved->version_id;
  version->version = saved->version;
  version->is_latest = saved->is_latest;
  g_free (version->created_at);
  version->created_at = g_strdup (saved->created_at);
  g_free (version->created_by);
  version->created_by = g_strdup (saved->created_by);
  for (guint i = 0; i < version->areas->len && i < saved->areas->len; i++)
    ((CommChecklistArea *) g_ptr_array_index (version->areas, i))->id =
      ((CommChecklistArea *) g_ptr_array_index (saved->areas, i))->id;
}

/* Inside the transaction: the conflict check, the no-change case, and the writes. */
static gboolean
save_version (CommDatabase          *db,
              CommChecklistVersion  *version,
              GError               **error)
{
  g_autoptr(CommChecklistVersion) latest = NULL;
  g_autoptr(CommChecklistVersion) saved = NULL;
  gint64 template_id;

  if (!check_name_free (db, version->name, version->template_id, error))
    return FALSE;
  if (version->template_id != 0)
    {
      latest = comm_checklist_template_load_latest (db, version->template_id, error);
      if (latest == NULL)
        return FALSE;
      if (latest->version_id != version->version_id)
        {
          g_set_error (error, COMM_ERROR, COMM_ERROR_CONFLICT,
                       _("The checklist template “%s” was changed in another window (it is now at version %d). "
                         "Reload it, then make your changes again."), latest->name, latest->version);
          return FALSE;
        }
      if (same_areas (version, latest))
        {
          take_saved (version, latest);
          return TRUE;
        }
    }

  if ((template_id = write_template (db, version, error)) == 0 ||
      !write_version (db, template_id, latest != NULL ? latest->version + 1 : 1, version, error) ||
      (saved = comm_checklist_version_load (db, version->version_id, error)) == NULL)
    return FALSE;
  take_saved (version, saved);

  return TRUE;
}

CommChecklistArea *
comm_checklist_area_new (const char        *title,
                         const char        *guidance,
                         const char *const *prompts)
{
  CommChecklistArea *area = g_new0 (CommChecklistArea, 1);

  area->title = g_strdup (title != NULL ? title : "");
  area->guidance = g_strdup (guidance != NULL ? guidance : "");
  area->prompts = prompts != NULL ? g_strdupv ((char **) prompts) : g_new0 (char *, 1);

  return area;
}

CommChecklistArea *
comm_checklist_area_copy (const CommChecklistArea *area)
{
  CommChecklistArea *copy;

  g_return_val_if_fail (area != NULL, NULL);

  copy = comm_checklist_area_new (area->title, area->guidance, (const char *const *) area->prompts);
  copy->id = area->id;

  return copy;
}

void
comm_checklist_area_free (CommChecklistArea *area)
{
  if (area == NULL)
    return;

  g_free (area->title);
  g_free (area->guidance);
  g_strfreev (area->prompts);
  g_free (area);
}

CommChecklistVersion *
comm_checklist_version_new (const char *name)
{
  CommChecklistVersion *version = g_new0 (CommChecklistVersion, 1);

  version->name = g_strdup (name != NULL ? name : "");
  version->created_at = g_strdup ("");
  version->created_by = g_strdup ("");
  version->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_checklist_area_free);

  return version;
}

CommChecklistVersion *
comm_checklist_version_copy (const CommChecklistVersion *version)
{
  CommChecklistVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = comm_checklist_version_new (version->name);
  take_saved (copy, version);
  for (guint i = 0; i < version->areas->len; i++)
    g_ptr_array_add (copy->areas, comm_checklist_area_copy (g_ptr_array_index (version->areas, i)));

  return copy;
}

void
comm_checklist_version_free (CommChecklistVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->name);
  g_free (version->created_at);
  g_free (version->created_by);
  g_clear_pointer (&version->areas, g_ptr_array_unref);
  g_free (version);
}

void
comm_checklist_template_free (CommChecklistTemplate *template_)
{
  if (template_ == NULL)
    return;

  g_free (template_->name);
  g_free (template_);
}

GPtrArray *
comm_checklist_template_list (CommDatabase  *db,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 default_id;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  default_id = comm_checklist_template_get_default (db);
  stmt = comm_database_prepare (db, "SELECT t.id, t.name, v.version, v.id,"
                                    " (SELECT count (*) FROM checklist_areas WHERE version_id = v.id),"
                                    " (SELECT count (*) FROM deep_dives WHERE template_id = t.id)"
                                    " FROM checklist_templates t JOIN checklist_versions v ON v.template_id = t.id"
                                    " AND v.version = (SELECT max (version) FROM checklist_versions"
                                    "                  WHERE template_id = t.id)"
                                    " ORDER BY t.name COLLATE NOCASE, t.id", error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_checklist_template_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CommChecklistTemplate *item = g_new0 (CommChecklistTemplate, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->name = g_strdup (comm_sqlite_column_text (stmt, 1));
      item->latest_version = sqlite3_column_int (stmt, 2);
      item->latest_version_id = sqlite3_column_int64 (stmt, 3);
      item->n_areas = (guint) sqlite3_column_int (stmt, 4);
      item->n_deep_dives = (guint) sqlite3_column_int (stmt, 5);
      item->is_default = item->id == default_id;
      g_ptr_array_add (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the checklist templates"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

GPtrArray *
comm_checklist_template_list_versions (CommDatabase  *db,
                                       gint64         template_id,
                                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  stmt = comm_database_prepare (db, VERSION_SELECT " WHERE v.template_id = ?1 ORDER BY v.version DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, template_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) comm_checklist_version_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, version_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      comm_database_set_error (db, error, _("Could not read the checklist template"));
      return NULL;
    }
  if (list->len == 0)
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This checklist template no longer exists."));
      return NULL;
    }

  return g_steal_pointer (&list);
}

CommChecklistVersion *
comm_checklist_version_load (CommDatabase  *db,
                             gint64         version_id,
                             GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  return load_version (db, VERSION_SELECT " WHERE v.id = ?1", version_id, error);
}

CommChecklistVersion *
comm_checklist_template_load_latest (CommDatabase  *db,
                                     gint64         template_id,
                                     GError       **error)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);

  return load_version (db, VERSION_SELECT " WHERE v.template_id = ?1 ORDER BY v.version DESC LIMIT 1",
                       template_id, error);
}

gboolean
comm_checklist_template_save_version (CommDatabase          *db,
                                      CommChecklistVersion  *version,
                                      GError               **error)
{
  g_autoptr(CommChecklistVersion) work = NULL;
  CommStoreTransaction transaction;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  /* Work on a copy so that a failed save leaves @version exactly as the caller had it. */
  work = comm_checklist_version_copy (version);
  if (!normalise_and_check (work, error) ||
      !comm_database_ensure_writable (db, error) ||
      !comm_store_begin (&transaction, db, error))
    return FALSE;
  if (!_comm_deep_dive_finish_write (&transaction, save_version (db, work, error), error))
    return FALSE;

  g_free (version->name);
  version->name = g_strdup (work->name);
  g_ptr_array_set_size (version->areas, 0);
  for (guint i = 0; i < work->areas->len; i++)
    g_ptr_array_add (version->areas, comm_checklist_area_copy (g_ptr_array_index (work->areas, i)));
  take_saved (version, work);

  return TRUE;
}

gint64
comm_checklist_template_copy (CommDatabase  *db,
                              gint64         version_id,
                              const char    *new_name,
                              GError       **error)
{
  g_autoptr(CommChecklistVersion) version = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), 0);

  if ((version = comm_checklist_version_load (db, version_id, error)) == NULL)
    return 0;
  version->template_id = 0;
  version->version_id = 0;
  version->version = 0;
  g_free (version->name);
  version->name = g_strdup (new_name != NULL ? new_name : "");
  for (guint i = 0; i < version->areas->len; i++)
    ((CommChecklistArea *) g_ptr_array_index (version->areas, i))->id = 0;

  return comm_checklist_template_save_version (db, version, error) ? version->template_id : 0;
}

char *
comm_checklist_template_free_copy_name (CommDatabase *db,
                                        const char   *name)
{
  g_return_val_if_fail (COMM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf (_("%s (copy)"), name)
                                          : g_strdup_printf (_("%s (copy %u)"), name, n);

      if (check_name_free (db, candidate, 0, NULL))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
template_exists (CommDatabase *db,
                 gint64        id)
{
  g_autoptr(sqlite3_stmt) stmt = comm_database_prepare (db, "SELECT 1 FROM checklist_templates WHERE id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

gint64
comm_checklist_template_get_default (CommDatabase *db)
{
  g_autofree char *setting = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (COMM_IS_DATABASE (db), 0);

  setting = comm_database_get_setting (db, DEFAULT_SETTING);
  if (setting != NULL && g_ascii_string_to_signed (setting, 10, 1, G_MAXINT64, &id, NULL) &&
      template_exists (db, id))
    return id;

  stmt = comm_database_prepare (db, "SELECT min (id) FROM checklist_templates", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
comm_checklist_template_set_default (CommDatabase  *db,
                                     gint64         template_id,
                                     GError       **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (COMM_IS_DATABASE (db), FALSE);

  if (!template_exists (db, template_id))
    {
      g_set_error_literal (error, COMM_ERROR, COMM_ERROR_NOT_FOUND,
                           _("This checklist template no longer exists."));
      return FALSE;
    }
  value = g_strdup_printf ("%" G_GINT64_FORMAT, template_id);

  return comm_database_set_setting (db, DEFAULT_SETTING, value, error);
}
