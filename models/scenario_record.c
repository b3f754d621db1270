/* scenario_record.c: one walker reads every record of a scenario through
 * its schema table (scenario_record.h): a reader a kind of value, each
 * taking its range, its allowed words and its messages from the row. */
#include "models/scenario_record.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>
#include <string.h>

#include "models/scenario_dist.h"
#include "models/scenario_travel.h"
#include "models/week.h"

/* Where row k's value is kept in rec. */
static void *row_at(const struct scenario_key *k, void *rec)
{
	return (char *)rec + k->offset;
}

/* The value of row k under m, after reporting it missing when it is
 * required, or needed by the value its row names in rec; an id of 0
 * when absent. */
static struct yaml_doc_at row_value(struct scenario_read *ld,
				    struct yaml_doc_at m,
				    const struct scenario_key *k, const void *rec,
				    char path[YAML_DOC_PATH_MAX])
{
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, path);

	if (!a.id && (k->required || (k->needed &&
	    scenario_schema_holds(k->needed_if, k->needed, rec))))
		yaml_doc_missing(&ld->yd, m, k->key, k->kind == SCENARIO_NUMBER ?
				 k->rule->allowed : k->give);
	return a;
}

/* The scalar text at a, or NULL after reporting another shape. */
static const char *row_text(struct scenario_read *ld, struct yaml_doc_at a,
			    const char *allowed)
{
	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, allowed))
		return NULL;
	return yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
}

static void read_number(struct scenario_read *ld, struct yaml_doc_at a,
			const struct scenario_key *k, void *rec)
{
	double v;

	if (yaml_doc_number(&ld->yd, a, k->rule, &v))
		scenario_schema_store(k, rec, v);
}

/* A flag: true or false, unquoted. YAML 1.1's yes/no/on/off are refused:
 * a planner who writes "no" should learn that it is not read as a word. */
static void read_flag(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	static const char *const words[] = {"false", "true", NULL};
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);
	int i = -1;

	if (yaml_doc_is_string(n) &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		i = yaml_doc_word_index(yaml_doc_text(n), words);
	if (i < 0)
		yaml_doc_wrong(&ld->yd, a, "true or false");
	else
		scenario_schema_store(k, rec, i);
}

/* One of the row's words, kept as its index. */
static void read_word(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	const char *w = row_text(ld, a, k->give);
	int i = w ? yaml_doc_word_index(w, k->words) : -1;

	if (w && i < 0)
		yaml_doc_unknown(&ld->yd, a, k->noun, w, k->words);
	if (i >= 0)
		scenario_schema_store(k, rec, i);
}

/* Text that fits the row's buffer; cut, it could end inside a UTF-8
 * character, which no YAML reader (nor check's output) accepts. */
static void read_text(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	const char *s = row_text(ld, a, k->give);
	size_t len;

	if (!s)
		return;
	len = yaml_doc_node(&ld->yd, a.id)->data.scalar.length;
	if (len < k->size)
		memcpy(row_at(k, rec), s, strlen(s) + 1);
	else
		yaml_doc_problem(&ld->yd, a, "the name is %zu bytes long; must "
				 "be at most %zu", len, k->size - 1);
}

/* "HH:MM" (one- or two-digit hours, minutes 00..59) to seconds, or -1. */
double scenario_record_clock(struct scenario_read *ld, struct yaml_doc_at a,
			     double max_s, const char *allowed)
{
	const char *s = row_text(ld, a, allowed);
	double t = s ? scenario_read_clock_s(s) : -1.0;

	if (!s)
		return -1.0;
	if (t < 0 || t > max_s) {
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a valid time; "
				 "must be %s", s, allowed);
		return -1.0;
	}
	return t;
}

static void read_clock(struct scenario_read *ld, struct yaml_doc_at a,
		       const struct scenario_key *k, void *rec)
{
	double t = scenario_record_clock(ld, a, k->rule->hi, k->rule->allowed);

	if (t >= 0)
		scenario_schema_store(k, rec, t);
}

/* A day and a time "sat 22:00", as seconds into the week. */
static void read_when(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	const char *s = row_text(ld, a, k->give);
	char day[4];
	double t = -1.0;
	int d = -1;

	if (!s)
		return;
	if (strlen(s) > 4 && s[3] == ' ') {
		memcpy(day, s, 3);
		day[3] = '\0';
		d = yaml_doc_word_index(day, k->words);
	}
	t = d >= 0 ? scenario_read_clock_s(s + 4) : -1.0;
	if (d < 0 || t < 0 || t >= DAY_S)
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a day and time; "
				 "must be like \"sat 22:00\" (mon..sun, "
				 "00:00..23:59)", s);
	else
		scenario_schema_store(k, rec, d * DAY_S + t);
}

