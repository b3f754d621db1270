/* scenario_read.h: the loader's reading primitives (scenario_read.c) and
 * the context of one load they work on. Not for callers: they use
 * scenario.h. The parts of the loader that read records list themselves
 * in scenario_load.h. */
#ifndef MODELS_SCENARIO_READ_H
#define MODELS_SCENARIO_READ_H

#include <stddef.h>
#include <stdint.h>

#include "models/csv_read.h"
#include "models/scenario.h"
#include "models/scenario_bytes.h"
#include "models/scenario_schema.h"
#include "models/yaml_doc.h"

#define SCENARIO_READ_LIST_MAX 512 /* "lines are: a, b, c" */
/* Everything one load works on. The document is modified only while
 * overrides are grafted, before the walk; node pointers taken during the
 * walk therefore stay valid. */
struct scenario_read {
	struct yaml_doc yd;          /* the document, and the problems found */
	struct scenario_bytes *doc;  /* what is read (scenario_load_bytes) */
	struct sim_err *warn;        /* NULL: warnings are not wanted */
	int grades_given;            /* the file has a grades key */
	int mark;                    /* problems before a line's demand */
	uint64_t content_fnv1a;      /* of the bytes read so far */
	struct scenario *sc;         /* being built */
};

/* The items a name may refer to (the areas, for an area's neighbours):
 * an array of records that begin with their name. */
struct scenario_read_ref {
	const char *noun;            /* singular, for "no area named" */
	const char *plural;          /* for "areas are:" */
	const void *items;           /* first item; its name comes first */
	size_t stride, n;
};
/* The items of list f of scenario sc (sc->f, sc->n_f), by name. */
#define SCENARIO_READ_REF(sc, f, noun, plural) \
	((struct scenario_read_ref){noun, plural, (sc)->f, sizeof *(sc)->f, \
				    (sc)->n_##f})

/* The items of the list of in sc, by name. */
struct scenario_read_ref scenario_read_of(const struct scenario *sc,
					  const struct scenario_of *of);

/* Reports the keys of mapping m that table t does not have. */
void scenario_read_keys(struct scenario_read *ld, struct yaml_doc_at m,
			const struct scenario_key *t);
/* "HH:MM" (hours may pass 24) to seconds, or -1; and back. */
double scenario_read_clock_s(const char *s);
const char *scenario_read_clock_text(double s, char buf[16]);
/* A date "YYYY-MM-DD" that exists in the calendar into *d; 0 when s is
 * none. */
int scenario_read_date(const char *s, struct demand_date *d);
/* Opens the CSV named by the scalar at a, of at most max bytes. */
int scenario_read_csv(struct scenario_read *ld, struct yaml_doc_at a,
		      size_t max, const char *what, struct csv_read *c);
/* Reads the CSV of factors named at a (what names its kind): one factor
 * a line, optionally after a label ("mon 00:00,1.05"), a first line that
 * is not a number being a header; each within r. Stores the first max in
 * out and returns how many lines held one (the caller checks the count);
 * reports every bad line. */
size_t scenario_read_factors(struct scenario_read *ld, struct yaml_doc_at a,
			     const char *what, const struct yaml_doc_rule *r,
			     double *out, size_t max);
/* The factors at a: a CSV file's, as scenario_read_factors reads them,
 * or an inline list's (give: what a must be otherwise), each within r,
 * the first max in out. Returns how many were given, or -1 after
 * reporting a value of another shape. */
long scenario_read_factor_list(struct scenario_read *ld, struct yaml_doc_at a,
			       const char *what, const char *give,
			       const struct yaml_doc_rule *r, double *out,
			       size_t max);
/* The first n items of list s, each one of names (give: what an item
 * must be; noun: "day" in messages), each once: bit i set for names[i]. */
unsigned scenario_read_word_set(struct scenario_read *ld, struct yaml_doc_at s,
				int n, const char *const *names,
				const char *noun, const char *give);
/* The grades' names, NULL-terminated. */
void scenario_read_grade_names(const struct scenario *sc,
			       const char *names[RESPONSE_GRADES_MAX + 1]);
/* n zeroed items (at least one); records an allocation failure. */
void *scenario_read_calloc(struct scenario_read *ld, size_t n, size_t size);
/* The length of the list at a, or 0 after reporting one too long. */
int scenario_read_list_len(struct scenario_read *ld, struct yaml_doc_at a);
/* The length of the list at a after reporting another shape (must be
 * shape), an empty list when give is not NULL ("is empty; give GIVE")
 * or one too long; 0 after a problem. */
int scenario_read_list(struct scenario_read *ld, struct yaml_doc_at a,
		       const char *shape, const char *give);
/* A required, non-empty list at a under m; its length, 0 after a
 * problem. */
int scenario_read_required_list(struct scenario_read *ld,
				struct yaml_doc_at m, struct yaml_doc_at a,
				const char *give);
/* The item of r named by the scalar at a, or -1 after reporting it. */
long scenario_read_ref(struct scenario_read *ld, struct yaml_doc_at a,
		       const struct scenario_read_ref *r);
/* The first n items of list s, names of items of r, each once and none
 * the item self (-1: any): their indices, in a new array (NULL when n is
 * 0 or memory ran out), *n_out of them. */
size_t *scenario_read_refs(struct scenario_read *ld, struct yaml_doc_at s,
			   int n, const struct scenario_read_ref *r, long self,
			   size_t *n_out);

#endif
