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
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>
#include "sim/mem.h"

#define KEY_PATH_MAX 256     /* "pools.emergency.shifts.late.staff" */
#define WHERE_MAX 1200       /* "FILE:LINE:COL" or "--set key=value" */
#define MSG_MAX 1024
#define LIST_MAX 512         /* "allowed: a, b, c" */
#define WORD_MAX 64          /* longest word the suggester compares */
#define OVR_SEGS_MAX 16      /* segments of a --set key path */
#define GRAFT_DEPTH_MAX 32   /* nesting of a --set value */
#define CSV_BAD_CELLS_MAX 5  /* bad cells reported per CSV file */
#define CSV_COLUMNS_MAX 64   /* columns of an empirical CSV that are read */

/* Everything one load works on. The document is modified only while
 * overrides are grafted, before the walk; node pointers taken during the
 * walk therefore stay valid. */
struct load {
	const char *file;            /* the scenario's name in messages */
	char dir[1024];              /* where relative CSV paths start */
	yaml_document_t doc;
	int has_doc;
	int n_file_nodes;            /* node ids above this came from --set */
	int *copies;                 /* ids above n_file_nodes that copy a
					node of the file (see ovr_unshare) */
	size_t n_copies, cap_copies;
	const char *const *ovr;      /* the --set strings */
	int *ovr_end;                /* last node id grafted by override i */
	size_t n_ovr;
	struct sim_err *err;
	struct sim_err *warn;        /* NULL: warnings are not wanted */
	int n_problems;
	int oom;
	int grades_given;            /* the file has a grades key */
	uint64_t content_fnv1a;      /* of the bytes read so far */
	struct scenario *sc;         /* being built */
};

/* A node and its key path ("lines.999.handle"), the two things a message
 * names. Passed by value: it is two words. */
struct at {
	int id;                      /* 0: the key is absent */
	const char *path;
};

/* ------------------------------------------------------------------ */
/* Reporting                                                           */

/* Appends one problem line. `where` is a position or a --set string;
 * path NULL leaves the key path out (the --set string already names it). */
