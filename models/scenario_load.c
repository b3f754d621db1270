/* scenario_load.c: reads a scenario from YAML into the spec structs of
 * demand.h, dist.h, roster.h and response_spec.h, validating every value
 * on the way.
 *
 * The text is parsed once into a libyaml document: a tree of numbered nodes
 * that remember their line and column. --set overrides are parsed as YAML
 * too and grafted into that tree, so a value from the command line meets
 * exactly the checks a value from the file meets. Grafted nodes get ids
 * above those of the file, which is how a problem in them is blamed on
 * "--set key.path=value" instead of a position.
 *
 * The walk never stops at the first problem: it records each one and
 * carries on, so a planner can fix a file in one pass. Only a scenario
 * without any problem is handed out; a half-built one is freed. */
#include "models/scenario.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "models/csv_read.h"
#include "models/file_read.h"
#include "models/scenario_doc.h"
#include "models/scenario_edit.h"
#include "models/scenario_schema.h"
#include "models/yaml_doc.h"
#include "sim/mem.h"

#define MSG_MAX 1024
#define LIST_MAX 512         /* "lines are: a, b, c" */
#define CSV_COLUMNS_MAX 64   /* columns of an empirical CSV that are read */

/* Everything one load works on. The document is modified only while
 * overrides are grafted, before the walk; node pointers taken during the
 * walk therefore stay valid. */
struct load {
	struct yaml_doc yd;          /* the document, and the problems found */
	struct scenario_doc *doc;    /* what is read (see scenario_load_doc) */
	struct sim_err *warn;        /* NULL: warnings are not wanted */
	int grades_given;            /* the file has a grades key */
	uint64_t content_fnv1a;      /* of the bytes read so far */
	struct scenario *sc;         /* being built */
};

/* ------------------------------------------------------------------ */
/* Numbers                                                             */


/* Reads the number of row k, when mapping m has it, into rec; reports
 * a required one that is absent. */
static void read_number(struct load *ld, struct yaml_doc_at m,
			const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at c = yaml_doc_key(&ld->yd, m, k->key, kp);
	double v;

	if (c.id) {
		if (yaml_doc_number(&ld->yd, c, k->rule, &v))
			scenario_schema_store(k, rec, v);
	} else if (k->required) {
		yaml_doc_missing(&ld->yd, m, k->key, k->rule->allowed);
	}
}

/* Reads the numbers of table t, in its order, from mapping m into rec. */
static void read_numbers(struct load *ld, struct yaml_doc_at m,
			 const struct scenario_key *t, void *rec)
{
	for (; t->key; t++)
		if (t->kind == SCENARIO_NUMBER)
			read_number(ld, m, t, rec);
}

/* Reports the keys of mapping m that table t does not have. */
static void check_keys(struct load *ld, struct yaml_doc_at m,
		       const struct scenario_key *t, const char *noun)
{
	const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1];

	scenario_schema_names(t, names);
	yaml_doc_check_keys(&ld->yd, m, names, noun);
}

/* ------------------------------------------------------------------ */
/* Names, times of day, dates                                          */

/* True when s holds a control character (a line break in a name would
 * split a CSV row, or a table line, in two). */
static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* The `name` of a line, pool or shift: a non-empty word without '.' or
 * '=' (they would break --set paths) or control characters. Returns the
 * name node, or 0. */
static int parse_name(struct load *ld, struct yaml_doc_at m, char *dst, size_t size)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at c = yaml_doc_key(&ld->yd, m, "name", kp);
	const char *s;

	if (!c.id) {
		yaml_doc_missing(&ld->yd, m, "name", "a unique name");
		return 0;
	}
	if (!yaml_doc_expect(&ld->yd, c, YAML_SCALAR_NODE, "a name"))
		return 0;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, c.id));
	if (has_control(s)) {
		/* Not echoed: the message would break over lines itself. */
		yaml_doc_problem(&ld->yd, c, "the name holds a control character (a line "
				 "break or tab); must be at most %zu characters, "
				 "without '.', '=' or control characters", size - 1);
		return 0;
	}
	if (strlen(s) >= size || strpbrk(s, ".=")) {
		yaml_doc_problem(&ld->yd, c, "'%.60s' is not a usable name; must be at "
				 "most %zu characters, without '.', '=' or control "
				 "characters", s, size - 1);
		return 0;
	}
	memcpy(dst, s, strlen(s) + 1);
	return c.id;
}

/* "HH:MM" (one- or two-digit hours, minutes 00..59) to seconds, or -1. */
static double clock_s(const char *s)
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
static const char *clock_text(double s, char buf[16])
{
	/* Callers pass at most 72 h; the modulo only bounds the text. */
	unsigned min = (unsigned)lround(s / 60.0) % 10000u;

	snprintf(buf, 16, "%02u:%02u", min / 60, min % 60);
	return buf;
}

static const char *const day_names[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};

/* A date "YYYY-MM-DD" that exists in the calendar; *wday is 0 = Monday.
 * mktime normalises impossible dates (Feb 30), which is how they show. */
static int date_parse(const char *s, struct demand_date *d, int *wday)
{
	struct tm tm;
	int n = 0;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%n", &d->year, &d->month, &d->mday, &n) != 3 ||
	    n != 10 || d->year < 1900)
		return 0;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d->year - 1900;
	tm.tm_mon = d->month - 1;
	tm.tm_mday = d->mday;
	tm.tm_hour = 12;             /* far from any DST edge */
	tm.tm_isdst = -1;
	if (mktime(&tm) == (time_t)-1 || tm.tm_mon != d->month - 1 ||
	    tm.tm_mday != d->mday)
		return 0;
	*wday = (tm.tm_wday + 6) % 7;
	return 1;
}

/* ------------------------------------------------------------------ */
/* CSV files (profiles and empirical samples)                          */

/* Opens the CSV named by the scalar at a (relative to the scenario's
 * directory), of at most max bytes (what names the kind, for the message);
 * reports, at a, a file that cannot be read. */
static int csv_open(struct load *ld, struct yaml_doc_at a, size_t max, const char *what,
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
	e = scenario_doc_csv(ld->doc, c->path, max, &c->text, &len);
	if (e == ENOMEM)
		ld->yd.oom = 1;
	if (e) {
		yaml_doc_problem(&ld->yd, a, "cannot read '%s' (%s); a CSV path is "
				 "relative to the scenario file's directory",
				 c->path, file_read_fail_text(e, max, what, why,
							      sizeof why));
		return 0;
	}
	ld->content_fnv1a = scenario_fnv1a(ld->content_fnv1a, c->text, len);
	c->next = c->text;
	return 1;
}


/* ------------------------------------------------------------------ */
/* Distributions                                                       */

/* The keys each kind accepts, "dist" first. */
static const char *const dist_keys[][4] = {
	[DIST_EXPONENTIAL] = {"dist", "mean", NULL, NULL},
	[DIST_LOGNORMAL] = {"dist", "mean", "sd", NULL},
	[DIST_GAMMA] = {"dist", "mean", "sd", NULL},
	[DIST_WEIBULL] = {"dist", "shape", "scale", NULL},
	[DIST_DETERMINISTIC] = {"dist", "value", NULL, NULL},
	[DIST_UNIFORM] = {"dist", "min", "max", NULL},
	[DIST_EMPIRICAL] = {"dist", "values", NULL, NULL},
};

/* The kind named by the `dist` key. */
static int parse_dist_kind(struct load *ld, struct yaml_doc_at a, enum dist_kind *kind)
{
	const char *names[DIST_EMPIRICAL + 2];
	const char *s;
	int k;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, dist_kind_names()))
		return 0;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	if (dist_kind_parse(s, kind) == 0)
		return 1;
	for (k = 0; k <= DIST_EMPIRICAL; k++)
		names[k] = dist_kind_name((enum dist_kind)k);
	names[k] = NULL;
	yaml_doc_unknown(&ld->yd, a, "distribution", s, names);
	return 0;
}

/* Appends v to d's empirical values (which d owns). */
static int dist_push(struct load *ld, struct dist *d, double v)
{
	double *grown;

	if ((d->n_values & (d->n_values - 1)) == 0) {
		grown = mem_realloc(d->values,
				(d->n_values ? 2 * d->n_values : 1) * sizeof v);
		if (!grown) {
			ld->yd.oom = 1;
			return 0;
		}
		d->values = grown;
	}
	d->values[d->n_values++] = v;
	return 1;
}

/* Reads `column`: a 1-based number (into *col, 0-based; default the
 * first) or a header name (into *name, found later in the file). */
static int csv_column(struct load *ld, struct yaml_doc_at m, const char **name, int *col)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at c = yaml_doc_key(&ld->yd, m, "column", kp);
	static const struct yaml_doc_rule rule = {
		1, CSV_COLUMNS_MAX, 0, 0, 1,
		"a column number from 1 to 64 or a header name"};
	const yaml_node_t *n;
	double v = 1;

	*name = NULL;
	*col = 0;
	if (!c.id)
		return 1;
	n = yaml_doc_node(&ld->yd, c.id);
	if (yaml_doc_is_string(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    yaml_doc_text_number(yaml_doc_text(n), &v) == 0) {
		if (!yaml_doc_number(&ld->yd, c, &rule, &v))
			return 0;
		*col = (int)v - 1;
		return 1;
	}
	if (!yaml_doc_expect(&ld->yd, c, YAML_SCALAR_NODE, rule.allowed))
		return 0;
	*name = yaml_doc_text(n);
	return 1;
}

/* Finds the header cell `name` in the first row; reports when absent. */
static int csv_header(struct load *ld, struct csv_read *c, const char *name,
		      struct yaml_doc_at m, int *col)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n = csv_read_row(&ld->yd, c, cells, CSV_COLUMNS_MAX + 1), i;

	for (i = 0; i < n; i++)
		if (strcmp(cells[i], name) == 0) {
			*col = i;
			return 1;
		}
	yaml_doc_problem(&ld->yd, m, "'%s' has no column named '%.60s'; name a column "
			 "of its first line, or give its number from 1", c->path,
			 name);
	return 0;
}

/* Reads the samples in column col of the rows left in c. With a
 * numbered column (named 0), a first line whose cell is not a number is a
 * header. A file of several columns needs `column` (given 1): a single
 * column written with decimal commas reads as two, "12" and "5". */
