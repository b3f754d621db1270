/* scenario_load.c: reads a scenario from YAML into the spec structs of
 * demand.h, dist.h, roster.h and response_spec.h, validating every value
 * on the way: the walk from the top, run settings, names, lists of
 * records, warnings, and the entry points (the records themselves are
 * read by the parts scenario_load.h lists).
 *
 * The text is parsed once into a libyaml document: a tree of numbered nodes
 * that remember their line and column. --set overrides are parsed as YAML
 * too and grafted into that tree, so a value from the command line meets
 * exactly the checks a value from the file meets (its key path is
 * first resolved through the schema, scenario_edit.c). Grafted nodes get ids
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
#include <yaml.h>

#include "models/csv_read.h"
#include "models/file_read.h"
#include "models/scenario_edit.h"
#include "models/scenario_load.h"
#include "models/week.h"
#include "sim/mem.h"

#define MSG_MAX 1024

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

/* Reads the number of row k, when mapping m has it, into rec; reports
 * a required one that is absent. */
void scenario_load_number(struct scenario_load *ld, struct yaml_doc_at m,
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
void scenario_load_numbers(struct scenario_load *ld, struct yaml_doc_at m,
			   const struct scenario_key *t, void *rec)
{
	for (; t->key; t++)
		if (t->kind == SCENARIO_NUMBER)
			scenario_load_number(ld, m, t, rec);
}

/* Reports the keys of mapping m that table t does not have. */
void scenario_load_keys(struct scenario_load *ld, struct yaml_doc_at m,
			const struct scenario_key *t)
{
	const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1];

	scenario_schema_names(t, names);
	yaml_doc_check_keys(&ld->yd, m, names, scenario_schema_noun(t));
}

/* A flag: true or false, unquoted. YAML 1.1's yes/no/on/off are refused:
 * a planner who writes "no" should learn that it is not read as a word. */
void scenario_load_flag(struct scenario_load *ld, struct yaml_doc_at m,
			const struct scenario_key *t, const char *key,
			void *rec)
{
	static const char *const words[] = {"false", "true", NULL};
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, key, kp);
	const yaml_node_t *n;
	int i = -1;

	if (!a.id)
		return;
	n = yaml_doc_node(&ld->yd, a.id);
	if (yaml_doc_is_string(n) &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		i = yaml_doc_word_index(yaml_doc_text(n), words);
	if (i < 0)
		yaml_doc_wrong(&ld->yd, a, "true or false");
	else
		scenario_schema_store(scenario_schema_find(t, key), rec, i);
}

struct yaml_doc_at scenario_load_map(struct scenario_load *ld,
				     struct yaml_doc_at m,
				     const struct scenario_key *t,
				     const char *key, const char *give,
				     void *rec, char path[YAML_DOC_PATH_MAX])
{
	const struct scenario_key *sub = scenario_schema_find(t, key)->sub;
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, key, path);

	if (!a.id || !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, give)) {
		a.id = 0;
		return a;
	}
	scenario_load_keys(ld, a, sub);
	scenario_load_numbers(ld, a, sub, rec);
	return a;
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
static int parse_name(struct scenario_load *ld, struct yaml_doc_at m, char *dst,
		      size_t size)
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
		yaml_doc_problem(&ld->yd, c,
				 "the name holds a control character (a line "
				 "break or tab); must be at most %zu characters, "
				 "without '.', '=' or control characters", size - 1);
		return 0;
	}
	if (strlen(s) >= size || strpbrk(s, ".=")) {
		yaml_doc_problem(&ld->yd, c,
				 "'%.60s' is not a usable name; must be at "
				 "most %zu characters, without '.', '=' or control "
				 "characters", s, size - 1);
		return 0;
	}
	memcpy(dst, s, strlen(s) + 1);
	return c.id;
}