static void load_vreport(struct load *ld, const char *where, const char *path,
			 const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void load_vreport(struct load *ld, const char *where, const char *path,
			 const char *fmt, va_list ap)
{
	char msg[MSG_MAX];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (!path)
		sim_err_add(ld->err, SIM_ESCENARIO, "%s: %s", where, msg);
	else
		sim_err_add(ld->err, SIM_ESCENARIO, "%s: %s: %s", where,
			    path[0] ? path : "(top level)", msg);
	ld->n_problems++;
}

/* As load_vreport, with the message's arguments inline. */
static void load_report(struct load *ld, const char *where, const char *path,
			const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void load_report(struct load *ld, const char *where, const char *path,
			const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_vreport(ld, where, path, fmt, ap);
	va_end(ap);
}

/* The node with that id; ids come from the document, so it exists. */
static yaml_node_t *load_node(struct load *ld, int id)
{
	yaml_node_t *n = yaml_document_get_node(&ld->doc, id);

	assert(n);
	return n;
}

/* The override that grafted node id, or -1 for a node from the file (or
 * a copy of one). Overrides graft in order, so their id ranges are
 * consecutive. */
static long load_override_of(const struct load *ld, int id)
{
	size_t i;

	if (id <= ld->n_file_nodes)
		return -1;
	for (i = 0; i < ld->n_copies; i++)
		if (ld->copies[i] == id)
			return -1;
	for (i = 0; i < ld->n_ovr; i++)
		if (id <= ld->ovr_end[i])
			return (long)i;
	return -1;
}

/* "FILE:LINE:COL" (1-based) of a node, or "--set key=value" for a node an
 * override grafted (those have no position). */
static void load_where(struct load *ld, int id, char *buf, size_t size)
{
	long o = load_override_of(ld, id);
	const yaml_node_t *n;

	if (o >= 0) {
		snprintf(buf, size, "--set %s", ld->ovr[o]);
		return;
	}
	n = load_node(ld, id);
	snprintf(buf, size, "%s:%lu:%lu", ld->file,
		 (unsigned long)n->start_mark.line + 1,
		 (unsigned long)n->start_mark.column + 1);
}

/* Reports a problem at node a.id under key path a.path. */
static void load_problem(struct load *ld, struct at a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void load_problem(struct load *ld, struct at a, const char *fmt, ...)
{
	char where[WHERE_MAX];
	va_list ap;

	load_where(ld, a.id, where, sizeof where);
	va_start(ap, fmt);
	load_vreport(ld, where, a.path, fmt, ap);
	va_end(ap);
}

/* Where a node stood, for messages raised after loading; 0 for --set. */
static struct src_pos load_pos(struct load *ld, int id)
{
	struct src_pos p = {0, 0};
	const yaml_node_t *n;

	if (load_override_of(ld, id) >= 0)
		return p;
	n = load_node(ld, id);
	p.line = (int)n->start_mark.line + 1;
	p.col = (int)n->start_mark.column + 1;
	return p;
}

/* ------------------------------------------------------------------ */
/* Words: lists of allowed names and the nearest one to a typo         */

/* Index of w in a NULL-terminated list of names, or -1. */
static int word_index(const char *w, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(w, names[i]) == 0)
			return i;
	return -1;
}

/* "a, b, c" into buf, truncated to fit. */
static const char *word_join(const char *const *names, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (; *names && len + 1 < size; names++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "", *names);
	return buf;
}

/* Levenshtein distance over one rolling row; words longer than WORD_MAX
 * are never near anything. */
static size_t word_distance(const char *a, const char *b)
{
	size_t row[WORD_MAX + 1];
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > WORD_MAX || lb > WORD_MAX)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The allowed name nearest to w, or NULL when none is near enough to be a
 * plausible typo (at most half the word changed, and always 2 edits). */
static const char *word_nearest(const char *w, const char *const *names)
{
	size_t limit = strlen(w) / 2 > 2 ? strlen(w) / 2 : 2;
	size_t best = SIZE_MAX;
	const char *pick = NULL;

	for (; *names; names++) {
		size_t d = word_distance(w, *names);

		if (d < best) {
			best = d;
			pick = *names;
		}
	}
	return best <= limit ? pick : NULL;
}

/* "unknown key 'pateince'; did you mean 'patience'? allowed: ..." */
static void load_unknown(struct load *ld, struct at a, const char *noun,
			 const char *w, const char *const *names)
{
	char list[LIST_MAX];
	const char *near = word_nearest(w, names);

	word_join(names, list, sizeof list);
	if (near)
		load_problem(ld, a, "unknown %s '%.60s'; did you mean '%s'? "
			     "allowed: %s", noun, w, near, list);
	else
		load_problem(ld, a, "unknown %s '%.60s'; allowed: %s", noun, w,
			     list);
}

/* ------------------------------------------------------------------ */
/* Nodes                                                               */

static const char *scalar_text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static int seq_len(const yaml_node_t *n)
{
	return (int)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* True for YAML's plain spellings of null ("~", "null", "Null", "NULL"),
 * which mean no value, not the text "~": a name of "~" must be quoted. */
static int node_is_null(const yaml_node_t *n)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL", NULL};

	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       word_index(scalar_text(n), nulls) >= 0;
}

/* What a node is, for "got X; must be Y". */
static const char *node_describe(const yaml_node_t *n, char *buf, size_t size)
{
	if (n->type == YAML_MAPPING_NODE)
		return "a mapping";
	if (n->type == YAML_SEQUENCE_NODE)
		return "a list";
	if (n->data.scalar.length == 0)
		return "no value";
	if (node_is_null(n)) {
		snprintf(buf, size, "null ('%s')", scalar_text(n));
		return buf;
	}
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		snprintf(buf, size, "the quoted text \"%.60s\"", scalar_text(n));
	else
		snprintf(buf, size, "'%.60s'", scalar_text(n));
	return buf;
}

/* A plain word or quoted text; an empty value or a null is not a string. */
static int node_is_string(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.length > 0 &&
	       !node_is_null(n);
}

/* Reports "got X; must be <allowed>"; returns 0 for the caller to pass on. */
static int load_wrong(struct load *ld, struct at a, const char *allowed)
{
	char buf[96];

	load_problem(ld, a, "got %s; must be %s",
		     node_describe(load_node(ld, a.id), buf, sizeof buf),
		     allowed);
	return 0;
}

/* Checks the node's type (a scalar must not be empty). */
static int load_expect(struct load *ld, struct at a, yaml_node_type_t type,
		       const char *allowed)
{
	const yaml_node_t *n = load_node(ld, a.id);

	if (n->type == type && (type != YAML_SCALAR_NODE || node_is_string(n)))
		return 1;
	return load_wrong(ld, a, allowed);
}

/* The value of key in a mapping (first occurrence), or 0. */
static int map_get(struct load *ld, int map, const char *key)
{
	const yaml_node_t *m = load_node(ld, map);
	const yaml_node_pair_t *p;

	assert(m->type == YAML_MAPPING_NODE);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = load_node(ld, p->key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp(scalar_text(k), key) == 0)
			return p->value;
	}
	return 0;
}

/* Writes parent.leaf into buf (just leaf at the top level). A path too
 * long for the buffer ends in "..."; it only ever appears in messages. */
static void path_join(char buf[KEY_PATH_MAX], const char *parent,
		      const char *leaf)
{
	int n = snprintf(buf, KEY_PATH_MAX, "%s%s%s", parent,
			 parent[0] ? "." : "", leaf);

	if (n >= KEY_PATH_MAX)
		memcpy(buf + KEY_PATH_MAX - 4, "...", 4);
}

/* The child `key` of mapping m, its path written into buf. */
static struct at at_key(struct load *ld, struct at m, const char *key,
			char buf[KEY_PATH_MAX])
{
	struct at c;

	path_join(buf, m.path, key);
	c.id = map_get(ld, m.id, key);
	c.path = buf;
	return c;
}

/* Item i of sequence s: named by `name` when it has one (lines.999),
 * else by its 0-based index (lines.999.surges.0), as --set selects it. */
static struct at at_item(struct load *ld, struct at s, int i, const char *name,
			 char buf[KEY_PATH_MAX])
{
	struct at c;
	char index[16];

	snprintf(index, sizeof index, "%d", i);
	path_join(buf, s.path, name && name[0] ? name : index);
	c.id = load_node(ld, s.id)->data.sequence.items.start[i];
	c.path = buf;
	return c;
}

/* Reports a required key the mapping lacks, at the mapping itself. */
static void load_missing(struct load *ld, struct at m, const char *key,
			 const char *give)
{
	load_problem(ld, m, "missing key '%s'; give %s", key, give);
}

/* Reports keys that are not in `allowed` (with the nearest allowed one)
 * and keys given twice, which libyaml's document API lets through. */
static void check_keys(struct load *ld, struct at m, const char *const *allowed,
		       const char *noun)
{
	const yaml_node_t *map = load_node(ld, m.id);
	const yaml_node_pair_t *p, *q;
	char buf[96];

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = load_node(ld, p->key);
		struct at ka = {p->key, m.path};

		if (k->type != YAML_SCALAR_NODE) {
			load_problem(ld, ka, "a key must be a word, not %s",
				     node_describe(k, buf, sizeof buf));
			continue;
		}
		if (word_index(scalar_text(k), allowed) < 0) {
			load_unknown(ld, ka, noun, scalar_text(k), allowed);
			continue;
		}
		for (q = map->data.mapping.pairs.start; q < p; q++)
			if (load_node(ld, q->key)->type == YAML_SCALAR_NODE &&
			    strcmp(scalar_text(load_node(ld, q->key)),
				   scalar_text(k)) == 0) {
				load_problem(ld, ka, "key '%s' is given twice; "
					     "give it once", scalar_text(k));
				break;
			}
	}
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

/* What a number may be. */
struct num_rule {
	double lo, hi;
	int lo_open, hi_open;        /* the bound itself is not allowed */
	int whole;                   /* must be an integer */
	const char *allowed;         /* said after "must be" */
};

/* The ranges below keep every time the model computes finite and every
 * figure it reports meaningful; docs/scenario.md lists them key by key.
 * Products of factors are bounded as well, once their keys are read: see
 * check_peak_rate and check_travel. */

/* The longest duration a key may give: the distributions' own limit on
 * their mean (dist.c), so a time and a distribution obey one bound. */
#define LOAD_SECONDS_MAX 1e9
/* A line's average volume, and its rate at the peak of its profile, month
 * and surges, in calls a second. Ten a second is 315 million calls a year,
 * some two hundred times the bundled West Midlands scenario's two lines
 * together; the peak allows a surge of a hundred times that, and still
 * leaves a millisecond between arrivals, which the clock of the longest
 * run allowed (200 years) resolves a thousand times over. */
#define LOAD_MEAN_RATE_MAX 10.0
#define LOAD_PEAK_RATE_MAX 1000.0

static const struct num_rule R_SECONDS_POS = {
	0, LOAD_SECONDS_MAX, 1, 0, 0,
	"a positive number of seconds, at most 1e9"};
static const struct num_rule R_SECONDS = {
	0, LOAD_SECONDS_MAX, 0, 0, 0, "a number of seconds from 0 to 1e9"};
static const struct num_rule R_SHAPE = {
	0, 1000, 1, 0, 0, "a positive number, at most 1000"};
static const struct num_rule R_PROFILE_FACTOR = {
	0, 1e6, 0, 0, 0, "a factor from 0 to 1e6"};
static const struct num_rule R_MONTH_FACTOR = {
	0, 100, 0, 0, 0, "a factor from 0 to 100"};
static const struct num_rule R_SURGE_FACTOR = {
	0, 1000, 0, 0, 0, "a factor from 0 to 1000"};
static const struct num_rule R_PROBABILITY = {
	0, 1, 0, 0, 0, "a probability from 0 to 1"};
static const struct num_rule R_GOAL = {
	0, 1, 1, 0, 0, "a fraction with 0 < goal <= 1"};
static const struct num_rule R_SHRINKAGE = {
	0, 1, 0, 1, 0, "a fraction with 0 <= shrinkage < 1"};
/* At least a second: a shift is kept to the second, and a shorter one
 * would become a shift of no time at all. */
static const struct num_rule R_SHIFT_HOURS = {
	1.0 / 3600, 24, 0, 0, 0,
	"a number of hours from 1/3600 (one second) to 24"};
static const struct num_rule R_SURGE_HOURS = {
	0, 168, 1, 0, 0, "a number of hours with 0 < hours <= 168"};
/* From 1: an FTE of a few seconds a week would make a handful of people
 * millions of FTE. */
static const struct num_rule R_WEEK_HOURS = {
	1, 168, 0, 0, 0, "a number of hours from 1 to 168"};
static const struct num_rule R_STAFF = {
	0, 1e6, 0, 0, 1, "a whole number of people from 0 to 1000000"};
static const struct num_rule R_DAYS = {
	0, 36600, 1, 0, 0, "a positive number of days (at most 36600)"};
static const struct num_rule R_HOURS = {
	0, 878400, 0, 0, 0, "a number of hours >= 0 (at most 878400, 100 years)"};
static const struct num_rule R_REPLICATIONS = {
	2, 1e6, 0, 0, 1,
	"a whole number from 2 (a confidence interval needs two) to 1000000"};
/* Volumes: LOAD_MEAN_RATE_MAX calls a second in each unit. */
static const struct num_rule R_PER_YEAR = {
	0, LOAD_MEAN_RATE_MAX * 365 * 86400, 0, 0, 0,
	"a number of calls a year from 0 to 315360000 (10 a second)"};
static const struct num_rule R_PER_DAY = {
	0, LOAD_MEAN_RATE_MAX * 86400, 0, 0, 0,
	"a number of calls a day from 0 to 864000 (10 a second)"};
static const struct num_rule R_PER_HOUR = {
	0, LOAD_MEAN_RATE_MAX * 3600, 0, 0, 0,
	"a number of calls an hour from 0 to 36000 (10 a second)"};
static const struct num_rule R_MAX_WAITING = {
	1, SCENARIO_MAX_WAITING_MAX, 0, 0, 1,
	"a whole number from 1 to 100000000"};
static const struct num_rule R_REDIAL = {
	0, 1, 0, 1, 0,
	"a probability with 0 <= p < 1 (a caller who always redials never leaves)"};
static const struct num_rule R_COST = {
	0, 1e8, 0, 0, 0, "an annual cost from 0 to 1e8"};
static const struct num_rule R_WEEK = {
	1, 1e6, 0, 0, 1, "a run week number from 1 to 1000000"};
static const struct num_rule R_SHARE = {
	0, 1, 0, 0, 0, "a share from 0 to 1"};
static const struct num_rule R_CREW = {
	1, 1e3, 0, 0, 1, "a whole number of officers from 1 to 1000"};
static const struct num_rule R_TRAVEL_FACTOR = {
	0, 100, 1, 0, 0, "a positive factor, at most 100"};
static const struct num_rule R_BORDER_FACTOR = {
	1, 100, 0, 0, 0,
	"a factor from 1 to 100 (crossing a border never shortens travel)"};

/* YAML's spellings of NaN and infinity, which strtod does not know. */
static int text_is_yaml_special(const char *s)
{
	static const char *const special[] = {
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", NULL};

	if (*s == '+' || *s == '-')
		s++;
	return word_index(s, special) >= 0;
}

/* True when s (after any sign) is written in another base, or with a
 * leading zero: YAML 1.1 reads 010 as 8 and strtod would read 0x10 as 16,
 * so one file could mean two things. The project reads plain decimal. */
static int text_is_radix(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return s[0] == '0' && s[1] != '\0' &&
	       (isdigit((unsigned char)s[1]) || strchr("xXoObB", s[1]));
}

/* True when s is a plain decimal number: [+-] digits [. digits]
 * [e [+-] digits], with a digit on at least one side of the point. */
static int text_is_decimal(const char *s)
{
	size_t n = 0;

	if (*s == '+' || *s == '-')
		s++;
	for (; isdigit((unsigned char)*s); s++)
		n++;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++)
			n++;
	if (n == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s += s[1] == '+' || s[1] == '-' ? 2 : 1;
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* 0: s is a finite number in *v; -1: not a number; -2: not finite; -3:
 * not in plain decimal (text_is_radix). The whole text must be consumed,
 * so "10s" or "1,5" are not numbers. */
static int text_number(const char *s, double *v)
{
	if (text_is_yaml_special(s))
		return -2;
	if (text_is_radix(s))
		return -3;
	if (!text_is_decimal(s))
		return -1;
	*v = strtod(s, NULL);
	return isfinite(*v) ? 0 : -2;
}

/* What text_number's failure rc says about s. */
static const char *text_number_fault(int rc)
{
	return rc == -3 ? "is not a plain decimal number (hexadecimal, octal "
			  "and leading zeros are not read)" :
	       rc == -2 ? "is not a finite number" : "is not a number";
}

/* Checks v (written as s) against rule r. */
static int check_range(struct load *ld, struct at a, const struct num_rule *r,
		       const char *s, double v)
{
	const char *what = NULL;

	if (v < 0 && r->lo >= 0)
		what = "is negative";
	else if (v < r->lo || (r->lo_open && v == r->lo))
		what = "is too small";
	else if (v > r->hi || (r->hi_open && v == r->hi))
		what = "is too large";
	else if (r->whole && v != floor(v))
		what = "is not a whole number";
	if (!what)
		return 1;
	load_problem(ld, a, "%.60s %s; must be %s", s, what, r->allowed);
	return 0;
}

/* Reads a number that rule r allows. Quoted text is not a number: YAML
 * makes "10" a string, and accepting it would hide a typo elsewhere. */
static int parse_number(struct load *ld, struct at a, const struct num_rule *r,
			double *out)
{
	const yaml_node_t *n = load_node(ld, a.id);
	double v = 0.0;
	int rc;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0 ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return load_wrong(ld, a, r->allowed);
	rc = text_number(scalar_text(n), &v);
	if (rc != 0) {
		load_problem(ld, a, "'%.60s' %s; must be %s", scalar_text(n),
			     text_number_fault(rc), r->allowed);
		return 0;
	}
	if (!check_range(ld, a, r, scalar_text(n), v))
		return 0;
	*out = v;
	return 1;
}

/* A numeric key of a mapping. */
struct field {
	const char *key;
	const struct num_rule *rule;
	double *out;                 /* left alone when absent or bad */
	int required;
};

/* Reads the numeric keys listed in f (ended by a NULL key). */
static void read_fields(struct load *ld, struct at m, const struct field *f)
{
	char kp[KEY_PATH_MAX];

	for (; f->key; f++) {
		struct at c = at_key(ld, m, f->key, kp);

		if (c.id)
			parse_number(ld, c, f->rule, f->out);
		else if (f->required)
			load_missing(ld, m, f->key, f->rule->allowed);
	}
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
static int parse_name(struct load *ld, struct at m, char *dst, size_t size)
{
	char kp[KEY_PATH_MAX];
	struct at c = at_key(ld, m, "name", kp);
	const char *s;

	if (!c.id) {
		load_missing(ld, m, "name", "a unique name");
		return 0;
	}
	if (!load_expect(ld, c, YAML_SCALAR_NODE, "a name"))
		return 0;
	s = scalar_text(load_node(ld, c.id));
	if (has_control(s)) {
		/* Not echoed: the message would break over lines itself. */
		load_problem(ld, c, "the name holds a control character (a line "
			     "break or tab); must be at most %zu characters, "
			     "without '.', '=' or control characters", size - 1);
		return 0;
	}
	if (strlen(s) >= size || strpbrk(s, ".=")) {
		load_problem(ld, c, "'%.60s' is not a usable name; must be at "
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

/* A CSV file read whole and cut into rows in place. */
struct csv {
	char *text;
	char *next;                  /* start of the next unread line */
	char *row;                   /* start of the current line */
	int line;                    /* 1-based number of the current line */
	int n_bad;                   /* bad cells reported so far */
	char sep;                    /* ',' or ';'; 0 before the first row */
	int n_cells;                 /* cells of the first data line */
	int row_cells;               /* cells of the current line */
	int row_bad;                 /* the current line was reported */
	const char *ypath;           /* key path of the YAML that named it */
	char path[1100];             /* as opened, for messages */
};

/* Refuses what a path names before anything is read from it: only a
 * regular file no larger than max, or a pipe (standard input included), is
 * read. Opening a device can block or have effects of its own, and
 * /dev/zero would never end. Returns 0, or EISDIR, ENODEV (a device or a
 * socket), EFBIG, or the errno value of stat. */
static int read_check(const char *path, size_t max)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
		return ENODEV;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
		return EFBIG;
	return 0;
}

/* Reads fd to its end into buf (grown as needed), stopping with EFBIG as
 * soon as more than max bytes have come: a pipe has no size to check
 * first. Returns 0 with *n bytes in *buf, or an errno value. */
static int read_bounded(int fd, size_t max, char **buf, size_t *n)
{
	size_t cap = 0;
	char *grown;
	ssize_t got;

	*n = 0;
	for (;;) {
		if (*n == cap) {
			cap = cap ? (cap > max / 2 ? max + 1 : 2 * cap) : 4096;
			grown = mem_realloc(*buf, cap + 1);
			if (!grown)
				return ENOMEM;
			*buf = grown;
		}
		got = read(fd, *buf + *n, cap - *n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		if (got == 0)
			return 0;
		*n += (size_t)got;
		if (*n > max)
			return EFBIG;
	}
}

/* Reads a whole file of at most max bytes into a new NUL-terminated
 * buffer. Returns 0, or an errno value: read_check's, or EFBIG when a pipe
 * brings more than max bytes. */
static int read_file(const char *path, size_t max, char **text, size_t *len)
{
	char *buf = NULL;
	int e = read_check(path, max), fd;

	if (e)
		return e;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	e = read_bounded(fd, max, &buf, len);
	close(fd);
	if (e) {
		free(buf);
		return e;
	}
	buf[*len] = '\0';
	*text = buf;
	return 0;
}

/* Why read_file refused, in words: "it is a directory", "it is larger
 * than 1048576 bytes, the most a profile CSV may be", or strerror's. */
static const char *read_fail_text(int e, size_t max, const char *what,
				   char *buf, size_t size)
{
	if (e == EISDIR)
		return "it is a directory";
	if (e == ENODEV)
		return "it is a device or a socket, not a file";
	if (e != EFBIG)
		return strerror(e);
	snprintf(buf, size, "it is larger than %zu bytes, the most %s may be",
		 max, what);
	return buf;
}

/* Opens the CSV named by the scalar at a (relative to the scenario's
 * directory), of at most max bytes (what names the kind, for the message);
 * reports, at a, a file that cannot be read. */
static int csv_open(struct load *ld, struct at a, size_t max, const char *what,
		    struct csv *c)
{
	const char *rel = scalar_text(load_node(ld, a.id));
	char why[128];
	size_t len;
	int e;

	memset(c, 0, sizeof *c);
	c->ypath = a.path;
	if (rel[0] == '/' || ld->dir[0] == '\0')
		snprintf(c->path, sizeof c->path, "%s", rel);
	else
		snprintf(c->path, sizeof c->path, "%s/%s", ld->dir, rel);
	e = read_file(c->path, max, &c->text, &len);
	if (e == ENOMEM)
		ld->oom = 1;
	if (e) {
		load_problem(ld, a, "cannot read '%s' (%s); a CSV path is "
			     "relative to the scenario file's directory",
			     c->path, read_fail_text(e, max, what, why,
						     sizeof why));
		return 0;
	}
	ld->content_fnv1a = scenario_fnv1a(ld->content_fnv1a, c->text, len);
	c->next = c->text;
	return 1;
}

/* Trims spaces (and a CR) around a cell in place. */
static char *csv_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Moves to the next line holding data: blank lines and '#' comments are
 * skipped. Returns 0 at the end of the file. */
static int csv_next_line(struct csv *c)
{
	char *end, *first;

	do {
		if (!c->next || *c->next == '\0')
			return 0;
		c->row = c->next;
		c->line++;
		end = strchr(c->row, '\n');
		c->next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		first = csv_trim(c->row);
	} while (*first == '\0' || *first == '#');
	return 1;
}

/* Reports a problem at byte `at` of the current line, as
 * "FILE.csv:LINE:COL"; after CSV_BAD_CELLS_MAX of them the rest are only
 * counted, so one broken file does not crowd every other problem out of
 * the report. */
static void csv_report(struct load *ld, struct csv *c, const char *at,
		       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void csv_report(struct load *ld, struct csv *c, const char *at,
		       const char *fmt, ...)
{
	char where[WHERE_MAX];
	va_list ap;

	if (c->n_bad++ >= CSV_BAD_CELLS_MAX) {
		ld->n_problems++;
		return;
	}
	snprintf(where, sizeof where, "%s:%d:%d", c->path, c->line,
		 (int)(at - c->row) + 1);
	va_start(ap, fmt);
	load_vreport(ld, where, c->ypath, fmt, ap);
	va_end(ap);
}

/* Checks the shape of the current line before it is cut: a ';' in a file
 * separated by ',' (its first line has none) could be a spreadsheet's
 * cell separator, which would misplace a decimal comma; and every line
 * has as many cells as the first, which is how a decimal comma in a file
 * separated by ',' shows ("1,5" beside "2"). Returns the line's cells. */
static int csv_shape(struct load *ld, struct csv *c)
{
	const char *semi = strchr(c->row, ';'), *p;
	int n = 1;

	if (!c->sep)
		c->sep = semi ? ';' : ',';
	for (p = c->row; (p = strchr(p, c->sep)) != NULL; p++)
		n++;
	if (!c->n_cells)
		c->n_cells = n;
	c->row_bad = 1;
	if (c->sep == ',' && semi)
		csv_report(ld, c, semi, "';' in a file whose first line "
			   "separates cells with ','; separate every line's "
			   "cells alike, with ';' where numbers have a decimal "
			   "comma");
	else if (n != c->n_cells)
		csv_report(ld, c, c->row, "this line has %d cells and the "
			   "first has %d; every line must have as many (a "
			   "decimal comma needs cells separated by ';')", n,
			   c->n_cells);
	else
		c->row_bad = 0;
	return n;
}

/* Cuts the next data line into at most max trimmed cells; the last cell
 * keeps any further separators. Returns the number of cells, 0 at the
 * end; c->row_cells is how many the line holds (possibly more than max),
 * and c->row_bad whether the line was reported (csv_shape). */
static int csv_row(struct load *ld, struct csv *c, char **cells, int max)
{
	char *p;
	int n = 0, i;

	if (!csv_next_line(c))
		return 0;
	c->row_cells = csv_shape(ld, c);
	for (p = c->row; p && n < max; n++) {
		cells[n] = p;
		p = n + 1 < max ? strchr(p, c->sep) : NULL;
		if (p)
			*p++ = '\0';
	}
	for (i = 0; i < n; i++)
		cells[i] = csv_trim(cells[i]);
	return n;
}

/* A cell as a number, as text_number reads it; in a file separated by
 * ';' the decimal mark is a comma (as spreadsheets write it there) and a
 * point, which such a spreadsheet may use to group thousands, is refused
 * with -4 rather than guessed at. */
static int csv_number(const struct csv *c, const char *cell, double *v)
{
	char buf[64], *comma;

	if (c->sep != ';')
		return text_number(cell, v);
	if (strchr(cell, '.'))
		return -4;
	if (strlen(cell) >= sizeof buf)
		return -1;
	memcpy(buf, cell, strlen(cell) + 1);
	comma = strchr(buf, ',');
	if (comma)
		*comma = '.';
	return text_number(buf, v);
}

/* Reports a cell that csv_number refused (rc) or whose value is out of
 * range (rc 0), at its own position. */
static void csv_bad_cell(struct load *ld, struct csv *c, const char *cell,
			 int rc, const char *allowed)
{
	if (rc == -4)
		csv_report(ld, c, cell, "'%.60s' has a decimal point, but this "
			   "file separates cells with ';', so its decimal mark "
			   "is ','; must be %s", cell, allowed);
	else if (rc == -3 || rc == -2)
		csv_report(ld, c, cell, "'%.60s' %s; must be %s", cell,
			   text_number_fault(rc), allowed);
	else
		csv_report(ld, c, cell, "'%.60s' is not %s", cell, allowed);
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

/* Where parameter `key` goes, and what it may be. Means, sds and scales
 * are durations and must be positive; a fixed value or a bound may be 0. */
static struct field dist_field(struct dist *d, const char *key)
{
	struct field f = {key, &R_SECONDS_POS, NULL, 1};

	if (strcmp(key, "mean") == 0)
		f.out = &d->mean;
	else if (strcmp(key, "sd") == 0)
		f.out = &d->sd;
	else if (strcmp(key, "scale") == 0)
		f.out = &d->scale;
	else if (strcmp(key, "shape") == 0) {
		f.out = &d->shape;
		f.rule = &R_SHAPE;
	} else {
		f.rule = &R_SECONDS;
		f.out = strcmp(key, "value") == 0 ? &d->value :
			strcmp(key, "min") == 0 ? &d->min : &d->max;
	}
	return f;
}

/* The kind named by the `dist` key. */
static int parse_dist_kind(struct load *ld, struct at a, enum dist_kind *kind)
{
	const char *names[DIST_EMPIRICAL + 2];
	const char *s;
	int k;

	if (!load_expect(ld, a, YAML_SCALAR_NODE, dist_kind_names()))
		return 0;
	s = scalar_text(load_node(ld, a.id));
	if (dist_kind_parse(s, kind) == 0)
		return 1;
	for (k = 0; k <= DIST_EMPIRICAL; k++)
		names[k] = dist_kind_name((enum dist_kind)k);
	names[k] = NULL;
	load_unknown(ld, a, "distribution", s, names);
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
			ld->oom = 1;
			return 0;
		}
		d->values = grown;
	}
	d->values[d->n_values++] = v;
	return 1;
}

/* Reads `column`: a 1-based number (into *col, 0-based; default the
 * first) or a header name (into *name, found later in the file). */
static int csv_column(struct load *ld, struct at m, const char **name, int *col)
{
	char kp[KEY_PATH_MAX];
	struct at c = at_key(ld, m, "column", kp);
	static const struct num_rule rule = {
		1, CSV_COLUMNS_MAX, 0, 0, 1,
		"a column number from 1 to 64 or a header name"};
	const yaml_node_t *n;
	double v = 1;

	*name = NULL;
	*col = 0;
	if (!c.id)
		return 1;
	n = load_node(ld, c.id);
	if (node_is_string(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    text_number(scalar_text(n), &v) == 0) {
		if (!parse_number(ld, c, &rule, &v))
			return 0;
		*col = (int)v - 1;
		return 1;
	}
	if (!load_expect(ld, c, YAML_SCALAR_NODE, rule.allowed))
		return 0;
	*name = scalar_text(n);
	return 1;
}

/* Finds the header cell `name` in the first row; reports when absent. */
static int csv_header(struct load *ld, struct csv *c, const char *name,
		      struct at m, int *col)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n = csv_row(ld, c, cells, CSV_COLUMNS_MAX + 1), i;

	for (i = 0; i < n; i++)
		if (strcmp(cells[i], name) == 0) {
			*col = i;
			return 1;
		}
	load_problem(ld, m, "'%s' has no column named '%.60s'; name a column "
		     "of its first line, or give its number from 1", c->path,
		     name);
	return 0;
}

/* Reads the samples in column col of the rows left in c. With a
 * numbered column (named 0), a first line whose cell is not a number is a
 * header. A file of several columns needs `column` (given 1): a single
 * column written with decimal commas reads as two, "12" and "5". */
static void empirical_rows(struct load *ld, struct at m, struct csv *c,
			   int col, int named, int given, struct dist *d)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n, rc, first = 1;
	double v = 0;

	while ((n = csv_row(ld, c, cells, CSV_COLUMNS_MAX + 1)) > 0) {
		if (first && !given && c->row_cells > 1) {
			load_problem(ld, m, "'%s' has %d cells a line; give "
				     "column: a number from 1 or a header "
				     "name (where ',' is a decimal comma, "
				     "cells must be separated by ';')",
				     c->path, c->row_cells);
			return;
		}
		rc = col < n ? csv_number(c, cells[col], &v) : -1;
		if (c->row_bad || (rc != 0 && first && !named)) {
			first = 0;
			continue;
		}
		first = 0;
		if (rc != 0 || v < 0 || v > LOAD_SECONDS_MAX)
			csv_bad_cell(ld, c, col < n ? cells[col] : cells[n - 1],
				     rc, "a number of seconds from 0 to 1e9 in "
				     "that column");
		else if (!dist_push(ld, d, v))
			return;
	}
}

/* Samples for an empirical distribution from one CSV column. */
static void empirical_from_csv(struct load *ld, struct at m, struct dist *d)
{
	char kp[KEY_PATH_MAX], cp[KEY_PATH_MAX];
	struct at f = at_key(ld, m, "csv", kp);
	const char *name;
	const char *const keys[] = {"csv", "column", NULL};
	int col;
	struct csv c;

	check_keys(ld, m, keys, "key");
	if (!f.id) {
		load_missing(ld, m, "csv", "a CSV file name");
		return;
	}
	if (!load_expect(ld, f, YAML_SCALAR_NODE, "a CSV file name") ||
	    !csv_column(ld, m, &name, &col) ||
	    !csv_open(ld, f, SCENARIO_EMPIRICAL_CSV_MAX, "an empirical CSV",
		      &c))
		return;
	if (!name || csv_header(ld, &c, name, m, &col))
		empirical_rows(ld, m, &c, col, name != NULL,
			       at_key(ld, m, "column", cp).id != 0, d);
	free(c.text);
}

/* `values`: an inline list of samples or {csv: FILE, column: N|NAME}. */
static void parse_empirical(struct load *ld, struct at m, struct dist *d)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at v = at_key(ld, m, "values", kp);
	const yaml_node_t *n;
	int i;

	if (!v.id) {
		load_missing(ld, m, "values", "a list of samples in seconds");
		return;
	}
	n = load_node(ld, v.id);
	if (n->type == YAML_MAPPING_NODE) {
		empirical_from_csv(ld, v, d);
		return;
	}
	if (!load_expect(ld, v, YAML_SEQUENCE_NODE, "a list of samples in "
			 "seconds, or {csv: FILE, column: N}"))
		return;
	for (i = 0; i < seq_len(n); i++) {
		double x;
		struct at it = at_item(ld, v, i, NULL, ip);

		if (parse_number(ld, it, &R_SECONDS, &x) && !dist_push(ld, d, x))
			return;
	}
}

/* A distribution mapping {dist: KIND, params...}, prepared for sampling. */
static int parse_dist(struct load *ld, struct at a, struct dist *d)
{
	char kp[KEY_PATH_MAX], where[WHERE_MAX + KEY_PATH_MAX];
	int before = ld->n_problems, i;
	struct at k;

	if (!load_expect(ld, a, YAML_MAPPING_NODE, "a distribution such as "
			 "{dist: exponential, mean: 300}"))
		return 0;
	k = at_key(ld, a, "dist", kp);
	if (!k.id) {
		load_missing(ld, a, "dist", dist_kind_names());
		return 0;
	}
	if (!parse_dist_kind(ld, k, &d->kind))
		return 0;
	check_keys(ld, a, dist_keys[d->kind], "key");
	if (d->kind == DIST_EMPIRICAL)
		parse_empirical(ld, a, d);
	for (i = 1; d->kind != DIST_EMPIRICAL && dist_keys[d->kind][i]; i++) {
		struct field f[2] = {dist_field(d, dist_keys[d->kind][i]),
				     {NULL, NULL, NULL, 0}};

		read_fields(ld, a, f);
	}
	if (ld->n_problems != before || ld->oom)
		return 0;
	load_where(ld, a.id, where, WHERE_MAX);
	snprintf(where + strlen(where), sizeof where - strlen(where), ": %s",
		 a.path);
	if (dist_prepare(d, where, ld->err) == SIM_OK)
		return 1;
	ld->n_problems++;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Demand: volume, weekly profile, months, surges                      */

static const char *const volume_keys[] = {"per_year", "per_day", "per_hour",
					  NULL};
#define VOLUME_KEYS "exactly one of per_year, per_day, per_hour"

/* Reads the volume keys in the order written, so that of two volumes the
 * second is the one blamed. Returns how many were given. */
static int read_volumes(struct load *ld, struct at v, struct demand_spec *dm)
{
	static const double per_s[] = {1.0 / (365 * 86400.0), 1.0 / 86400.0,
				       1.0 / 3600.0};
	static const struct num_rule *const rule[] = {&R_PER_YEAR, &R_PER_DAY,
						      &R_PER_HOUR};
	const yaml_node_t *map = load_node(ld, v.id);
	const yaml_node_pair_t *p;
	int given = 0;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = load_node(ld, p->key);
		char cp[KEY_PATH_MAX];
		struct at c = {p->value, cp};
		int i = k->type == YAML_SCALAR_NODE ?
			word_index(scalar_text(k), volume_keys) : -1;
		double x;

		if (i < 0)
			continue;
		path_join(cp, v.path, volume_keys[i]);
		if (given++) {
			c.id = p->key;
			load_problem(ld, c, "a second volume; give "
				     VOLUME_KEYS);
		} else if (parse_number(ld, c, rule[i], &x)) {
			dm->mean_rate_per_s = x * per_s[i];
		}
	}
	return given;
}

/* volume: calls a year (of 365 days), a day or an hour, as calls a second
 * averaged over the week. */
static void parse_volume(struct load *ld, struct at m, struct demand_spec *dm)
{
	char kp[KEY_PATH_MAX];
	struct at v = at_key(ld, m, "volume", kp);

	if (!v.id) {
		load_missing(ld, m, "volume", VOLUME_KEYS ", such as "
			     "{per_year: 732440}");
		return;
	}
	if (!load_expect(ld, v, YAML_MAPPING_NODE, "a mapping with "
			 VOLUME_KEYS))
		return;
	check_keys(ld, v, volume_keys, "key");
	if (read_volumes(ld, v, dm) == 0)
		load_problem(ld, v, "no volume; give " VOLUME_KEYS);
}

/* A weekly profile has one factor an hour or one a quarter-hour. */
static void check_profile(struct load *ld, struct at a, size_t n,
			  const struct demand_spec *dm)
{
	size_t i;

	if (n != 168 && n != 672) {
		load_problem(ld, a, "has %zu factors; must have 168 (one an hour, "
			     "Monday 00:00 first) or 672 (one a quarter-hour)",
			     n);
		return;
	}
	for (i = 0; i < n; i++)
		if (dm->profile[i] > 0)
			return;
	load_problem(ld, a, "every factor is 0; at least one must be positive");
}

/* Checks one line of a profile CSV, cut into nc cells whose last read as
 * v with csv_number's rc; reports a bad line. In a file separated by ','
 * a label that is a number is refused: "0,963" is far more likely a
 * decimal comma than a factor of 963 for hour 0. */
static int profile_line_ok(struct load *ld, struct csv *c, char **cells,
			   int nc, int rc, double v)
{
	double label;

	if (c->row_bad)
		return 0;
	if (c->row_cells > 2) {
		csv_report(ld, c, cells[nc - 1], "'%.60s' is not a factor "
			   "(lines hold 'factor' or 'label,factor')",
			   cells[nc - 1]);
		return 0;
	}
	if (c->sep == ',' && nc == 2 && text_number(cells[0], &label) == 0) {
		csv_report(ld, c, cells[0], "the label '%.60s' is a number; "
			   "lines hold 'factor' or 'label,factor' with a label "
			   "such as 'mon 00:00' (where ',' is a decimal comma, "
			   "cells must be separated by ';')", cells[0]);
		return 0;
	}
	if (rc == 0 && v >= R_PROFILE_FACTOR.lo && v <= R_PROFILE_FACTOR.hi)
		return 1;
	csv_bad_cell(ld, c, cells[nc - 1], rc, R_PROFILE_FACTOR.allowed);
	return 0;
}

/* A profile CSV: one factor a line, optionally after a label
 * ("mon 00:00,1.05"); a first line that is not a number is a header. */
static void profile_from_csv(struct load *ld, struct at a,
			     struct demand_spec *dm)
{
	struct csv c;
	char *cells[3];
	size_t n = 0;
	int nc, rc, first = 1, before = ld->n_problems;
	double v = 0;

	if (!csv_open(ld, a, SCENARIO_PROFILE_CSV_MAX, "a profile CSV", &c))
		return;
	while ((nc = csv_row(ld, &c, cells, 3)) > 0) {
		rc = csv_number(&c, cells[nc - 1], &v);
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
	if (ld->n_problems == before)
		check_profile(ld, a, n, dm);
	dm->n_slots = n;
}

/* profile: omitted (flat), a CSV file name, or an inline list. */
static void parse_profile(struct load *ld, struct at m, struct demand_spec *dm)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at p = at_key(ld, m, "profile", kp);
	const yaml_node_t *n;
	int i, before = ld->n_problems;

	for (i = 0; i < 168; i++)
		dm->profile[i] = 1.0;
	dm->n_slots = 168;
	if (!p.id)
		return;
	n = load_node(ld, p.id);
	if (node_is_string(n)) {
		profile_from_csv(ld, p, dm);
		return;
	}
	if (!load_expect(ld, p, YAML_SEQUENCE_NODE, "a CSV file name or a "
			 "list of 168 or 672 factors"))
		return;
	for (i = 0; i < seq_len(n) && i < DEMAND_SLOTS_MAX; i++)
		parse_number(ld, at_item(ld, p, i, NULL, ip),
			     &R_PROFILE_FACTOR, &dm->profile[i]);
	if (ld->n_problems == before)
		check_profile(ld, p, (size_t)seq_len(n), dm);
	dm->n_slots = (size_t)seq_len(n);
}

static const char *const month_names[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec", NULL};

/* months: {jun: 1.10, ...}; a month not given keeps factor 1. */
static void parse_months(struct load *ld, struct at m, struct demand_spec *dm)
{
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "months", kp);
	struct field f[13];
	int i;

	for (i = 0; i < 12; i++) {
		dm->month_factor[i] = 1.0;
		f[i] = (struct field){month_names[i], &R_MONTH_FACTOR,
				      &dm->month_factor[i], 0};
	}
	f[12] = (struct field){NULL, NULL, NULL, 0};
	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping of "
				  "month (jan..dec) to factor"))
		return;
	check_keys(ld, a, month_names, "month");
	read_fields(ld, a, f);
}

/* A surge start "sat 22:00": a day and a time of day, as seconds into the
 * week. */
static void parse_surge_start(struct load *ld, struct at a, double *start_s)
{
	const char *s;
	char day[4];
	double t;
	int d;

	if (!load_expect(ld, a, YAML_SCALAR_NODE, "a day and time such as "
			 "\"sat 22:00\""))
		return;
	s = scalar_text(load_node(ld, a.id));
	d = -1;
	if (strlen(s) > 4 && s[3] == ' ') {
		memcpy(day, s, 3);
		day[3] = '\0';
		d = word_index(day, day_names);
	}
	t = d >= 0 ? clock_s(s + 4) : -1.0;
	if (d < 0 || t < 0 || t >= 86400) {
		load_problem(ld, a, "'%.60s' is not a day and time; must be like "
			     "\"sat 22:00\" (mon..sun, 00:00..23:59)", s);
		return;
	}
	*start_s = d * 86400.0 + t;
}

/* weeks: [2, 5]: 1-based run weeks; omitted, the surge recurs weekly. */
static void parse_surge_weeks(struct load *ld, struct at a,
			      struct surge_spec *sg)
{
	char ip[KEY_PATH_MAX];
	const yaml_node_t *n;
	int i;

	if (!load_expect(ld, a, YAML_SEQUENCE_NODE, "a list of run weeks "
			 "from 1, such as [2, 5]"))
		return;
	n = load_node(ld, a.id);
	if (seq_len(n) == 0) {
		load_problem(ld, a, "is empty; list run weeks from 1, or leave "
			     "weeks out for every week");
		return;
	}
	sg->weeks = mem_calloc((size_t)seq_len(n), sizeof *sg->weeks);
	if (!sg->weeks) {
		ld->oom = 1;
		return;
	}
	for (i = 0; i < seq_len(n); i++) {
		double w;

		if (parse_number(ld, at_item(ld, a, i, NULL, ip), &R_WEEK, &w))
			sg->weeks[sg->n_weeks++] = (unsigned)w;
	}
}

/* One surge window {start, hours, factor, weeks}. */
static void parse_surge(struct load *ld, struct at a, struct surge_spec *sg)
{
	static const char *const keys[] = {"start", "hours", "factor", "weeks",
					   NULL};
	char kp[KEY_PATH_MAX];
	double hours = 0;
	const struct field f[] = {
		{"hours", &R_SURGE_HOURS, &hours, 1},
		{"factor", &R_SURGE_FACTOR, &sg->factor, 1},
		{NULL, NULL, NULL, 0}};
	struct at c;

	if (!load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such as {start: "
			 "\"sat 22:00\", hours: 4, factor: 1.5}"))
		return;
	check_keys(ld, a, keys, "key");
	c = at_key(ld, a, "start", kp);
	if (c.id)
		parse_surge_start(ld, c, &sg->start_s);
	else
		load_missing(ld, a, "start", "a day and time such as "
			     "\"sat 22:00\"");
	read_fields(ld, a, f);
	sg->duration_s = hours * 3600.0;
	c = at_key(ld, a, "weeks", kp);
	if (c.id)
		parse_surge_weeks(ld, c, sg);
}

static void parse_surges(struct load *ld, struct at m, struct demand_spec *dm)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "surges", kp);
	const yaml_node_t *n;
	int i;

	if (!a.id || !load_expect(ld, a, YAML_SEQUENCE_NODE, "a list of surge "
				  "windows"))
		return;
	n = load_node(ld, a.id);
	if (seq_len(n) == 0)
		return;
	dm->surges = mem_calloc((size_t)seq_len(n), sizeof *dm->surges);
	if (!dm->surges) {
		ld->oom = 1;
		return;
	}
	dm->n_surges = (size_t)seq_len(n);
	for (i = 0; i < seq_len(n); i++)
		parse_surge(ld, at_item(ld, a, i, NULL, ip), &dm->surges[i]);
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
 * under its most surges at once, is at most LOAD_PEAK_RATE_MAX: beyond
 * it arrivals would crowd the clock and waiting callers the memory. A
 * product of factors each within its range can pass it. Called once the
 * demand keys read cleanly, so the profile has a positive factor. */
static void check_peak_rate(struct load *ld, struct at m,
			    const struct demand_spec *dm)
{
	char kp[KEY_PATH_MAX];
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
	if (peak <= LOAD_PEAK_RATE_MAX)
		return;
	load_problem(ld, at_key(ld, m, "volume", kp), "at its peak the line "
		     "has %.4g calls a second: %.4g on average x %.4g (highest "
		     "profile factor over the mean) x %.4g (highest month) x "
		     "%.4g (surges at once); must be at most %g calls a second",
		     peak, dm->mean_rate_per_s, top, month, surge,
		     LOAD_PEAK_RATE_MAX);
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

/* redial: {probability, delay}; delay is needed only when some redial. */
static void parse_redial(struct load *ld, struct at m, struct line_spec *l)
{
	static const char *const keys[] = {"probability", "delay", NULL};
	char kp[KEY_PATH_MAX], dp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "redial", kp), d;
	const struct field f[] = {
		{"probability", &R_REDIAL, &l->redial_probability, 1},
		{NULL, NULL, NULL, 0}};

	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such as "
				  "{probability: 0.3, delay: {dist: "
				  "exponential, mean: 60}}"))
		return;
	check_keys(ld, a, keys, "key");
	read_fields(ld, a, f);
	d = at_key(ld, a, "delay", dp);
	if (d.id)
		parse_dist(ld, d, &l->redial_delay);
	else if (l->redial_probability > 0)
		load_missing(ld, a, "delay", "the time before a redial, such "
			     "as {dist: exponential, mean: 60}");
}