static void empirical_rows(struct load *ld, struct yaml_doc_at m, struct csv_read *c,
			   int col, int named, int given, struct dist *d)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n, rc, first = 1;
	double v = 0;

	while ((n = csv_read_row(&ld->yd, c, cells, CSV_COLUMNS_MAX + 1)) > 0) {
		if (first && !given && c->row_cells > 1) {
			yaml_doc_problem(&ld->yd, m, "'%s' has %d cells a line; give "
					 "column: a number from 1 or a header "
					 "name (where ',' is a decimal comma, "
					 "cells must be separated by ';')",
					 c->path, c->row_cells);
			return;
		}
		rc = col < n ? csv_read_number(c, cells[col], &v) : -1;
		if (c->row_bad || (rc != 0 && first && !named)) {
			first = 0;
			continue;
		}
		first = 0;
		if (rc != 0 || v < 0 || v > SCENARIO_SECONDS_MAX)
			csv_read_bad_cell(&ld->yd, c, col < n ? cells[col] : cells[n - 1],
					  rc, "a number of seconds from 0 to 1e9 in "
					  "that column");
		else if (!dist_push(ld, d, v))
			return;
	}
}

/* Samples for an empirical distribution from one CSV column. */
static void empirical_from_csv(struct load *ld, struct yaml_doc_at m, struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX], cp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at f = yaml_doc_key(&ld->yd, m, "csv", kp);
	const char *name;
	const char *const keys[] = {"csv", "column", NULL};
	int col;
	struct csv_read c;

	yaml_doc_check_keys(&ld->yd, m, keys, "key");
	if (!f.id) {
		yaml_doc_missing(&ld->yd, m, "csv", "a CSV file name");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, f, YAML_SCALAR_NODE, "a CSV file name") ||
	    !csv_column(ld, m, &name, &col) ||
	    !csv_open(ld, f, SCENARIO_EMPIRICAL_CSV_MAX, "an empirical CSV",
		      &c))
		return;
	if (!name || csv_header(ld, &c, name, m, &col))
		empirical_rows(ld, m, &c, col, name != NULL,
			       yaml_doc_key(&ld->yd, m, "column", cp).id != 0, d);
	free(c.text);
}

/* `values`: an inline list of samples or {csv: FILE, column: N|NAME}. */
static void parse_empirical(struct load *ld, struct yaml_doc_at m, struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at v = yaml_doc_key(&ld->yd, m, "values", kp);
	const yaml_node_t *n;
	int i;

	if (!v.id) {
		yaml_doc_missing(&ld->yd, m, "values", "a list of samples in seconds");
		return;
	}
	n = yaml_doc_node(&ld->yd, v.id);
	if (n->type == YAML_MAPPING_NODE) {
		empirical_from_csv(ld, v, d);
		return;
	}
	if (!yaml_doc_expect(&ld->yd, v, YAML_SEQUENCE_NODE, "a list of samples in "
			     "seconds, or {csv: FILE, column: N}"))
		return;
	for (i = 0; i < yaml_doc_seq_len(n); i++) {
		double x;
		struct yaml_doc_at it = yaml_doc_item(&ld->yd, v, i, NULL, ip);

		if (yaml_doc_number(&ld->yd, it, &scenario_schema_seconds, &x) && !dist_push(ld, d, x))
			return;
	}
}

/* A distribution mapping {dist: KIND, params...}, prepared for sampling. */
static int parse_dist(struct load *ld, struct yaml_doc_at a, struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX], where[YAML_DOC_WHERE_MAX + YAML_DOC_PATH_MAX];
	int before = ld->yd.n_problems, i;
	struct yaml_doc_at k;

	if (!yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a distribution such as "
			     "{dist: exponential, mean: 300}"))
		return 0;
	k = yaml_doc_key(&ld->yd, a, "dist", kp);
	if (!k.id) {
		yaml_doc_missing(&ld->yd, a, "dist", dist_kind_names());
		return 0;
	}
	if (!parse_dist_kind(ld, k, &d->kind))
		return 0;
	yaml_doc_check_keys(&ld->yd, a, dist_keys[d->kind], "key");
	if (d->kind == DIST_EMPIRICAL)
		parse_empirical(ld, a, d);
	for (i = 1; d->kind != DIST_EMPIRICAL && dist_keys[d->kind][i]; i++) {
		read_number(ld, a, scenario_schema_find(scenario_schema_dist,
							dist_keys[d->kind][i]), d);
	}
	if (ld->yd.n_problems != before || ld->yd.oom)
		return 0;
	yaml_doc_where(&ld->yd, a.id, where, YAML_DOC_WHERE_MAX);
	snprintf(where + strlen(where), sizeof where - strlen(where), ": %s",
		 a.path);
	if (dist_prepare(d, where, ld->yd.err) == SIM_OK)
		return 1;
	ld->yd.n_problems++;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Demand: volume, weekly profile, months, surges                      */

#define VOLUME_KEYS "exactly one of per_year, per_day, per_hour"

/* Reads the volume keys in the order written, so that of two volumes the
 * second is the one blamed. Returns how many were given. */
static int read_volumes(struct load *ld, struct yaml_doc_at v, struct demand_spec *dm)
{
	const yaml_node_t *map = yaml_doc_node(&ld->yd, v.id);
	const yaml_node_pair_t *p;
	int given = 0;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_doc_node(&ld->yd, p->key);
		char cp[YAML_DOC_PATH_MAX];
		struct yaml_doc_at c = {p->value, cp};
		const struct scenario_key *row = k->type == YAML_SCALAR_NODE ?
			scenario_schema_find(scenario_schema_volume,
					     yaml_doc_text(k)) : NULL;
		double x;

		if (!row)
			continue;
		yaml_doc_path_join(cp, v.path, row->key);
		if (given++) {
			c.id = p->key;
			yaml_doc_problem(&ld->yd, c, "a second volume; give "
					 VOLUME_KEYS);
		} else if (yaml_doc_number(&ld->yd, c, row->rule, &x)) {
			scenario_schema_store(row, dm, x);
		}
	}
	return given;
}

/* volume: calls a year (of 365 days), a day or an hour, as calls a second
 * averaged over the week. */
static void parse_volume(struct load *ld, struct yaml_doc_at m, struct demand_spec *dm)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at v = yaml_doc_key(&ld->yd, m, "volume", kp);

	if (!v.id) {
		yaml_doc_missing(&ld->yd, m, "volume", VOLUME_KEYS ", such as "
				 "{per_year: 732440}");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, v, YAML_MAPPING_NODE, "a mapping with "
			     VOLUME_KEYS))
		return;
	check_keys(ld, v, scenario_schema_volume, "key");
	if (read_volumes(ld, v, dm) == 0)
		yaml_doc_problem(&ld->yd, v, "no volume; give " VOLUME_KEYS);
}

/* A weekly profile has one factor an hour or one a quarter-hour. */
static void check_profile(struct load *ld, struct yaml_doc_at a, size_t n,
			  const struct demand_spec *dm)
{
	size_t i;

	if (n != 168 && n != 672) {
		yaml_doc_problem(&ld->yd, a, "has %zu factors; must have 168 (one an hour, "
				 "Monday 00:00 first) or 672 (one a quarter-hour)",
				 n);
		return;
	}
	for (i = 0; i < n; i++)
		if (dm->profile[i] > 0)
			return;
	yaml_doc_problem(&ld->yd, a, "every factor is 0; at least one must be positive");
}

/* Checks one line of a profile CSV, cut into nc cells whose last read as
 * v with csv_read_number's rc; reports a bad line. In a file separated by ','
 * a label that is a number is refused: "0,963" is far more likely a
 * decimal comma than a factor of 963 for hour 0. */
static int profile_line_ok(struct load *ld, struct csv_read *c, char **cells,
			   int nc, int rc, double v)
{
	double label;

	if (c->row_bad)
		return 0;
	if (c->row_cells > 2) {
		csv_read_report(&ld->yd, c, cells[nc - 1], "'%.60s' is not a factor "
				"(lines hold 'factor' or 'label,factor')",
				cells[nc - 1]);
		return 0;
	}
	if (c->sep == ',' && nc == 2 && yaml_doc_text_number(cells[0], &label) == 0) {
		csv_read_report(&ld->yd, c, cells[0], "the label '%.60s' is a number; "
				"lines hold 'factor' or 'label,factor' with a label "
				"such as 'mon 00:00' (where ',' is a decimal comma, "
				"cells must be separated by ';')", cells[0]);
		return 0;
	}
	if (rc == 0 && v >= scenario_schema_profile_factor.lo && v <= scenario_schema_profile_factor.hi)
		return 1;
	csv_read_bad_cell(&ld->yd, c, cells[nc - 1], rc, scenario_schema_profile_factor.allowed);
	return 0;
}

/* A profile CSV: one factor a line, optionally after a label
 * ("mon 00:00,1.05"); a first line that is not a number is a header. */
static void profile_from_csv(struct load *ld, struct yaml_doc_at a,
			     struct demand_spec *dm)
{
	struct csv_read c;
	char *cells[3];
	size_t n = 0;
	int nc, rc, first = 1, before = ld->yd.n_problems;
	double v = 0;

	if (!csv_open(ld, a, SCENARIO_PROFILE_CSV_MAX, "a profile CSV", &c))
		return;
	while ((nc = csv_read_row(&ld->yd, &c, cells, 3)) > 0) {
		rc = csv_read_number(&c, cells[nc - 1], &v);
		if (rc != 0 && first && !c.row_bad) {
			first = 0;
			continue;
		}
		first = 0;
		if (profile_line_ok(ld, &c, cells, nc, rc, v) &&
		    n < DEMAND_SLOTS_MAX)
			dm->profile[n] = v;
		n++;
	}
	free(c.text);
	if (ld->yd.n_problems == before)
		check_profile(ld, a, n, dm);
	dm->n_slots = n;
}

