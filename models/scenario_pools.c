/* scenario_pools.c: the handler pools of a scenario and the shifts of
 * pools and units (scenario_pools.h). */
#include "models/scenario_pools.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "models/scenario_record.h"
#include "models/scenario_rota.h"

/* ------------------------------------------------------------------ */
/* Pools and shifts                                                    */

/* days: a list of mon..sun, one of them, or "all", "weekdays",
 * "weekends". */
static unsigned parse_days_word(struct scenario_read *ld, struct yaml_doc_at a)
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

static unsigned read_days(struct scenario_read *ld, struct yaml_doc_at a)
{
	const yaml_node_t *n = yaml_doc_node(&ld->yd, a.id);

	if (yaml_doc_is_string(n))
		return parse_days_word(ld, a);
	if (!yaml_doc_expect(&ld->yd, a, YAML_SEQUENCE_NODE,
			     "a list of days (mon..sun) "
			     "or \"all\", \"weekdays\", \"weekends\""))
		return 0;
	if (yaml_doc_seq_len(n) == 0)
		yaml_doc_problem(&ld->yd, a, "is empty; list at least one day");
	return scenario_read_word_set(ld, a, yaml_doc_seq_len(n),
				      scenario_schema_days, "day",
				      "a day, mon..sun");
}

/* days: every day when absent. */
static void parse_days(struct scenario_read *ld, struct yaml_doc_at m,
		       const struct scenario_key *k, void *rec)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, kp);

	((struct shift_spec *)rec)->days = a.id ? read_days(ld, a) : 0x7fu;
}

/* end: "HH:MM" up to 48:00, after the start (next-day times pass 24:00). */
static void parse_shift_end(struct scenario_read *ld, struct yaml_doc_at a,
			    double start_s,
			    struct shift_spec *sh)
{
	char t1[16], t2[16], t3[16];
	double end = scenario_record_clock(ld, a, 48 * 3600.0, "\"HH:MM\" up to \"48:00\""
				 " (past 24:00 is the next day)");

	if (end < 0 || start_s < 0)
		return;
	if (end == start_s) {
		yaml_doc_problem(&ld->yd, a,
				 "shift ends at %s, the time it starts; "
				 "for a 24-hour shift give hours: 24 or end: "
				 "\"%s\"", scenario_read_clock_text(end, t1),
				 scenario_read_clock_text(end + 86400.0, t3));
		return;
	}
	if (end < start_s) {
		yaml_doc_problem(&ld->yd, a,
				 "shift ends at %s, before it starts at %s; "
				 "for an overnight shift give hours: %g or end: "
				 "\"%s\"", scenario_read_clock_text(end, t1),
				 scenario_read_clock_text(start_s, t2),
				 (end + 86400.0 - start_s) / 3600.0,
				 scenario_read_clock_text(end + 86400.0, t3));
		return;
	}
	if (end - start_s > 86400.0) {
		yaml_doc_problem(&ld->yd, a,
				 "shift lasts %g hours; must be at most 24",
				 (end - start_s) / 3600.0);
		return;
	}
	sh->duration_s = round(end - start_s);
}

/* The length of a shift: exactly one of hours and end. */
static void parse_shift_length(struct scenario_read *ld, struct yaml_doc_at m,
			       const struct scenario_key *k, void *rec)
{
	struct shift_spec *sh = rec;
	char hp[YAML_DOC_PATH_MAX], ep[YAML_DOC_PATH_MAX];
	struct yaml_doc_at h = yaml_doc_key(&ld->yd, m, "hours",
					    hp), e = yaml_doc_key(&ld->yd, m,
								  "end", ep);
	double hours;

	(void)k;
	if (h.id && e.id)
		yaml_doc_problem(&ld->yd, e,
				 "both hours and end are given; give one");
	else if (!h.id && !e.id)
		yaml_doc_missing(&ld->yd, m, "hours",
				 "the length in hours (0 < hours "
				 "<= 24), or an end time \"HH:MM\"");
	else if (h.id && yaml_doc_number(&ld->yd, h,
					 &scenario_schema_shift_hours, &hours))
		/* To the second: a roster change between two seconds could
		 * round back onto the previous one and never move on. */
		sh->duration_s = round(hours * 3600.0);
	else if (e.id)
		parse_shift_end(ld, e, sh->start_s, sh);
}

const struct scenario_record_hook scenario_pools_shift_hooks[] = {
	{"hours", parse_shift_length}, {"days", parse_days}, {NULL, NULL}};

/* A shift's start is -1 until read, for its end to be judged against;
 * a rota's shifts have no days and work every day. */
static void init_shift(void *rec)
{
	((struct shift_spec *)rec)->start_s = -1.0;
	((struct shift_spec *)rec)->days = 0x7fu;
}

/* shifts: of a pool, of a unit and of a rota, read alike; required
 * where the row says, and described by the row's shape if it has one. */
const struct scenario_record_kind scenario_pools_shifts = {
	"shift", "a list of shifts such as {name: early, start: \"07:00\", "
	"hours: 10, staff: 24}", NULL, 0, 1, scenario_pools_shift_hooks, 0,
	init_shift, NULL, NULL, 0};

static const struct scenario_record_hook pool_hooks[] = {
	{"rota", scenario_rota_parse}, {NULL, NULL}};

/* The reports' cost rows put the totals beside the pools, under these
 * names: a pool so named would give two rows of one key. */
static void check_pool(struct scenario_read *ld, struct yaml_doc_at m,
		       void *rec)
{
	const struct pool_spec *p = rec;
	char kp[YAML_DOC_PATH_MAX];

	if (strcmp(p->name, "total") == 0 || strcmp(p->name, "pools") == 0)
		yaml_doc_problem(&ld->yd, yaml_doc_key(&ld->yd, m, "name", kp),
				 "'%s' is reserved for "
				 "the cost totals; give the pool another name",
				 p->name);
}

const struct scenario_record_kind scenario_pools_list = {
	"pool", "a list of handler pools", NULL, 0, 0, pool_hooks,
	1 + offsetof(struct pool_spec, pos), NULL, check_pool, NULL, 0};

/* Every line needs a pool that answers it, or its callers would wait for
 * ever. Checked only once lines and pools read cleanly. */
void scenario_pools_check_served(struct scenario_read *ld,
				 struct yaml_doc_at top)
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
			yaml_doc_problem(&ld->yd,
					 yaml_doc_item(&ld->yd, s, (int)i,
								sc->lines[i].name, ip),
					 "no pool serves this line; list it in the "
					 "serves of a pool");
	}
}

