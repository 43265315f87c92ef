/* comm-text.h: text folding for search */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds @text for matching: Unicode-decomposes, drops accents, case-folds, maps look-alike
 * Cyrillic and Greek letters to their Latin twins ("УМСА" -> "ymca"), drops apostrophes
 * ("Barnardo’s" -> "barnardos"), writes every dash as "-" and squeezes runs of white space to one
 * space. Returns a new string; "" for NULL. */
char     *comm_text_fold          (const char *text);
/* TRUE if every space-separated word of @folded_needle occurs in @folded_haystack. */
gboolean  comm_text_matches       (const char *folded_haystack,
                                   const char *folded_needle);

G_END_DECLS