/* profile: omitted (flat), a CSV file name, or an inline list. */
static void parse_profile(struct load *ld, struct yaml_doc_at m, struct demand_spec *dm)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at p = yaml_doc_key(&ld->yd, m, "profile", kp);
	const yaml_node_t *n;
	int i, before = ld->yd.n_problems;

	for (i = 0; i < 168; i++)
		dm->profile[i] = 1.0;
	dm->n_slots = 168;
	if (!p.id)
		return;
	n = yaml_doc_node(&ld->yd, p.id);
	if (yaml_doc_is_string(n)) {
		profile_from_csv(ld, p, dm);
		return;
	}
	if (!yaml_doc_expect(&ld->yd, p, YAML_SEQUENCE_NODE, "a CSV file name or a "
			     "list of 168 or 672 factors"))
		return;
	for (i = 0; i < yaml_doc_seq_len(n) && i < DEMAND_SLOTS_MAX; i++)
		yaml_doc_number(&ld->yd, yaml_doc_item(&ld->yd, p, i, NULL, ip),
				&scenario_schema_profile_factor, &dm->profile[i]);
	if (ld->yd.n_problems == before)
		check_profile(ld, p, (size_t)yaml_doc_seq_len(n), dm);
	dm->n_slots = (size_t)yaml_doc_seq_len(n);
}

/* months: {jun: 1.10, ...}; a month not given keeps factor 1. */
static void parse_months(struct load *ld, struct yaml_doc_at m, struct demand_spec *dm)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "months", kp);

	scenario_schema_defaults(scenario_schema_months, dm);
	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping of "
				      "month (jan..dec) to factor"))
		return;
	check_keys(ld, a, scenario_schema_months, "month");
	read_numbers(ld, a, scenario_schema_months, dm);
}

/* A surge start "sat 22:00": a day and a time of day, as seconds into the
 * week. */
static void parse_surge_start(struct load *ld, struct yaml_doc_at a, double *start_s)
{
	const char *s;
	char day[4];
	double t;
	int d;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, "a day and time such as "
			     "\"sat 22:00\""))
		return;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	d = -1;
	if (strlen(s) > 4 && s[3] == ' ') {
		memcpy(day, s, 3);
		day[3] = '\0';
		d = yaml_doc_word_index(day, day_names);
	}
	t = d >= 0 ? clock_s(s + 4) : -1.0;
	if (d < 0 || t < 0 || t >= 86400) {
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a day and time; must be like "
				 "\"sat 22:00\" (mon..sun, 00:00..23:59)", s);
		return;
	}
	*start_s = d * 86400.0 + t;
}

/* weeks: [2, 5]: 1-based run weeks; omitted, the surge recurs weekly. */
static void parse_surge_weeks(struct load *ld, struct yaml_doc_at a,
			      struct surge_spec *sg)
{
	char ip[YAML_DOC_PATH_MAX];
	const yaml_node_t *n;
	int i;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, "a list of run weeks "
			     "from 1, such as [2, 5]"))
		return;
	n = yaml_doc_node(&ld->yd, a.id);
	if (yaml_doc_seq_len(n) == 0) {
		yaml_doc_problem(&ld->yd, a, "is empty; list run weeks from 1, or leave "
				 "weeks out for every week");
		return;
	}
	sg->weeks = mem_calloc((size_t)yaml_doc_seq_len(n), sizeof *sg->weeks);
	if (!sg->weeks) {
		ld->yd.oom = 1;
		return;
	}
	for (i = 0; i < yaml_doc_seq_len(n); i++) {
		double w;

		if (yaml_doc_number(&ld->yd, yaml_doc_item(&ld->yd, a, i, NULL, ip), &scenario_schema_week, &w))
			sg->weeks[sg->n_weeks++] = (unsigned)w;
	}
}

/* One surge window {start, hours, factor, weeks}. */
static void parse_surge(struct load *ld, struct yaml_doc_at a, struct surge_spec *sg)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at c;

	if (!yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such as {start: "
			     "\"sat 22:00\", hours: 4, factor: 1.5}"))
		return;
	check_keys(ld, a, scenario_schema_surge, "key");
	c = yaml_doc_key(&ld->yd, a, "start", kp);
	if (c.id)
		parse_surge_start(ld, c, &sg->start_s);
	else
		yaml_doc_missing(&ld->yd, a, "start", "a day and time such as "
				 "\"sat 22:00\"");
	read_numbers(ld, a, scenario_schema_surge, sg);
	c = yaml_doc_key(&ld->yd, a, "weeks", kp);
	if (c.id)
		parse_surge_weeks(ld, c, sg);
}

static void parse_surges(struct load *ld, struct yaml_doc_at m, struct demand_spec *dm)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "surges", kp);
	const yaml_node_t *n;
	int i;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, "a list of surge "
				      "windows"))
		return;
	n = yaml_doc_node(&ld->yd, a.id);
	if (yaml_doc_seq_len(n) == 0)
		return;
	dm->surges = mem_calloc((size_t)yaml_doc_seq_len(n), sizeof *dm->surges);
	if (!dm->surges) {
		ld->yd.oom = 1;
		return;
	}
	dm->n_surges = (size_t)yaml_doc_seq_len(n);
	for (i = 0; i < yaml_doc_seq_len(n); i++)
		parse_surge(ld, yaml_doc_item(&ld->yd, a, i, NULL, ip), &dm->surges[i]);
}

/* The product of the factors above 1 of the surges in force at week
 * offset t. Surges that overlap in the week are taken to meet, whatever
 * their weeks, so the bound holds for any run. */
static double surge_peak_at(const struct demand_spec *dm, double t)
{
	double f = 1;
	size_t r;

	for (r = 0; r < dm->n_surges; r++) {
		const struct surge_spec *sg = &dm->surges[r];
		double into = fmod(t - sg->start_s + WEEK_S, WEEK_S);

		if (into < sg->duration_s && sg->factor > 1)
			f *= sg->factor;
	}
	return f;
}

/* The highest rate a line can reach, its volume at the profile's peak
 * (factors rescaled to mean 1, as demand.c does), in its highest month,
 * under its most surges at once, is at most SCENARIO_PEAK_RATE_MAX: beyond
 * it arrivals would crowd the clock and waiting callers the memory. A
 * product of factors each within its range can pass it. Called once the
 * demand keys read cleanly, so the profile has a positive factor. */
static void check_peak_rate(struct load *ld, struct yaml_doc_at m,
			    const struct demand_spec *dm)
{
	char kp[YAML_DOC_PATH_MAX];
	double sum = 0, top = 0, month = 0, surge = 1, peak;
	size_t i;

	for (i = 0; i < dm->n_slots; i++) {
		sum += dm->profile[i];
		top = fmax(top, dm->profile[i]);
	}
	for (i = 0; i < 12; i++)
		month = fmax(month, dm->month_factor[i]);
	for (i = 0; i < dm->n_surges; i++)
		surge = fmax(surge, surge_peak_at(dm, dm->surges[i].start_s));
	top *= (double)dm->n_slots / sum;
	peak = dm->mean_rate_per_s * top * month * surge;
	if (peak <= SCENARIO_PEAK_RATE_MAX)
		return;
	yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "volume", kp), "at its peak the line "
			 "has %.4g calls a second: %.4g on average x %.4g (highest "
			 "profile factor over the mean) x %.4g (highest month) x "
			 "%.4g (surges at once); must be at most %g calls a second",
			 peak, dm->mean_rate_per_s, top, month, surge,
			 SCENARIO_PEAK_RATE_MAX);
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

/* redial: {probability, delay}; delay is needed only when some redial. */
static void parse_redial(struct load *ld, struct yaml_doc_at m, struct line_spec *l)
{
	char kp[YAML_DOC_PATH_MAX], dp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "redial", kp), d;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such as "
				      "{probability: 0.3, delay: {dist: "
				      "exponential, mean: 60}}"))
		return;
	check_keys(ld, a, scenario_schema_redial, "key");
	read_numbers(ld, a, scenario_schema_redial, l);
	d = yaml_doc_key(&ld->yd, a, "delay", dp);
	if (d.id)
		parse_dist(ld, d, &l->redial_delay);
	else if (l->redial_probability > 0)
		yaml_doc_missing(&ld->yd, a, "delay", "the time before a redial, such "
				 "as {dist: exponential, mean: 60}");
}

/* answer: {within_s, goal}; with no goal there is a figure but no verdict. */
static void parse_answer(struct load *ld, struct yaml_doc_at m, struct line_spec *l)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "answer", kp);

	scenario_schema_defaults(scenario_schema_answer, l);
	if (!a.id) {
		yaml_doc_missing(&ld->yd, m, "answer", "the service level target, such as "
				 "{within_s: 10, goal: 0.90}");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such as "
			     "{within_s: 10, goal: 0.90}"))
		return;
	check_keys(ld, a, scenario_schema_answer, "key");
	read_numbers(ld, a, scenario_schema_answer, l);
}

/* An optional distribution; returns 1 when given (valid or not). */
static int parse_opt_dist(struct load *ld, struct yaml_doc_at m, const char *key,
			  struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, key, kp);

	if (a.id)
		parse_dist(ld, a, d);
	return a.id != 0;
}

/* A required distribution; `give` says what it is, for a missing key. */
static void parse_req_dist(struct load *ld, struct yaml_doc_at m, const char *key,
			   struct dist *d, const char *give)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, key, kp);

	if (a.id)
		parse_dist(ld, a, d);
	else
		yaml_doc_missing(&ld->yd, m, key, give);
}

/* The grades' names, NULL-terminated: the keys of `incidents` and the
 * words of a role's `attends`. Grades are read before lines for this. */
static void grade_names(const struct scenario *sc,
			const char *names[RESPONSE_GRADES_MAX + 1])
{
	size_t g;

	for (g = 0; g < sc->n_grades; g++)
		names[g] = sc->grades[g].name;
	names[g] = NULL;
}

/* incidents: {GRADE: probability, ...}; grades not given create none, and
 * what the probabilities leave is resolved on the call, so they may sum
 * to less than 1 but never more. */
static void parse_incidents(struct load *ld, struct yaml_doc_at m, struct line_spec *l)
{
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "incidents", kp);
	const char *names[RESPONSE_GRADES_MAX + 1];
	int before = ld->yd.n_problems;
	double sum = 0;
	size_t g;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping of "
				      "grade to probability, such as {emergency: "
				      "0.20, priority: 0.25}"))
		return;
	if (!ld->grades_given) {
		yaml_doc_problem(&ld->yd, a, "no grades are defined; give a grades list "
				 "(with areas, roles and units), or leave out "
				 "incidents");
		return;
	}
	if (ld->sc->n_grades == 0)
		return;              /* the grades themselves were refused */
	grade_names(ld->sc, names);
	yaml_doc_check_keys(&ld->yd, a, names, "grade");
	for (g = 0; g < ld->sc->n_grades; g++) {
		struct yaml_doc_at c = yaml_doc_key(&ld->yd, a, names[g], gp);

		if (c.id)
			yaml_doc_number(&ld->yd, c, &scenario_schema_probability,
					&l->incident_p[g]);
	}
	for (g = 0; g < ld->sc->n_grades; g++)
		sum += l->incident_p[g];
	if (ld->yd.n_problems == before && sum > 1 + 1e-9)
		yaml_doc_problem(&ld->yd, a, "probabilities sum to %.9g; must sum to at "
				 "most 1 (the rest are resolved on the call)", sum);
}

