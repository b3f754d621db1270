/* scenario_record.h: the walk of one record through its schema table
 * (scenario_record.c). Not for callers: they use scenario.h.
 *
 * A record's table (scenario_schema.h) says, row by row, what each key
 * holds and where it goes; the walk checks the mapping's keys against the
 * table and reads each row in the table's order by its kind. A row whose
 * value has an irregular shape (a volume, a profile, a list) is read by
 * the hook its record's part of the loader names for its key; a list of
 * records through the table of its items, as its row's kind says. */
#ifndef MODELS_SCENARIO_RECORD_H
#define MODELS_SCENARIO_RECORD_H

#include "models/scenario_read.h"

/* Reads row k of mapping m into rec, as it wishes. */
struct scenario_record_hook {
	const char *key;
	void (*read)(struct scenario_read *ld, struct yaml_doc_at m,
		     const struct scenario_key *k, void *rec);
};

/* How a list of records is read, beyond its row (scenario_schema.h:
 * its key, its table, where it is kept and the size of one record): one
 * reader serves lines, pools, shifts, grades, areas, roles (each named,
 * names unique) and units (unnamed). */
struct scenario_record_kind {
	const char *noun;            /* "line": "duplicate line name" */
	const char *give;            /* what the list holds, for messages
					(the row's shape, if any, instead) */
	const char *item_give;       /* an unnamed item's shape; NULL: named,
					the name first in the record */
	int max;                     /* the most items (0: SCENARIO_LIST_MAX) */
	int optional;                /* may be absent or empty, unless
					its row is required */
	const struct scenario_record_hook *hooks;  /* an item's rows' hooks */
	size_t pos;                  /* 1 + the offset of the item's position
					(struct src_pos); 0: none */
	/* Defaults beyond the table's, before an item is read; rules on
	 * its name, before its keys; NULL: none. */
	void (*init)(void *rec);
	void (*check)(struct scenario_read *ld, struct yaml_doc_at m,
		      void *rec);
	/* The rules that join the records, once the list and its items'
	 * late rows are read: on the list of row k under mapping m, kept in
	 * rec; with whole set, only when they read without a problem. */
	void (*after)(struct scenario_read *ld, struct yaml_doc_at m,
		      const struct scenario_key *k, void *rec);
	int whole;
};

/* Reads the record rec from mapping m through table t: its keys checked,
 * then each row read by its kind, or by the hook of its key (hooks ended
 * by a NULL key; NULL none). Rows of kinds without a reader of their own
 * (names, spans, lists of plain values) are left to hooks, and late rows
 * to the list of their record. */
void scenario_record_read(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *t,
			  const struct scenario_record_hook *hooks, void *rec);
/* Reads row k of mapping m into rec by its kind. */
void scenario_record_row(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec);
/* Reads row k of mapping m into rec by its kind now, after the walk: a
 * late row (a reference to a list read after its record). */
void scenario_record_late(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *k, void *rec);
/* The mapping of map row k under m, walked through k's table into its
 * record (at k's offset in rec); its node, or an id of 0 when absent or
 * not a mapping (reported), path its key path's buffer. */
struct yaml_doc_at scenario_record_map(struct scenario_read *ld,
				       struct yaml_doc_at m,
				       const struct scenario_key *k, void *rec,
				       char path[YAML_DOC_PATH_MAX]);
/* The list of records of row k under mapping m, read as its kind says
 * into a new array (the caller's, even when its count stays 0) kept in
 * rec where the row says. */
void scenario_record_items(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec);
/* A time of day "HH:MM" at a, at most max_s; -1 after a reported
 * problem (allowed says what it must be). */
double scenario_record_clock(struct scenario_read *ld, struct yaml_doc_at a,
			     double max_s, const char *allowed);

#endif