/* answer: {within_s, goal}; with no goal there is a figure but no verdict. */
static void parse_answer(struct load *ld, struct at m, struct line_spec *l)
{
	static const char *const keys[] = {"within_s", "goal", NULL};
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "answer", kp);
	const struct field f[] = {
		{"within_s", &R_SECONDS, &l->target_s, 1},
		{"goal", &R_GOAL, &l->goal, 0},
		{NULL, NULL, NULL, 0}};

	l->goal = NAN;
	if (!a.id) {
		load_missing(ld, m, "answer", "the service level target, such as "
			     "{within_s: 10, goal: 0.90}");
		return;
	}
	if (!load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such as "
			 "{within_s: 10, goal: 0.90}"))
		return;
	check_keys(ld, a, keys, "key");
	read_fields(ld, a, f);
}

/* An optional distribution; returns 1 when given (valid or not). */
static int parse_opt_dist(struct load *ld, struct at m, const char *key,
			  struct dist *d)
{
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, key, kp);

	if (a.id)
		parse_dist(ld, a, d);
	return a.id != 0;
}

/* A required distribution; `give` says what it is, for a missing key. */
static void parse_req_dist(struct load *ld, struct at m, const char *key,
			   struct dist *d, const char *give)
{
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, key, kp);

	if (a.id)
		parse_dist(ld, a, d);
	else
		load_missing(ld, m, key, give);
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
static void parse_incidents(struct load *ld, struct at m, struct line_spec *l)
{
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "incidents", kp);
	const char *names[RESPONSE_GRADES_MAX + 1];
	struct field f[RESPONSE_GRADES_MAX + 1];
	int before = ld->n_problems;
	double sum = 0;
	size_t g;

	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping of "
				  "grade to probability, such as {emergency: "
				  "0.20, priority: 0.25}"))
		return;
	if (!ld->grades_given) {
		load_problem(ld, a, "no grades are defined; give a grades list "
			     "(with areas, roles and units), or leave out "
			     "incidents");
		return;
	}
	if (ld->sc->n_grades == 0)
		return;              /* the grades themselves were refused */
	grade_names(ld->sc, names);
	for (g = 0; g < ld->sc->n_grades; g++)
		f[g] = (struct field){names[g], &R_PROBABILITY,
				      &l->incident_p[g], 0};
	f[g] = (struct field){NULL, NULL, NULL, 0};
	check_keys(ld, a, names, "grade");
	read_fields(ld, a, f);
	for (g = 0; g < ld->sc->n_grades; g++)
		sum += l->incident_p[g];
	if (ld->n_problems == before && sum > 1 + 1e-9)
		load_problem(ld, a, "probabilities sum to %.9g; must sum to at "
			     "most 1 (the rest are resolved on the call)", sum);
}