/* Everything of a line but its name, which the caller read for the path. */
static void parse_line(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct line_spec *l = rec;
	int before;

	check_keys(ld, m, scenario_schema_line, "key");
	before = ld->yd.n_problems;
	parse_volume(ld, m, &l->demand);
	parse_profile(ld, m, &l->demand);
	parse_months(ld, m, &l->demand);
	parse_surges(ld, m, &l->demand);
	if (ld->yd.n_problems == before && !ld->yd.oom)
		check_peak_rate(ld, m, &l->demand);
	l->has_patience = parse_opt_dist(ld, m, "patience", &l->patience);
	parse_redial(ld, m, l);
	parse_req_dist(ld, m, "handle", &l->handle, "the talk time, such as "
		       "{dist: lognormal, mean: 240, sd: 180}");
	l->has_wrap = parse_opt_dist(ld, m, "wrap", &l->wrap);
	parse_answer(ld, m, l);
	parse_incidents(ld, m, l);
}

/* Names joined for "lines are: 999, 101". */
static const char *line_names(const struct scenario *sc, char *buf,
			      size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < sc->n_lines && len + 1 < size; i++)
		if (sc->lines[i].name[0])
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "",
						sc->lines[i].name);
	return buf;
}

/* Allocates `n` zeroed items; records an allocation failure. */
static void *load_calloc(struct load *ld, size_t n, size_t size)
{
	void *p = mem_calloc(n ? n : 1, size);

	if (!p)
		ld->yd.oom = 1;
	return p;
}

/* Names already read in one list, for the duplicate check. */
struct seen {
	const char *noun;            /* "line", "pool", "shift" */
	const char **name;           /* NULL where an item had no valid name */
	int *line;                   /* where each name stood */
	int n;
};

static int seen_init(struct load *ld, struct seen *s, const char *noun,
		     int n)
{
	s->noun = noun;
	s->n = 0;
	s->name = load_calloc(ld, (size_t)n, sizeof *s->name);
	s->line = load_calloc(ld, (size_t)n, sizeof *s->line);
	return s->name && s->line;
}

static void seen_free(struct seen *s)
{
	free(s->name);
	free(s->line);
}

/* Records the name at a (NULL when the item had none), first reporting
 * an earlier item with the same name. */
static void seen_add(struct load *ld, struct seen *s, struct yaml_doc_at a,
		     const char *name)
{
	int j;

	for (j = 0; name && j < s->n; j++)
		if (s->name[j] && strcmp(s->name[j], name) == 0) {
			yaml_doc_problem(&ld->yd, a, "duplicate %s name '%s' (also at "
					 "line %d); names must be unique", s->noun,
					 name, s->line[j]);
			break;
		}
	s->name[s->n] = name;
	s->line[s->n++] = a.id ? yaml_doc_pos(&ld->yd, a.id).line : 0;
}

/* Opens item i of list s: checks it is a mapping, reads its name into
 * dst (SCENARIO_NAME_MAX bytes) and sets *m to it, with the path naming
 * the item by that name. Returns 0 when the item is not a mapping. */
static int open_item(struct load *ld, struct yaml_doc_at s, int i, struct seen *seen,
		     char *dst, char buf[YAML_DOC_PATH_MAX], struct yaml_doc_at *m)
{
	int name_id;

	*m = yaml_doc_item(&ld->yd, s, i, NULL, buf);
	if (!yaml_doc_expect(&ld->yd, *m, YAML_MAPPING_NODE, "a mapping with a name"))
		return 0;
	name_id = parse_name(ld, *m, dst, SCENARIO_NAME_MAX);
	*m = yaml_doc_item(&ld->yd, s, i, dst, buf);
	{
		struct yaml_doc_at na = {name_id ? name_id : m->id, m->path};

		seen_add(ld, seen, na, name_id ? dst : NULL);
	}
	return 1;
}

/* The length of the list at a, or 0 after reporting one longer than
 * SCENARIO_LIST_MAX. */
static int list_len(struct load *ld, struct yaml_doc_at a)
{
	int n = yaml_doc_seq_len(yaml_doc_node(&ld->yd, a.id));

	if (n <= SCENARIO_LIST_MAX)
		return n;
	yaml_doc_problem(&ld->yd, a, "has %d items; a list may have at most %d", n,
			 SCENARIO_LIST_MAX);
	return 0;
}

/* A required, non-empty list; returns its length (0 after a problem). */
static int parse_list(struct load *ld, struct yaml_doc_at m, struct yaml_doc_at a,
		      const char *give)
{
	const char *key = strrchr(a.path, '.');

	if (!a.id) {
		yaml_doc_missing(&ld->yd, m, key ? key + 1 : a.path, give);
		return 0;
	}
	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, give))
		return 0;
	if (yaml_doc_seq_len(yaml_doc_node(&ld->yd, a.id)) == 0)
		yaml_doc_problem(&ld->yd, a, "is empty; give %s", give);
	return list_len(ld, a);
}

/* A list of records: one reader serves lines, pools, shifts, grades,
 * areas, roles (each named, names unique) and units (unnamed). */
struct list_kind {
	const char *key;             /* "lines" */
	const char *noun;            /* "line": "duplicate line name" */
	const char *give;            /* what the list holds, for messages */
	const char *item_give;       /* an unnamed item's shape; NULL: named,
					the name first in the record */
	size_t size;                 /* of one record */
	int max;                     /* the most items (0: SCENARIO_LIST_MAX) */
	/* Defaults and the position of the item at a, before it is read. */
	void (*init)(struct load *ld, struct yaml_doc_at a, void *rec);
	/* The record's keys but its name, from mapping m. */
	void (*read)(struct load *ld, struct yaml_doc_at m, void *rec);
};

/* Reads item i of list s into rec, unless it is no mapping (named). */
static void list_item(struct load *ld, const struct list_kind *k,
		      struct yaml_doc_at s, int i, struct seen *seen, char *rec)
{
	char ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at m = yaml_doc_item(&ld->yd, s, i, NULL, ip);

	k->init(ld, m, rec);
	if (k->item_give) {
		if (yaml_doc_expect(&ld->yd, m, YAML_MAPPING_NODE, k->item_give))
			k->read(ld, m, rec);
	} else if (open_item(ld, s, i, seen, rec, ip, &m)) {
		k->read(ld, m, rec);
	}
}

/* The list k under mapping parent, required and not empty: a new array
 * of records (owned by the caller, also when NULL is not returned but
 * *n stays 0 after a failed allocation), its length in *n. */
static void *read_list(struct load *ld, struct yaml_doc_at parent,
		       const struct list_kind *k, size_t *n_out)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, parent, k->key, kp);
	int n = parse_list(ld, parent, s, k->give), i;
	struct seen seen = {k->noun, NULL, NULL, 0};
	char *recs;

	if (k->max && n > k->max) {
		yaml_doc_problem(&ld->yd, s, "has %d %ss; must have at most %d",
				 n, k->noun, k->max);
		return NULL;
	}
	if (n == 0)
		return NULL;
	recs = load_calloc(ld, (size_t)n, k->size);
	if ((k->item_give || seen_init(ld, &seen, k->noun, n)) && recs) {
		*n_out = (size_t)n;
		for (i = 0; i < n; i++)
			list_item(ld, k, s, i, &seen, recs + (size_t)i * k->size);
	}
	seen_free(&seen);
	return recs;
}

/* Defaults and position of a line, read before its keys. */
static void init_line(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct line_spec *l = rec;

	scenario_schema_defaults(scenario_schema_answer, l);
	l->pos = yaml_doc_pos(&ld->yd, a.id);
}

static const struct list_kind lines_kind = {
	"lines", "line", "a list of contact lines", NULL,
	sizeof(struct line_spec), 0, init_line, parse_line};

/* ------------------------------------------------------------------ */
/* Pools and shifts                                                    */

/* days: a list of mon..sun, one of them, or "all", "weekdays",
 * "weekends". */
static unsigned parse_days_word(struct load *ld, struct yaml_doc_at a)
{
	static const char *const words[] = {
		"all", "weekdays", "weekends", "mon", "tue", "wed", "thu",
		"fri", "sat", "sun", NULL};
	static const unsigned masks[] = {0x7f, 0x1f, 0x60};
	const char *w = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	int i = yaml_doc_word_index(w, words);

	if (i < 0) {
		yaml_doc_unknown(&ld->yd, a, "value", w, words);
		return 0;
	}
	return i < 3 ? masks[i] : 1u << (i - 3);
}

static unsigned parse_days(struct load *ld, struct yaml_doc_at a)
{
	char ip[YAML_DOC_PATH_MAX];
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	unsigned mask = 0;
	int i, d;

	if (yaml_doc_is_string(n))
		return parse_days_word(ld, a);
	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE, "a list of days (mon..sun) "
			     "or \"all\", \"weekdays\", \"weekends\""))
		return 0;
	for (i = 0; i < yaml_doc_seq_len(n); i++) {
		struct yaml_doc_at it = yaml_doc_item(&ld->yd, a, i, NULL, ip);
		const char *w;

		if (!yaml_doc_expect(&ld->yd, it, YAML_SCALAR_NODE, "a day, mon..sun"))
			continue;
		w = yaml_doc_text(yaml_doc_node(&ld->yd, it.id));
		d = yaml_doc_word_index(w, day_names);
		if (d < 0)
			yaml_doc_unknown(&ld->yd, it, "day", w, day_names);
		else if (mask & (1u << d))
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; list each "
					 "day once", w);
		mask |= d >= 0 ? 1u << d : 0;
	}
	if (yaml_doc_seq_len(n) == 0)
		yaml_doc_problem(&ld->yd, a, "is empty; list at least one day");
	return mask;
}

