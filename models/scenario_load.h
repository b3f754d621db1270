/* scenario_load.h: what the parts of the scenario loader share. Not for
 * callers: they use scenario.h.
 *
 * The loader walks a scenario's YAML document (yaml_doc.h) record by
 * record, reading numbers, flags and nested maps through the schema
 * (scenario_schema.h):
 *   scenario_load.c       the walk, run settings, names, lists of records,
 *                         lists of names of other records, warnings and
 *                         the entry points
 *   scenario_dist.c       distributions, and empirical samples from CSV
 *   scenario_calls.c      lines: volume, profile, months, surges, redial,
 *                         answer, incidents
 *   scenario_pools.c      pools, and the shifts of pools and units
 *   scenario_incidents.c  grades, areas, roles, units, dispatch, and the
 *                         rules between them
 * Every part reports problems through the load's yaml_doc and carries on,
 * so one pass finds them all. */
#ifndef MODELS_SCENARIO_LOAD_H
#define MODELS_SCENARIO_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "models/csv_read.h"
#include "models/scenario.h"
#include "models/scenario_doc.h"
#include "models/scenario_schema.h"
#include "models/yaml_doc.h"

#define SCENARIO_LOAD_LIST_MAX 512 /* "lines are: a, b, c" */
/* Everything one load works on. The document is modified only while
 * overrides are grafted, before the walk; node pointers taken during the
 * walk therefore stay valid. */
struct scenario_load {
	struct yaml_doc yd;          /* the document, and the problems found */
	struct scenario_doc *doc;    /* what is read (see scenario_load_doc) */
	struct sim_err *warn;        /* NULL: warnings are not wanted */
	int grades_given;            /* the file has a grades key */
	uint64_t content_fnv1a;      /* of the bytes read so far */
	struct scenario *sc;         /* being built */
};

/* A list of records: one reader serves lines, pools, shifts, grades,
 * areas, roles (each named, names unique) and units (unnamed). */
struct scenario_load_kind {
	const char *key;             /* "lines" */
	const char *noun;            /* "line": "duplicate line name" */
	const char *give;            /* what the list holds, for messages */
	const char *item_give;       /* an unnamed item's shape; NULL: named,
					the name first in the record */
	size_t size;                 /* of one record */
	int max;                     /* the most items (0: SCENARIO_LIST_MAX) */
	/* Defaults and the position of the item at a, before it is read. */
	void (*init)(struct scenario_load *ld, struct yaml_doc_at a, void *rec);
	/* The record's keys but its name, from mapping m. */
	void (*read)(struct scenario_load *ld, struct yaml_doc_at m, void *rec);
};

/* The items a name may refer to (the areas, for an area's neighbours):
 * an array of records that begin with their name. */
struct scenario_load_ref {
	const char *noun;            /* singular, for "no area named" */
	const char *plural;          /* for "areas are:" */
	const void *items;           /* first item; its name comes first */
	size_t stride, n;
};

/* scenario_load.c */
extern const char *const scenario_load_days[];  /* mon..sun, NULL */
/* Reads the number of row k, when mapping m has it, into rec; reports a
 * required one that is absent. */
void scenario_load_number(struct scenario_load *ld, struct yaml_doc_at m,
			  const struct scenario_key *k, void *rec);
/* Reads the numbers of table t, in its order, from mapping m into rec. */
void scenario_load_numbers(struct scenario_load *ld, struct yaml_doc_at m,
			   const struct scenario_key *t, void *rec);
/* Reports the keys of mapping m that table t does not have. */
void scenario_load_keys(struct scenario_load *ld, struct yaml_doc_at m,
			const struct scenario_key *t);
/* Reads the flag (true or false) of row `key` of t, when mapping m has
 * it, into rec. */
void scenario_load_flag(struct scenario_load *ld, struct yaml_doc_at m,
			const struct scenario_key *t, const char *key,
			void *rec);