/* A date, any day of the week. */
static void read_date(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	const char *s = row_text(ld, a, k->give);
	struct demand_date d;

	if (!s)
		return;
	if (!scenario_read_date(s, &d))
		yaml_doc_problem(&ld->yd, a, "'%.60s' is not a date; must be %s",
				 s, k->give);
	else
		memcpy(row_at(k, rec), &d, sizeof d);
}

/* A whole number that fits 64 bits. */
static void read_seed(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	const char *s = row_text(ld, a, k->give);
	char *end;
	unsigned long long v;

	if (!s)
		return;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (!isdigit((unsigned char)s[0]) || *end != '\0' || errno == ERANGE ||
	    yaml_doc_node(&ld->yd, a.id)->data.scalar.style !=
	    YAML_PLAIN_SCALAR_STYLE || yaml_doc_is_radix(s))
		yaml_doc_problem(&ld->yd, a, "'%.60s' %s; must be %s", s,
				 yaml_doc_is_radix(s) ? yaml_doc_number_fault(-3)
				 : "is not a valid seed", k->give);
	else
		*(uint64_t *)row_at(k, rec) = (uint64_t)v;
}

/* A distribution; an optional one records that it was given. */
static void read_dist(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	scenario_dist_read(ld, a, row_at(k, rec));
	if (k->given)
		*(int *)(void *)((char *)rec + k->given - 1) = 1;
}

/* The name of a record of the list k->of: its index. */
static void read_ref(struct scenario_read *ld, struct yaml_doc_at a,
		     const struct scenario_key *k, void *rec)
{
	struct scenario_read_ref r = scenario_read_of(ld->sc, k->of);
	long i = scenario_read_ref(ld, a, &r);

	if (i >= 0)
		scenario_schema_store(k, rec, (double)i);
}

/* Names of records of the list k->of, each once, and never rec itself
 * when rec is one of them (an area is not its own neighbour): a new
 * array of their indices. */
static void read_refs(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	struct scenario_read_ref r = scenario_read_of(ld->sc, k->of);
	uintptr_t at = (uintptr_t)rec, first = (uintptr_t)r.items;
	long self = at >= first && at < first + r.n * r.stride ?
		(long)((at - first) / r.stride) : -1;
	int n = scenario_read_list(ld, a, k->give,
				   k->required ? k->give : NULL);

	*(size_t **)row_at(k, rec) = scenario_read_refs(ld, a, n, &r, self,
		(size_t *)(void *)((char *)rec + k->count));
}

/* A list of numbers, each within the row's rule, not empty: a new array
 * at the row's place, kept as the row's store says, their number at
 * count. */
static void read_values(struct scenario_read *ld, struct yaml_doc_at a,
			const struct scenario_key *k, void *rec)
{
	char ip[YAML_DOC_PATH_MAX];
	void *items;
	double v;
	int n = scenario_read_list(ld, a, k->shape ? k->shape : k->give,
				   k->give);

	items = n ? scenario_read_calloc(ld, (size_t)n,
					 scenario_schema_size(k->store)) : NULL;
	*(void **)row_at(k, rec) = items;
	for (int i = 0; items && i < n; i++)
		if (yaml_doc_number(&ld->yd, yaml_doc_item(&ld->yd, a, i, NULL,
							   ip), k->rule, &v))
			scenario_schema_store_item(k, items, (size_t)i, v);
	*(size_t *)(void *)((char *)rec + k->count) = items ? (size_t)n : 0;
}

/* A list of names, or of numbers. */
static void read_list(struct scenario_read *ld, struct yaml_doc_at a,
		      const struct scenario_key *k, void *rec)
{
	if (k->of)
		read_refs(ld, a, k, rec);
	else
		read_values(ld, a, k, rec);
}

static void read_map(struct scenario_read *ld, struct yaml_doc_at a,
		     const struct scenario_key *k, void *rec)
{
	if (yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, k->shape ?
			    k->shape : k->give))
		scenario_record_read(ld, a, k->sub, NULL, row_at(k, rec));
}

typedef void row_reader(struct scenario_read *ld, struct yaml_doc_at a,
			const struct scenario_key *k, void *rec);