/* A time of day "HH:MM" at most max_s; -1 after a reported problem. */
static double parse_clock(struct load *ld, struct yaml_doc_at a, double max_s,
			  const char *allowed)
{
	double t;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, allowed))
		return -1.0;
	t = clock_s(yaml_doc_text(yaml_doc_node(&ld->yd, a.id)));
	if (t < 0 || t > max_s) {
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a valid time; must be %s",
				 yaml_doc_text(yaml_doc_node(&ld->yd, a.id)), allowed);
		return -1.0;
	}
	return t;
}

/* end: "HH:MM" up to 48:00, after the start (next-day times pass 24:00). */
static void parse_shift_end(struct load *ld, struct yaml_doc_at a, double start_s,
			    struct shift_spec *sh)
{
	char t1[16], t2[16], t3[16];
	double end = parse_clock(ld, a, 48 * 3600.0, "\"HH:MM\" up to \"48:00\""
				 " (past 24:00 is the next day)");

	if (end < 0 || start_s < 0)
		return;
	if (end == start_s) {
		yaml_doc_problem(&ld->yd, a, "shift ends at %s, the time it starts; "
				 "for a 24-hour shift give hours: 24 or end: "
				 "\"%s\"", clock_text(end, t1),
				 clock_text(end + 86400.0, t3));
		return;
	}
	if (end < start_s) {
		yaml_doc_problem(&ld->yd, a, "shift ends at %s, before it starts at %s; "
				 "for an overnight shift give hours: %g or end: "
				 "\"%s\"", clock_text(end, t1),
				 clock_text(start_s, t2),
				 (end + 86400.0 - start_s) / 3600.0,
				 clock_text(end + 86400.0, t3));
		return;
	}
	if (end - start_s > 86400.0) {
		yaml_doc_problem(&ld->yd, a, "shift lasts %g hours; must be at most 24",
				 (end - start_s) / 3600.0);
		return;
	}
	sh->duration_s = round(end - start_s);
}

/* The length of a shift: exactly one of hours and end. */
static void parse_shift_length(struct load *ld, struct yaml_doc_at m,
			       struct shift_spec *sh)
{
	char hp[YAML_DOC_PATH_MAX], ep[YAML_DOC_PATH_MAX];
	struct yaml_doc_at h = yaml_doc_key(&ld->yd, m, "hours", hp), e = yaml_doc_key(&ld->yd, m, "end", ep);
	double hours;

	if (h.id && e.id)
		yaml_doc_problem(&ld->yd, e, "both hours and end are given; give one");
	else if (!h.id && !e.id)
		yaml_doc_missing(&ld->yd, m, "hours", "the length in hours (0 < hours "
				 "<= 24), or an end time \"HH:MM\"");
	else if (h.id && yaml_doc_number(&ld->yd, h, &scenario_schema_shift_hours, &hours))
		/* To the second: a roster change between two seconds could
		 * round back onto the previous one and never move on. */
		sh->duration_s = round(hours * 3600.0);
	else if (e.id)
		parse_shift_end(ld, e, sh->start_s, sh);
}

/* The body of one shift, its name already read. */
static void parse_shift(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct shift_spec *sh = rec;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a;

	check_keys(ld, m, scenario_schema_shift, "key");
	sh->start_s = -1.0;
	a = yaml_doc_key(&ld->yd, m, "start", kp);
	if (a.id)
		sh->start_s = parse_clock(ld, a, 86399.0, "\"HH:MM\" from "
					  "\"00:00\" to \"23:59\"");
	else
		yaml_doc_missing(&ld->yd, m, "start", "a time of day \"HH:MM\"");
	parse_shift_length(ld, m, sh);
	a = yaml_doc_key(&ld->yd, m, "days", kp);
	sh->days = a.id ? parse_days(ld, a) : 0x7fu;
	read_numbers(ld, m, scenario_schema_shift, sh);
}

static void init_nothing(struct load *ld, struct yaml_doc_at a, void *rec)
{
	(void)ld;
	(void)a;
	(void)rec;
}

/* shifts: of a pool or of a unit, read alike. */
static const struct list_kind shifts_kind = {
	"shifts", "shift", "a list of shifts such as {name: early, start: "
	"\"07:00\", hours: 10, staff: 24}", NULL, sizeof(struct shift_spec), 0,
	init_nothing, parse_shift};

/* One entry of serves: a line of the scenario, not listed before. */
static void parse_served_line(struct load *ld, struct yaml_doc_at it,
			      struct pool_spec *p)
{
	char list[LIST_MAX];
	const char *name;
	long li;
	size_t j;

	if (!yaml_doc_expect(&ld->yd, it, YAML_SCALAR_NODE, "a line name"))
		return;
	name = yaml_doc_text(yaml_doc_node(&ld->yd, it.id));
	li = scenario_line_index(ld->sc, name);
	if (li < 0) {
		yaml_doc_problem(&ld->yd, it, "no line named '%.60s'; lines are: %s",
				 name, line_names(ld->sc, list, sizeof list));
		return;
	}
	for (j = 0; j < p->n_serves; j++)
		if (p->serves[j] == (size_t)li) {
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; list each "
					 "line once", name);
			return;
		}
	p->serves[p->n_serves++] = (size_t)li;
}

/* serves: line names in priority order. */
static void parse_serves(struct load *ld, struct yaml_doc_at pm, struct pool_spec *p)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, pm, "serves", kp);
	int n = parse_list(ld, pm, s, "a list of line names, highest "
			   "priority first"), i;

	if (n == 0)
		return;
	p->serves = load_calloc(ld, (size_t)n, sizeof *p->serves);
	for (i = 0; i < n && p->serves; i++)
		parse_served_line(ld, yaml_doc_item(&ld->yd, s, i, NULL, ip), p);
}

/* The body of one pool, its name already read. */
static void parse_pool(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct pool_spec *p = rec;
	char kp[YAML_DOC_PATH_MAX];

	/* The reports' cost rows put the totals beside the pools, under these
	 * names: a pool so named would give two rows of one key. */
	if (strcmp(p->name, "total") == 0 || strcmp(p->name, "pools") == 0)
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "name", kp), "'%s' is reserved for "
				 "the cost totals; give the pool another name",
				 p->name);
	check_keys(ld, m, scenario_schema_pool, "key");
	parse_serves(ld, m, p);
	read_numbers(ld, m, scenario_schema_pool, p);
	p->shifts = read_list(ld, m, &shifts_kind, &p->n_shifts);
}

static void init_pool(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct pool_spec *p = rec;

	scenario_schema_defaults(scenario_schema_pool, p);
	p->pos = yaml_doc_pos(&ld->yd, a.id);
}

static const struct list_kind pools_kind = {
	"pools", "pool", "a list of handler pools", NULL,
	sizeof(struct pool_spec), 0, init_pool, parse_pool};

/* Every line needs a pool that answers it, or its callers would wait for
 * ever. Checked only once lines and pools read cleanly. */
static void check_served(struct load *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "lines", kp);
	size_t i, j, k;

	for (i = 0; i < sc->n_lines; i++) {
		int served = 0;

		for (j = 0; j < sc->n_pools; j++)
			for (k = 0; k < sc->pools[j].n_serves; k++)
				served |= sc->pools[j].serves[k] == i;
		if (!served)
			yaml_doc_problem(&ld->yd, yaml_doc_item(&ld->yd, s, (int)i,
								sc->lines[i].name, ip),
					 "no pool serves this line; list it in the "
					 "serves of a pool");
	}
}

/* ------------------------------------------------------------------ */
/* Incident response: grades, areas, roles, units, dispatch            */

/* true or false, unquoted. YAML 1.1's yes/no/on/off are refused: a
 * planner who writes "no" should learn that it is not read as a word. */
static void parse_bool(struct load *ld, struct yaml_doc_at a, int *out)
{
	static const char *const words[] = {"false", "true", NULL};
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	int i = -1;

	if (yaml_doc_is_string(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		i = yaml_doc_word_index(yaml_doc_text(n), words);
	if (i < 0)
		yaml_doc_wrong(&ld->yd, a, "true or false");
	else
		*out = i;
}

/* open_item reads names into SCENARIO_NAME_MAX bytes, and the helpers
 * below find a name at the start of each item. */
_Static_assert(RESPONSE_NAME_MAX == SCENARIO_NAME_MAX, "name buffers differ");
_Static_assert(offsetof(struct grade_spec, name) == 0, "name first");
_Static_assert(offsetof(struct area_spec, name) == 0, "name first");
_Static_assert(offsetof(struct role_spec, name) == 0, "name first");

/* Grades, areas and roles all begin with their name: these two helpers
 * walk any of those arrays by its stride instead of repeating a loop per
 * kind. Index of the item named `name`, or -1. */
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

/* The list of references a name may point at ("area", the areas). */
struct ref_list {
	const char *noun;            /* singular, for "no area named" */
	const char *plural;          /* for "areas are:" */
	const void *items;           /* first item; its name comes first */
	size_t stride, n;
};

/* The item named by the scalar at a, or -1 after reporting the name. */
static long load_ref(struct load *ld, struct yaml_doc_at a, const struct ref_list *r)
{
	char list[LIST_MAX], what[64];
	const char *name;
	long i;

	snprintf(what, sizeof what, "a%s %s name",
		 strchr("aeiou", r->noun[0]) ? "n" : "", r->noun);
	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, what))
		return -1;
	name = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	i = item_index(r->items, r->stride, r->n, name);
	if (i < 0)
		yaml_doc_problem(&ld->yd, a, "no %s named '%.60s'; %s are: %s", r->noun,
				 name, r->plural, item_names(r->items, r->stride,
							     r->n, list,
							     sizeof list));
	return i;
}

static struct ref_list ref_areas(const struct scenario *sc)
{
	struct ref_list r = {"area", "areas", sc->areas, sizeof *sc->areas,
			     sc->n_areas};

	return r;
}

static struct ref_list ref_roles(const struct scenario *sc)
{
	struct ref_list r = {"role", "roles", sc->roles, sizeof *sc->roles,
			     sc->n_roles};

	return r;
}

/* attend: {within_s, goal}; without it the grade has no target (NAN). */
static void parse_attend(struct load *ld, struct yaml_doc_at m, struct grade_spec *g)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "attend", kp);

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such "
				      "as {within_s: 900, goal: 0.90}"))
		return;
	check_keys(ld, a, scenario_schema_attend, "key");
	read_numbers(ld, a, scenario_schema_attend, g);
}

