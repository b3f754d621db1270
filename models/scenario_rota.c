/* scenario_rota.c: the rota of a pool or a unit roster, read through its schema table
 * (scenario_schema_rota.c) and resolved into the rota_spec the run reads
 * (scenario_rota.h). */
#include "models/scenario_rota.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario_pools.h"

/* The longest "allowed: ..." list of shift names a message gives. */
#define ROTA_NAMES_TEXT 400

/* pattern: kept without blanks, "E, E, R" read as "E,E,R". */
static void rota_parse_pattern(struct scenario_read *ld, struct yaml_doc_at m,
			       const struct scenario_key *k, void *rec)
{
	struct scenario_rota *r = rec;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, kp);
	const char *s;
	size_t n = 0;

	if (!a.id) {
		yaml_doc_missing(&ld->yd, m, k->key, k->give);
		return;
	}
	if (!yaml_doc_expect(&ld->yd, a, YAML_SCALAR_NODE, k->give))
		return;
	s = yaml_doc_text(yaml_doc_node(&ld->yd, a.id));
	r->pattern = scenario_read_calloc(ld, strlen(s) + 1, 1);
	for (; r->pattern && *s; s++)
		if (!isspace((unsigned char)*s))
			r->pattern[n++] = *s;
}

static const struct scenario_record_hook rota_hooks[] = {
	{"pattern", rota_parse_pattern}, {NULL, NULL}};

/* Reports a shift named as a rest day is written (rota.h: R, rest, off),
 * which the pattern could not tell apart. Returns 0 when there is one. */
static int rota_names_free(struct scenario_read *ld, struct yaml_doc_at a,
			   const struct scenario_rota *r)
{
	static const char *const rest[] = {"R", "r", "rest", "off", NULL};
	char sp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];

	for (size_t i = 0; i < r->n_shifts; i++)
		if (yaml_doc_word_index(r->shifts[i].name, rest) >= 0) {
			yaml_doc_problem(&ld->yd, yaml_doc_item(&ld->yd,
				yaml_doc_key(&ld->yd, a, "shifts", sp), (int)i,
				r->shifts[i].name, ip), "'%s' is how the pattern "
				"writes a rest day (R, rest, off); give the shift "
				"another name", r->shifts[i].name);
			return 0;
		}
	return 1;
}

/* The shifts as rota.h reads them; a named pattern's own when the file
 * gives none. Returns 0 after reporting a problem. */
static int rota_resolve_shifts(struct scenario_read *ld, struct yaml_doc_at a,
			       struct scenario_rota *r,
			       const struct rota_named *nm)
{
	if (r->n_shifts == 0 && !nm) {
		yaml_doc_missing(&ld->yd, a, "shifts", "the shifts the pattern "
				 "names, such as [{name: E, start: \"07:00\", "
				 "hours: 10}]; only a named pattern (6on4off, "
				 "3x3x3, 4on4off, 2x2x2) brings its own");
		return 0;
	}
	if (r->n_shifts == 0) {
		r->shifts = scenario_read_calloc(ld, nm->n_shifts,
						 sizeof *r->shifts);
		for (size_t i = 0; r->shifts && i < nm->n_shifts; i++) {
			snprintf(r->shifts[i].name, sizeof r->shifts[i].name,
				 "%s", nm->shifts[i].name);
			r->shifts[i].start_s = nm->shifts[i].start_s;
			r->shifts[i].duration_s = nm->shifts[i].duration_s;
			r->shifts[i].days = 0x7fu;
		}
		r->n_shifts = r->shifts ? nm->n_shifts : 0;
	}
	if (!rota_names_free(ld, a, r))
		return 0;
	r->rshifts = scenario_read_calloc(ld, r->n_shifts, sizeof *r->rshifts);
	for (size_t i = 0; r->rshifts && i < r->n_shifts; i++)
		r->rshifts[i] = (struct rota_shift){ r->shifts[i].name,
			r->shifts[i].start_s, r->shifts[i].duration_s };
	return r->rshifts != NULL;
}

/* "E, L, N", the shift names, for messages. */
static void rota_names(const struct scenario_rota *r, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->n_shifts && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i ? ", " : "", r->shifts[i].name);
}

/* Whether word[0 .. n) is a shift of r or a rest day, as
 * rota_pattern_parse reads one word. */
static int rota_word_known(const struct scenario_rota *r, const char *word,
			   size_t n)
{
	char one[SHIFT_NAME_MAX + 1];
	struct sim_err e;
	int *days = NULL;
	size_t len;

	if (n == 0 || n > SHIFT_NAME_MAX)
		return 0;
	memcpy(one, word, n);
	one[n] = '\0';
	sim_err_clear(&e);
	if (rota_pattern_parse(one, r->rshifts, r->n_shifts, &days, &len, &e)
	    != SIM_OK)
		return 0;
	free(days);
	return 1;
}

/* Reports the first word of text that is neither a shift nor a rest day,
 * with the names allowed, or a cycle too long. Returns 0 when it
 * reported one. */