static row_reader *const readers[] = {
	[SCENARIO_NUMBER] = read_number, [SCENARIO_TEXT] = read_text,
	[SCENARIO_WORD] = read_word, [SCENARIO_BOOL] = read_flag,
	[SCENARIO_CLOCK] = read_clock, [SCENARIO_WHEN] = read_when,
	[SCENARIO_DATE] = read_date, [SCENARIO_SEED] = read_seed,
	[SCENARIO_DIST] = read_dist, [SCENARIO_MAP] = read_map,
	[SCENARIO_REF] = read_ref, [SCENARIO_LIST] = read_list};

void scenario_record_late(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = row_value(ld, m, k, rec, kp);

	if (a.id)
		readers[k->kind](ld, a, k, rec);
}

/* Lists of records are read by their kind, a week of travel factors
 * (factors without a count) by its reader, present or not, other lists
 * without a rule or a list they name by hooks, and a late row after its
 * list. */
void scenario_record_row(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec)
{
	if (k->kind == SCENARIO_LIST && k->items)
		scenario_record_items(ld, m, k, rec);
	else if (k->kind == SCENARIO_LIST &&
		 k->form == SCENARIO_FORM_FACTORS && !k->count)
		scenario_travel_parse(ld, m, k, rec);
	else if (readers[k->kind] && !k->late &&
		 (k->kind != SCENARIO_LIST || k->of || k->rule))
		scenario_record_late(ld, m, k, rec);
}

struct yaml_doc_at scenario_record_map(struct scenario_read *ld,
				       struct yaml_doc_at m,
				       const struct scenario_key *k, void *rec,
				       char path[YAML_DOC_PATH_MAX])
{
	struct yaml_doc_at a = row_value(ld, m, k, rec, path);

	if (a.id && !yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE,
				     k->shape ? k->shape : k->give))
		a.id = 0;
	if (a.id)
		scenario_record_read(ld, a, k->sub, NULL, row_at(k, rec));
	return a;
}

/* The hook of key among hooks, or NULL. */
static const struct scenario_record_hook *
hook_of(const struct scenario_record_hook *hooks, const char *key)
{
	for (; hooks && hooks->key; hooks++)
		if (hooks->key[0] == key[0] && strcmp(hooks->key, key) == 0)
			return hooks;
	return NULL;
}

void scenario_record_read(struct scenario_read *ld, struct yaml_doc_at m,
			  const struct scenario_key *t,
			  const struct scenario_record_hook *hooks, void *rec)
{
	const struct scenario_record_hook *h;

	scenario_read_keys(ld, m, t);
	for (; t->key; t++) {
		h = hook_of(hooks, t->key);
		if (h)
			h->read(ld, m, t, rec);
		else
			scenario_record_row(ld, m, t, rec);
	}
}