/* The body of one grade, its name already read. */
static void parse_grade(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct grade_spec *g = rec;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at b;

	/* The reports name an area's grade "AREA/GRADE": a '/' in a grade
	 * could make two areas' rows one key. */
	if (strchr(g->name, '/'))
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "name", kp), "'%s' holds a '/', "
				 "which the reports put between an area and its "
				 "grade; give the grade another name", g->name);
	check_keys(ld, m, scenario_schema_grade, "key");
	parse_attend(ld, m, g);
	g->has_delay = parse_opt_dist(ld, m, "delay", &g->delay);
	parse_req_dist(ld, m, "travel", &g->travel, "the travel time to the "
		       "scene, such as {dist: lognormal, mean: 480, sd: 300}");
	parse_req_dist(ld, m, "on_scene", &g->on_scene, "the time at the "
		       "scene, such as {dist: lognormal, mean: 5400, sd: 3600}");
	b = yaml_doc_key(&ld->yd, m, "preemptible", kp);
	if (b.id)
		parse_bool(ld, b, &g->preemptible);
}

static void init_grade(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct grade_spec *g = rec;
	struct src_pos pos = yaml_doc_pos(&ld->yd, a.id);

	g->line = pos.line;
	g->col = pos.col;
	g->target_s = NAN;
	g->goal = NAN;
}

/* At most RESPONSE_GRADES_MAX, the bits of a role's attends. */
static const struct list_kind grades_kind = {
	"grades", "grade", "a list of incident grades, highest first", NULL,
	sizeof(struct grade_spec), RESPONSE_GRADES_MAX, init_grade,
	parse_grade};

/* grades: highest first. Read before the lines, whose incidents name
 * them. */
static void parse_grades(struct load *ld, struct yaml_doc_at top)
{
	char kp[YAML_DOC_PATH_MAX];

	if (!yaml_doc_key(&ld->yd, top, "grades", kp).id)
		return;
	ld->grades_given = 1;
	ld->sc->grades = read_list(ld, top, &grades_kind, &ld->sc->n_grades);
}

/* One entry of an area's neighbours: another area, not listed before. */
static void parse_neighbour(struct load *ld, struct yaml_doc_at it, size_t self,
			    struct area_spec *a)
{
	struct ref_list r = ref_areas(ld->sc);
	long i = load_ref(ld, it, &r);
	size_t j;

	if (i < 0)
		return;
	if ((size_t)i == self) {
		yaml_doc_problem(&ld->yd, it, "'%s' is this area itself; list only "
				 "other areas", a->name);
		return;
	}
	for (j = 0; j < a->n_neighbours; j++)
		if (a->neighbours[j] == (size_t)i) {
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; list each "
					 "area once", ld->sc->areas[i].name);
			return;
		}
	a->neighbours[a->n_neighbours++] = (size_t)i;
}

/* neighbours: area names, nearest first. Read once every area is named,
 * since an area may name one listed after it. */
static void parse_neighbours(struct load *ld, struct yaml_doc_at m, size_t self)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, m, "neighbours", kp);
	struct area_spec *a = &ld->sc->areas[self];
	int n, i;

	if (!s.id || !yaml_doc_expect(&ld->yd, s, YAML_SEQUENCE_NODE, "a list of area "
				      "names, nearest first"))
		return;
	n = list_len(ld, s);
	if (n == 0)
		return;
	a->neighbours = load_calloc(ld, (size_t)n, sizeof *a->neighbours);
	for (i = 0; i < n && a->neighbours; i++)
		parse_neighbour(ld, yaml_doc_item(&ld->yd, s, i, NULL, ip), self, a);
}

/* The body of one area but its neighbours, its name already read. */
static void parse_area(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct area_spec *a = rec;

	check_keys(ld, m, scenario_schema_area, "key");
	read_numbers(ld, m, scenario_schema_area, a);
}

/* The shares are the probabilities of an incident's area. */
static void check_shares(struct load *ld, struct yaml_doc_at s)
{
	const struct scenario *sc = ld->sc;
	double sum = 0;
	size_t i;

	for (i = 0; i < sc->n_areas; i++)
		sum += sc->areas[i].share;
	if (fabs(sum - 1) > 1e-6)
		yaml_doc_problem(&ld->yd, s, "shares sum to %.9g; must sum to 1 (within "
				 "1e-6)", sum);
}

static void init_area(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct area_spec *ar = rec;
	struct src_pos pos = yaml_doc_pos(&ld->yd, a.id);

	ar->line = pos.line;
	ar->col = pos.col;
	scenario_schema_defaults(scenario_schema_area, ar);
}

static const struct list_kind areas_kind = {
	"areas", "area", "a list of areas such as {name: Birmingham, share: "
	"0.39, neighbours: [Solihull]}", NULL, sizeof(struct area_spec), 0,
	init_area, parse_area};

/* areas, then their neighbours, which may name an area listed later. */
static void parse_areas(struct load *ld, struct yaml_doc_at top)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct scenario *sc = ld->sc;
	int before = ld->yd.n_problems;
	struct yaml_doc_at s, m;
	size_t i;

	sc->areas = read_list(ld, top, &areas_kind, &sc->n_areas);
	s = yaml_doc_key(&ld->yd, top, "areas", kp);
	for (i = 0; i < sc->n_areas; i++) {
		m = yaml_doc_item(&ld->yd, s, (int)i, sc->areas[i].name, ip);
		if (yaml_doc_node(&ld->yd, m.id)->type == YAML_MAPPING_NODE)
			parse_neighbours(ld, m, i);
	}
	if (sc->n_areas && ld->yd.n_problems == before)
		check_shares(ld, s);
}

/* attends: grade names, each once, as bits of r->attends. */
static void parse_attends(struct load *ld, struct yaml_doc_at m, struct role_spec *r)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	const char *names[RESPONSE_GRADES_MAX + 1];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, m, "attends", kp), it;
	int n, i;
	long g;

	if (r->neighbourhood) {
		if (s.id)
			yaml_doc_problem(&ld->yd, s, "a neighbourhood role attends only "
					 "when abstracted; leave out attends and "
					 "give abstraction");
		return;
	}
	n = parse_list(ld, m, s, "a list of grade names, such as [emergency, "
		       "priority]");
	grade_names(ld->sc, names);
	for (i = 0; i < n && ld->sc->n_grades > 0; i++) {
		it = yaml_doc_item(&ld->yd, s, i, NULL, ip);
		if (!yaml_doc_expect(&ld->yd, it, YAML_SCALAR_NODE, "a grade name"))
			continue;
		g = yaml_doc_word_index(yaml_doc_text(yaml_doc_node(&ld->yd, it.id)), names);
		if (g < 0)
			yaml_doc_unknown(&ld->yd, it, "grade",
					 yaml_doc_text(yaml_doc_node(&ld->yd, it.id)), names);
		else if (r->attends & (1u << g))
			yaml_doc_problem(&ld->yd, it, "'%s' is listed twice; list each "
					 "grade once", names[g]);
		else
			r->attends |= 1u << g;
	}
}

/* abstraction: {allowed: never | emergency_only, after_s}. after_s is
 * required with emergency_only and ignored with never, so a sweep may
 * switch the policy off without removing it. */
static void parse_abstraction(struct load *ld, struct yaml_doc_at m,
			      struct role_spec *r)
{
	static const char *const policies[] = {"never", "emergency_only", NULL};
	char kp[YAML_DOC_PATH_MAX], pp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, "abstraction", kp), p;
	struct scenario_key after;
	int i;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such "
				      "as {allowed: emergency_only, after_s: 600}"))
		return;
	check_keys(ld, a, scenario_schema_abstraction, "key");
	p = yaml_doc_key(&ld->yd, a, "allowed", pp);
	if (p.id && yaml_doc_expect(&ld->yd, p, YAML_SCALAR_NODE, "never or "
				    "emergency_only")) {
		i = yaml_doc_word_index(yaml_doc_text(yaml_doc_node(&ld->yd, p.id)), policies);
		if (i < 0)
			yaml_doc_unknown(&ld->yd, p, "value",
					 yaml_doc_text(yaml_doc_node(&ld->yd, p.id)), policies);
		r->abstraction = i > 0 ? ABSTRACTION_EMERGENCY_ONLY :
			ABSTRACTION_NEVER;
	}
	after = *scenario_schema_find(scenario_schema_abstraction, "after_s");
	after.required = r->abstraction == ABSTRACTION_EMERGENCY_ONLY;
	read_number(ld, a, &after, r);
	if (r->abstraction == ABSTRACTION_EMERGENCY_ONLY && !r->neighbourhood)
		yaml_doc_problem(&ld->yd, p, "only a neighbourhood role is abstracted; "
				 "set neighbourhood: true, or allowed: never");
}

/* The body of one role, its name already read. */
static void parse_role(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct role_spec *r = rec;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at b = yaml_doc_key(&ld->yd, m, "neighbourhood", kp);

	check_keys(ld, m, scenario_schema_role, "key");
	if (b.id)
		parse_bool(ld, b, &r->neighbourhood);
	parse_attends(ld, m, r);
	parse_abstraction(ld, m, r);
	read_numbers(ld, m, scenario_schema_role, r);
}

static void init_role(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct role_spec *r = rec;
	struct src_pos pos = yaml_doc_pos(&ld->yd, a.id);

	r->line = pos.line;
	r->col = pos.col;
	scenario_schema_defaults(scenario_schema_role, r);
}

static const struct list_kind roles_kind = {
	"roles", "role", "a list of officer roles such as {name: response, "
	"attends: [emergency]}", NULL, sizeof(struct role_spec), 0,
	init_role, parse_role};

/* area: or role: of a unit, as an index into ref's list. */
static void parse_unit_ref(struct load *ld, struct yaml_doc_at m,
			   const struct ref_list *ref, size_t *out)
{
	char kp[YAML_DOC_PATH_MAX], give[64];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, ref->noun, kp);
	long i;

	if (!a.id) {
		snprintf(give, sizeof give, "the name of one of the %s",
			 ref->plural);
		yaml_doc_missing(&ld->yd, m, ref->noun, give);
		return;
	}
	i = load_ref(ld, a, ref);
	if (i >= 0)
		*out = (size_t)i;
}