static const char *const line_keys[] = {
	"name", "volume", "profile", "months", "surges", "patience", "redial",
	"handle", "wrap", "answer", "incidents", NULL};

/* Everything of a line but its name, which the caller read for the path. */
static void parse_line(struct load *ld, struct at m, struct line_spec *l)
{
	int before;

	check_keys(ld, m, line_keys, "key");
	before = ld->n_problems;
	parse_volume(ld, m, &l->demand);
	parse_profile(ld, m, &l->demand);
	parse_months(ld, m, &l->demand);
	parse_surges(ld, m, &l->demand);
	if (ld->n_problems == before && !ld->oom)
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
		ld->oom = 1;
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
static void seen_add(struct load *ld, struct seen *s, struct at a,
		     const char *name)
{
	int j;

	for (j = 0; name && j < s->n; j++)
		if (s->name[j] && strcmp(s->name[j], name) == 0) {
			load_problem(ld, a, "duplicate %s name '%s' (also at "
				     "line %d); names must be unique", s->noun,
				     name, s->line[j]);
			break;
		}
	s->name[s->n] = name;
	s->line[s->n++] = a.id ? load_pos(ld, a.id).line : 0;
}

/* Opens item i of list s: checks it is a mapping, reads its name into
 * dst (SCENARIO_NAME_MAX bytes) and sets *m to it, with the path naming
 * the item by that name. Returns 0 when the item is not a mapping. */
static int open_item(struct load *ld, struct at s, int i, struct seen *seen,
		     char *dst, char buf[KEY_PATH_MAX], struct at *m)
{
	int name_id;

	*m = at_item(ld, s, i, NULL, buf);
	if (!load_expect(ld, *m, YAML_MAPPING_NODE, "a mapping with a name"))
		return 0;
	name_id = parse_name(ld, *m, dst, SCENARIO_NAME_MAX);
	*m = at_item(ld, s, i, dst, buf);
	{
		struct at na = {name_id ? name_id : m->id, m->path};

		seen_add(ld, seen, na, name_id ? dst : NULL);
	}
	return 1;
}

/* The length of the list at a, or 0 after reporting one longer than
 * SCENARIO_LIST_MAX. */
static int list_len(struct load *ld, struct at a)
{
	int n = seq_len(load_node(ld, a.id));

	if (n <= SCENARIO_LIST_MAX)
		return n;
	load_problem(ld, a, "has %d items; a list may have at most %d", n,
		     SCENARIO_LIST_MAX);
	return 0;
}

/* A required, non-empty list; returns its length (0 after a problem). */
static int parse_list(struct load *ld, struct at m, struct at a,
		      const char *give)
{
	const char *key = strrchr(a.path, '.');

	if (!a.id) {
		load_missing(ld, m, key ? key + 1 : a.path, give);
		return 0;
	}
	if (!load_expect(ld, a, YAML_SEQUENCE_NODE, give))
		return 0;
	if (seq_len(load_node(ld, a.id)) == 0)
		load_problem(ld, a, "is empty; give %s", give);
	return list_len(ld, a);
}

static void parse_lines(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "lines", kp), m;
	int n = parse_list(ld, top, s, "a list of contact lines"), i;
	struct seen seen;

	if (n == 0)
		return;
	sc->lines = load_calloc(ld, (size_t)n, sizeof *sc->lines);
	if (seen_init(ld, &seen, "line", n) && sc->lines) {
		sc->n_lines = (size_t)n;
		for (i = 0; i < n; i++) {
			struct line_spec *l = &sc->lines[i];

			l->goal = NAN;
			l->pos = load_pos(ld, at_item(ld, s, i, NULL, ip).id);
			if (open_item(ld, s, i, &seen, l->name, ip, &m))
				parse_line(ld, m, l);
		}
	}
	seen_free(&seen);
}

/* ------------------------------------------------------------------ */
/* Pools and shifts                                                    */

/* days: a list of mon..sun, one of them, or "all", "weekdays",
 * "weekends". */
static unsigned parse_days_word(struct load *ld, struct at a)
{
	static const char *const words[] = {
		"all", "weekdays", "weekends", "mon", "tue", "wed", "thu",
		"fri", "sat", "sun", NULL};
	static const unsigned masks[] = {0x7f, 0x1f, 0x60};
	const char *w = scalar_text(load_node(ld, a.id));
	int i = word_index(w, words);

	if (i < 0) {
		load_unknown(ld, a, "value", w, words);
		return 0;
	}
	return i < 3 ? masks[i] : 1u << (i - 3);
}

static unsigned parse_days(struct load *ld, struct at a)
{
	char ip[KEY_PATH_MAX];
	const yaml_node_t *n = load_node(ld, a.id);
	unsigned mask = 0;
	int i, d;

	if (node_is_string(n))
		return parse_days_word(ld, a);
	if (!load_expect(ld, a, YAML_SEQUENCE_NODE, "a list of days (mon..sun) "
			 "or \"all\", \"weekdays\", \"weekends\""))
		return 0;
	for (i = 0; i < seq_len(n); i++) {
		struct at it = at_item(ld, a, i, NULL, ip);
		const char *w;

		if (!load_expect(ld, it, YAML_SCALAR_NODE, "a day, mon..sun"))
			continue;
		w = scalar_text(load_node(ld, it.id));
		d = word_index(w, day_names);
		if (d < 0)
			load_unknown(ld, it, "day", w, day_names);
		else if (mask & (1u << d))
			load_problem(ld, it, "'%s' is listed twice; list each "
				     "day once", w);
		mask |= d >= 0 ? 1u << d : 0;
	}
	if (seq_len(n) == 0)
		load_problem(ld, a, "is empty; list at least one day");
	return mask;
}

/* A time of day "HH:MM" at most max_s; -1 after a reported problem. */
static double parse_clock(struct load *ld, struct at a, double max_s,
			  const char *allowed)
{
	double t;

	if (!load_expect(ld, a, YAML_SCALAR_NODE, allowed))
		return -1.0;
	t = clock_s(scalar_text(load_node(ld, a.id)));
	if (t < 0 || t > max_s) {
		load_problem(ld, a, "'%.60s' is not a valid time; must be %s",
			     scalar_text(load_node(ld, a.id)), allowed);
		return -1.0;
	}
	return t;
}

/* end: "HH:MM" up to 48:00, after the start (next-day times pass 24:00). */
static void parse_shift_end(struct load *ld, struct at a, double start_s,
			    struct shift_spec *sh)
{
	char t1[16], t2[16], t3[16];
	double end = parse_clock(ld, a, 48 * 3600.0, "\"HH:MM\" up to \"48:00\""
				 " (past 24:00 is the next day)");

