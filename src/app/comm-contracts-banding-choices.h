/* comm-contracts-banding-choices.h: the Contracts tab's "banding" drop-down */
#pragma once

#include "comm-contracts-filter.h"

G_BEGIN_DECLS

/* Fills @dropdown: "Any banding", then each risk banding (0-3), each equality impact banding
 * (1-3), and "Not banded". */
void     comm_contracts_banding_choices_fill  (GtkDropDown          *dropdown);
/* Sets @filter to choice @selected of the drop-down, reading every contract's current banding
 * from @database (one query) unless it is "Any banding". FALSE with @error if they cannot be
 * read (the filter is then cleared). */
gboolean comm_contracts_banding_choices_apply (CommContractsFilter  *filter,
                                               CommDatabase         *database,
                                               guint                 selected,
                                               GError              **error);

G_END_DECLS
