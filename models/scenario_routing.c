/* scenario_routing.c: a pool's overflow rules and reserves
 * (scenario_routing.h). Each is a list of unnamed records, read through
 * the schema's tables (scenario_schema_overflow, scenario_schema_reserve)
 * like any other list; what joins them to the pool — a rule for a line
 * the pool already serves, a reserve on a line it never answers, a line
 * listed twice — is checked here, once the list is read. The pool's
 * serves are read before (the pool's table lists serves first), and
 * overflow before reserve. */
#include "models/scenario_routing.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Until read, an item's line is none: a line that failed to read is not
 * checked again. Both records begin with their line. */
_Static_assert(offsetof(struct overflow_spec, line) == 0, "line first");
_Static_assert(offsetof(struct reserve_spec, line) == 0, "line first");
static void init_line(void *rec)
{
	*(size_t *)rec = SIZE_MAX;
}

/* Where line l stands in pool p's serves, or -1. */
static long serve_rank(const struct pool_spec *p, size_t l)
{
	for (size_t i = 0; i < p->n_serves; i++)
		if (p->serves[i] == l)
			return (long)i;
	return -1;
}

/* The line key of item i of list s, for a message about it. */
static struct yaml_doc_at item_line(struct scenario_read *ld,
				    struct yaml_doc_at s, size_t i,
				    char ip[YAML_DOC_PATH_MAX],
				    char kp[YAML_DOC_PATH_MAX])
{
	struct yaml_doc_at it = yaml_doc_item(&ld->yd, s, (int)i, NULL, ip);

	return yaml_doc_key(&ld->yd, it, "line", kp);
}

/* Rule i of pool p against the pool and the rules before it. */
static void check_overflow(struct scenario_read *ld, struct yaml_doc_at s,
			   const struct pool_spec *p, size_t i)
{
	char ip[YAML_DOC_PATH_MAX], kp[YAML_DOC_PATH_MAX];
	const struct overflow_spec *o = &p->overflow[i];
	const char *name = ld->sc->lines[o->line].name;
	struct yaml_doc_at a = item_line(ld, s, i, ip, kp);

	if (serve_rank(p, o->line) >= 0) {
		yaml_doc_problem(&ld->yd, a, "pool '%s' already serves line "
				 "'%s'; an overflow rule is for a line the "
				 "pool does not serve", p->name, name);
		return;
	}
	for (size_t j = 0; j < i; j++)
		if (p->overflow[j].line == o->line) {
			yaml_doc_problem(&ld->yd, a, "line '%s' has two "
					 "overflow rules in this pool; give "
					 "one, with queue and wait_s", name);
			return;
		}
	/* By the keys, not the values: a value refused is reported already. */
	struct yaml_doc_at it = yaml_doc_item(&ld->yd, s, (int)i, NULL, ip);
	if (!yaml_doc_key(&ld->yd, it, "queue", kp).id &&
	    !yaml_doc_key(&ld->yd, it, "wait_s", kp).id)
		yaml_doc_problem(&ld->yd, it, "gives neither queue nor wait_s; "
				 "give one or both (the rule holds when "
				 "either is met)");
}

/* Is line l one pool p overflows to? */
static int overflows_to(const struct pool_spec *p, size_t l)
{
	for (size_t i = 0; i < p->n_overflow; i++)
		if (p->overflow[i].line == l)
			return 1;
	return 0;
}

/* The line pool p's free handler looks at first: an overflow line
 * ranked before its own, else its first own line. */
static size_t first_line(const struct pool_spec *p)
{
	for (size_t i = 0; i < p->n_overflow; i++)
		if (p->overflow[i].ahead)
			return p->overflow[i].line;
	return p->serves ? p->serves[0] : SIZE_MAX;
}

/* Reserve i of pool p: a line the pool answers below its first. */
static void check_reserve(struct scenario_read *ld, struct yaml_doc_at s,
			  const struct pool_spec *p, size_t i)
{
	char ip[YAML_DOC_PATH_MAX], kp[YAML_DOC_PATH_MAX];
	const struct reserve_spec *r = &p->reserve[i];
	const char *name = ld->sc->lines[r->line].name;
	struct yaml_doc_at a = item_line(ld, s, i, ip, kp);
	long rank = serve_rank(p, r->line);

	if (rank < 0 && !overflows_to(p, r->line))
		yaml_doc_problem(&ld->yd, a, "pool '%s' does not answer line "
				 "'%s'; a reserve is for a line in its serves "
				 "(after the first) or its overflow", p->name,
				 name);
	else if (r->line == first_line(p))
		yaml_doc_problem(&ld->yd, a, "line '%s' is the first line pool "
				 "'%s' answers; a reserve holds handlers back "
				 "from a lower line for those above it", name,
				 p->name);
	for (size_t j = 0; j < i; j++)
		if (p->reserve[j].line == r->line) {
			yaml_doc_problem(&ld->yd, a, "line '%s' has two "
					 "reserves in this pool; give one",
					 name);
			return;
		}
}

/* The rules that join each item of the list of row k, under pool m, to
 * the pool and the items before it; not an item whose line failed. */
static void check_items(struct scenario_read *ld, struct yaml_doc_at m,
			const struct scenario_key *k, void *rec)
{
	int over = k->sub == scenario_schema_overflow;
	size_t n = *(size_t *)(void *)((char *)rec + k->count);
	const char *items = *(char **)(void *)((char *)rec + k->offset);
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, m, k->key, kp);

	for (size_t i = 0; i < n; i++)
		if (*(const size_t *)(const void *)(items + i * k->size) !=
		    SIZE_MAX)
			(over ? check_overflow : check_reserve)(ld, s, rec, i);
}

const struct scenario_record_kind scenario_routing_overflow = {
	"overflow rule", "a list of overflow rules such as {line: \"999\", "
	"wait_s: 5, queue: 3}", "a mapping such as {line: \"999\", wait_s: "
	"5, queue: 3}", SCENARIO_LIST_MAX, 1, NULL, 0, init_line, NULL,
	check_items, 0};

const struct scenario_record_kind scenario_routing_reserve = {
	"reserve", "a list of reserves such as {line: \"101\", keep: 2}",
	"a mapping such as {line: \"101\", keep: 2}", SCENARIO_LIST_MAX, 1,
	NULL, 0, init_line, NULL, check_items, 0};