	if (end < 0 || start_s < 0)
		return;
	if (end == start_s) {
		load_problem(ld, a, "shift ends at %s, the time it starts; "
			     "for a 24-hour shift give hours: 24 or end: "
			     "\"%s\"", clock_text(end, t1),
			     clock_text(end + 86400.0, t3));
		return;
	}
	if (end < start_s) {
		load_problem(ld, a, "shift ends at %s, before it starts at %s; "
			     "for an overnight shift give hours: %g or end: "
			     "\"%s\"", clock_text(end, t1),
			     clock_text(start_s, t2),
			     (end + 86400.0 - start_s) / 3600.0,
			     clock_text(end + 86400.0, t3));
		return;
	}
	if (end - start_s > 86400.0) {
		load_problem(ld, a, "shift lasts %g hours; must be at most 24",
			     (end - start_s) / 3600.0);
		return;
	}
	sh->duration_s = round(end - start_s);
}

/* The length of a shift: exactly one of hours and end. */
static void parse_shift_length(struct load *ld, struct at m,
			       struct shift_spec *sh)
{
	char hp[KEY_PATH_MAX], ep[KEY_PATH_MAX];
	struct at h = at_key(ld, m, "hours", hp), e = at_key(ld, m, "end", ep);
	double hours;

	if (h.id && e.id)
		load_problem(ld, e, "both hours and end are given; give one");
	else if (!h.id && !e.id)
		load_missing(ld, m, "hours", "the length in hours (0 < hours "
			     "<= 24), or an end time \"HH:MM\"");
	else if (h.id && parse_number(ld, h, &R_SHIFT_HOURS, &hours))
		/* To the second: a roster change between two seconds could
		 * round back onto the previous one and never move on. */
		sh->duration_s = round(hours * 3600.0);
	else if (e.id)
		parse_shift_end(ld, e, sh->start_s, sh);
}

static const char *const shift_keys[] = {
	"name", "start", "hours", "end", "days", "staff", NULL};

/* The body of one shift, its name already read. */
static void parse_shift(struct load *ld, struct at m, struct shift_spec *sh)
{
	char kp[KEY_PATH_MAX];
	double staff = 0;
	const struct field f[] = {{"staff", &R_STAFF, &staff, 1},
				  {NULL, NULL, NULL, 0}};
	struct at a;

	check_keys(ld, m, shift_keys, "key");
	sh->start_s = -1.0;
	a = at_key(ld, m, "start", kp);
	if (a.id)
		sh->start_s = parse_clock(ld, a, 86399.0, "\"HH:MM\" from "
					  "\"00:00\" to \"23:59\"");
	else
		load_missing(ld, m, "start", "a time of day \"HH:MM\"");
	parse_shift_length(ld, m, sh);
	a = at_key(ld, m, "days", kp);
	sh->days = a.id ? parse_days(ld, a) : 0x7fu;
	read_fields(ld, m, f);
	sh->staff = (int)staff;
}

/* shifts: of a pool or of a unit, read alike into *shifts (owned by the
 * pool or unit) and *n. */
static void parse_shifts(struct load *ld, struct at pm,
			 struct shift_spec **shifts, size_t *n_shifts)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at s = at_key(ld, pm, "shifts", kp), m;
	int n = parse_list(ld, pm, s, "a list of shifts such as {name: early, "
			   "start: \"07:00\", hours: 10, staff: 24}"), i;
	struct seen seen;

	if (n == 0)
		return;
	*shifts = load_calloc(ld, (size_t)n, sizeof **shifts);
	if (seen_init(ld, &seen, "shift", n) && *shifts) {
		*n_shifts = (size_t)n;
		for (i = 0; i < n; i++)
			if (open_item(ld, s, i, &seen, (*shifts)[i].name, ip,
				      &m))
				parse_shift(ld, m, &(*shifts)[i]);
	}
	seen_free(&seen);
}

/* One entry of serves: a line of the scenario, not listed before. */
static void parse_served_line(struct load *ld, struct at it,
			      struct pool_spec *p)
{
	char list[LIST_MAX];
	const char *name;
	long li;
	size_t j;

	if (!load_expect(ld, it, YAML_SCALAR_NODE, "a line name"))
		return;
	name = scalar_text(load_node(ld, it.id));
	li = scenario_line_index(ld->sc, name);
	if (li < 0) {
		load_problem(ld, it, "no line named '%.60s'; lines are: %s",
			     name, line_names(ld->sc, list, sizeof list));
		return;
	}
	for (j = 0; j < p->n_serves; j++)
		if (p->serves[j] == (size_t)li) {
			load_problem(ld, it, "'%s' is listed twice; list each "
				     "line once", name);
			return;
		}
	p->serves[p->n_serves++] = (size_t)li;
}

/* serves: line names in priority order. */
static void parse_serves(struct load *ld, struct at pm, struct pool_spec *p)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at s = at_key(ld, pm, "serves", kp);
	int n = parse_list(ld, pm, s, "a list of line names, highest "
			   "priority first"), i;

	if (n == 0)
		return;
	p->serves = load_calloc(ld, (size_t)n, sizeof *p->serves);
	for (i = 0; i < n && p->serves; i++)
		parse_served_line(ld, at_item(ld, s, i, NULL, ip), p);
}

static const char *const pool_keys[] = {
	"name", "serves", "shrinkage", "hours_per_week", "cost_per_fte",
	"shifts", NULL};

/* The body of one pool, its name already read. */
static void parse_pool(struct load *ld, struct at m, struct pool_spec *p)
{
	const struct field f[] = {
		{"shrinkage", &R_SHRINKAGE, &p->shrinkage, 0},
		{"hours_per_week", &R_WEEK_HOURS, &p->hours_per_week, 0},
		{"cost_per_fte", &R_COST, &p->cost_per_fte, 0},
		{NULL, NULL, NULL, 0}};
	char kp[KEY_PATH_MAX];

	/* The reports' cost rows put the totals beside the pools, under these
	 * names: a pool so named would give two rows of one key. */
	if (strcmp(p->name, "total") == 0 || strcmp(p->name, "pools") == 0)
		load_problem(ld, at_key(ld, m, "name", kp), "'%s' is reserved for "
			     "the cost totals; give the pool another name",
			     p->name);
	check_keys(ld, m, pool_keys, "key");
	parse_serves(ld, m, p);
	read_fields(ld, m, f);
	parse_shifts(ld, m, &p->shifts, &p->n_shifts);
}

static void parse_pools(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "pools", kp), m;
	int n = parse_list(ld, top, s, "a list of handler pools"), i;
	struct seen seen;

	if (n == 0)
		return;
	sc->pools = load_calloc(ld, (size_t)n, sizeof *sc->pools);
	if (seen_init(ld, &seen, "pool", n) && sc->pools) {
		sc->n_pools = (size_t)n;
		for (i = 0; i < n; i++) {
			struct pool_spec *p = &sc->pools[i];

			p->hours_per_week = 37.5;
			p->pos = load_pos(ld, at_item(ld, s, i, NULL, ip).id);
			if (open_item(ld, s, i, &seen, p->name, ip, &m))
				parse_pool(ld, m, p);
		}
	}
	seen_free(&seen);
}

/* Every line needs a pool that answers it, or its callers would wait for
 * ever. Checked only once lines and pools read cleanly. */
static void check_served(struct load *ld, struct at top)
{
	const struct scenario *sc = ld->sc;
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at s = at_key(ld, top, "lines", kp);
	size_t i, j, k;

	for (i = 0; i < sc->n_lines; i++) {
		int served = 0;

		for (j = 0; j < sc->n_pools; j++)
			for (k = 0; k < sc->pools[j].n_serves; k++)
				served |= sc->pools[j].serves[k] == i;
		if (!served)
			load_problem(ld, at_item(ld, s, (int)i,
						 sc->lines[i].name, ip),
				     "no pool serves this line; list it in the "
				     "serves of a pool");
	}
}

/* ------------------------------------------------------------------ */
/* Incident response: grades, areas, roles, units, dispatch            */

/* true or false, unquoted. YAML 1.1's yes/no/on/off are refused: a
 * planner who writes "no" should learn that it is not read as a word. */
static void parse_bool(struct load *ld, struct at a, int *out)
{
	static const char *const words[] = {"false", "true", NULL};
	const yaml_node_t *n = load_node(ld, a.id);
	int i = -1;

	if (node_is_string(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		i = word_index(scalar_text(n), words);
	if (i < 0)
		load_wrong(ld, a, "true or false");
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
static long load_ref(struct load *ld, struct at a, const struct ref_list *r)
{
	char list[LIST_MAX], what[64];
	const char *name;
	long i;

	snprintf(what, sizeof what, "a%s %s name",
		 strchr("aeiou", r->noun[0]) ? "n" : "", r->noun);
	if (!load_expect(ld, a, YAML_SCALAR_NODE, what))
		return -1;
	name = scalar_text(load_node(ld, a.id));
	i = item_index(r->items, r->stride, r->n, name);
	if (i < 0)
		load_problem(ld, a, "no %s named '%.60s'; %s are: %s", r->noun,
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
static void parse_attend(struct load *ld, struct at m, struct grade_spec *g)
{
	static const char *const keys[] = {"within_s", "goal", NULL};
	char kp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "attend", kp);
	double within_s = NAN;
	const struct field f[] = {
		{"within_s", &R_SECONDS, &within_s, 1},
		{"goal", &R_GOAL, &g->goal, 0},
		{NULL, NULL, NULL, 0}};

	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such "
				  "as {within_s: 900, goal: 0.90}"))
		return;
	check_keys(ld, a, keys, "key");
	read_fields(ld, a, f);
	g->target_s = within_s;
}

static const char *const grade_keys[] = {
	"name", "attend", "delay", "travel", "on_scene", "preemptible", NULL};

/* The body of one grade, its name already read. */
static void parse_grade(struct load *ld, struct at m, struct grade_spec *g)
{
	char kp[KEY_PATH_MAX];
	struct at b;

	/* The reports name an area's grade "AREA/GRADE": a '/' in a grade
	 * could make two areas' rows one key. */
	if (strchr(g->name, '/'))
		load_problem(ld, at_key(ld, m, "name", kp), "'%s' holds a '/', "
			     "which the reports put between an area and its "
			     "grade; give the grade another name", g->name);
	check_keys(ld, m, grade_keys, "key");
	parse_attend(ld, m, g);
	g->has_delay = parse_opt_dist(ld, m, "delay", &g->delay);
	parse_req_dist(ld, m, "travel", &g->travel, "the travel time to the "
		       "scene, such as {dist: lognormal, mean: 480, sd: 300}");
	parse_req_dist(ld, m, "on_scene", &g->on_scene, "the time at the "
		       "scene, such as {dist: lognormal, mean: 5400, sd: 3600}");
	b = at_key(ld, m, "preemptible", kp);
	if (b.id)
		parse_bool(ld, b, &g->preemptible);
}

/* grades: highest first. Read before the lines, whose incidents name
 * them; at most RESPONSE_GRADES_MAX, the bits of a role's attends. */
static void parse_grades(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "grades", kp), m;
	int n, i;
	struct seen seen;

	if (!s.id)
		return;
	ld->grades_given = 1;
	n = parse_list(ld, top, s, "a list of incident grades, highest first");
	if (n > RESPONSE_GRADES_MAX) {
		load_problem(ld, s, "has %d grades; must have at most %d", n,
			     RESPONSE_GRADES_MAX);
		return;
	}
	if (n == 0)
		return;
	sc->grades = load_calloc(ld, (size_t)n, sizeof *sc->grades);
	if (seen_init(ld, &seen, "grade", n) && sc->grades) {
		sc->n_grades = (size_t)n;
		for (i = 0; i < n; i++) {
			struct grade_spec *g = &sc->grades[i];
			struct src_pos pos = load_pos(ld, at_item(ld, s, i,
								  NULL, ip).id);

			g->line = pos.line;
			g->col = pos.col;
			g->target_s = NAN;
			g->goal = NAN;
			if (open_item(ld, s, i, &seen, g->name, ip, &m))
				parse_grade(ld, m, g);
		}
	}
	seen_free(&seen);
}

/* One entry of an area's neighbours: another area, not listed before. */
static void parse_neighbour(struct load *ld, struct at it, size_t self,
			    struct area_spec *a)
{
	struct ref_list r = ref_areas(ld->sc);
	long i = load_ref(ld, it, &r);
	size_t j;

	if (i < 0)
		return;
	if ((size_t)i == self) {
		load_problem(ld, it, "'%s' is this area itself; list only "
			     "other areas", a->name);
		return;
	}
	for (j = 0; j < a->n_neighbours; j++)
		if (a->neighbours[j] == (size_t)i) {
			load_problem(ld, it, "'%s' is listed twice; list each "
				     "area once", ld->sc->areas[i].name);
			return;
		}
	a->neighbours[a->n_neighbours++] = (size_t)i;
}

/* neighbours: area names, nearest first. Read once every area is named,
 * since an area may name one listed after it. */
static void parse_neighbours(struct load *ld, struct at m, size_t self)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at s = at_key(ld, m, "neighbours", kp);
	struct area_spec *a = &ld->sc->areas[self];
	int n, i;

	if (!s.id || !load_expect(ld, s, YAML_SEQUENCE_NODE, "a list of area "
				  "names, nearest first"))
		return;
	n = list_len(ld, s);
	if (n == 0)
		return;
	a->neighbours = load_calloc(ld, (size_t)n, sizeof *a->neighbours);
	for (i = 0; i < n && a->neighbours; i++)
		parse_neighbour(ld, at_item(ld, s, i, NULL, ip), self, a);
}

static const char *const area_keys[] = {
	"name", "share", "neighbours", "travel_factor", NULL};

/* The body of one area but its neighbours, its name already read. */
static void parse_area(struct load *ld, struct at m, struct area_spec *a)
{
	const struct field f[] = {
		{"share", &R_SHARE, &a->share, 1},
		{"travel_factor", &R_TRAVEL_FACTOR, &a->travel_factor, 0},
		{NULL, NULL, NULL, 0}};

	check_keys(ld, m, area_keys, "key");
	read_fields(ld, m, f);
}

/* The shares are the probabilities of an incident's area. */
static void check_shares(struct load *ld, struct at s)
{
	const struct scenario *sc = ld->sc;
	double sum = 0;
	size_t i;

	for (i = 0; i < sc->n_areas; i++)
		sum += sc->areas[i].share;
	if (fabs(sum - 1) > 1e-6)
		load_problem(ld, s, "shares sum to %.9g; must sum to 1 (within "
			     "1e-6)", sum);
}

static void parse_areas(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "areas", kp), m;
	int n = parse_list(ld, top, s, "a list of areas such as {name: "
			   "Birmingham, share: 0.39, neighbours: [Solihull]}");
	int before = ld->n_problems, i;
	struct seen seen;

	if (n == 0)
		return;
	sc->areas = load_calloc(ld, (size_t)n, sizeof *sc->areas);
	if (seen_init(ld, &seen, "area", n) && sc->areas) {
		sc->n_areas = (size_t)n;
		for (i = 0; i < n; i++) {
			struct area_spec *a = &sc->areas[i];
			struct src_pos pos = load_pos(ld, at_item(ld, s, i,
								  NULL, ip).id);

			a->line = pos.line;
			a->col = pos.col;
			a->travel_factor = 1.0;
			if (open_item(ld, s, i, &seen, a->name, ip, &m))
				parse_area(ld, m, a);
		}
		for (i = 0; i < n; i++) {
			m = at_item(ld, s, i, sc->areas[i].name, ip);
			if (load_node(ld, m.id)->type == YAML_MAPPING_NODE)
				parse_neighbours(ld, m, (size_t)i);
		}
		if (ld->n_problems == before)
			check_shares(ld, s);
	}
	seen_free(&seen);
}