/* "HH:MM" (one- or two-digit hours, minutes 00..59) to seconds, or -1. */
double scenario_load_clock_s(const char *s)
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
const char *scenario_load_clock_text(double s, char buf[16])
{
	/* Callers pass at most 72 h; the modulo only bounds the text. */
	unsigned min = (unsigned)lround(s / 60.0) % 10000u;

	snprintf(buf, 16, "%02u:%02u", min / 60, min % 60);
	return buf;
}

const char *const scenario_load_days[] = {WEEK_DAY_KEYS, NULL};

/* A date "YYYY-MM-DD" that exists in the calendar; *wday is 0 = Monday.
 * Worked out by arithmetic, not with mktime: mktime reads the time zone,
 * which is shared by every thread, and scenarios are built on several
 * threads at once (scenario_doc_build). */
static int date_parse(const char *s, struct demand_date *d, int *wday)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				      30, 31};
	static const int shift[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int n = 0, y, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%n", &d->year, &d->month, &d->mday,
		   &n) != 3 ||
	    n != 10 || d->year < 1900 || d->month < 1 || d->month > 12)
		return 0;
	leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;
	if (d->mday < 1 || d->mday > mdays[d->month - 1] + (d->month == 2 &&
							   leap))
		return 0;
	/* Sakamoto's method: 0 is Sunday. */
	y = d->year - (d->month < 3);
	*wday = (y + y / 4 - y / 100 + y / 400 + shift[d->month - 1] +
		 d->mday + 6) % 7;
	return 1;
}

/* ------------------------------------------------------------------ */
/* CSV files (profiles and empirical samples)                          */

/* Opens the CSV named by the scalar at a (relative to the scenario's
 * directory), of at most max bytes (what names the kind, for the message);
 * reports, at a, a file that cannot be read. */
int scenario_load_csv(struct scenario_load *ld, struct yaml_doc_at a,
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
	e = scenario_doc_csv(ld->doc, c->path, max, &c->text, &len);
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
	c->next = c->text;
	return 1;
}

/* The grades' names, NULL-terminated: the keys of `incidents` and the
 * words of a role's `attends`. Grades are read before lines for this. */
void scenario_load_grade_names(const struct scenario *sc,
			       const char *names[RESPONSE_GRADES_MAX + 1])
{
	size_t g;

	for (g = 0; g < sc->n_grades; g++)
		names[g] = sc->grades[g].name;
	names[g] = NULL;
}

/* Allocates `n` zeroed items; records an allocation failure. */
void *scenario_load_calloc(struct scenario_load *ld, size_t n, size_t size)
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