/* ------------------------------------------------------------------ */
/* Lists of records                                                    */

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
static int parse_name(struct scenario_read *ld, struct yaml_doc_at m, char *dst,
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

/* Reports the name of item i of list s (its node at a) when an earlier
 * item of recs has it. */
static void check_unique(struct scenario_read *ld,
			 const struct scenario_key *k,
			 struct yaml_doc_at s, const char *recs, int i,
			 struct yaml_doc_at a)
{
	const char *name = recs + (size_t)i * k->size;
	char ip[YAML_DOC_PATH_MAX], np[YAML_DOC_PATH_MAX];
	struct yaml_doc_at o;
	int j;

	for (j = 0; j < i; j++)
		if (strcmp(recs + (size_t)j * k->size, name) == 0) {
			o = yaml_doc_key(&ld->yd, yaml_doc_item(&ld->yd, s, j,
								NULL, ip),
					 "name", np);
			yaml_doc_problem(&ld->yd, a, "duplicate %s name '%s' "
					 "(also at line %d); names must be "
					 "unique", k->items->noun, name,
					 yaml_doc_pos(&ld->yd, o.id).line);
			return;
		}
}

/* Opens item i of list s: checks it is a mapping, reads its name into
 * its record in recs and sets *m to it, with the path naming the item by
 * that name. Returns 0 when the item is not a mapping. */
static int open_item(struct scenario_read *ld,
		     const struct scenario_key *k, struct yaml_doc_at s,
		     int i, char *recs, char buf[YAML_DOC_PATH_MAX],
		     struct yaml_doc_at *m)
{
	char *dst = recs + (size_t)i * k->size;
	struct yaml_doc_at na;

	*m = yaml_doc_item(&ld->yd, s, i, NULL, buf);
	if (!yaml_doc_expect(&ld->yd, *m, YAML_MAPPING_NODE,
			     "a mapping with a name"))
		return 0;
	na.id = parse_name(ld, *m, dst, SCENARIO_NAME_MAX);
	*m = yaml_doc_item(&ld->yd, s, i, dst, buf);
	na.path = m->path;
	if (na.id)
		check_unique(ld, k, s, recs, i, na);
	return 1;
}

/* Reads item i of list s of row k into rec, unless it is no mapping
 * (named). */
static void list_item(struct scenario_read *ld, const struct scenario_key *k,
		      struct yaml_doc_at s, int i, char *recs)
{
	const struct scenario_record_kind *kd = k->items;
	char *rec = recs + (size_t)i * k->size;
	char ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at m = yaml_doc_item(&ld->yd, s, i, NULL, ip);
	struct src_pos pos = yaml_doc_pos(&ld->yd, m.id);

	scenario_schema_defaults(k->sub, rec);
	if (kd->pos)
		memcpy(rec + kd->pos - 1, &pos, sizeof pos);
	if (kd->init)
		kd->init(rec);
	if (kd->item_give ? !yaml_doc_expect(&ld->yd, m, YAML_MAPPING_NODE,
					     kd->item_give) :
	    !open_item(ld, k, s, i, recs, ip, &m))
		return;
	if (kd->check)
		kd->check(ld, m, rec);
	scenario_record_read(ld, m, k->sub, kd->hooks, rec);
}

/* The late rows of the n records at recs, read from list s once every
 * record is read (an area's neighbours may name areas after it). */
static void list_late(struct scenario_read *ld, const struct scenario_key *k,
		      struct yaml_doc_at s, char *recs, size_t n)
{
	char ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at m;

	for (size_t i = 0; i < n; i++) {
		m = yaml_doc_item(&ld->yd, s, (int)i, k->items->item_give ?
				  NULL : recs + i * k->size, ip);
		for (const struct scenario_key *t = k->sub; t->key; t++)
			if (t->late && yaml_doc_node(&ld->yd, m.id)->type ==
			    YAML_MAPPING_NODE)
				scenario_record_late(ld, m, t, recs + i * k->size);
	}
}

/* The list s of row k under mapping parent: a new array of records
 * (kept in rec where the row says, its length too), and then the
 * records' late rows, which may name records of the list itself. */
static void list_read(struct scenario_read *ld, struct yaml_doc_at parent,
		      const struct scenario_key *k, struct yaml_doc_at s,
		      void *rec)
{
	const struct scenario_record_kind *kd = k->items;
	const char *give = k->shape ? k->shape : kd->give;
	int n = !kd->optional || k->required ?
		scenario_read_required_list(ld, parent, s, give) :
		s.id && yaml_doc_expect(&ld->yd, s, YAML_SEQUENCE_NODE, give) ?
		yaml_doc_seq_len(yaml_doc_node(&ld->yd, s.id)) : 0, i;
	char *recs;

	if (kd->max && n > kd->max) {
		yaml_doc_problem(&ld->yd, s, "has %d %ss; must have at most %d",
				 n, kd->noun, kd->max);
		return;
	}
	/* An optional list without a limit of its own has a list's. */
	if (n > SCENARIO_LIST_MAX && !scenario_read_list_len(ld, s))
		return;
	if (n == 0)
		return;
	recs = scenario_read_calloc(ld, (size_t)n, k->size);
	*(char **)row_at(k, rec) = recs;
	if (!recs)
		return;
	*(size_t *)(void *)((char *)rec + k->count) = (size_t)n;
	for (i = 0; i < n; i++)
		list_item(ld, k, s, i, recs);
	list_late(ld, k, s, recs, (size_t)n);
}

void scenario_record_items(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX], op[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, m, k->key, kp);
	int before = ld->yd.n_problems;

	/* One of two forms: absent, it is needed only without the other. */
	if (!s.id && k->other) {
		if (!yaml_doc_key(&ld->yd, m, k->other, op).id)
			yaml_doc_missing(&ld->yd, m, k->key, k->give);
		return;
	}
	list_read(ld, m, k, s, rec);
	if (k->items->after && (!k->items->whole ||
	    (ld->yd.n_problems == before && !ld->yd.oom)))
		k->items->after(ld, m, k, rec);
}