/* attends: grade names, each once, as bits of r->attends. */
static void parse_attends(struct load *ld, struct at m, struct role_spec *r)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	const char *names[RESPONSE_GRADES_MAX + 1];
	struct at s = at_key(ld, m, "attends", kp), it;
	int n, i;
	long g;

	if (r->neighbourhood) {
		if (s.id)
			load_problem(ld, s, "a neighbourhood role attends only "
				     "when abstracted; leave out attends and "
				     "give abstraction");
		return;
	}
	n = parse_list(ld, m, s, "a list of grade names, such as [emergency, "
		       "priority]");
	grade_names(ld->sc, names);
	for (i = 0; i < n && ld->sc->n_grades > 0; i++) {
		it = at_item(ld, s, i, NULL, ip);
		if (!load_expect(ld, it, YAML_SCALAR_NODE, "a grade name"))
			continue;
		g = word_index(scalar_text(load_node(ld, it.id)), names);
		if (g < 0)
			load_unknown(ld, it, "grade",
				     scalar_text(load_node(ld, it.id)), names);
		else if (r->attends & (1u << g))
			load_problem(ld, it, "'%s' is listed twice; list each "
				     "grade once", names[g]);
		else
			r->attends |= 1u << g;
	}
}

/* abstraction: {allowed: never | emergency_only, after_s}. after_s is
 * required with emergency_only and ignored with never, so a sweep may
 * switch the policy off without removing it. */
static void parse_abstraction(struct load *ld, struct at m,
			      struct role_spec *r)
{
	static const char *const keys[] = {"allowed", "after_s", NULL};
	static const char *const policies[] = {"never", "emergency_only", NULL};
	char kp[KEY_PATH_MAX], pp[KEY_PATH_MAX];
	struct at a = at_key(ld, m, "abstraction", kp), p;
	struct field f[] = {{"after_s", &R_SECONDS, &r->abstract_after_s, 0},
			    {NULL, NULL, NULL, 0}};
	int i;

	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such "
				  "as {allowed: emergency_only, after_s: 600}"))
		return;
	check_keys(ld, a, keys, "key");
	p = at_key(ld, a, "allowed", pp);
	if (p.id && load_expect(ld, p, YAML_SCALAR_NODE, "never or "
				"emergency_only")) {
		i = word_index(scalar_text(load_node(ld, p.id)), policies);
		if (i < 0)
			load_unknown(ld, p, "value",
				     scalar_text(load_node(ld, p.id)), policies);
		r->abstraction = i > 0 ? ABSTRACTION_EMERGENCY_ONLY :
			ABSTRACTION_NEVER;
	}
	f[0].required = r->abstraction == ABSTRACTION_EMERGENCY_ONLY;
	read_fields(ld, a, f);
	if (r->abstraction == ABSTRACTION_EMERGENCY_ONLY && !r->neighbourhood)
		load_problem(ld, p, "only a neighbourhood role is abstracted; "
			     "set neighbourhood: true, or allowed: never");
}

static const char *const role_keys[] = {
	"name", "attends", "neighbourhood", "abstraction", "cost_per_fte",
	"hours_per_week", NULL};

/* The body of one role, its name already read. */
static void parse_role(struct load *ld, struct at m, struct role_spec *r)
{
	char kp[KEY_PATH_MAX];
	const struct field f[] = {
		{"cost_per_fte", &R_COST, &r->cost_per_fte, 0},
		{"hours_per_week", &R_WEEK_HOURS, &r->hours_per_week, 0},
		{NULL, NULL, NULL, 0}};
	struct at b = at_key(ld, m, "neighbourhood", kp);

	check_keys(ld, m, role_keys, "key");
	if (b.id)
		parse_bool(ld, b, &r->neighbourhood);
	parse_attends(ld, m, r);
	parse_abstraction(ld, m, r);
	read_fields(ld, m, f);
}

static void parse_roles(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "roles", kp), m;
	int n = parse_list(ld, top, s, "a list of officer roles such as "
			   "{name: response, attends: [emergency]}"), i;
	struct seen seen;

	if (n == 0)
		return;
	sc->roles = load_calloc(ld, (size_t)n, sizeof *sc->roles);
	if (seen_init(ld, &seen, "role", n) && sc->roles) {
		sc->n_roles = (size_t)n;
		for (i = 0; i < n; i++) {
			struct role_spec *r = &sc->roles[i];
			struct src_pos pos = load_pos(ld, at_item(ld, s, i,
								  NULL, ip).id);

			r->line = pos.line;
			r->col = pos.col;
			r->hours_per_week = 40;
			if (open_item(ld, s, i, &seen, r->name, ip, &m))
				parse_role(ld, m, r);
		}
	}
	seen_free(&seen);
}

/* area: or role: of a unit, as an index into ref's list. */
static void parse_unit_ref(struct load *ld, struct at m,
			   const struct ref_list *ref, size_t *out)
{
	char kp[KEY_PATH_MAX], give[64];
	struct at a = at_key(ld, m, ref->noun, kp);
	long i;

	if (!a.id) {
		snprintf(give, sizeof give, "the name of one of the %s",
			 ref->plural);
		load_missing(ld, m, ref->noun, give);
		return;
	}
	i = load_ref(ld, a, ref);
	if (i >= 0)
		*out = (size_t)i;
}

static const char *const unit_keys[] = {
	"area", "role", "crew", "shrinkage", "shifts", NULL};

/* One unit roster: the units of one role in one area. */
static void parse_unit(struct load *ld, struct at m, struct unit_spec *u)
{
	double crew = 1;
	const struct field f[] = {
		{"crew", &R_CREW, &crew, 0},
		{"shrinkage", &R_SHRINKAGE, &u->shrinkage, 0},
		{NULL, NULL, NULL, 0}};
	struct ref_list areas = ref_areas(ld->sc), roles = ref_roles(ld->sc);

	check_keys(ld, m, unit_keys, "key");
	parse_unit_ref(ld, m, &areas, &u->area);
	parse_unit_ref(ld, m, &roles, &u->role);
	read_fields(ld, m, f);
	u->crew = (int)crew;
	parse_shifts(ld, m, &u->shifts, &u->n_shifts);
}

/* units: no names, so a key path or --set selects one by its index. */
static void parse_units(struct load *ld, struct at top)
{
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct scenario *sc = ld->sc;
	struct at s = at_key(ld, top, "units", kp), m;
	int n = parse_list(ld, top, s, "a list of unit rosters such as "
			   "{area: Birmingham, role: response, crew: 2, "
			   "shifts: [...]}"), i;

	if (n == 0)
		return;
	sc->units = load_calloc(ld, (size_t)n, sizeof *sc->units);
	if (!sc->units)
		return;
	sc->n_units = (size_t)n;
	for (i = 0; i < n; i++) {
		struct unit_spec *u = &sc->units[i];
		struct src_pos pos;

		m = at_item(ld, s, i, NULL, ip);
		pos = load_pos(ld, m.id);
		u->line = pos.line;
		u->col = pos.col;
		u->crew = 1;
		if (load_expect(ld, m, YAML_MAPPING_NODE, "a mapping such as "
				"{area: Birmingham, role: response, shifts: "
				"[...]}"))
			parse_unit(ld, m, u);
	}
}

static const char *const dispatch_keys[] = {
	"cross_border_after_s", "cross_border_factor", "preempt_scheduled",
	NULL};

/* dispatch: optional as a whole and key by key. */
static void parse_dispatch(struct load *ld, struct at top)
{
	struct dispatch_spec *d = &ld->sc->dispatch;
	char kp[KEY_PATH_MAX], bp[KEY_PATH_MAX];
	struct at a = at_key(ld, top, "dispatch", kp), b;
	const struct field f[] = {
		{"cross_border_after_s", &R_SECONDS, &d->cross_border_after_s, 0},
		{"cross_border_factor", &R_BORDER_FACTOR, &d->cross_border_factor,
		 0},
		{NULL, NULL, NULL, 0}};

	if (!a.id || !load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such "
				  "as {cross_border_after_s: 300}"))
		return;
	check_keys(ld, a, dispatch_keys, "key");
	read_fields(ld, a, f);
	b = at_key(ld, a, "preempt_scheduled", bp);
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
static void check_area_reach(struct load *ld, struct at s, size_t a,
			     size_t g)
{
	const struct scenario *sc = ld->sc;
	const struct area_spec *as = &sc->areas[a];
	char ip[KEY_PATH_MAX];
	size_t k;

	if (as->share <= 0 || area_covers(sc, a, g, 1))
		return;
	for (k = 0; k < as->n_neighbours; k++)
		if (area_covers(sc, as->neighbours[k], g, 0))
			return;
	load_problem(ld, at_item(ld, s, (int)a, as->name, ip), "area %s has no "
		     "unit that can attend %s and no neighbour to borrow from; "
		     "give it units of a role that attends %s, or a neighbour "
		     "that has them", as->name, sc->grades[g].name,
		     sc->grades[g].name);
}

/* Every incident a line can create must find a unit some day, or it
 * would wait for ever and the run would never settle. Checked only once
 * everything read cleanly. */
static void check_reach(struct load *ld, struct at top)
{
	const struct scenario *sc = ld->sc;
	char kp[KEY_PATH_MAX];
	struct at s = at_key(ld, top, "areas", kp);
	size_t g, a;

	for (g = 0; g < sc->n_grades; g++)
		for (a = 0; a < sc->n_areas && grade_created(sc, g); a++)
			check_area_reach(ld, s, a, g);
}

/* A grade's longest mean travel, its travel's mean x the largest
 * travel_factor of an area x cross_border_factor where that area has
 * neighbours to borrow from, is at most LOAD_SECONDS_MAX, the bound of any
 * one duration. Checked only once everything read cleanly. */
static void check_travel(struct load *ld, struct at top)
{
	const struct scenario *sc = ld->sc;
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX], tp[KEY_PATH_MAX];
	struct at s = at_key(ld, top, "grades", kp), t;
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
		if (mean * f <= LOAD_SECONDS_MAX)
			continue;
		t = at_key(ld, at_item(ld, s, (int)g, sc->grades[g].name, ip),
			   "travel", tp);
		load_problem(ld, t, "a mean of %g s x %g (travel_factor %g of "
			     "area %s%s) is %.4g s; must be at most 1e9 s",
			     mean, f, sc->areas[worst].travel_factor,
			     sc->areas[worst].name,
			     sc->areas[worst].n_neighbours ? " x cross_border_"
			     "factor across a border" : "", mean * f);
	}
}

/* The response sections: all optional as a whole, but grades bring the
 * need for areas, roles and units, and those mean nothing without grades. */
static void parse_response(struct load *ld, struct at top)
{
	static const char *const after[] = {"areas", "roles", "units",
					    "dispatch", NULL};
	char kp[KEY_PATH_MAX];
	struct dispatch_spec *d = &ld->sc->dispatch;
	int i;

	d->cross_border_after_s = 300;
	d->cross_border_factor = 1.5;
	d->preempt_scheduled = 0;
	if (!ld->grades_given) {
		for (i = 0; after[i]; i++) {
			struct at a = at_key(ld, top, after[i], kp);

			if (a.id)
				load_problem(ld, a, "incident response needs "
					     "grades; give a grades list, or "
					     "leave out %s", after[i]);
		}
		return;
	}
	parse_areas(ld, top);
	parse_roles(ld, top);
	parse_units(ld, top);
	parse_dispatch(ld, top);
}

/* ------------------------------------------------------------------ */
/* Run settings and the top level                                      */

/* seed: a whole number that fits 64 bits. */
static void parse_seed(struct load *ld, struct at a, uint64_t *seed)
{
	const yaml_node_t *n = load_node(ld, a.id);
	const char *s;
	char *end;
	unsigned long long v;

	if (!load_expect(ld, a, YAML_SCALAR_NODE, "a whole number from 0 to "
			 "18446744073709551615"))
		return;
	s = scalar_text(n);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (!isdigit((unsigned char)s[0]) || *end != '\0' || errno == ERANGE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    text_is_radix(s)) {
		load_problem(ld, a, "'%.60s' %s; must be a whole number from 0 "
			     "to 18446744073709551615", s, text_is_radix(s) ?
			     text_number_fault(-3) : "is not a valid seed");
		return;
	}
	*seed = (uint64_t)v;
}

