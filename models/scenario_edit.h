/* scenario_edit.h: --set overrides applied to a scenario's YAML document.
 *
 * An override "key.path=value" names a key by the path --set spells: keys
 * joined by '.', a list item by its name (or its 0-based index). Its value
 * is parsed as YAML and grafted into the document, so a value from the
 * command line meets exactly the checks a value from the file meets; a key
 * the file leaves out is added, and the walk judges whether it is allowed
 * there. A node the file shares through an anchor is copied before it is
 * changed, so an override changes one path and not every alias of it.
 *
 * A pool's or unit roster's staffing is weekly `shifts` or a `rota`, one
 * of the two: an override that sets one of them whole drops the other
 * (the later of two such overrides is in force), and one inside the form
 * the record does not have (rota.teams on a pool on shifts) is reported,
 * asking for the whole form. */
#ifndef MODELS_SCENARIO_EDIT_H
#define MODELS_SCENARIO_EDIT_H

#include "models/scenario.h"
#include "models/yaml_doc.h"

/* Applies edits[0 .. n) to yd's document in order, noting in yd which
 * node ids each grafted (its problems then name "--set key.path=value");
 * problems are reported through yd. yaml_doc_release frees the notes. */
void scenario_edit_apply_all(struct yaml_doc *yd,
			     const struct scenario_edit *edits, size_t n);

#endif
