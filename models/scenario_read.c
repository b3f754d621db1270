/* scenario_read.c: the loader's reading primitives — mapping keys
 * against a table, times of day, dates, CSV files the scenario names,
 * lists of factors, sets of words and lists of references to other
 * records — which the record walker (scenario_record.c) and every part of the
 * loader (scenario_load.h) read with. Nothing here knows one record from
 * another. */
#include "models/scenario_read.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "models/file_read.h"
#include "models/week.h"
#include "sim/mem.h"

/* ------------------------------------------------------------------ */
/* Keys                                                                */

/* Reports the keys of mapping m that table t does not have. */
void scenario_read_keys(struct scenario_read *ld, struct yaml_doc_at m,
			const struct scenario_key *t)
{
	const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1];

	scenario_schema_names(t, names);
	yaml_doc_check_keys(&ld->yd, m, names, scenario_schema_noun(t));
}

/* ------------------------------------------------------------------ */
/* Names, times of day, dates                                          */

/* "HH:MM" (one- or two-digit hours, minutes 00..59) to seconds, or -1. */
double scenario_read_clock_s(const char *s)
{
	size_t i = 0;
	int h = 0, m;

	while (i < 2 && isdigit((unsigned char)s[i]))
		h = h * 10 + (s[i++] - '0');
	if (i == 0 || s[i] != ':' || !isdigit((unsigned char)s[i + 1]) ||
	    !isdigit((unsigned char)s[i + 2]) || s[i + 3] != '\0')
		return -1.0;
	m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	if (m > 59)
		return -1.0;
	return h * 3600.0 + m * 60.0;
}

/* Seconds to "HH:MM" (hours may pass 24). */
const char *scenario_read_clock_text(double s, char buf[16])
{
	/* Callers pass at most 72 h; the modulo only bounds the text. */
	unsigned min = (unsigned)lround(s / 60.0) % 10000u;

	snprintf(buf, 16, "%02u:%02u", min / 60, min % 60);
	return buf;
}

/* A date "YYYY-MM-DD" that exists in the calendar. Worked out by
 * arithmetic, not with mktime: mktime reads the time zone, which is
 * shared by every thread, and scenarios are built on several threads at
 * once (scenario_doc_build). */
int scenario_read_date(const char *s, struct demand_date *d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				      30, 31};
	int n = 0, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%n", &d->year, &d->month, &d->mday,
		   &n) != 3 ||
	    n != 10 || d->year < 1900 || d->month < 1 || d->month > 12)
		return 0;
	leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;
	if (d->mday < 1 || d->mday > mdays[d->month - 1] + (d->month == 2 &&
							   leap))
		return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* CSV files (profiles and empirical samples)                          */

/* Adds the CSV at path, named by key, to the files sc read
 * (scenario_csv_apart keeps outputs off them). */
static void scenario_read_keep_csv(struct scenario_read *ld, const char *path,
				   const char *key)
{
	struct scenario *sc = ld->sc;
	struct scenario_csv *grown = mem_realloc(sc->csvs, (sc->n_csvs + 1) *
						 sizeof *grown);

	if (!grown) {
		ld->yd.oom = 1;
		return;
	}
	sc->csvs = grown;
	snprintf(grown[sc->n_csvs].path, sizeof grown->path, "%s", path);
	snprintf(grown[sc->n_csvs].key, sizeof grown->key, "%s", key);
	sc->n_csvs++;
}

/* Opens the CSV named by the scalar at a (relative to the scenario's
 * directory), of at most max bytes (what names the kind, for the message);
 * reports, at a, a file that cannot be read. */
int scenario_read_csv(struct scenario_read *ld, struct yaml_doc_at a,
		      size_t max, const char *what,
		      struct csv_read *c)
{
	const char *rel = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	char why[128];
	size_t len;
	int e;

	memset(c, 0, sizeof *c);
	c->ypath = a.path;
	if (rel[0] == '/' || ld->doc->dir[0] == '\0')
		snprintf(c->path, sizeof c->path, "%s", rel);
	else
		snprintf(c->path, sizeof c->path, "%s/%s", ld->doc->dir, rel);
	e = scenario_bytes_csv(ld->doc, c->path, max, &c->text, &len);
	if (e == ENOMEM)
		ld->yd.oom = 1;
	if (e) {
		yaml_doc_problem(&ld->yd, a,
				 "cannot read '%s' (%s); a CSV path is "
				 "relative to the scenario file's directory",
				 c->path, file_read_fail_text(e, max, what, why,
							      sizeof why));
		return 0;
	}
	ld->content_fnv1a = scenario_fnv1a(ld->content_fnv1a, c->text, len);
	scenario_read_keep_csv(ld, c->path, a.path);
	c->next = c->text;
	return 1;
}

