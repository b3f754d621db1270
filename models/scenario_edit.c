/* scenario_edit.c: --set overrides grafted into a scenario's YAML document
 * (scenario_edit.h). */
#include "models/scenario_edit.h"

#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario_schema.h"
#include "sim/mem.h"

#define LIST_MAX 512         /* "pools are: a, b, c" */
#define OVR_SEGS_MAX 16      /* segments of a --set key path */
#define OVR_NAMES_MAX 64     /* names weighed for "did you mean" */

/* One --set string, its key path cut into segments. */
struct ovr {
	const char *text;            /* "key.path=value" */
	const char *where;           /* "--set key.path=value" */
	char key[YAML_DOC_PATH_MAX];
	char *seg[OVR_SEGS_MAX];
	int n_seg;
	const char *value;
	int value_id;                /* its node, once grafted */
	/* Where the path stands in the schema (scenario_schema.h): the
	 * table of the mapping reached (NULL below what the tables
	 * describe), the row of the last key, whether the next segment
	 * picks an item of a list, and the key path as the walk names it. */
	const struct scenario_key *t, *row;
	int item;
	char path[YAML_DOC_PATH_MAX];
};

/* Cuts "a.b.c=value" into segments and the value text; where is the
 * edit as messages name it. */
static int ovr_split(struct yaml_doc *yd, const char *text, const char *where,
		     struct ovr *o)
{
	const char *eq = strchr(text, '=');
	size_t klen = eq ? (size_t)(eq - text) : 0;
	char *save = NULL, *s;
	bool empty;

	memset(o, 0, sizeof *o);
	o->text = text;
	o->where = where;
	if (!eq || klen == 0 || klen >= sizeof o->key) {
		yaml_doc_report(yd, o->where, NULL,
				"expected key.path=value, such "
				"as run.replications=20");
		return 0;
	}
	memcpy(o->key, text, klen);
	/* strtok_r would pass over an empty key ("run.days.=2"), so a path
	 * with one is refused before it is cut. */
	empty = o->key[0] == '.' || o->key[klen - 1] == '.'
		|| strstr(o->key, "..") != NULL;
	for (s = strtok_r(o->key, ".", &save); s && o->n_seg < OVR_SEGS_MAX;
	     s = strtok_r(NULL, ".", &save))
		o->seg[o->n_seg++] = s;
	o->value = eq + 1;
	if (empty || o->n_seg == 0 || s) {
		yaml_doc_report(yd, o->where, NULL,
				"'%.*s' is not a key path; must "
				"be keys joined by '.'", (int)klen, text);
		return 0;
	}
	return 1;
}

/* "no pool named 'emergncy'; pools are: emergency, non-emergency" — the
 * noun is the key of the list (segment k - 1), singular. */
static void ovr_no_item(struct yaml_doc *yd, const struct ovr *o, int k,
			int seq)
{
	const char *list_key = k > 0 ? o->seg[k - 1] : "item";
	size_t len = strlen(list_key), used = 0, n = 0;
	const yaml_node_t *s = yaml_doc_node(yd, seq);
	char names[LIST_MAX], near[LIST_MAX] = "";
	const char *words[OVR_NAMES_MAX + 1];
	int i, plural = len > 1 && list_key[len - 1] == 's';

	names[0] = '\0';
	for (i = 0; i < yaml_doc_seq_len(s) && used + 1 < sizeof names; i++) {
		const char *nm = yaml_doc_item_name(yd,
					s->data.sequence.items.start[i]);

		if (nm && n < OVR_NAMES_MAX)
			words[n++] = nm;
		if (nm)
			used += (size_t)snprintf(names + used,
						 sizeof names - used,
						 "%s%s", used ? ", " : "", nm);
	}
	if (!used)
		snprintf(names, sizeof names, "numbered 0 to %d",
			 yaml_doc_seq_len(s) - 1);
	words[n] = NULL;
	if (n > 0 && yaml_doc_nearest(o->seg[k], words))
		snprintf(near, sizeof near, " did you mean '%s'?",
			 yaml_doc_nearest(o->seg[k], words));
	yaml_doc_report(yd, o->where, NULL, "no %.*s named '%s';%s %s are: %s",
			(int)(plural ? len - 1 : len), list_key, o->seg[k], near,
			plural ? list_key : "items", names);
}