/* One unit roster: the units of one role in one area. */
static void parse_unit(struct load *ld, struct yaml_doc_at m, void *rec)
{
	struct unit_spec *u = rec;
	struct ref_list areas = ref_areas(ld->sc), roles = ref_roles(ld->sc);

	check_keys(ld, m, scenario_schema_unit, "key");
	parse_unit_ref(ld, m, &areas, &u->area);
	parse_unit_ref(ld, m, &roles, &u->role);
	read_numbers(ld, m, scenario_schema_unit, u);
	u->shifts = read_list(ld, m, &shifts_kind, &u->n_shifts);
}

static void init_unit(struct load *ld, struct yaml_doc_at a, void *rec)
{
	struct unit_spec *u = rec;
	struct src_pos pos = yaml_doc_pos(&ld->yd, a.id);

	u->line = pos.line;
	u->col = pos.col;
	scenario_schema_defaults(scenario_schema_unit, u);
}

/* units: no names, so a key path or --set selects one by its index. */
static const struct list_kind units_kind = {
	"units", "unit", "a list of unit rosters such as {area: Birmingham, "
	"role: response, crew: 2, shifts: [...]}", "a mapping such as {area: "
	"Birmingham, role: response, shifts: [...]}", sizeof(struct unit_spec),
	0, init_unit, parse_unit};

/* dispatch: optional as a whole and key by key. */
static void parse_dispatch(struct load *ld, struct yaml_doc_at top)
{
	struct dispatch_spec *d = &ld->sc->dispatch;
	char kp[YAML_DOC_PATH_MAX], bp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, top, "dispatch", kp), b;

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such "
				      "as {cross_border_after_s: 300}"))
		return;
	check_keys(ld, a, scenario_schema_dispatch, "key");
	read_numbers(ld, a, scenario_schema_dispatch, d);
	b = yaml_doc_key(&ld->yd, a, "preempt_scheduled", bp);
	if (b.id)
		parse_bool(ld, b, &d->preempt_scheduled);
}

/* Does unit roster u ever put a unit on duty? */
static int unit_has_staff(const struct unit_spec *u)
{
	size_t i;

	for (i = 0; i < u->n_shifts; i++)
		if (u->shifts[i].staff > 0)
			return 1;
	return 0;
}

/* Can area a's own units attend grade g: a role that attends it, or, for
 * the top grade and when `abstract` allows it, neighbourhood officers who
 * may be abstracted (never across a border, as response.h says). */
static int area_covers(const struct scenario *sc, size_t a, size_t g,
		       int abstract)
{
	size_t i;

	for (i = 0; i < sc->n_units; i++) {
		const struct unit_spec *u = &sc->units[i];
		const struct role_spec *r = &sc->roles[u->role];

		if (u->area != a || !unit_has_staff(u))
			continue;
		if (!r->neighbourhood && (r->attends >> g & 1u))
			return 1;
		if (abstract && g == 0 && r->neighbourhood &&
		    r->abstraction == ABSTRACTION_EMERGENCY_ONLY)
			return 1;
	}
	return 0;
}

/* Does some line create incidents of grade g? */
static int grade_created(const struct scenario *sc, size_t g)
{
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].incident_p[g] > 0)
			return 1;
	return 0;
}

/* Area a can have incidents of grade g attended, by its own units or a
 * neighbour's; else reports it at the area. */
static void check_area_reach(struct load *ld, struct yaml_doc_at s, size_t a,
			     size_t g)
{
	const struct scenario *sc = ld->sc;
	const struct area_spec *as = &sc->areas[a];
	char ip[YAML_DOC_PATH_MAX];
	size_t k;

	if (as->share <= 0 || area_covers(sc, a, g, 1))
		return;
	for (k = 0; k < as->n_neighbours; k++)
		if (area_covers(sc, as->neighbours[k], g, 0))
			return;
	yaml_doc_problem(&ld->yd, yaml_doc_item(&ld->yd, s, (int)a, as->name, ip), "area %s has no "
			 "unit that can attend %s and no neighbour to borrow from; "
			 "give it units of a role that attends %s, or a neighbour "
			 "that has them", as->name, sc->grades[g].name,
			 sc->grades[g].name);
}

/* Every incident a line can create must find a unit some day, or it
 * would wait for ever and the run would never settle. Checked only once
 * everything read cleanly. */
static void check_reach(struct load *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "areas", kp);
	size_t g, a;

	for (g = 0; g < sc->n_grades; g++)
		for (a = 0; a < sc->n_areas && grade_created(sc, g); a++)
			check_area_reach(ld, s, a, g);
}

/* A grade's longest mean travel, its travel's mean x the largest
 * travel_factor of an area x cross_border_factor where that area has
 * neighbours to borrow from, is at most SCENARIO_SECONDS_MAX, the bound of any
 * one duration. Checked only once everything read cleanly. */
static void check_travel(struct load *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX], tp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "grades", kp), t;
	double f = 0, fa, mean;
	size_t g, a, worst = 0;

	for (a = 0; a < sc->n_areas; a++) {
		fa = sc->areas[a].travel_factor * (sc->areas[a].n_neighbours ?
			sc->dispatch.cross_border_factor : 1);
		if (fa > f) {
			f = fa;
			worst = a;
		}
	}
	for (g = 0; g < sc->n_grades && sc->n_areas; g++) {
		mean = dist_mean(&sc->grades[g].travel);
		if (mean * f <= SCENARIO_SECONDS_MAX)
			continue;
		t = yaml_doc_key(&ld->yd, yaml_doc_item(&ld->yd, s, (int)g, sc->grades[g].name, ip),
				 "travel", tp);
		yaml_doc_problem(&ld->yd, t, "a mean of %g s x %g (travel_factor %g of "
				 "area %s%s) is %.4g s; must be at most 1e9 s",
				 mean, f, sc->areas[worst].travel_factor,
				 sc->areas[worst].name,
				 sc->areas[worst].n_neighbours ? " x cross_border_"
				 "factor across a border" : "", mean * f);
	}
}

/* The response sections: all optional as a whole, but grades bring the
 * need for areas, roles and units, and those mean nothing without grades. */
static void parse_response(struct load *ld, struct yaml_doc_at top)
{
	static const char *const after[] = {"areas", "roles", "units",
					    "dispatch", NULL};
	char kp[YAML_DOC_PATH_MAX];
	struct dispatch_spec *d = &ld->sc->dispatch;
	int i;

	scenario_schema_defaults(scenario_schema_dispatch, d);
	d->preempt_scheduled = 0;
	if (!ld->grades_given) {
		for (i = 0; after[i]; i++) {
			struct yaml_doc_at a = yaml_doc_key(&ld->yd, top, after[i], kp);

			if (a.id)
				yaml_doc_problem(&ld->yd, a, "incident response needs "
						 "grades; give a grades list, or "
						 "leave out %s", after[i]);
		}
		return;
	}
	parse_areas(ld, top);
	ld->sc->roles = read_list(ld, top, &roles_kind, &ld->sc->n_roles);
	ld->sc->units = read_list(ld, top, &units_kind, &ld->sc->n_units);
	parse_dispatch(ld, top);
}

/* ------------------------------------------------------------------ */
/* Run settings and the top level                                      */

/* seed: a whole number that fits 64 bits. */
static void parse_seed(struct load *ld, struct yaml_doc_at a, uint64_t *seed)
{
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	const char *s;
	char *end;
	unsigned long long v;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, "a whole number from 0 to "
			     "18446744073709551615"))
		return;
	s = yaml_doc_text(n);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (!isdigit((unsigned char)s[0]) || *end != '\0' || errno == ERANGE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    yaml_doc_is_radix(s)) {
		yaml_doc_problem(&ld->yd, a, "'%.60s' %s; must be a whole number from 0 "
				 "to 18446744073709551615", s, yaml_doc_is_radix(s) ?
				 yaml_doc_number_fault(-3) : "is not a valid seed");
		return;
	}
	*seed = (uint64_t)v;
}

/* start_date: "YYYY-MM-DD", a Monday, because time 0 is Monday 00:00. */
static void parse_start_date(struct load *ld, struct yaml_doc_at a,
			     struct demand_date *start)
{
	static const char *const wday[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday"};
	struct demand_date d;
	const char *s;
	int wd;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, "a date \"YYYY-MM-DD\" that "
			     "is a Monday"))
		return;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	if (!date_parse(s, &d, &wd))
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a date; must be a date "
				 "\"YYYY-MM-DD\" that is a Monday", s);
	else if (wd != 0)
		yaml_doc_problem(&ld->yd, a, "%s is a %s; must be a Monday (scenario time "
				 "0 is Monday 00:00)", s, wday[wd]);
	else
		*start = d;
}

static void parse_run(struct load *ld, struct yaml_doc_at top, struct run_spec *run)
{
	char kp[YAML_DOC_PATH_MAX], cp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, top, "run", kp), c;
	const struct demand_date start = {2024, 4, 1};

	scenario_schema_defaults(scenario_schema_run, run);
	run->seed = 1;
	run->start = start;
	if (a.id && yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, "a mapping such as "
				    "{days: 28, replications: 10}")) {
		check_keys(ld, a, scenario_schema_run, "key");
		read_numbers(ld, a, scenario_schema_run, run);
		c = yaml_doc_key(&ld->yd, a, "seed", cp);
		if (c.id)
			parse_seed(ld, c, &run->seed);
		c = yaml_doc_key(&ld->yd, a, "start_date", cp);
		if (c.id)
			parse_start_date(ld, c, &run->start);
	}
}

/* The scenario's name fits in size bytes; cut, it could end inside a
 * UTF-8 character, which no YAML reader (nor check's output) accepts. */
static int title_fits(struct load *ld, struct yaml_doc_at a, size_t size)
{
	size_t len = yaml_doc_node(&ld->yd, a.id)->data.scalar.length;

	if (len < size)
		return 1;
	yaml_doc_problem(&ld->yd, a, "the name is %zu bytes long; must be at most %zu",
			 len, size - 1);
	return 0;
}

/* Walks the whole document into sc. Grades come before lines, whose
 * incidents name them; areas, roles and units after, since they name
 * grades and each other. */
