/* yaml_doc.h: a YAML document parsed with libyaml's document API, and the
 * means to judge it node by node: positions ("FILE:LINE:COL"), one line per
 * problem, the nearest allowed word to a typo, node kinds, key paths and
 * numbers in plain decimal.
 *
 * A yaml_doc is the libyaml tree of numbered nodes that remember their line
 * and column. Nodes grafted in after parsing (by scenario_edit) have ids
 * above those of the file; a problem in one is blamed on the edit that
 * grafted it ("--set key.path=value") instead of a position.
 *
 * Every problem is added to yd->err as one line
 *     WHERE: key.path: what is wrong; what is allowed
 * and counted in yd->n_problems; nothing stops at the first. */
#ifndef MODELS_YAML_DOC_H
#define MODELS_YAML_DOC_H

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <yaml.h>

#include "models/scenario.h"
#include "sim/sim_err.h"

#define YAML_DOC_PATH_MAX 256   /* "pools.emergency.shifts.late.staff" */
#define YAML_DOC_WHERE_MAX 1200 /* "FILE:LINE:COL" or "--set key=value" */

struct yaml_doc {
	const char *file;            /* the scenario's name in messages */
	yaml_document_t *doc;        /* borrowed */
	int n_file_nodes;            /* node ids above this were grafted */
	int *copies;                 /* ids above n_file_nodes that copy a
					node of the file (yaml_doc_unshare):
					they keep its position */
	size_t n_copies, cap_copies;
	char **ovr_where;            /* "--set key.path=value" of edit i */
	int *ovr_end;                /* last node id grafted by edit i */
	size_t n_ovr;
	struct sim_err *err;         /* problems go here */
	int n_problems;
	int oom;                     /* an allocation failed */
};

/* A node and its key path ("lines.999.handle"), the two things a message
 * names. Passed by value: it is two words. */
struct yaml_doc_at {
	int id;                      /* 0: the key is absent */
	const char *path;
};

/* What a number may be. */
struct yaml_doc_rule {
	double lo, hi;
	int lo_open, hi_open;        /* the bound itself is not allowed */
	int whole;                   /* must be an integer */
	const char *allowed;         /* said after "must be" */
};

/* Why libyaml refused a text. */
struct yaml_doc_fail {
	char what[400];
	int line, col;               /* 1-based */
	int oom;
	int too_deep;                /* what says so in full */
};

/* Parses text, which must hold at most one document nested at most
 * SCENARIO_DEPTH_MAX deep. Returns 1 with *doc to delete, or 0 with f
 * filled (and nothing to delete). */
int yaml_doc_parse(const char *text, size_t len, yaml_document_t *doc,
		   struct yaml_doc_fail *f);

/* Copies src into dst (to delete) node by node: the ids and positions
 * stay, so a copy is judged and blamed as the original would be. Returns
 * 1, or 0 when memory ran out (with nothing to delete). */
int yaml_doc_copy(yaml_document_t *dst, const yaml_document_t *src);
/* Adds the nodes of src to dst, after dst's own, in order (a --set
 * value): aliases stay shared, as in src. Returns the id src's first node
 * (its root) has in dst, or 0 when memory ran out. */
int yaml_doc_append(yaml_document_t *dst, const yaml_document_t *src);
/* Frees what edits left in yd (not the document). */
void yaml_doc_release(struct yaml_doc *yd);

/* Reporting. `where` is a position or a --set string; path NULL leaves
 * the key path out (the --set string already names it). */