/* The mapping of row `key` of t under m, when m has it: checked to be a
 * mapping (else reported: `give` says what it must be), its keys against
 * the row's table, and its numbers read into rec. Returns it, or an id
 * of 0 when absent or not a mapping; path is its key path's buffer. */
struct yaml_doc_at scenario_load_map(struct scenario_load *ld,
				     struct yaml_doc_at m,
				     const struct scenario_key *t,
				     const char *key, const char *give,
				     void *rec, char path[YAML_DOC_PATH_MAX]);
/* "HH:MM" (hours may pass 24) to seconds, or -1; and back. */
double scenario_load_clock_s(const char *s);
const char *scenario_load_clock_text(double s, char buf[16]);
/* Opens the CSV named by the scalar at a, of at most max bytes. */
int scenario_load_csv(struct scenario_load *ld, struct yaml_doc_at a,
		      size_t max, const char *what, struct csv_read *c);
/* The grades' names, NULL-terminated. */
void scenario_load_grade_names(const struct scenario *sc,
			       const char *names[RESPONSE_GRADES_MAX + 1]);
/* n zeroed items (at least one); records an allocation failure. */
void *scenario_load_calloc(struct scenario_load *ld, size_t n, size_t size);
/* The length of the list at a, or 0 after reporting one too long. */
int scenario_load_list_len(struct scenario_load *ld, struct yaml_doc_at a);
/* A required, non-empty list at a under m; its length, 0 after a
 * problem. */
int scenario_load_required_list(struct scenario_load *ld,
				struct yaml_doc_at m, struct yaml_doc_at a,
				const char *give);
/* The item of r named by the scalar at a, or -1 after reporting it. */
long scenario_load_ref(struct scenario_load *ld, struct yaml_doc_at a,
		       const struct scenario_load_ref *r);
/* The first n items of list s, names of items of r, each once and none
 * the item self (-1: any): their indices, in a new array (NULL when n is
 * 0 or memory ran out), *n_out of them. */
size_t *scenario_load_refs(struct scenario_load *ld, struct yaml_doc_at s,
			   int n, const struct scenario_load_ref *r, long self,
			   size_t *n_out);
/* The list k under parent: a new array of records (the caller's, even
 * when *n_out stays 0), its length in *n_out. */
void *scenario_load_list(struct scenario_load *ld, struct yaml_doc_at parent,
			 const struct scenario_load_kind *k, size_t *n_out);

/* scenario_dist.c: a distribution mapping {dist: KIND, params...},
 * prepared for sampling (1), or 0 after a problem; an optional one (1
 * when given); a required one (`give` says what it is). */
int scenario_dist_read(struct scenario_load *ld, struct yaml_doc_at a,
		       struct dist *d);
int scenario_dist_optional(struct scenario_load *ld, struct yaml_doc_at m,
			   const char *key, struct dist *d);
void scenario_dist_required(struct scenario_load *ld, struct yaml_doc_at m,
			    const char *key, struct dist *d,
			    const char *give);

/* scenario_calls.c */
extern const struct scenario_load_kind scenario_calls_lines;

/* scenario_pools.c: pools and shifts; every line served by a pool. */
extern const struct scenario_load_kind scenario_pools_list,
	scenario_pools_shifts;
void scenario_pools_check_served(struct scenario_load *ld,
				 struct yaml_doc_at top);

/* scenario_incidents.c: grades (before the lines, whose incidents name
 * them); areas, roles, units and dispatch; then, once everything read
 * cleanly, that every incident can be attended and travel stays
 * bounded. */
void scenario_incidents_grades(struct scenario_load *ld,
			       struct yaml_doc_at top);
void scenario_incidents_read(struct scenario_load *ld, struct yaml_doc_at top);
void scenario_incidents_check_reach(struct scenario_load *ld,
				    struct yaml_doc_at top);
void scenario_incidents_check_travel(struct scenario_load *ld,
				     struct yaml_doc_at top);

#endif