static void load_walk(struct load *ld, struct scenario *sc)
{
	struct yaml_doc_at top = {1, ""};
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at n = yaml_doc_key(&ld->yd, top, "name", kp);
	int before;

	check_keys(ld, top, scenario_schema_top, "key");
	if (!n.id)
		yaml_doc_missing(&ld->yd, top, "name", "the scenario's name");
	else if (yaml_doc_expect(&ld->yd, n, YAML_SCALAR_NODE, "the scenario's name") &&
		 title_fits(ld, n, sizeof sc->name))
		snprintf(sc->name, sizeof sc->name, "%s",
			 yaml_doc_text(yaml_doc_node(&ld->yd, n.id)));
	parse_run(ld, top, &sc->run);
	before = ld->yd.n_problems;
	parse_grades(ld, top);
	sc->lines = read_list(ld, top, &lines_kind, &sc->n_lines);
	sc->pools = read_list(ld, top, &pools_kind, &sc->n_pools);
	if (ld->yd.n_problems == before && !ld->yd.oom)
		check_served(ld, top);
	parse_response(ld, top);
	if (ld->yd.n_problems == before && !ld->yd.oom) {
		check_reach(ld, top);
		check_travel(ld, top);
	}
}

/* ------------------------------------------------------------------ */
/* Warnings: a valid scenario that would measure nothing               */

/* Adds one warning line at node a.id, "WHERE: key.path: warning: ...".
 * Warnings never make a load fail. */
static void load_warn(struct load *ld, struct yaml_doc_at a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void load_warn(struct load *ld, struct yaml_doc_at a, const char *fmt, ...)
{
	char where[YAML_DOC_WHERE_MAX], msg[MSG_MAX];
	va_list ap;

	if (!ld->warn)
		return;
	yaml_doc_where(&ld->yd, a.id, where, sizeof where);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sim_err_add(ld->warn, SIM_ESCENARIO, "%s: %s: warning: %s", where,
		    a.path[0] ? a.path : "(top level)", msg);
}

/* True when some occurrence of surge sg overlaps [c0, c1): occurrence k
 * (from 0) covers k weeks plus [start, start + duration), and belongs to
 * run week k + 1 (demand.c). */
static int surge_counted(const struct surge_spec *sg, double c0, double c1)
{
	const double week = 7 * 86400.0;
	double k;
	size_t w;

	if (!sg->weeks) {
		k = fmax(0, floor((c0 - sg->start_s - sg->duration_s) / week) + 1);
		return k * week + sg->start_s < c1;
	}
	for (w = 0; w < sg->n_weeks; w++) {
		k = sg->weeks[w] - 1.0;
		if (k * week + sg->start_s < c1 &&
		    k * week + sg->start_s + sg->duration_s > c0)
			return 1;
	}
	return 0;
}

/* Warns of each surge of line l that falls only in the warm-up or after
 * the end: it changes no figure, which the planner surely did not mean. */
static void warn_surges(struct load *ld, struct yaml_doc_at line, size_t l)
{
	const struct scenario *sc = ld->sc;
	const struct demand_spec *dm = &sc->lines[l].demand;
	double c0 = sc->run.warmup_s, c1 = scenario_horizon_s(sc);
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, line, "surges", kp);
	size_t i;

	for (i = 0; s.id && i < dm->n_surges; i++)
		if (!surge_counted(&dm->surges[i], c0, c1))
			load_warn(ld, yaml_doc_item(&ld->yd, s, (int)i, NULL, ip), "no "
				  "occurrence of this surge falls in the counted "
				  "period (hour %.6g to hour %.6g of the run); it "
				  "changes no figure", c0 / 3600, c1 / 3600);
}

/* Warns of a line whose agreement cannot be measured: it has no calls. */
static void warn_line_goal(struct load *ld, struct yaml_doc_at line, size_t l)
{
	const struct line_spec *ls = &ld->sc->lines[l];
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at answer = yaml_doc_key(&ld->yd, line, "answer", kp), goal;

	if (isnan(ls->goal) || ls->demand.mean_rate_per_s > 0 || !answer.id)
		return;
	goal = yaml_doc_key(&ld->yd, answer, "goal", gp);
	if (goal.id)
		load_warn(ld, goal, "line %s has no calls (its volume is 0), so "
			  "its service level cannot be measured; "
			  "--require-slas counts this agreement as missed",
			  ls->name);
}

/* Warns of a grade whose agreement cannot be measured: no line creates
 * its incidents. */
static void warn_grade_goal(struct load *ld, struct yaml_doc_at grade, size_t g)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at attend = yaml_doc_key(&ld->yd, grade, "attend", kp), goal;
	double per_s = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		per_s += sc->lines[l].demand.mean_rate_per_s *
			 sc->lines[l].incident_p[g];
	if (isnan(sc->grades[g].goal) || isnan(sc->grades[g].target_s) ||
	    per_s > 0 || !attend.id)
		return;
	goal = yaml_doc_key(&ld->yd, attend, "goal", gp);
	if (goal.id)
		load_warn(ld, goal, "no call creates incidents of grade %s, so "
			  "its attendance cannot be measured; --require-slas "
			  "counts this agreement as missed", sc->grades[g].name);
}

/* Warns when the counted period is too short to expect a single call. */
static void warn_horizon(struct load *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], dp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at run = yaml_doc_key(&ld->yd, top, "run", kp), days;
	double counted = scenario_counted_s(sc), calls = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		calls += sc->lines[l].demand.mean_rate_per_s * counted;
	days = run.id && yaml_doc_node(&ld->yd, run.id)->type == YAML_MAPPING_NODE ?
	       yaml_doc_key(&ld->yd, run, "days", dp) : run;
	if (calls < 1 && calls > 0 && days.id)
		load_warn(ld, days, "the counted period is %.3g s, in which "
			  "%.3g calls are expected; nothing may be measured, "
			  "and --require-slas counts an agreement measured in "
			  "fewer than two replications as missed", counted,
			  calls);
}

/* Warns of what a valid scenario would fail to measure. */
static void load_warn_all(struct load *ld)
{
	struct yaml_doc_at top = {1, ""}, s, it;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	size_t i;

	warn_horizon(ld, top);
	s = yaml_doc_key(&ld->yd, top, "lines", kp);
	for (i = 0; i < ld->sc->n_lines; i++) {
		it = yaml_doc_item(&ld->yd, s, (int)i, ld->sc->lines[i].name, ip);
		warn_surges(ld, it, i);
		warn_line_goal(ld, it, i);
	}
	s = yaml_doc_key(&ld->yd, top, "grades", kp);
	for (i = 0; s.id && i < ld->sc->n_grades; i++)
		warn_grade_goal(ld, yaml_doc_item(&ld->yd, s, (int)i,
						  ld->sc->grades[i].name, ip), i);
}

/* ------------------------------------------------------------------ */
/* The entry points                                                    */

/* Walks the document into a new scenario; NULL on any problem. */
static struct scenario *load_build(struct load *ld)
{
	struct scenario *sc = load_calloc(ld, 1, sizeof *sc);

	if (!sc)
		return NULL;
	ld->sc = sc;
	if (ld->doc->from_file)
		snprintf(sc->path, sizeof sc->path, "%s", ld->doc->file);
	load_walk(ld, sc);
	sc->content_fnv1a = ld->content_fnv1a;
	if (ld->yd.n_problems || ld->yd.oom) {
		scenario_free(sc);
		return NULL;
	}
	load_warn_all(ld);
	return sc;
}

/* Applies the edits to a copy of d's document, which *own then holds
 * (to delete), or to d's own when no other build follows; without edits
 * the walk reads d's own document, which it never changes. Returns 0
 * when memory ran out. */
static int load_edit(struct load *ld, const struct scenario_edit *edits,
		     size_t n, yaml_document_t *own)
{
	if (n == 0)
		return 1;
	if (!ld->doc->one_build) {
		if (!yaml_doc_copy(own, &ld->doc->doc))
			return 0;
		ld->yd.doc = own;
	}
	scenario_edit_apply_all(&ld->yd, edits, n);
	return 1;
}

enum sim_status scenario_load_doc(const struct scenario_doc *d,
				  const struct scenario_edit *edits,
				  size_t n_edits, struct sim_err *warnings,
				  struct scenario **out, struct sim_err *err)
{
	struct load ld;
	yaml_document_t own;
	int copied;

	assert(d && out && err && (edits || n_edits == 0));
	*out = NULL;
	memset(&ld, 0, sizeof ld);
	/* d is written only while scenario_doc_read fills it, before it is
	 * handed out; builds only read it. */
	ld.doc = (struct scenario_doc *)d;
	ld.yd.file = d->file;
	ld.yd.doc = &ld.doc->doc;
	ld.yd.n_file_nodes = d->n_nodes;
	ld.yd.err = err;
	ld.warn = warnings;
	ld.content_fnv1a = d->text_fnv1a;
	copied = load_edit(&ld, edits, n_edits, &own);
	ld.yd.oom |= !copied;
	if (copied)
		*out = load_build(&ld);
	if (ld.yd.oom)
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while loading "
			    "the scenario", d->file);
	if (copied && n_edits && !d->one_build)
		yaml_document_delete(&own);
	yaml_doc_release(&ld.yd);
	return *out ? SIM_OK : ld.yd.oom ? SIM_ENOMEM : SIM_ESCENARIO;
}

/* src's overrides as edits, in a new array (NULL when out of memory). */
static struct scenario_edit *load_edits(const struct scenario_source *src)
{
	struct scenario_edit *e = mem_calloc(src->n_overrides + 1, sizeof *e);
	size_t i;

	for (i = 0; e && i < src->n_overrides; i++)
		if (scenario_edit_parse(src->overrides[i], &e[i]) != 0)
			e[i] = (struct scenario_edit){src->overrides[i], NULL,
						      NAN, "--set"};
	return e;
}

enum sim_status scenario_load(const struct scenario_source *src,
			      struct scenario **out, struct sim_err *err)
{
	struct scenario_doc *d;
	struct scenario_edit *edits;
	enum sim_status st;

	assert(src && out && err);
	*out = NULL;
	st = scenario_doc_open(src, &d, err);
	if (st != SIM_OK)
		return st;
	d->one_build = 1;
	edits = load_edits(src);
	if (edits)
		st = scenario_load_doc(d, edits, src->n_overrides,
				       src->warnings, out, err);
	else
		st = sim_err_add(err, SIM_ENOMEM, "%s: out of memory while "
				 "loading the scenario", d->file);
	free(edits);
	scenario_doc_free(d);
	return st;
}