/* The length of the key path before segment k ("pools.a" of
 * "pools.a.rota.teams=4" for k 2). */
static int ovr_upto(const struct ovr *o, int k)
{
	return (int)(o->seg[k] - o->key - 1);
}

/* An edit of an item of list seg[k], which the scenario does not have. */
static void ovr_no_list(struct yaml_doc *yd, const struct ovr *o, int k)
{
	yaml_doc_report(yd, o->where, NULL,
			"the scenario has no %s, so no item '%s' to change; "
			"give the list in the file, or whole: --set %.*s=[...]",
			o->seg[k], o->seg[k + 1], ovr_upto(o, k + 1), o->text);
}

/* A key, segment k, below a single value. */
static void ovr_single(struct yaml_doc *yd, const struct ovr *o, int k)
{
	yaml_doc_report(yd, o->where, NULL,
			"'%.*s' is a single value; it has no key '%s'",
			ovr_upto(o, k), o->text, o->seg[k]);
}

/* Resolves segment k of o, a key, through the schema before the edit is
 * applied: an unknown key is reported as the walk would report it (with
 * the nearest key and the allowed ones), and so is a key below a single
 * value, whether the file gives that value or not. Returns 0 after a
 * report. Below what the tables describe the walk alone judges. */
static int ovr_resolve_key(struct yaml_doc *yd, struct ovr *o, int k)
{
	const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1];

	o->row = o->t ? scenario_schema_find(o->t, o->seg[k]) : NULL;
	if (o->t && !o->row) {
		scenario_schema_names(o->t, names);
		yaml_doc_unknown_at(yd, o->where, o->path,
				    scenario_schema_noun(o->t), o->seg[k],
				    names);
		return 0;
	}
	if (o->row && k + 1 < o->n_seg && o->row->kind != SCENARIO_MAP &&
	    o->row->kind != SCENARIO_LIST && o->row->kind != SCENARIO_DIST) {
		ovr_single(yd, o, k + 1);
		return 0;
	}
	o->t = o->row ? o->row->sub : NULL;
	o->item = o->row && o->row->kind == SCENARIO_LIST;
	yaml_doc_path_join(o->path, o->path, o->seg[k]);
	return 1;
}

/* The child seg[k] of node cur. Before the value is grafted, one step
 * down the path: the child made cur's own, or created (as an empty
 * mapping) when a mapping lacks it, so --set may add a key the file
 * leaves out; the walk then judges the value. Once it is (o->value_id),
 * the value is put there, replacing what is there or adding the key.
 * Returns the child, or 0 after reporting why there is none. */
static int ovr_child(struct yaml_doc *yd, const struct ovr *o, int k,
		     int cur)
{
	yaml_node_type_t type = yaml_doc_node(yd, cur)->type;
	int v = o->value_id, i;

	if (type == YAML_SCALAR_NODE) {
		ovr_single(yd, o, k);
		return 0;
	}
	i = type == YAML_MAPPING_NODE ? yaml_doc_pair_index(yd, cur, o->seg[k])
		: yaml_doc_seq_find(yd, cur, o->seg[k]);
	if (i >= 0)
		return v ? (*yaml_doc_slot(yd, cur, i) = v)
			 : yaml_doc_unshare(yd, cur, i);
	if (type == YAML_SEQUENCE_NODE)
		ovr_no_item(yd, o, k, cur);
	else if (!v && o->row && o->row->kind == SCENARIO_LIST)
		ovr_no_list(yd, o, k);
	else if (!v && !(v = yaml_document_add_mapping(yd->doc, NULL,
						YAML_FLOW_MAPPING_STYLE)))
		yd->oom = 1;
	else
		return yaml_doc_map_set(yd, cur, o->seg[k], v) ? v : 0;
	return 0;
}