long scenario_load_ref(struct scenario_load *ld, struct yaml_doc_at a,
		       const struct scenario_load_ref *r)
{
	char list[SCENARIO_LOAD_LIST_MAX], what[64];
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

size_t *scenario_load_refs(struct scenario_load *ld, struct yaml_doc_at s,
			   int n, const struct scenario_load_ref *r, long self,
			   size_t *n_out)
{
	char ip[YAML_DOC_PATH_MAX];
	size_t *idx = n ? scenario_load_calloc(ld, (size_t)n, sizeof *idx) :
		      NULL;
	struct yaml_doc_at it;
	const char *name;
	long k;
	int i;

	for (i = 0; i < n && idx; i++) {
		it = yaml_doc_item(&ld->yd, s, i, NULL, ip);
		k = scenario_load_ref(ld, it, r);
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

/* Names already read in one list, for the duplicate check. */
struct seen {
	const char *noun;            /* "line", "pool", "shift" */
	const char **name;           /* NULL where an item had no valid name */
	int *line;                   /* where each name stood */
	int n;
};

static int seen_init(struct scenario_load *ld, struct seen *s, const char *noun,
		     int n)
{
	s->noun = noun;
	s->n = 0;
	s->name = scenario_load_calloc(ld, (size_t)n, sizeof *s->name);
	s->line = scenario_load_calloc(ld, (size_t)n, sizeof *s->line);
	return s->name && s->line;
}

static void seen_free(struct seen *s)
{
	free(s->name);
	free(s->line);
}

/* Records the name at a (NULL when the item had none), first reporting
 * an earlier item with the same name. */
static void seen_add(struct scenario_load *ld, struct seen *s,
		     struct yaml_doc_at a,
		     const char *name)
{
	int j;

	for (j = 0; name && j < s->n; j++)
		if (s->name[j] && strcmp(s->name[j], name) == 0) {
			yaml_doc_problem(&ld->yd, a,
					 "duplicate %s name '%s' (also at "
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
static int open_item(struct scenario_load *ld, struct yaml_doc_at s, int i,
		     struct seen *seen,
		     char *dst, char buf[YAML_DOC_PATH_MAX], struct yaml_doc_at *m)
{
	int name_id;

	*m = yaml_doc_item(&ld->yd, s, i, NULL, buf);
	if (!yaml_doc_expect(&ld->yd, *m, YAML_MAPPING_NODE,
			     "a mapping with a name"))
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
int scenario_load_list_len(struct scenario_load *ld, struct yaml_doc_at a)
{
	int n = yaml_doc_seq_len(yaml_doc_node(&ld->yd, a.id));

	if (n <= SCENARIO_LIST_MAX)
		return n;
	yaml_doc_problem(&ld->yd, a, "has %d items; a list may have at most %d",
			 n,
			 SCENARIO_LIST_MAX);
	return 0;
}

/* A required, non-empty list; returns its length (0 after a problem). */
int scenario_load_required_list(struct scenario_load *ld, struct yaml_doc_at m,
				struct yaml_doc_at a,
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
	return scenario_load_list_len(ld, a);
}

/* Reads item i of list s into rec, unless it is no mapping (named). */
static void list_item(struct scenario_load *ld,
		      const struct scenario_load_kind *k,
		      struct yaml_doc_at s, int i, struct seen *seen, char *rec)
{
	char ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at m = yaml_doc_item(&ld->yd, s, i, NULL, ip);

	k->init(ld, m, rec);
	if (k->item_give) {
		if (yaml_doc_expect(&ld->yd, m, YAML_MAPPING_NODE,
				    k->item_give))
			k->read(ld, m, rec);
	} else if (open_item(ld, s, i, seen, rec, ip, &m)) {
		k->read(ld, m, rec);
	}
}

/* The list k under mapping parent, required and not empty: a new array
 * of records (owned by the caller, also when NULL is not returned but
 * *n stays 0 after a failed allocation), its length in *n. */
void *scenario_load_list(struct scenario_load *ld, struct yaml_doc_at parent,
			 const struct scenario_load_kind *k, size_t *n_out)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, parent, k->key, kp);
	int n = scenario_load_required_list(ld, parent, s, k->give), i;
	struct seen seen = {k->noun, NULL, NULL, 0};
	char *recs;

	if (k->max && n > k->max) {
		yaml_doc_problem(&ld->yd, s, "has %d %ss; must have at most %d",
				 n, k->noun, k->max);
		return NULL;
	}
	if (n == 0)
		return NULL;
	recs = scenario_load_calloc(ld, (size_t)n, k->size);
	if ((k->item_give || seen_init(ld, &seen, k->noun, n)) && recs) {
		*n_out = (size_t)n;
		for (i = 0; i < n; i++)
			list_item(ld, k, s, i, &seen,
				  recs + (size_t)i * k->size);
	}
	seen_free(&seen);
	return recs;
}

/* ------------------------------------------------------------------ */
/* Run settings and the top level                                      */

/* seed: a whole number that fits 64 bits. */
static void parse_seed(struct scenario_load *ld, struct yaml_doc_at a,
		       uint64_t *seed)
{
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	const char *s;
	char *end;
	unsigned long long v;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE,
			     "a whole number from 0 to "
			     "18446744073709551615"))
		return;
	s = yaml_doc_text(n);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (!isdigit((unsigned char)s[0]) || *end != '\0' || errno == ERANGE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    yaml_doc_is_radix(s)) {
		yaml_doc_problem(&ld->yd, a,
				 "'%.60s' %s; must be a whole number from 0 "
				 "to 18446744073709551615", s, yaml_doc_is_radix(s) ?
				 yaml_doc_number_fault(-3) : "is not a valid seed");
		return;
	}
	*seed = (uint64_t)v;
}

/* start_date: "YYYY-MM-DD", a Monday, because time 0 is Monday 00:00. */
static void parse_start_date(struct scenario_load *ld, struct yaml_doc_at a,
			     struct demand_date *start)
{
	static const char *const wday[] = {WEEK_DAY_NAMES};
	struct demand_date d;
	const char *s;
	int wd;

	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE,
			     "a date \"YYYY-MM-DD\" that "
			     "is a Monday"))
		return;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	if (!date_parse(s, &d, &wd))
		yaml_doc_problem(&ld->yd, a,
				 "'%.60s' is not a date; must be a date "
				 "\"YYYY-MM-DD\" that is a Monday", s);
	else if (wd != 0)
		yaml_doc_problem(&ld->yd, a,
				 "%s is a %s; must be a Monday (scenario time "
				 "0 is Monday 00:00)", s, wday[wd]);
	else
		*start = d;
}

static void parse_run(struct scenario_load *ld, struct yaml_doc_at top,
		      struct run_spec *run)
{
	char kp[YAML_DOC_PATH_MAX], cp[YAML_DOC_PATH_MAX];
	const struct demand_date start = {2024, 4, 1};
	struct yaml_doc_at a, c;

	scenario_schema_defaults(scenario_schema_run, run);
	run->seed = 1;
	run->start = start;
	a = scenario_load_map(ld, top, scenario_schema_top, "run", "a mapping "
			      "such as {days: 28, replications: 10}", run, kp);
	if (!a.id)
		return;
	c = yaml_doc_key(&ld->yd, a, "seed", cp);
	if (c.id)
		parse_seed(ld, c, &run->seed);
	c = yaml_doc_key(&ld->yd, a, "start_date", cp);
	if (c.id)
		parse_start_date(ld, c, &run->start);
}

/* The scenario's name fits in size bytes; cut, it could end inside a
 * UTF-8 character, which no YAML reader (nor check's output) accepts. */
static int title_fits(struct scenario_load *ld, struct yaml_doc_at a,
		      size_t size)
{
	size_t len = yaml_doc_node(&ld->yd, a.id)->data.scalar.length;

	if (len < size)
		return 1;
	yaml_doc_problem(&ld->yd, a,
			 "the name is %zu bytes long; must be at most %zu",
			 len, size - 1);
	return 0;
}

/* Walks the whole document into sc. Grades come before lines, whose
 * incidents name them; areas, roles and units after, since they name
 * grades and each other. */
static void load_walk(struct scenario_load *ld, struct scenario *sc)
{
	struct yaml_doc_at top = {1, ""};
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at n = yaml_doc_key(&ld->yd, top, "name", kp);
	int before;

	scenario_load_keys(ld, top, scenario_schema_top);
	if (!n.id)
		yaml_doc_missing(&ld->yd, top, "name", "the scenario's name");
	else if (yaml_doc_expect(&ld->yd, n, YAML_SCALAR_NODE,
				 "the scenario's name") &&
		 title_fits(ld, n, sizeof sc->name))
		snprintf(sc->name, sizeof sc->name, "%s",
			 yaml_doc_text(yaml_doc_node(&ld->yd, n.id)));
	parse_run(ld, top, &sc->run);
	before = ld->yd.n_problems;
	scenario_incidents_grades(ld, top);
	sc->lines = scenario_load_list(ld, top, &scenario_calls_lines,
				       &sc->n_lines);
	sc->pools = scenario_load_list(ld, top, &scenario_pools_list,
				       &sc->n_pools);
	if (ld->yd.n_problems == before && !ld->yd.oom)
		scenario_pools_check_served(ld, top);
	scenario_incidents_read(ld, top);
	if (ld->yd.n_problems == before && !ld->yd.oom) {
		scenario_incidents_check_reach(ld, top);
		scenario_incidents_check_travel(ld, top);
	}
}

/* ------------------------------------------------------------------ */
/* Warnings: a valid scenario that would measure nothing               */

/* Adds one warning line at node a.id, "WHERE: key.path: warning: ...".
 * Warnings never make a load fail. */
static void load_warn(struct scenario_load *ld, struct yaml_doc_at a,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void load_warn(struct scenario_load *ld, struct yaml_doc_at a,
		      const char *fmt, ...)
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
		k = fmax(0,
			 floor((c0 - sg->start_s - sg->duration_s) / week) + 1);
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
static void warn_surges(struct scenario_load *ld, struct yaml_doc_at line,
			size_t l)
{
	const struct scenario *sc = ld->sc;
	const struct demand_spec *dm = &sc->lines[l].demand;
	double c0 = sc->run.warmup_s, c1 = scenario_horizon_s(sc);
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, line, "surges", kp);
	size_t i;

	for (i = 0; s.id && i < dm->n_surges; i++)
		if (!surge_counted(&dm->surges[i], c0, c1))
			load_warn(ld,
				  yaml_doc_item(&ld->yd, s, (int)i, NULL,
						ip), "no "
				  "occurrence of this surge falls in the counted "
				  "period (hour %.6g to hour %.6g of the run); it "
				  "changes no figure", c0 / 3600, c1 / 3600);
}

/* Warns of a line whose agreement cannot be measured: it has no calls. */
static void warn_line_goal(struct scenario_load *ld, struct yaml_doc_at line,
			   size_t l)
{
	const struct line_spec *ls = &ld->sc->lines[l];
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at answer = yaml_doc_key(&ld->yd, line, "answer",
						 kp), goal;

	if (isnan(ls->goal) || ls->demand.mean_rate_per_s > 0 || !answer.id)
		return;
	goal = yaml_doc_key(&ld->yd, answer, "goal", gp);
	if (goal.id)
		load_warn(ld, goal,
			  "line %s has no calls (its volume is 0), so "
			  "its service level cannot be measured; "
			  "--require-slas counts this agreement as missed",
			  ls->name);
}

/* Warns of a grade whose agreement cannot be measured: no line creates
 * its incidents. */
static void warn_grade_goal(struct scenario_load *ld, struct yaml_doc_at grade,
			    size_t g)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at attend = yaml_doc_key(&ld->yd, grade, "attend",
						 kp), goal;
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
static void warn_horizon(struct scenario_load *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], dp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at run = yaml_doc_key(&ld->yd, top, "run", kp), days;
	double counted = scenario_counted_s(sc), calls = 0;
	size_t l;

	for (l = 0; l < sc->n_lines; l++)
		calls += sc->lines[l].demand.mean_rate_per_s * counted;
	days = run.id && yaml_doc_node(&ld->yd,
				       run.id)->type == YAML_MAPPING_NODE ?
	       yaml_doc_key(&ld->yd, run, "days", dp) : run;
	if (calls < 1 && calls > 0 && days.id)
		load_warn(ld, days, "the counted period is %.3g s, in which "
			  "%.3g calls are expected; nothing may be measured, "
			  "and --require-slas counts an agreement measured in "
			  "fewer than two replications as missed", counted,
			  calls);
}

/* Warns of what a valid scenario would fail to measure. */
static void load_warn_all(struct scenario_load *ld)
{
	struct yaml_doc_at top = {1, ""}, s, it;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	size_t i;

	warn_horizon(ld, top);
	s = yaml_doc_key(&ld->yd, top, "lines", kp);
	for (i = 0; i < ld->sc->n_lines; i++) {
		it = yaml_doc_item(&ld->yd, s, (int)i, ld->sc->lines[i].name,
				   ip);
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
static struct scenario *load_build(struct scenario_load *ld)
{
	struct scenario *sc = scenario_load_calloc(ld, 1, sizeof *sc);

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
static int load_edit(struct scenario_load *ld,
		     const struct scenario_edit *edits,
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
	struct scenario_load ld;
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