void yaml_doc_vreport(struct yaml_doc *yd, const char *where,
		      const char *path, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
void yaml_doc_report(struct yaml_doc *yd, const char *where, const char *path,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A problem at node a.id under key path a.path. */
void yaml_doc_problem(struct yaml_doc *yd, struct yaml_doc_at a,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "FILE:LINE:COL" of a node, or "--set key=value" for a grafted one. */
void yaml_doc_where(struct yaml_doc *yd, int id, char *buf, size_t size);
/* Where a node stood; {0, 0} for a grafted one. */
struct src_pos yaml_doc_pos(struct yaml_doc *yd, int id);
/* "unknown NOUN 'w'; did you mean 'x'? allowed: a, b, c" */
void yaml_doc_unknown(struct yaml_doc *yd, struct yaml_doc_at a,
		      const char *noun, const char *w,
		      const char *const *names);
/* The same, reported at where (a --set string) under key path path. */
void yaml_doc_unknown_at(struct yaml_doc *yd, const char *where,
			 const char *path, const char *noun, const char *w,
			 const char *const *names);
/* The name of names (NULL-terminated) the user most plausibly meant by
 * w: the nearest within a typo (half the word changed, at least 2
 * edits), else the only one w is a whole '_'-separated word of ("start"
 * for "start_date"); NULL when none. Borrowed from names. */
const char *yaml_doc_nearest(const char *w, const char *const *names);
/* "got X; must be <allowed>"; returns 0 for the caller to pass on. */
int yaml_doc_wrong(struct yaml_doc *yd, struct yaml_doc_at a,
		   const char *allowed);
/* Checks the node's type (a scalar must be a non-empty, non-null string);
 * else reports it with yaml_doc_wrong. */
int yaml_doc_expect(struct yaml_doc *yd, struct yaml_doc_at a,
		    yaml_node_type_t type, const char *allowed);
/* "missing key 'KEY'; give GIVE", at the mapping m. */
void yaml_doc_missing(struct yaml_doc *yd, struct yaml_doc_at m,
		      const char *key, const char *give);
/* Reports keys of m not in `allowed` (with the nearest allowed one) and
 * keys given twice, which libyaml's document API lets through. */
void yaml_doc_check_keys(struct yaml_doc *yd, struct yaml_doc_at m,
			 const char *const *allowed, const char *noun);

/* Words: index of w in a NULL-terminated list, or -1. */
int yaml_doc_word_index(const char *w, const char *const *names);

/* Nodes. yaml_doc_node's id must come from the document. These three are
 * in every step of the walk, hence inline. */
static inline yaml_node_t *yaml_doc_node(struct yaml_doc *yd, int id)
{
	assert(id >= 1 && id <= yd->doc->nodes.top - yd->doc->nodes.start);
	return yd->doc->nodes.start + id - 1;
}

static inline const char *yaml_doc_text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static inline int yaml_doc_seq_len(const yaml_node_t *n)
{
	return (int)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* What a node is, for "got X; must be Y". */
const char *yaml_doc_describe(const yaml_node_t *n, char *buf, size_t size);
/* A plain word or quoted text; an empty value or a null is not. */
int yaml_doc_is_string(const yaml_node_t *n);
/* The value of key in mapping map (first occurrence), or 0; and the
 * index of that pair, or -1. */
int yaml_doc_map_get(struct yaml_doc *yd, int map, const char *key);
int yaml_doc_pair_index(struct yaml_doc *yd, int map, const char *key);
/* The text of the scalar `name` of node id, a mapping, or NULL (an item
 * without a name, or not a mapping). Borrowed from the document. */
const char *yaml_doc_item_name(struct yaml_doc *yd, int id);
/* The index of the item of sequence seq that seg selects: the one named
 * seg (yaml_doc_item_name) first, then the one at 0-based index seg; -1
 * if none. As yaml_doc_item names items, so --set selects them. */
int yaml_doc_seq_find(struct yaml_doc *yd, int seq, const char *seg);
/* parent.leaf into buf; a path too long ends in "...". */
void yaml_doc_path_join(char buf[YAML_DOC_PATH_MAX], const char *parent,
			const char *leaf);
/* The child `key` of mapping m (id 0 when absent), its path in buf. */
struct yaml_doc_at yaml_doc_key(struct yaml_doc *yd, struct yaml_doc_at m,
				const char *key, char buf[YAML_DOC_PATH_MAX]);
/* Item i of sequence s, named by `name` when it has one (lines.999), else
 * by its 0-based index (lines.999.surges.0), as --set selects it. */
struct yaml_doc_at yaml_doc_item(struct yaml_doc *yd, struct yaml_doc_at s,
				 int i, const char *name,
				 char buf[YAML_DOC_PATH_MAX]);

/* Editing in place (--set). Nodes added to the document may move every
 * node: a yaml_node_t pointer does not outlive an edit. Each of these
 * sets yd->oom when memory runs out, and returns 0 then. */
/* Puts key: value in mapping map: the first pair of key is given value,
 * or a pair is added. Returns 1, or 0. */
int yaml_doc_map_set(struct yaml_doc *yd, int map, const char *key,
		     int value);
/* Takes the first pair of key out of mapping map, if it has one. */
void yaml_doc_map_remove(struct yaml_doc *yd, int map, const char *key);
/* Where parent (a mapping or a sequence) keeps the node of its entry
 * number slot (a pair's value, or an item). Lasts until parent grows. */
int *yaml_doc_slot(struct yaml_doc *yd, int parent, int slot);
/* The node of entry slot of parent, made parent's own first when more
 * than one place refers to it (an anchor and its aliases are one node):
 * a new mapping or sequence with the same entries, at the same position,
 * its id noted in yd->copies. Changing what it holds then changes one
 * path only. Returns the node, or 0. */
int yaml_doc_unshare(struct yaml_doc *yd, int parent, int slot);

/* Numbers, in plain decimal. yaml_doc_text_number returns 0 with a finite
 * *v, -1 (not a number), -2 (not finite) or -3 (not plain decimal: hex,
 * octal, a leading zero); yaml_doc_number_fault says which in words. */
int yaml_doc_is_radix(const char *s);
int yaml_doc_text_number(const char *s, double *v);
const char *yaml_doc_number_fault(int rc);
/* Reads the number at a that rule r allows into *out; quoted text is not a
 * number. Returns 1, or 0 after reporting. */
int yaml_doc_number(struct yaml_doc *yd, struct yaml_doc_at a,
		    const struct yaml_doc_rule *r, double *out);

#endif