/* Parses the value of o as YAML and grafts it into the document.
 * Returns 1 when it was put, 0 after a report. */
static int ovr_graft_value(struct yaml_doc *yd, struct ovr *o, int parent)
{
	yaml_document_t vdoc;
	struct yaml_doc_fail f;
	int v = 0;

	if (!yaml_doc_parse(o->value, strlen(o->value), &vdoc, &f)) {
		yd->oom |= f.oom;
		yaml_doc_report(yd, o->where, NULL,
				"the value is not valid YAML (%s);"
				" quote text, and close brackets", f.what);
		return 0;
	}
	if (!yaml_document_get_root_node(&vdoc))
		yaml_doc_report(yd, o->where, NULL,
				"no value after '='; give a "
				"YAML value, such as 20 or {dist: exponential, "
				"mean: 300}");
	else if (!(v = yaml_doc_append(yd->doc, &vdoc)))
		yd->oom = 1;
	else {
		o->value_id = v;
		ovr_child(yd, o, o->n_seg - 1, parent);
	}
	yaml_document_delete(&vdoc);
	return v != 0;
}

/* An edit below one form of a record's staffing (pools.NAME.rota.teams;
 * the row's `other`, scenario_schema.h) of a record staffed by the other
 * has nothing to change, and making the form up from one key would be
 * half a roster: reported, asking for the whole form, which replaces the
 * other. Returns 1 after a report. Segment k is the form's key, resolved
 * (o->row), cur the record's mapping. */
static int ovr_form_absent(struct yaml_doc *yd, const struct ovr *o, int k,
			   int cur)
{
	const char *other = o->row ? o->row->other : NULL;
	int rec = ovr_upto(o, k);
	bool rota = other && strcmp(other, "shifts") == 0;

	if (!other || yaml_doc_node(yd, cur)->type != YAML_MAPPING_NODE
	    || yaml_doc_pair_index(yd, cur, o->seg[k]) >= 0
	    || yaml_doc_pair_index(yd, cur, other) < 0)
		return 0;
	yaml_doc_report(yd, o->where, NULL, "%.*s is staffed by %s, so it "
			"has no %s to change; give the whole %s, which replaces "
			"its %s: --set %.*s.%s", rec, o->text,
			rota ? "shifts" : "a rota", o->seg[k],
			rota ? "rota" : "list of shifts", other, rec, o->text,
			rota ? "rota={pattern: 6on4off, teams: 5, per_team: 6}"
			: "shifts=[{name: early, start: \"07:00\", hours: 10, "
			  "staff: 24}]");
	return 1;
}

/* Segment k of o, resolved through the schema, then taken in the
 * document from node cur: the child, or 0 after a report. An item picked
 * from a list is named in the path as the walk names it: by its name, or
 * its index when it has none. */
static int ovr_next(struct yaml_doc *yd, struct ovr *o, int k, int cur)
{
	int item = o->item, child;
	const char *name;

	if (!item && !ovr_resolve_key(yd, o, k))
		return 0;
	if (!item && ovr_form_absent(yd, o, k, cur))
		return 0;
	child = ovr_child(yd, o, k, cur);
	if (child && item) {
		name = yaml_doc_item_name(yd, child);
		o->item = 0;
		yaml_doc_path_join(o->path, o->path, name ? name : o->seg[k]);
	}
	return child;
}

/* Applies edit i, written as text, to the document. Setting one form of
 * a record's staffing whole (the row's `other`) puts it in force: the
 * other is taken out, so `--set pools.NAME.rota={...}` replaces the
 * pool's shifts (and back), and check writes only the form in force. */