/* start_date: "YYYY-MM-DD", a Monday, because time 0 is Monday 00:00. */
static void parse_start_date(struct load *ld, struct at a,
			     struct demand_date *start)
{
	static const char *const wday[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday"};
	struct demand_date d;
	const char *s;
	int wd;

	if (!load_expect(ld, a, YAML_SCALAR_NODE, "a date \"YYYY-MM-DD\" that "
			 "is a Monday"))
		return;
	s = scalar_text(load_node(ld, a.id));
	if (!date_parse(s, &d, &wd))
		load_problem(ld, a, "'%.60s' is not a date; must be a date "
			     "\"YYYY-MM-DD\" that is a Monday", s);
	else if (wd != 0)
		load_problem(ld, a, "%s is a %s; must be a Monday (scenario time "
			     "0 is Monday 00:00)", s, wday[wd]);
	else
		*start = d;
}

static const char *const run_keys[] = {
	"days", "warmup_hours", "replications", "seed", "start_date",
	"max_waiting", NULL};

static void parse_run(struct load *ld, struct at top, struct run_spec *run)
{
	char kp[KEY_PATH_MAX], cp[KEY_PATH_MAX];
	struct at a = at_key(ld, top, "run", kp), c;
	double warmup_h = 24, reps = 10;
	double max_waiting = SCENARIO_MAX_WAITING_DEFAULT;
	const struct field f[] = {
		{"days", &R_DAYS, &run->days, 0},
		{"warmup_hours", &R_HOURS, &warmup_h, 0},
		{"replications", &R_REPLICATIONS, &reps, 0},
		{"max_waiting", &R_MAX_WAITING, &max_waiting, 0},
		{NULL, NULL, NULL, 0}};
	const struct demand_date start = {2024, 4, 1};

	run->days = 28;
	run->seed = 1;
	run->start = start;
	if (a.id && load_expect(ld, a, YAML_MAPPING_NODE, "a mapping such as "
				"{days: 28, replications: 10}")) {
		check_keys(ld, a, run_keys, "key");
		read_fields(ld, a, f);
		c = at_key(ld, a, "seed", cp);
		if (c.id)
			parse_seed(ld, c, &run->seed);
		c = at_key(ld, a, "start_date", cp);
		if (c.id)
			parse_start_date(ld, c, &run->start);
	}
	run->warmup_s = warmup_h * 3600.0;
	run->replications = (unsigned)reps;
	run->max_waiting = (size_t)max_waiting;
}

static const char *const top_keys[] = {
	"name", "run", "lines", "pools", "grades", "areas", "roles", "units",
	"dispatch", NULL};

/* The scenario's name fits in size bytes; cut, it could end inside a
 * UTF-8 character, which no YAML reader (nor check's output) accepts. */
static int title_fits(struct load *ld, struct at a, size_t size)
{
	size_t len = load_node(ld, a.id)->data.scalar.length;

	if (len < size)
		return 1;
	load_problem(ld, a, "the name is %zu bytes long; must be at most %zu",
		     len, size - 1);
	return 0;
}

/* Walks the whole document into sc. Grades come before lines, whose
 * incidents name them; areas, roles and units after, since they name
 * grades and each other. */
static void load_walk(struct load *ld, struct scenario *sc)
{
	struct at top = {1, ""};
	char kp[KEY_PATH_MAX];
	struct at n = at_key(ld, top, "name", kp);
	int before;

	check_keys(ld, top, top_keys, "key");
	if (!n.id)
		load_missing(ld, top, "name", "the scenario's name");
	else if (load_expect(ld, n, YAML_SCALAR_NODE, "the scenario's name") &&
		 title_fits(ld, n, sizeof sc->name))
		snprintf(sc->name, sizeof sc->name, "%s",
			 scalar_text(load_node(ld, n.id)));
	parse_run(ld, top, &sc->run);
	before = ld->n_problems;
	parse_grades(ld, top);
	parse_lines(ld, top);
	parse_pools(ld, top);
	if (ld->n_problems == before && !ld->oom)
		check_served(ld, top);
	parse_response(ld, top);
	if (ld->n_problems == before && !ld->oom) {
		check_reach(ld, top);
		check_travel(ld, top);
	}
}

/* ------------------------------------------------------------------ */
/* Warnings: a valid scenario that would measure nothing               */

/* Adds one warning line at node a.id, "WHERE: key.path: warning: ...".
 * Warnings never make a load fail. */
static void load_warn(struct load *ld, struct at a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void load_warn(struct load *ld, struct at a, const char *fmt, ...)
{
	char where[WHERE_MAX], msg[MSG_MAX];
	va_list ap;

	if (!ld->warn)
		return;
	load_where(ld, a.id, where, sizeof where);
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
static void warn_surges(struct load *ld, struct at line, size_t l)
{
	const struct scenario *sc = ld->sc;
	const struct demand_spec *dm = &sc->lines[l].demand;
	double c0 = sc->run.warmup_s, c1 = scenario_horizon_s(sc);
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	struct at s = at_key(ld, line, "surges", kp);
	size_t i;

	for (i = 0; s.id && i < dm->n_surges; i++)
		if (!surge_counted(&dm->surges[i], c0, c1))
			load_warn(ld, at_item(ld, s, (int)i, NULL, ip), "no "
				  "occurrence of this surge falls in the counted "
				  "period (hour %.6g to hour %.6g of the run); it "
				  "changes no figure", c0 / 3600, c1 / 3600);
}

/* Warns of a line whose agreement cannot be measured: it has no calls. */
static void warn_line_goal(struct load *ld, struct at line, size_t l)
{
	const struct line_spec *ls = &ld->sc->lines[l];
	char kp[KEY_PATH_MAX], gp[KEY_PATH_MAX];
	struct at answer = at_key(ld, line, "answer", kp), goal;

	if (isnan(ls->goal) || ls->demand.mean_rate_per_s > 0 || !answer.id)
		return;
	goal = at_key(ld, answer, "goal", gp);
	if (goal.id)
		load_warn(ld, goal, "line %s has no calls (its volume is 0), so "
			  "its service level cannot be measured; "
			  "--require-slas counts this agreement as missed",
			  ls->name);
}

/* Warns of a grade whose agreement cannot be measured: no line creates
 * its incidents. */
static void warn_grade_goal(struct load *ld, struct at grade, size_t g)
{
	const struct scenario *sc = ld->sc;
	char kp[KEY_PATH_MAX], gp[KEY_PATH_MAX];
	struct at attend = at_key(ld, grade, "attend", kp), goal;
	double per_s = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		per_s += sc->lines[l].demand.mean_rate_per_s *
			 sc->lines[l].incident_p[g];
	if (isnan(sc->grades[g].goal) || isnan(sc->grades[g].target_s) ||
	    per_s > 0 || !attend.id)
		return;
	goal = at_key(ld, attend, "goal", gp);
	if (goal.id)
		load_warn(ld, goal, "no call creates incidents of grade %s, so "
			  "its attendance cannot be measured; --require-slas "
			  "counts this agreement as missed", sc->grades[g].name);
}

/* Warns when the counted period is too short to expect a single call. */
static void warn_horizon(struct load *ld, struct at top)
{
	const struct scenario *sc = ld->sc;
	char kp[KEY_PATH_MAX], dp[KEY_PATH_MAX];
	struct at run = at_key(ld, top, "run", kp), days;
	double counted = scenario_counted_s(sc), calls = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		calls += sc->lines[l].demand.mean_rate_per_s * counted;
	days = run.id && load_node(ld, run.id)->type == YAML_MAPPING_NODE ?
	       at_key(ld, run, "days", dp) : run;
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
	struct at top = {1, ""}, s, it;
	char kp[KEY_PATH_MAX], ip[KEY_PATH_MAX];
	size_t i;

	warn_horizon(ld, top);
	s = at_key(ld, top, "lines", kp);
	for (i = 0; i < ld->sc->n_lines; i++) {
		it = at_item(ld, s, (int)i, ld->sc->lines[i].name, ip);
		warn_surges(ld, it, i);
		warn_line_goal(ld, it, i);
	}
	s = at_key(ld, top, "grades", kp);
	for (i = 0; s.id && i < ld->sc->n_grades; i++)
		warn_grade_goal(ld, at_item(ld, s, (int)i,
					    ld->sc->grades[i].name, ip), i);
}

/* ------------------------------------------------------------------ */
/* Parsing text with libyaml                                           */

/* Why libyaml refused a text. */
struct yaml_fail {
	char what[400];
	int line, col;               /* 1-based */
	int oom;
	int too_deep;                /* what says so in full */
};

/* Line and column of a byte offset, for reader errors (bad UTF-8), which
 * carry an offset but no mark. */
static void offset_pos(const char *text, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && text[i]; i++) {
		*col = text[i] == '\n' ? 1 : *col + 1;
		*line += text[i] == '\n';
	}
}

static void yaml_fail_fill(const yaml_parser_t *p, const char *text,
			   struct yaml_fail *f)
{
	f->oom = p->error == YAML_MEMORY_ERROR;
	f->line = (int)p->problem_mark.line + 1;
	f->col = (int)p->problem_mark.column + 1;
	if (p->error == YAML_READER_ERROR)
		offset_pos(text, p->problem_offset, &f->line, &f->col);
	if (p->context)
		snprintf(f->what, sizeof f->what, "%s (%s that starts at "
			 "%lu:%lu)", p->problem ? p->problem : "syntax error",
			 p->context, (unsigned long)p->context_mark.line + 1,
			 (unsigned long)p->context_mark.column + 1);
	else
		snprintf(f->what, sizeof f->what, "%s",
			 p->problem ? p->problem : "syntax error");
}

/* After the first document, the text must end: a second document would
 * otherwise be ignored without a word. Returns 1 when nothing follows. */
static int yaml_check_end(yaml_parser_t *p, const char *text,
			  struct yaml_fail *f)
{
	yaml_document_t next;
	const yaml_node_t *root;

	if (!yaml_parser_load(p, &next)) {
		yaml_fail_fill(p, text, f);
		return 0;
	}
	root = yaml_document_get_root_node(&next);
	if (root) {
		f->line = (int)next.start_mark.line + 1;
		f->col = (int)next.start_mark.column + 1;
		snprintf(f->what, sizeof f->what, "a second YAML document "
			 "starts here");
	}
	yaml_document_delete(&next);
	return root == NULL;
}

/* Refuses text whose lists and mappings nest deeper than
 * SCENARIO_DEPTH_MAX, before any document is built: libyaml's scanner does
 * work proportional to the depth for every token inside a flow collection,
 * so 100,000 '[' took a minute. Reads events only up to the first one too
 * deep; a syntax error stops it too, for the load to report. Returns 1
 * when the nesting is within the limit, else 0 with f filled. */
static int yaml_check_depth(const char *text, size_t len, struct yaml_fail *f)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, end = 0;

	if (!yaml_parser_initialize(&p))
		return 1;            /* the load meets the same failure */
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!end && depth <= SCENARIO_DEPTH_MAX &&
	       yaml_parser_parse(&p, &ev)) {
		depth += ev.type == YAML_SEQUENCE_START_EVENT ||
			 ev.type == YAML_MAPPING_START_EVENT;
		depth -= ev.type == YAML_SEQUENCE_END_EVENT ||
			 ev.type == YAML_MAPPING_END_EVENT;
		end = ev.type == YAML_STREAM_END_EVENT;
		f->line = (int)ev.start_mark.line + 1;
		f->col = (int)ev.start_mark.column + 1;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (depth <= SCENARIO_DEPTH_MAX)
		return 1;
	f->too_deep = 1;
	snprintf(f->what, sizeof f->what, "lists and mappings nest more than "
		 "%d deep here; nest them at most %d deep", SCENARIO_DEPTH_MAX,
		 SCENARIO_DEPTH_MAX);
	return 0;
}

/* Parses text, which must hold at most one document. Returns 1 with *doc
 * to delete, or 0 with f filled (and nothing to delete). */
static int yaml_load_text(const char *text, size_t len, yaml_document_t *doc,
			  struct yaml_fail *f)
{
	yaml_parser_t p;
	int ok;