static int rota_words_known(struct scenario_read *ld, struct yaml_doc_at p,
			    const struct scenario_rota *r, const char *text)
{
	char names[ROTA_NAMES_TEXT];
	size_t day = 1, len;

	rota_names(r, names, sizeof names);
	for (;; text += len + 1, day++) {
		len = strcspn(text, ",");
		if (day > ROTA_DAYS_MAX) {
			yaml_doc_problem(&ld->yd, p, "the pattern has more than "
					 "%d days; a cycle may have at most %d",
					 ROTA_DAYS_MAX, ROTA_DAYS_MAX);
			return 0;
		}
		if (len == 0) {
			yaml_doc_problem(&ld->yd, p, "day %zu of the pattern is "
					 "empty; give a shift name or R for "
					 "each day, separated by commas", day);
			return 0;
		}
		if (!rota_word_known(r, text, len)) {
			yaml_doc_problem(&ld->yd, p, "unknown shift '%.*s' (day "
					 "%zu of the pattern); allowed: the "
					 "rota's shifts %s; R, rest or off for a "
					 "rest day; or a named pattern: %s",
					 (int)(len < 60 ? len : 60), text, day,
					 names, rota_named_list);
			return 0;
		}
		if (text[len] == '\0')
			return 1;
	}
}

/* A problem of rota.h's (err's first line) at a. */
static void rota_report(struct scenario_read *ld, struct yaml_doc_at a,
			const struct sim_err *e)
{
	const char *msg = e->text;

	if (strncmp(msg, "rota pattern: ", 14) == 0)
		msg += 14;
	else if (strncmp(msg, "rota: ", 6) == 0)
		msg += 6;
	yaml_doc_problem(&ld->yd, a, "%.*s", (int)strcspn(msg, "\n"), msg);
}

/* The pattern into days, checked against the Working Time Regulations
 * as each person works it, round and round. Returns 0 after a problem. */
static int rota_resolve_pattern(struct scenario_read *ld, struct yaml_doc_at p,
				struct scenario_rota *r, const char *text)
{
	struct sim_err e;
	size_t n = 0;

	sim_err_clear(&e);
	if (!rota_words_known(ld, p, r, text))
		return 0;
	if (rota_pattern_parse(text, r->rshifts, r->n_shifts, &r->days, &n,
			       &e) == SIM_OK &&
	    rota_wtr_check(r->rshifts, r->days, n, &e) == SIM_OK) {
		r->spec.n_days = n;
		return 1;
	}
	rota_report(ld, p, &e);
	return 0;
}

/* Teams, offsets and the start, into spec; checked as rota_check does.
 * Returns 0 after a problem. */
static int rota_resolve_teams(struct scenario_read *ld, struct yaml_doc_at a,
			      struct scenario_rota *r)
{
	char tp[YAML_DOC_PATH_MAX], op[YAML_DOC_PATH_MAX];
	struct yaml_doc_at t = yaml_doc_key(&ld->yd, a, "teams", tp);
	struct yaml_doc_at o = yaml_doc_key(&ld->yd, a, "offsets", op);
	struct sim_err e;

	if (r->offsets && r->n_offsets != r->teams) {
		yaml_doc_problem(&ld->yd, o, "gives %zu offsets for %zu teams; "
				 "give one a team, or none for an even stagger",
				 r->n_offsets, r->teams);
		return 0;
	}
	r->spec = (struct rota_spec){ r->rshifts, r->n_shifts, r->days,
		r->spec.n_days, r->teams, r->offsets, r->per_team,
		r->start.year ? demand_day_number(r->start)
		- demand_day_number(ld->sc->run.start) : 0 };
	sim_err_clear(&e);
	if (rota_check(&r->spec, &e) == SIM_OK)
		return 1;
	rota_report(ld, r->offsets ? o : t, &e);
	return 0;
}

/* Everything the rota's keys leave to be worked out, once they read
 * cleanly. */
static void rota_resolve(struct scenario_read *ld, struct yaml_doc_at a,
			 struct scenario_rota *r)
{
	const struct rota_named *nm = rota_named_find(r->pattern);
	char pp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at p = yaml_doc_key(&ld->yd, a, "pattern", pp);

	if (!rota_resolve_shifts(ld, a, r, nm))
		return;
	if (!rota_resolve_pattern(ld, p, r, nm ? nm->pattern : r->pattern))
		return;
	rota_resolve_teams(ld, a, r);
}

/* The rota at key k of m (a pool or a unit roster) into rec, where the
 * row says; refused beside shifts. */
void scenario_rota_parse(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec)
{
	struct scenario_rota **out = (struct scenario_rota **)(void *)
		((char *)rec + k->offset);
	char kp[YAML_DOC_PATH_MAX], sp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, m, k->key, kp);
	int before = ld->yd.n_problems;

	if (!a.id)
		return;
	if (yaml_doc_key(&ld->yd, m, k->other, sp).id) {
		yaml_doc_problem(&ld->yd, a, "both shifts and rota are given; "
				 "give one: shifts for a weekly roster, or rota "
				 "for teams on a rotating pattern");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE, k->shape))
		return;
	*out = scenario_read_calloc(ld, 1, sizeof **out);
	if (!*out)
		return;
	scenario_record_read(ld, a, k->sub, rota_hooks, *out);
	if (ld->yd.n_problems == before)
		rota_resolve(ld, a, *out);
}

int scenario_rota_people(const struct scenario_rota *r)
{
	return rota_people(&r->spec);
}

void scenario_rota_free(struct scenario_rota *r)
{
	if (!r)
		return;
	free(r->pattern);
	free(r->shifts);
	free(r->offsets);
	free(r->rshifts);
	free(r->days);
	free(r);
}