/* Checks one line of a factor CSV, cut into nc cells whose last read as v
 * with csv_read_number's rc, against range r; reports a bad line. In a
 * file separated by ',' a label that is a number is refused: "0,963" is
 * far more likely a decimal comma than a factor of 963 for hour 0. */
static int scenario_read_factor_ok(struct scenario_read *ld,
				   struct csv_read *c, char **cells, int nc,
				   int rc, double v,
				   const struct yaml_doc_rule *r)
{
	double label;

	if (c->row_bad)
		return 0;
	if (c->row_cells > 2) {
		csv_read_report(&ld->yd, c, cells[nc - 1],
				"'%.60s' is not a factor "
				"(lines hold 'factor' or 'label,factor')",
				cells[nc - 1]);
		return 0;
	}
	if (c->sep == ',' && nc == 2 && yaml_doc_text_number(cells[0],
							     &label) == 0) {
		csv_read_report(&ld->yd, c, cells[0],
				"the label '%.60s' is a number; "
				"lines hold 'factor' or 'label,factor' with a label "
				"such as 'mon 00:00' (where ',' is a decimal comma, "
				"cells must be separated by ';')", cells[0]);
		return 0;
	}
	if (rc == 0 && v >= r->lo && v <= r->hi)
		return 1;
	csv_read_bad_cell(&ld->yd, c, cells[nc - 1], rc, r->allowed);
	return 0;
}

size_t scenario_read_factors(struct scenario_read *ld, struct yaml_doc_at a,
			     const char *what, const struct yaml_doc_rule *r,
			     double *out, size_t max)
{
	struct csv_read c;
	char *cells[3];
	size_t n = 0;
	int nc, rc, first = 1;
	double v = 0;

	if (!scenario_read_csv(ld, a, SCENARIO_PROFILE_CSV_MAX, what, &c))
		return 0;
	while ((nc = csv_read_row(&ld->yd, &c, cells, 3)) > 0) {
		rc = csv_read_number(&c, cells[nc - 1], &v);
		if (rc != 0 && first && !c.row_bad) {
			first = 0;
			continue;
		}
		first = 0;
		if (scenario_read_factor_ok(ld, &c, cells, nc, rc, v, r) &&
		    n < max)
			out[n] = v;
		n++;
	}
	free(c.text);
	return n;
}

long scenario_read_factor_list(struct scenario_read *ld, struct yaml_doc_at a,
			       const char *what, const char *give,
			       const struct yaml_doc_rule *r, double *out,
			       size_t max)
{
	char ip[YAML_DOC_PATH_MAX];
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	int i;

	if (yaml_doc_is_string(n))
		return (long)scenario_read_factors(ld, a, what, r, out, max);
	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, give))
		return -1;
	for (i = 0; i < yaml_doc_seq_len(n) && (size_t)i < max; i++)
		yaml_doc_number(&ld->yd, yaml_doc_item(&ld->yd, a, i, NULL, ip),
				r, &out[i]);
	return yaml_doc_seq_len(n);
}

unsigned scenario_read_word_set(struct scenario_read *ld, struct yaml_doc_at s,
				int n, const char *const *names,
				const char *noun, const char *give)
{
	char ip[YAML_DOC_PATH_MAX];
	unsigned mask = 0;
	const char *w;
	int i, d;

	for (i = 0; i < n; i++) {
		struct yaml_doc_at it = yaml_doc_item(&ld->yd, s, i, NULL, ip);

		if (!yaml_doc_expect(&ld->yd, it, YAML_SCALAR_NODE, give))
			continue;
		w = yaml_doc_text(yaml_doc_node(&ld->yd, it.id));
		d = yaml_doc_word_index(w, names);
		if (d < 0)
			yaml_doc_unknown(&ld->yd, it, noun, w, names);
		else if (mask & (1u << d))
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; "
					 "list each %s once", w, noun);
		mask |= d >= 0 ? 1u << d : 0;
	}
	return mask;
}

/* The grades' names, NULL-terminated: the keys of `incidents` and the
 * words of a role's `attends`. Grades are read before lines for this. */
void scenario_read_grade_names(const struct scenario *sc,
			       const char *names[RESPONSE_GRADES_MAX + 1])
{
	size_t g;

	for (g = 0; g < sc->n_grades; g++)
		names[g] = sc->grades[g].name;
	names[g] = NULL;
}

