/* comm-choice-combo.h: an AdwComboRow over one of the domain's pick lists (comm-types.h) */
#pragma once

#include <adwaita.h>

#include "commissioner-core.h"

G_BEGIN_DECLS

/* Fills @row with the translated labels of @choices, led by @none_label (stored code "") when
 * not NULL, and selects @code. A code that is not in the list (older data, typed elsewhere) is
 * added as an item of its own, so opening and saving never changes it. */
void        comm_choice_combo_fill      (AdwComboRow      *row,
                                         const CommChoice *choices,
                                         const char       *none_label,
                                         const char       *code);
/* The stored code of the selected item ("" for the none item). */
const char *comm_choice_combo_get_code  (AdwComboRow      *row);

G_END_DECLS