static void ovr_apply(struct yaml_doc *yd, const char *text, size_t i)
{
	struct ovr *o = mem_malloc(sizeof *o);
	const char *other = NULL;
	int cur = 1, k, key;

	if (!o) {
		yd->oom = 1;
		return;
	}
	if (ovr_split(yd, text, yd->ovr_where[i], o)) {
		o->t = scenario_schema_top;
		for (k = 0; cur && k + 1 < o->n_seg; k++)
			cur = ovr_next(yd, o, k, cur);
		key = cur && !o->item;
		if (key && !ovr_resolve_key(yd, o, k))
			cur = 0;
		else if (key && o->row)
			other = o->row->other;
		if (cur && yaml_doc_node(yd, cur)->type == YAML_SCALAR_NODE)
			cur = ovr_child(yd, o, k, cur);
		if (cur && ovr_graft_value(yd, o, cur) && other &&
		    yaml_doc_node(yd, cur)->type == YAML_MAPPING_NODE)
			yaml_doc_map_remove(yd, cur, other);
	}
	free(o);
}

/* A number in the fewest significant digits that read back to it, so
 * 24 is "24" and 0.1 is "0.1"; a whole number is written whole (100, not
 * "1e+02", which an integer key would refuse). */
static void edit_number(double v, char buf[32])
{
	int p;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, 32, "%.0f", v);
		return;
	}
	for (p = 1; p < 17; p++) {
		snprintf(buf, 32, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, 32, "%.17g", v);
}

/* The edit e as --set spells it, "key.path=value", in a new string; an
 * edit without a value (text NULL, number NaN) is its path alone, which
 * is reported as not being key.path=value. NULL when out of memory. */
char *scenario_edit_text(const struct scenario_edit *e)
{
	int klen = (int)strcspn(e->path, "=");
	char num[32], *s;
	const char *value = e->text;
	size_t n;

	if (!value && isnan(e->number))
		klen = (int)strlen(e->path);
	else if (!value) {
		edit_number(e->number, num);
		value = num;
	}
	n = (size_t)klen + (value ? strlen(value) + 2 : 1);
	s = mem_malloc(n);
	if (s)
		snprintf(s, n, "%.*s%s%s", klen, e->path, value ? "=" : "",
			 value ? value : "");
	return s;
}

/* "--set key.path=value" of edit e, text its "key.path=value", cut as
 * every message is to YAML_DOC_WHERE_MAX bytes. */
static char *edit_where(const struct scenario_edit *e, const char *text)
{
	char buf[YAML_DOC_WHERE_MAX];

	snprintf(buf, sizeof buf, "%s %s", e->origin ? e->origin : "--set",
		 text);
	return mem_strdup(buf);
}

/* Applies edit i, noting which node ids it grafted. */
static void edit_apply(struct yaml_doc *yd, const struct scenario_edit *e,
		       size_t i)
{
	char *text = scenario_edit_text(e);

	yd->ovr_where[i] = text ? edit_where(e, text) : NULL;
	if (!yd->ovr_where[i])
		yd->oom = 1;
	else
		ovr_apply(yd, text, i);
	free(text);
	yd->ovr_end[i] = (int)(yd->doc->nodes.top - yd->doc->nodes.start);
}

void scenario_edit_apply_all(struct yaml_doc *yd,
			     const struct scenario_edit *edits, size_t n)
{
	size_t i;

	if (!n)
		return;
	yd->ovr_where = mem_calloc(n, sizeof *yd->ovr_where);
	yd->ovr_end = mem_calloc(n, sizeof *yd->ovr_end);
	if (!yd->ovr_where || !yd->ovr_end) {
		yd->oom = 1;
		return;
	}
	yd->n_ovr = n;
	for (i = 0; i < n && !yd->oom; i++)
		edit_apply(yd, &edits[i], i);
}

int scenario_edit_parse(const char *arg, struct scenario_edit *out)
{
	const char *eq = strchr(arg, '=');

	if (!eq)
		return -1;
	out->path = arg;
	out->text = eq + 1;
	out->number = 0;
	out->origin = "--set";
	return 0;
}