/* Allocates `n` zeroed items; records an allocation failure. */
void *scenario_read_calloc(struct scenario_read *ld, size_t n, size_t size)
{
	void *p = mem_calloc(n ? n : 1, size);

	if (!p)
		ld->yd.oom = 1;
	return p;
}

/* Lines, grades, areas and roles all begin with their name: these two
 * helpers walk any of those arrays by its stride instead of repeating a
 * loop per kind. Index of the item named `name`, or -1. */
static long item_index(const void *items, size_t stride, size_t n,
		       const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp((const char *)items + i * stride, name) == 0)
			return (long)i;
	return -1;
}

/* The items' names joined for "areas are: Birmingham, Coventry". */
static const char *item_names(const void *items, size_t stride, size_t n,
			      char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len + 1 < size; i++) {
		const char *name = (const char *)items + i * stride;

		if (name[0])
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "", name);
	}
	return buf;
}

struct scenario_read_ref scenario_read_of(const struct scenario *sc,
					  const struct scenario_of *of)
{
	const char *at = (const char *)sc;

	return (struct scenario_read_ref){of->noun, of->plural,
		*(const void *const *)(const void *)(at + of->list),
		of->stride, *(const size_t *)(const void *)(at + of->count)};
}

long scenario_read_ref(struct scenario_read *ld, struct yaml_doc_at a,
		       const struct scenario_read_ref *r)
{
	char list[SCENARIO_READ_LIST_MAX], what[64];
	const char *name;
	long i;

	snprintf(what, sizeof what, "a%s %s name",
		 strchr("aeiou", r->noun[0]) ? "n" : "", r->noun);
	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, what))
		return -1;
	name = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	i = item_index(r->items, r->stride, r->n, name);
	if (i < 0)
		yaml_doc_problem(&ld->yd, a, "no %s named '%.60s'; %s are: %s",
				 r->noun,
				 name, r->plural, item_names(r->items,
							     r->stride,
							     r->n, list,
							     sizeof list));
	return i;
}


/* True when index k is among the first n of idx. */
static int ref_listed(const size_t *idx, size_t n, long k)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (idx[j] == (size_t)k)
			return 1;
	return 0;
}

size_t *scenario_read_refs(struct scenario_read *ld, struct yaml_doc_at s,
			   int n, const struct scenario_read_ref *r, long self,
			   size_t *n_out)
{
	char ip[YAML_DOC_PATH_MAX];
	size_t *idx = n ? scenario_read_calloc(ld, (size_t)n, sizeof *idx) :
		      NULL;
	struct yaml_doc_at it;
	const char *name;
	long k;
	int i;

	for (i = 0; i < n && idx; i++) {
		it = yaml_doc_item(&ld->yd, s, i, NULL, ip);
		k = scenario_read_ref(ld, it, r);
		name = k < 0 ? NULL : (const char *)r->items + k * r->stride;
		if (k >= 0 && k == self)
			yaml_doc_problem(&ld->yd, it, "'%s' is this %s itself; "
					 "list only other %s", name, r->noun,
					 r->plural);
		else if (k >= 0 && ref_listed(idx, *n_out, k))
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; "
					 "list each %s once", name, r->noun);
		else if (k >= 0)
			idx[(*n_out)++] = (size_t)k;
	}
	return idx;
}

/* The length of the list at a, or 0 after reporting one longer than
 * SCENARIO_LIST_MAX. */
int scenario_read_list_len(struct scenario_read *ld, struct yaml_doc_at a)
{
	int n = yaml_doc_seq_len(yaml_doc_node(&ld->yd, a.id));

	if (n <= SCENARIO_LIST_MAX)
		return n;
	yaml_doc_problem(&ld->yd, a, "has %d items; a list may have at most %d",
			 n,
			 SCENARIO_LIST_MAX);
	return 0;
}

int scenario_read_list(struct scenario_read *ld, struct yaml_doc_at a,
		       const char *shape, const char *give)
{
	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, shape))
		return 0;
	if (give && yaml_doc_seq_len(yaml_doc_node(&ld->yd, a.id)) == 0)
		yaml_doc_problem(&ld->yd, a, "is empty; give %s", give);
	return scenario_read_list_len(ld, a);
}

/* A required, non-empty list; returns its length (0 after a problem). */
int scenario_read_required_list(struct scenario_read *ld, struct yaml_doc_at m,
				struct yaml_doc_at a,
				const char *give)
{
	const char *key = strrchr(a.path, '.');

	if (!a.id) {
		yaml_doc_missing(&ld->yd, m, key ? key + 1 : a.path, give);
		return 0;
	}
	return scenario_read_list(ld, a, give, give);
}
