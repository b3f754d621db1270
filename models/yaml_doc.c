/* yaml_doc.c: the libyaml document layer of the scenario loader (see
 * yaml_doc.h): parsing with a bound on nesting and a check that nothing
 * follows the document, positions and problem lines, the typo suggester,
 * node helpers and numbers in plain decimal. */
#include "models/yaml_doc.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

#define MSG_MAX 1024
#define LIST_MAX 512         /* "allowed: a, b, c" */
#define WORD_MAX 64          /* longest word the suggester compares */

/* ------------------------------------------------------------------ */
/* Reporting                                                           */

/* Appends one problem line. `where` is a position or a --set string;
 * path NULL leaves the key path out (the --set string already names it). */
void yaml_doc_vreport(struct yaml_doc *yd, const char *where, const char *path,
		      const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
void yaml_doc_vreport(struct yaml_doc *yd, const char *where, const char *path,
		      const char *fmt, va_list ap)
{
	char msg[MSG_MAX];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (!path)
		sim_err_add(yd->err, SIM_ESCENARIO, "%s: %s", where, msg);
	else
		sim_err_add(yd->err, SIM_ESCENARIO, "%s: %s: %s", where,
			    path[0] ? path : "(top level)", msg);
	yd->n_problems++;
}

/* As yaml_doc_vreport, with the message's arguments inline. */
void yaml_doc_report(struct yaml_doc *yd, const char *where, const char *path,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void yaml_doc_report(struct yaml_doc *yd, const char *where, const char *path,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yaml_doc_vreport(yd, where, path, fmt, ap);
	va_end(ap);
}

/* The override that grafted node id, or -1 for a node from the file (or
 * a copy of one). Overrides graft in order, so their id ranges are
 * consecutive. */
static long graft_of(const struct yaml_doc *yd, int id)
{
	size_t i;

	if (id <= yd->n_file_nodes)
		return -1;
	for (i = 0; i < yd->n_copies; i++)
		if (yd->copies[i] == id)
			return -1;
	for (i = 0; i < yd->n_ovr; i++)
		if (id <= yd->ovr_end[i])
			return (long)i;
	return -1;
}

/* "FILE:LINE:COL" (1-based) of a node, or "--set key=value" for a node an
 * override grafted (those have no position). */
void yaml_doc_where(struct yaml_doc *yd, int id, char *buf, size_t size)
{
	long o = graft_of(yd, id);
	const yaml_node_t *n;

	if (o >= 0) {
		snprintf(buf, size, "%s", yd->ovr_where[o]);
		return;
	}
	n = yaml_doc_node(yd, id);
	snprintf(buf, size, "%s:%lu:%lu", yd->file,
		 (unsigned long)n->start_mark.line + 1,
		 (unsigned long)n->start_mark.column + 1);
}

/* Reports a problem at node a.id under key path a.path. */
void yaml_doc_problem(struct yaml_doc *yd, struct yaml_doc_at a,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void yaml_doc_problem(struct yaml_doc *yd, struct yaml_doc_at a,
		      const char *fmt, ...)
{
	char where[YAML_DOC_WHERE_MAX];
	va_list ap;

	yaml_doc_where(yd, a.id, where, sizeof where);
	va_start(ap, fmt);
	yaml_doc_vreport(yd, where, a.path, fmt, ap);
	va_end(ap);
}

/* Where a node stood, for messages raised after loading; 0 for --set. */
struct src_pos yaml_doc_pos(struct yaml_doc *yd, int id)
{
	struct src_pos p = {0, 0};
	const yaml_node_t *n;

	if (graft_of(yd, id) >= 0)
		return p;
	n = yaml_doc_node(yd, id);
	p.line = (int)n->start_mark.line + 1;
	p.col = (int)n->start_mark.column + 1;
	return p;
}

/* ------------------------------------------------------------------ */
/* Words: lists of allowed names and the nearest one to a typo         */

/* Index of w in a NULL-terminated list of names, or -1. */
int yaml_doc_word_index(const char *w, const char *const *names)
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

/* Whether w is a whole word of name, words being cut at '_': "start"
 * of "start_date", "hours" of "warmup_hours". */
static int word_part(const char *w, const char *name)
{
	size_t n = strlen(w);

	for (const char *p = name; n > 0 && (p = strstr(p, w)) != NULL; p++)
		if ((p == name || p[-1] == '_') && (p[n] == '_' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The one allowed name w is a word of, or NULL when none or several are
 * ("start" for "start_date": a key given short). */
static const char *word_part_of(const char *w, const char *const *names)
{
	const char *pick = NULL;

	for (; *names; names++)
		if (strcmp(w, *names) != 0 && word_part(w, *names)) {
			if (pick)
				return NULL;
			pick = *names;
		}
	return pick;
}

const char *yaml_doc_nearest(const char *w, const char *const *names)
{
	size_t limit = strlen(w) / 2 > 2 ? strlen(w) / 2 : 2;
	size_t best = SIZE_MAX;
	const char *pick = NULL;

	for (const char *const *n = names; *n; n++) {
		size_t d = word_distance(w, *n);

		if (d < best) {
			best = d;
			pick = *n;
		}
	}
	return best <= limit ? pick : word_part_of(w, names);
}

/* "unknown key 'pateince'; did you mean 'patience'? allowed: ..." */
void yaml_doc_unknown(struct yaml_doc *yd, struct yaml_doc_at a,
		      const char *noun,
		      const char *w, const char *const *names)
{
	char where[YAML_DOC_WHERE_MAX];

	yaml_doc_where(yd, a.id, where, sizeof where);
	yaml_doc_unknown_at(yd, where, a.path, noun, w, names);
}

void yaml_doc_unknown_at(struct yaml_doc *yd, const char *where,
			 const char *path, const char *noun, const char *w,
			 const char *const *names)
{
	char list[LIST_MAX];
	const char *near = yaml_doc_nearest(w, names);

	word_join(names, list, sizeof list);
	if (near)
		yaml_doc_report(yd, where, path,
				"unknown %s '%.60s'; did you mean '%s'? "
				"allowed: %s", noun, w, near, list);
	else
		yaml_doc_report(yd, where, path,
				"unknown %s '%.60s'; allowed: %s", noun, w,
				list);
}

/* ------------------------------------------------------------------ */
/* Nodes                                                               */

/* True for YAML's plain spellings of null ("~", "null", "Null", "NULL"),
 * which mean no value, not the text "~": a name of "~" must be quoted. */
static int node_is_null(const yaml_node_t *n)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL", NULL};

	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       yaml_doc_word_index(yaml_doc_text(n), nulls) >= 0;
}

/* What a node is, for "got X; must be Y". */
const char *yaml_doc_describe(const yaml_node_t *n, char *buf, size_t size)
{
	if (n->type == YAML_MAPPING_NODE)
		return "a mapping";
	if (n->type == YAML_SEQUENCE_NODE)
		return "a list";
	if (n->data.scalar.length == 0)
		return "no value";
	if (node_is_null(n)) {
		snprintf(buf, size, "null ('%s')", yaml_doc_text(n));
		return buf;
	}
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		snprintf(buf, size, "the quoted text \"%.60s\"",
			 yaml_doc_text(n));
	else
		snprintf(buf, size, "'%.60s'", yaml_doc_text(n));
	return buf;
}

/* A plain word or quoted text; an empty value or a null is not a string. */
int yaml_doc_is_string(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.length > 0 &&
	       !node_is_null(n);
}

/* Reports "got X; must be <allowed>"; returns 0 for the caller to pass on. */
int yaml_doc_wrong(struct yaml_doc *yd, struct yaml_doc_at a,
		   const char *allowed)
{
	char buf[96];

	yaml_doc_problem(yd, a, "got %s; must be %s",
			 yaml_doc_describe(yaml_doc_node(yd, a.id), buf,
					   sizeof buf),
			 allowed);
	return 0;
}

/* Checks the node's type (a scalar must not be empty). */
int yaml_doc_expect(struct yaml_doc *yd, struct yaml_doc_at a,
		    yaml_node_type_t type,
		    const char *allowed)
{
	const yaml_node_t *n = yaml_doc_node(yd, a.id);

	if (n->type == type && (type != YAML_SCALAR_NODE || yaml_doc_is_string(n)))
		return 1;
	return yaml_doc_wrong(yd, a, allowed);
}

/* The index of the first pair of a mapping whose key is key, or -1. */
int yaml_doc_pair_index(struct yaml_doc *yd, int map, const char *key)
{
	const yaml_node_t *m = yaml_doc_node(yd, map);
	const yaml_node_pair_t *p;

	assert(m->type == YAML_MAPPING_NODE);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = yaml_doc_node(yd, p->key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp(yaml_doc_text(k), key) == 0)
			return (int)(p - m->data.mapping.pairs.start);
	}
	return -1;
}

/* The value of key in a mapping (first occurrence), or 0. */
int yaml_doc_map_get(struct yaml_doc *yd, int map, const char *key)
{
	int i = yaml_doc_pair_index(yd, map, key);

	return i < 0 ? 0 :
	       yaml_doc_node(yd, map)->data.mapping.pairs.start[i].value;
}

/* The text of the scalar `name` of a mapping, or NULL. */
const char *yaml_doc_item_name(struct yaml_doc *yd, int id)
{
	int name = yaml_doc_node(yd, id)->type == YAML_MAPPING_NODE ?
		   yaml_doc_map_get(yd, id, "name") : 0;

	return name && yaml_doc_node(yd, name)->type == YAML_SCALAR_NODE ?
	       yaml_doc_text(yaml_doc_node(yd, name)) : NULL;
}

/* The index of the item of a sequence that seg selects: the one named
 * seg first, then the one at 0-based index seg; -1 if none. */
int yaml_doc_seq_find(struct yaml_doc *yd, int seq, const char *seg)
{
	const yaml_node_t *s = yaml_doc_node(yd, seq);
	const char *name;
	char *end;
	long idx;
	int i;

	for (i = 0; i < yaml_doc_seq_len(s); i++) {
		name = yaml_doc_item_name(yd, s->data.sequence.items.start[i]);
		if (name && strcmp(name, seg) == 0)
			return i;
	}
	idx = strtol(seg, &end, 10);
	if (!isdigit((unsigned char)seg[0]) || *end != '\0' ||
	    idx >= yaml_doc_seq_len(s))
		return -1;
	return (int)idx;
}

/* Writes parent.leaf into buf (just leaf at the top level). A path too
 * long for the buffer ends in "..."; it only ever appears in messages. */
void yaml_doc_path_join(char buf[YAML_DOC_PATH_MAX], const char *parent,
			const char *leaf)
{
	/* By hand, not with snprintf: every key the walk looks up builds its
	 * path, and most are never printed. */
	size_t cap = YAML_DOC_PATH_MAX - 1, lp = strlen(parent);
	size_t ll = strlen(leaf), n = lp < cap ? lp : cap;
	size_t whole = lp + (lp > 0) + ll;

	memmove(buf, parent, n);
	if (lp > 0 && n < cap)
		buf[n++] = '.';
	ll = ll < cap - n ? ll : cap - n;
	memcpy(buf + n, leaf, ll);
	buf[n + ll] = '\0';
	if (whole >= YAML_DOC_PATH_MAX)
		memcpy(buf + YAML_DOC_PATH_MAX - 4, "...", 4);
}

/* The child `key` of mapping m, its path written into buf. */
struct yaml_doc_at yaml_doc_key(struct yaml_doc *yd, struct yaml_doc_at m,
				const char *key,
				char buf[YAML_DOC_PATH_MAX])
{
	struct yaml_doc_at c;

	yaml_doc_path_join(buf, m.path, key);
	c.id = yaml_doc_map_get(yd, m.id, key);
	c.path = buf;
	return c;
}

/* Item i of sequence s: named by `name` when it has one (lines.999),
 * else by its 0-based index (lines.999.surges.0), as --set selects it. */
struct yaml_doc_at yaml_doc_item(struct yaml_doc *yd, struct yaml_doc_at s,
				 int i, const char *name,
				 char buf[YAML_DOC_PATH_MAX])
{
	struct yaml_doc_at c;
	char index[16];

	snprintf(index, sizeof index, "%d", i);
	yaml_doc_path_join(buf, s.path, name && name[0] ? name : index);
	c.id = yaml_doc_node(yd, s.id)->data.sequence.items.start[i];
	c.path = buf;
	return c;
}

/* Reports a required key the mapping lacks, at the mapping itself. */
void yaml_doc_missing(struct yaml_doc *yd, struct yaml_doc_at m,
		      const char *key,
		      const char *give)
{
	yaml_doc_problem(yd, m, "missing key '%s'; give %s", key, give);
}

/* Reports keys that are not in `allowed` (with the nearest allowed one)
 * and keys given twice, which libyaml's document API lets through. */
void yaml_doc_check_keys(struct yaml_doc *yd, struct yaml_doc_at m,
			 const char *const *allowed,
			 const char *noun)
{
	const yaml_node_t *map = yaml_doc_node(yd, m.id);
	const yaml_node_pair_t *p, *q;
	char buf[96];

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_doc_node(yd, p->key);
		struct yaml_doc_at ka = {p->key, m.path};

		if (k->type != YAML_SCALAR_NODE) {
			yaml_doc_problem(yd, ka, "a key must be a word, not %s",
					 yaml_doc_describe(k, buf, sizeof buf));
			continue;
		}
		if (yaml_doc_word_index(yaml_doc_text(k), allowed) < 0) {
			yaml_doc_unknown(yd, ka, noun, yaml_doc_text(k),
					 allowed);
			continue;
		}
		for (q = map->data.mapping.pairs.start; q < p; q++)
			if (yaml_doc_node(yd,
					  q->key)->type == YAML_SCALAR_NODE &&
			    strcmp(yaml_doc_text(yaml_doc_node(yd, q->key)),
				   yaml_doc_text(k)) == 0) {
				yaml_doc_problem(yd, ka,
						 "key '%s' is given twice; "
						 "give it once", yaml_doc_text(k));
				break;
			}
	}
}
/* YAML's spellings of NaN and infinity, which strtod does not know. */
static int text_is_yaml_special(const char *s)
{
	static const char *const special[] = {
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", NULL};

	if (*s == '+' || *s == '-')
		s++;
	return yaml_doc_word_index(s, special) >= 0;
}

/* True when s (after any sign) is written in another base, or with a
 * leading zero: YAML 1.1 reads 010 as 8 and strtod would read 0x10 as 16,
 * so one file could mean two things. The project reads plain decimal. */
int yaml_doc_is_radix(const char *s)
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
 * not in plain decimal (yaml_doc_is_radix). The whole text must be consumed,
 * so "10s" or "1,5" are not numbers. */
int yaml_doc_text_number(const char *s, double *v)
{
	if (text_is_yaml_special(s))
		return -2;
	if (yaml_doc_is_radix(s))
		return -3;
	if (!text_is_decimal(s))
		return -1;
	*v = strtod(s, NULL);
	return isfinite(*v) ? 0 : -2;
}

/* What yaml_doc_text_number's failure rc says about s. */
const char *yaml_doc_number_fault(int rc)
{
	return rc == -3 ? "is not a plain decimal number (hexadecimal, octal "
			  "and leading zeros are not read)" :
	       rc == -2 ? "is not a finite number" : "is not a number";
}

/* Checks v (written as s) against rule r. */
static int check_range(struct yaml_doc *yd, struct yaml_doc_at a,
		       const struct yaml_doc_rule *r,
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
	yaml_doc_problem(yd, a, "%.60s %s; must be %s", s, what, r->allowed);
	return 0;
}

/* Reads a number that rule r allows. Quoted text is not a number: YAML
 * makes "10" a string, and accepting it would hide a typo elsewhere. */
int yaml_doc_number(struct yaml_doc *yd, struct yaml_doc_at a,
		    const struct yaml_doc_rule *r,
		    double *out)
{
	const yaml_node_t *n = yaml_doc_node(yd, a.id);
	double v = 0.0;
	int rc;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0 ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return yaml_doc_wrong(yd, a, r->allowed);
	rc = yaml_doc_text_number(yaml_doc_text(n), &v);
	if (rc != 0) {
		yaml_doc_problem(yd, a, "'%.60s' %s; must be %s",
				 yaml_doc_text(n),
				 yaml_doc_number_fault(rc), r->allowed);
		return 0;
	}
	if (!check_range(yd, a, r, yaml_doc_text(n), v))
		return 0;
	*out = v;
	return 1;
}
/* Parsing text with libyaml                                           */

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
			   struct yaml_doc_fail *f)
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
			  struct yaml_doc_fail *f)
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
static int yaml_check_depth(const char *text, size_t len,
			    struct yaml_doc_fail *f)
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
int yaml_doc_parse(const char *text, size_t len, yaml_document_t *doc,
		   struct yaml_doc_fail *f)
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

/* A node like n, without its entries, added to dst; its id, or 0. */
static int copy_node(yaml_document_t *dst, const yaml_node_t *n)
{
	if (n->type == YAML_SEQUENCE_NODE)
		return yaml_document_add_sequence(dst, n->tag,
						  n->data.sequence.style);
	if (n->type == YAML_MAPPING_NODE)
		return yaml_document_add_mapping(dst, n->tag,
						 n->data.mapping.style);
	return yaml_document_add_scalar(dst, n->tag, n->data.scalar.value,
					(int)n->data.scalar.length,
					n->data.scalar.style);
}

/* Gives the copy of node id the entries of n, whose ids, moved by base,
 * all exist. */
static int copy_entries(yaml_document_t *dst, int id, const yaml_node_t *n,
			int base)
{
	const yaml_node_item_t *it;
	const yaml_node_pair_t *p;

	if (n->type == YAML_SEQUENCE_NODE)
		for (it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			if (!yaml_document_append_sequence_item(dst, id,
								*it + base))
				return 0;
	if (n->type == YAML_MAPPING_NODE)
		for (p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++)
			if (!yaml_document_append_mapping_pair(dst, id,
				p->key + base, p->value + base))
				return 0;
	return 1;
}

int yaml_doc_append(yaml_document_t *dst, const yaml_document_t *src)
{
	const int base = (int)(dst->nodes.top - dst->nodes.start);
	const yaml_node_t *n;
	int id = 0, ok = 1;

	/* Every node first, in order, so that each keeps its id (moved by
	 * base); then their entries, which name ids that now exist. */
	for (n = src->nodes.start; ok && n < src->nodes.top; n++) {
		id = copy_node(dst, n);
		if (id) {
			dst->nodes.start[id - 1].start_mark = n->start_mark;
			dst->nodes.start[id - 1].end_mark = n->end_mark;
		}
		ok = id != 0;
	}
	for (n = src->nodes.start, id = base + 1; ok && n < src->nodes.top;
	     n++)
		ok = copy_entries(dst, id++, n, base);
	return ok ? base + 1 : 0;
}

int yaml_doc_copy(yaml_document_t *dst, const yaml_document_t *src)
{
	int ok;

	memset(dst, 0, sizeof *dst);
	ok = yaml_document_initialize(dst, NULL, NULL, NULL, 1, 1) &&
	     yaml_doc_append(dst, src);
	if (!ok && dst->nodes.start)
		yaml_document_delete(dst);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Editing in place                                                    */

/* key: value put in a mapping: the first pair of key given value, or a
 * pair added. */
int yaml_doc_map_set(struct yaml_doc *yd, int map, const char *key, int value)
{
	int i = yaml_doc_pair_index(yd, map, key), k;

	if (i >= 0) {
		yaml_doc_node(yd, map)->data.mapping.pairs.start[i].value = value;
		return 1;
	}
	k = yaml_document_add_scalar(yd->doc, NULL, (const yaml_char_t *)key,
				     (int)strlen(key), YAML_PLAIN_SCALAR_STYLE);
	if (!k || !yaml_document_append_mapping_pair(yd->doc, map, k, value))
		yd->oom = 1;
	return !yd->oom;
}

/* The first pair of key taken out of a mapping, if it has one. */
void yaml_doc_map_remove(struct yaml_doc *yd, int map, const char *key)
{
	int i = yaml_doc_pair_index(yd, map, key);
	yaml_node_t *n = yaml_doc_node(yd, map);
	yaml_node_pair_t *p = n->data.mapping.pairs.start + i;

	if (i < 0)
		return;
	memmove(p, p + 1, (size_t)(n->data.mapping.pairs.top - p - 1)
		* sizeof *p);
	n->data.mapping.pairs.top--;
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
static int node_shared(struct yaml_doc *yd, int id)
{
	const yaml_node_t *n;
	int refs = 0;

	for (n = yd->doc->nodes.start; n < yd->doc->nodes.top && refs < 2; n++)
		refs += node_refs_in(n, id);
	return refs > 1;
}

/* A new mapping or list holding the same entries as node id, at id's
 * position in the file; 0 when out of memory. The entries stay shared:
 * only what the copy holds can then change without changing id. */
static int node_copy(struct yaml_doc *yd, int id)
{
	const yaml_node_t *src = yaml_doc_node(yd, id);
	int seq = src->type == YAML_SEQUENCE_NODE, copy, i;
	int n = seq ? yaml_doc_seq_len(src) : (int)(src->data.mapping.pairs.top -
						    src->data.mapping.pairs.start);

	/* Adding a node may move every node: src is fetched again below. */
	copy = seq ? yaml_document_add_sequence(yd->doc, NULL,
						YAML_FLOW_SEQUENCE_STYLE)
		   : yaml_document_add_mapping(yd->doc, NULL,
					       YAML_FLOW_MAPPING_STYLE);
	if (!copy)
		return 0;
	for (i = 0; i < n; i++) {
		src = yaml_doc_node(yd, id);
		int ok = seq ? yaml_document_append_sequence_item(yd->doc, copy,
				src->data.sequence.items.start[i])
			     : yaml_document_append_mapping_pair(yd->doc, copy,
				src->data.mapping.pairs.start[i].key,
				src->data.mapping.pairs.start[i].value);

		if (!ok)
			return 0;
	}
	yaml_doc_node(yd, copy)->start_mark = yaml_doc_node(yd, id)->start_mark;
	yaml_doc_node(yd, copy)->end_mark = yaml_doc_node(yd, id)->end_mark;
	return copy;
}

/* Where parent (a mapping or a list) holds its entry number slot. The
 * pointer lasts until the parent itself grows. */
int *yaml_doc_slot(struct yaml_doc *yd, int parent, int slot)
{
	yaml_node_t *n = yaml_doc_node(yd, parent);

	if (n->type == YAML_MAPPING_NODE)
		return &n->data.mapping.pairs.start[slot].value;
	return &n->data.sequence.items.start[slot];
}

/* The child in entry slot of parent, made the parent's own first when it
 * is shared: changing a shared node in place would change every alias of
 * it too. The copy is noted in yd->copies, to keep the position of the
 * node it copies. */
int yaml_doc_unshare(struct yaml_doc *yd, int parent, int slot)
{
	int child = *yaml_doc_slot(yd, parent, slot), copy, *grown;

	if (yaml_doc_node(yd, child)->type == YAML_SCALAR_NODE ||
	    !node_shared(yd, child))
		return child;
	if (yd->n_copies == yd->cap_copies) {
		size_t cap = yd->cap_copies ? 2 * yd->cap_copies : 16;

		grown = mem_realloc(yd->copies, cap * sizeof *grown);
		if (grown) {
			yd->copies = grown;
			yd->cap_copies = cap;
		}
	}
	copy = yd->n_copies < yd->cap_copies ? node_copy(yd, child) : 0;
	if (!copy) {
		yd->oom = 1;
		return 0;
	}
	yd->copies[yd->n_copies++] = copy;
	*yaml_doc_slot(yd, parent, slot) = copy;
	return copy;
}

void yaml_doc_release(struct yaml_doc *yd)
{
	size_t i;

	for (i = 0; yd->ovr_where && i < yd->n_ovr; i++)
		free(yd->ovr_where[i]);
	free(yd->ovr_where);
	free(yd->ovr_end);
	free(yd->copies);
	yd->ovr_where = NULL;
	yd->ovr_end = NULL;
	yd->copies = NULL;
}
