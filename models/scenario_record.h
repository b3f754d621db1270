/* scenario_record.h: the walk of one record through its schema table
 * (scenario_record.c). Not for callers: they use scenario.h.
 *
 * A record's table (scenario_schema.h) says, row by row, what each key
 * holds and where it goes; the walk checks the mapping's keys against the
 * table and reads each row in the table's order by its kind. A row whose
 * value has an irregular shape (a volume, a profile, a list) is read by
 * the hook its record's part of the loader names for its key. */
#ifndef MODELS_SCENARIO_RECORD_H
#define MODELS_SCENARIO_RECORD_H

#include "models/scenario_read.h"

/* Reads row k of mapping m into rec, as it wishes. */
struct scenario_record_hook {
	const char *key;
	void (*read)(struct scenario_read *ld, struct yaml_doc_at m,
		     const struct scenario_key *k, void *rec);
};

/* Reads the record rec from mapping m through table t: its keys checked,
 * then each row read by its kind, or by the hook of its key (hooks ended
 * by a NULL key; NULL none). Rows of kinds without a reader of their own
 * (names, references, spans, lists) are left to hooks. */
void scenario_record_read(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *t,
			  const struct scenario_record_hook *hooks, void *rec);
/* Reads row k of mapping m into rec by its kind. */
void scenario_record_row(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec);
/* The mapping of map row k under m, walked through k's table into its
 * record (at k's offset in rec); its node, or an id of 0 when absent or
 * not a mapping (reported), path its key path's buffer. */
struct yaml_doc_at scenario_record_map(struct scenario_read *ld,
				       struct yaml_doc_at m,
				       const struct scenario_key *k, void *rec,
				       char path[YAML_DOC_PATH_MAX]);
/* A time of day "HH:MM" at a, at most max_s; -1 after a reported
 * problem (allowed says what it must be). */
double scenario_record_clock(struct scenario_read *ld, struct yaml_doc_at a,
			     double max_s, const char *allowed);

#endif