	memset(f, 0, sizeof *f);
	if (!yaml_check_depth(text, len, f))
		return 0;
	if (!yaml_parser_initialize(&p)) {
		f->oom = 1;
		return 0;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	ok = yaml_parser_load(&p, doc);
	if (!ok) {
		yaml_fail_fill(&p, text, f);
	} else if (yaml_document_get_root_node(doc) &&
		   !yaml_check_end(&p, text, f)) {
		yaml_document_delete(doc);
		ok = 0;
	}
	yaml_parser_delete(&p);
	return ok;
}

/* ------------------------------------------------------------------ */
/* --set overrides                                                     */

/* One --set string, its key path cut into segments. */
struct ovr {
	const char *text;            /* "key.path=value" */
	char where[WHERE_MAX];       /* "--set key.path=value" */
	char key[KEY_PATH_MAX];
	char *seg[OVR_SEGS_MAX];
	int n_seg;
	const char *value;
};

static int graft(yaml_document_t *dst, yaml_document_t *src, int id,
		 int depth);

static int graft_seq(yaml_document_t *dst, yaml_document_t *src,
		     const yaml_node_t *n, int depth)
{
	int copy = yaml_document_add_sequence(dst, NULL, YAML_FLOW_SEQUENCE_STYLE);
	const yaml_node_item_t *it;

	for (it = n->data.sequence.items.start;
	     copy && it < n->data.sequence.items.top; it++) {
		int c = graft(dst, src, *it, depth + 1);

		if (!c || !yaml_document_append_sequence_item(dst, copy, c))
			return 0;
	}
	return copy;
}

static int graft_map(yaml_document_t *dst, yaml_document_t *src,
		     const yaml_node_t *n, int depth)
{
	int copy = yaml_document_add_mapping(dst, NULL, YAML_FLOW_MAPPING_STYLE);
	const yaml_node_pair_t *p;

	for (p = n->data.mapping.pairs.start;
	     copy && p < n->data.mapping.pairs.top; p++) {
		int k = graft(dst, src, p->key, depth + 1);
		int v = k ? graft(dst, src, p->value, depth + 1) : 0;

		if (!v || !yaml_document_append_mapping_pair(dst, copy, k, v))
			return 0;
	}
	return copy;
}

/* Copies node id of src, and all below it, into dst; returns the copy's
 * id, or 0 when out of memory or nested absurdly deep (which aliases can
 * make endless). The copies have no position: they come from --set. */
static int graft(yaml_document_t *dst, yaml_document_t *src, int id, int depth)
{
	const yaml_node_t *n = yaml_document_get_node(src, id);

	if (!n || depth > GRAFT_DEPTH_MAX)
		return 0;
	if (n->type == YAML_SEQUENCE_NODE)
		return graft_seq(dst, src, n, depth);
	if (n->type == YAML_MAPPING_NODE)
		return graft_map(dst, src, n, depth);
	return yaml_document_add_scalar(dst, NULL, n->data.scalar.value,
					(int)n->data.scalar.length,
					n->data.scalar.style);
}

/* Cuts "a.b.c=value" into segments and the value text. */
static int ovr_split(struct load *ld, const char *text, struct ovr *o)
{
	const char *eq = strchr(text, '=');
	size_t klen = eq ? (size_t)(eq - text) : 0;
	char *save = NULL, *s;

	memset(o, 0, sizeof *o);
	o->text = text;
	snprintf(o->where, sizeof o->where, "--set %s", text);
	if (!eq || klen == 0 || klen >= sizeof o->key) {
		load_report(ld, o->where, NULL, "expected key.path=value, such "
			    "as run.replications=20");
		return 0;
	}
	memcpy(o->key, text, klen);
	for (s = strtok_r(o->key, ".", &save); s && o->n_seg < OVR_SEGS_MAX;
	     s = strtok_r(NULL, ".", &save))
		o->seg[o->n_seg++] = s;
	o->value = eq + 1;
	if (o->n_seg == 0 || s) {
		load_report(ld, o->where, NULL, "'%.*s' is not a key path; must "
			    "be keys joined by '.'", (int)klen, text);
		return 0;
	}
	return 1;
}

/* Index of the item of sequence seq selected by seg: the mapping whose
 * name is seg first, then the item at 0-based index seg; -1 if none. */
static int seq_select(struct load *ld, int seq, const char *seg)
{
	const yaml_node_t *s = load_node(ld, seq);
	char *end;
	long idx;
	int i;

	for (i = 0; i < seq_len(s); i++) {
		int it = s->data.sequence.items.start[i];
		int name = load_node(ld, it)->type == YAML_MAPPING_NODE ?
			   map_get(ld, it, "name") : 0;

		if (name && load_node(ld, name)->type == YAML_SCALAR_NODE &&
		    strcmp(scalar_text(load_node(ld, name)), seg) == 0)
			return i;
	}
	idx = strtol(seg, &end, 10);
	if (!isdigit((unsigned char)seg[0]) || *end != '\0' || idx >= seq_len(s))
		return -1;
	return (int)idx;
}

/* "no pool named 'emergncy'; pools are: emergency, non-emergency" — the
 * noun is the key of the list (segment k - 1), singular. */
static void ovr_no_item(struct load *ld, const struct ovr *o, int k, int seq)
{
	const char *list_key = k > 0 ? o->seg[k - 1] : "item";
	size_t len = strlen(list_key), used = 0;
	const yaml_node_t *s = load_node(ld, seq);
	char names[LIST_MAX];
	int i, plural = len > 1 && list_key[len - 1] == 's';

	names[0] = '\0';
	for (i = 0; i < seq_len(s) && used + 1 < sizeof names; i++) {
		int it = s->data.sequence.items.start[i];
		int nm = load_node(ld, it)->type == YAML_MAPPING_NODE ?
			 map_get(ld, it, "name") : 0;

		if (nm && load_node(ld, nm)->type == YAML_SCALAR_NODE)
			used += (size_t)snprintf(names + used, sizeof names - used,
					"%s%s", used ? ", " : "",
					scalar_text(load_node(ld, nm)));
	}
	if (!used)
		snprintf(names, sizeof names, "numbered 0 to %d", seq_len(s) - 1);
	load_report(ld, o->where, NULL, "no %.*s named '%s'; %s are: %s",
		    (int)(plural ? len - 1 : len), list_key, o->seg[k],
		    plural ? list_key : "items", names);
}

/* Adds key: value to mapping map; returns 1, or 0 when out of memory. */
static int ovr_add_pair(struct load *ld, int map, const char *key, int value)
{
	int k = yaml_document_add_scalar(&ld->doc, NULL,
					 (const yaml_char_t *)key,
					 (int)strlen(key),
					 YAML_PLAIN_SCALAR_STYLE);

	return k && yaml_document_append_mapping_pair(&ld->doc, map, k, value);
}

/* How often node n refers to node id, as a key, a value or an item. */
static int node_refs_in(const yaml_node_t *n, int id)
{
	const yaml_node_pair_t *p;
	const yaml_node_item_t *it;
	int refs = 0;

	if (n->type == YAML_MAPPING_NODE)
		for (p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++)
			refs += (p->key == id) + (p->value == id);
	if (n->type == YAML_SEQUENCE_NODE)
		for (it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			refs += *it == id;
	return refs;
}

/* True when node id is referred to from more than one place: an anchor
 * and its aliases are one node in libyaml's document. */
static int node_shared(struct load *ld, int id)
{
	const yaml_node_t *n;
	int refs = 0;

	for (n = ld->doc.nodes.start; n < ld->doc.nodes.top && refs < 2; n++)
		refs += node_refs_in(n, id);
	return refs > 1;
}

/* A new mapping or list holding the same entries as node id, at id's
 * position in the file; 0 when out of memory. The entries stay shared:
 * only what the copy holds can then change without changing id. */
static int node_copy(struct load *ld, int id)
{
	const yaml_node_t *src = load_node(ld, id);
	int seq = src->type == YAML_SEQUENCE_NODE, copy, i;
	int n = seq ? seq_len(src) : (int)(src->data.mapping.pairs.top -
					   src->data.mapping.pairs.start);

	/* Adding a node may move every node: src is fetched again below. */
	copy = seq ? yaml_document_add_sequence(&ld->doc, NULL,
						YAML_FLOW_SEQUENCE_STYLE)
		   : yaml_document_add_mapping(&ld->doc, NULL,
					       YAML_FLOW_MAPPING_STYLE);
	if (!copy)
		return 0;
	for (i = 0; i < n; i++) {
		src = load_node(ld, id);
		int ok = seq ? yaml_document_append_sequence_item(&ld->doc, copy,
				src->data.sequence.items.start[i])
			     : yaml_document_append_mapping_pair(&ld->doc, copy,
				src->data.mapping.pairs.start[i].key,
				src->data.mapping.pairs.start[i].value);

		if (!ok)
			return 0;
	}
	load_node(ld, copy)->start_mark = load_node(ld, id)->start_mark;
	load_node(ld, copy)->end_mark = load_node(ld, id)->end_mark;
	return copy;
}

/* Where parent (a mapping or a list) holds its entry number slot. The
 * pointer lasts until the parent itself grows. */
static int *node_slot(struct load *ld, int parent, int slot)
{
	yaml_node_t *n = load_node(ld, parent);

	if (n->type == YAML_MAPPING_NODE)
		return &n->data.mapping.pairs.start[slot].value;
	return &n->data.sequence.items.start[slot];
}

/* The child in entry slot of parent, made the parent's own first when the
 * file shares it through an anchor: an override names one path, and
 * changing the shared node in place would change every alias of it too.
 * The copy counts as the file's for positions. Returns the child, or 0
 * when out of memory. */
static int ovr_unshare(struct load *ld, int parent, int slot)
{
	int child = *node_slot(ld, parent, slot), copy, *grown;

	if (load_node(ld, child)->type == YAML_SCALAR_NODE ||
	    !node_shared(ld, child))
		return child;
	if (ld->n_copies == ld->cap_copies) {
		size_t cap = ld->cap_copies ? 2 * ld->cap_copies : 16;

		grown = mem_realloc(ld->copies, cap * sizeof *grown);
		if (grown) {
			ld->copies = grown;
			ld->cap_copies = cap;
		}
	}
	copy = ld->n_copies < ld->cap_copies ? node_copy(ld, child) : 0;
	if (!copy) {
		ld->oom = 1;
		return 0;
	}
	ld->copies[ld->n_copies++] = copy;
	*node_slot(ld, parent, slot) = copy;
	return copy;
}

/* Index of the first pair of mapping map whose key is key, or -1. */
static int ovr_pair_index(struct load *ld, int map, const char *key)
{
	const yaml_node_t *m = load_node(ld, map);
	int i, n = (int)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);

	for (i = 0; i < n; i++) {
		const yaml_node_t *k = load_node(ld,
						 m->data.mapping.pairs.start[i].key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp(scalar_text(k), key) == 0)
			return i;
	}
	return -1;
}

/* One step down the path: the child seg[k] of node cur, created (as an
 * empty mapping) when a mapping lacks it, so --set may add a key the file
 * leaves out; the walk then judges whether that key is allowed there.
 * Returns the child, or 0 after reporting why there is none. */
static int ovr_step(struct load *ld, const struct ovr *o, int k, int cur)
{
	const yaml_node_t *n = load_node(ld, cur);
	int v;

	if (n->type == YAML_MAPPING_NODE) {
		v = ovr_pair_index(ld, cur, o->seg[k]);
		if (v >= 0)
			return ovr_unshare(ld, cur, v);
		v = yaml_document_add_mapping(&ld->doc, NULL,
					      YAML_FLOW_MAPPING_STYLE);
		if (!v || !ovr_add_pair(ld, cur, o->seg[k], v))
			ld->oom = 1;
		return ld->oom ? 0 : v;
	}
	if (n->type == YAML_SEQUENCE_NODE) {
		v = seq_select(ld, cur, o->seg[k]);
		if (v >= 0)
			return ovr_unshare(ld, cur, v);
		ovr_no_item(ld, o, k, cur);
		return 0;
	}
	load_report(ld, o->where, NULL, "'%.*s' is a single value; it has no "
		    "key '%s'", (int)(o->seg[k] - o->key - 1), o->text, o->seg[k]);
	return 0;
}

/* Puts value at the last segment under parent: replaces what is there or
 * adds the key. */
static void ovr_put(struct load *ld, const struct ovr *o, int parent, int value)
{
	const char *last = o->seg[o->n_seg - 1];
	yaml_node_t *n = load_node(ld, parent);
	yaml_node_pair_t *p;
	int i;

	if (n->type == YAML_SEQUENCE_NODE) {
		i = seq_select(ld, parent, last);
		if (i >= 0)
			n->data.sequence.items.start[i] = value;
		else
			ovr_no_item(ld, o, o->n_seg - 1, parent);
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
		if (load_node(ld, p->key)->type == YAML_SCALAR_NODE &&
		    strcmp(scalar_text(load_node(ld, p->key)), last) == 0) {
			p->value = value;
			return;
		}
	if (!ovr_add_pair(ld, parent, last, value))
		ld->oom = 1;
}

/* Parses the value of o as YAML and grafts it into the document. */
static void ovr_graft_value(struct load *ld, const struct ovr *o, int parent)
{
	yaml_document_t vdoc;
	struct yaml_fail f;
	int v;

	if (!yaml_load_text(o->value, strlen(o->value), &vdoc, &f)) {
		ld->oom |= f.oom;
		load_report(ld, o->where, NULL, "the value is not valid YAML (%s);"
			    " quote text, and close brackets", f.what);
		return;
	}
	if (!yaml_document_get_root_node(&vdoc))
		load_report(ld, o->where, NULL, "no value after '='; give a "
			    "YAML value, such as 20 or {dist: exponential, "
			    "mean: 300}");
	else if (!(v = graft(&ld->doc, &vdoc, 1, 0)))
		load_report(ld, o->where, NULL, "the value is nested too deeply "
			    "or memory ran out");
	else
		ovr_put(ld, o, parent, v);
	yaml_document_delete(&vdoc);
}

/* Applies override i to the document. */
static void ovr_apply(struct load *ld, size_t i)
{
	struct ovr *o = mem_malloc(sizeof *o);
	int cur = 1, k;

	if (!o) {
		ld->oom = 1;
		return;
	}
	if (ovr_split(ld, ld->ovr[i], o)) {
		for (k = 0; cur && k + 1 < o->n_seg; k++)
			cur = ovr_step(ld, o, k, cur);
		if (cur && load_node(ld, cur)->type == YAML_SCALAR_NODE)
			cur = ovr_step(ld, o, k, cur);
		if (cur)
			ovr_graft_value(ld, o, cur);
	}
	free(o);
}

/* Applies every override in order, noting which node ids each grafted. */
static void ovr_apply_all(struct load *ld)
{
	size_t i;

	if (!ld->n_ovr)
		return;
	ld->ovr_end = mem_calloc(ld->n_ovr, sizeof *ld->ovr_end);
	if (!ld->ovr_end) {
		ld->oom = 1;
		return;
	}
	for (i = 0; i < ld->n_ovr; i++) {
		ovr_apply(ld, i);
		ld->ovr_end[i] = (int)(ld->doc.nodes.top - ld->doc.nodes.start);
	}
}

/* ------------------------------------------------------------------ */
/* The entry point                                                     */

/* Reads the scenario text (from the file unless text is given), of at
 * most SCENARIO_FILE_MAX bytes. */
static enum sim_status load_read(struct load *ld,
				 const struct scenario_source *src,
				 char **owned, const char **text, size_t *len)
{
	char why[128];
	int e = 0;

	*owned = NULL;
	if (src->text && src->text_len > SCENARIO_FILE_MAX)
		e = EFBIG;
	else if (!src->text)
		e = read_file(src->path, SCENARIO_FILE_MAX, owned, len);
	if (e == ENOMEM) {
		sim_err_add(ld->err, SIM_ENOMEM, "%s: out of memory while "
			    "reading the scenario", ld->file);
		return SIM_ENOMEM;
	}
	if (e) {
		sim_err_add(ld->err, SIM_EIO,
			    "%s: cannot read the scenario (%s); give the path "
			    "of a YAML scenario file", ld->file,
			    read_fail_text(e, SCENARIO_FILE_MAX, "a scenario",
					   why, sizeof why));
		return SIM_EIO;
	}
	*text = src->text ? src->text : *owned;
	if (src->text)
		*len = src->text_len;
	return SIM_OK;
}

/* Parses the text; reports a syntax error, an empty file or a top level
 * that is not a mapping. Returns 1 when there is a mapping to walk. */
static int load_parse(struct load *ld, const char *text, size_t len)
{
	struct yaml_fail f;
	char where[WHERE_MAX];
	char buf[96];
	const yaml_node_t *root;

	if (!yaml_load_text(text, len, &ld->doc, &f)) {
		ld->oom |= f.oom;
		snprintf(where, sizeof where, "%s:%d:%d", ld->file, f.line,
			 f.col);
		load_report(ld, where, NULL, "%s%s", f.what, f.too_deep ? "" :
			    "; a scenario is one valid YAML document");
		return 0;
	}
	ld->has_doc = 1;
	ld->n_file_nodes = (int)(ld->doc.nodes.top - ld->doc.nodes.start);
	root = yaml_document_get_root_node(&ld->doc);
	snprintf(where, sizeof where, "%s:%lu:%lu", ld->file,
		 root ? (unsigned long)root->start_mark.line + 1 : 1ul,
		 root ? (unsigned long)root->start_mark.column + 1 : 1ul);
	if (!root)
		load_report(ld, where, "(top level)", "the file is empty; a "
			    "scenario is a mapping with keys name, run, "
			    "lines, pools");
	else if (root->type != YAML_MAPPING_NODE)
		load_report(ld, where, "(top level)", "got %s; must be a "
			    "mapping with keys name, run, lines, pools",
			    node_describe(root, buf, sizeof buf));
	return root && root->type == YAML_MAPPING_NODE;
}

/* The directory of path, where relative CSV paths start ("" = cwd). */
static void load_dir(struct load *ld, const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	size_t n = slash ? (size_t)(slash - path) : 0;

	if (slash && n == 0)
		n = 1;               /* a file in "/" */
	if (n >= sizeof ld->dir)
		n = sizeof ld->dir - 1;
	memcpy(ld->dir, path ? path : "", n);
	ld->dir[n] = '\0';
}

/* Walks the parsed document into a new scenario; NULL on any problem. */
static struct scenario *load_build(struct load *ld,
				   const struct scenario_source *src)
{
	struct scenario *sc = load_calloc(ld, 1, sizeof *sc);

	if (!sc)
		return NULL;
	ld->sc = sc;
	if (!src->text && src->path)
		snprintf(sc->path, sizeof sc->path, "%s", src->path);
	load_walk(ld, sc);
	sc->content_fnv1a = ld->content_fnv1a;
	if (ld->n_problems || ld->oom) {
		scenario_free(sc);
		return NULL;
	}
	load_warn_all(ld);
	return sc;
}

enum sim_status scenario_load(const struct scenario_source *src,
			      struct scenario **out, struct sim_err *err)
{
	struct load ld;
	const char *text;
	char *owned;
	size_t len;
	enum sim_status st;

	assert(src && out && err && (src->path || src->text));
	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.file = src->path ? src->path : "<text>";
	ld.ovr = src->overrides;
	ld.n_ovr = src->n_overrides;
	ld.err = err;
	ld.warn = src->warnings;
	load_dir(&ld, src->path);
	st = load_read(&ld, src, &owned, &text, &len);
	if (st != SIM_OK)
		return st;
	ld.content_fnv1a = scenario_fnv1a(SCENARIO_FNV1A_INIT, text, len);
	if (load_parse(&ld, text, len)) {
		ovr_apply_all(&ld);
		*out = load_build(&ld, src);
	}
	if (ld.oom)
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while loading "
			    "the scenario", ld.file);
	if (ld.has_doc)
		yaml_document_delete(&ld.doc);
	free(ld.ovr_end);
	free(ld.copies);
	free(owned);
	return *out ? SIM_OK : ld.oom ? SIM_ENOMEM : SIM_ESCENARIO;
}
