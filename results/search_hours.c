/* search_hours.c: the optimiser's search for call handlers (see
 * search_hours.h). */
#include "results/search_hours.h"

#include <math.h>
#include <stdlib.h>

#include "models/agreement.h"

#include "results/experiment.h"
#include "sim/mem.h"

/* The state of a search: the plan, and the figures of the round last
 * read. */
struct search_hours_x {
	const struct scenario *base;
	struct optimise_plan *plan;
	bool *met;                 /* [n_lines] verdict met */
	size_t *worst;             /* [n_lines] hours to raise when none is
				      below the goal */
	double *hour_sl;           /* [HOURS_PER_WEEK][n_lines] service level */
	bool lines_met;            /* every line met in the round */
	bool *stream_met;          /* [n_deferrable] verdict met */
	size_t *stream_short;      /* [n_deferrable] hours it falls short by */
	unsigned stream_rounds;    /* rounds raised for streams so far */
	int max_staff;
};

/* The staffing of a round: each chosen pool's roster. */
static enum sim_status search_hours_staffing(void *arg, struct search_round *r,
					     struct sim_err *err)
{
	const struct search_hours_x *x = arg;
	const struct optimise_plan *plan = x->plan;
	enum sim_status st = SIM_OK;

	for (size_t p = 0; st == SIM_OK && p < plan->n_pools; p++) {
		struct scenario_edit edit;
		char *roster;

		if (!plan->chosen[p])
			continue;
		/* The pool's shift list stays YAML text: it is what the user
		 * is told to give --set, so the round simulates exactly it. */
		roster = optimise_shifts_override(x->base, plan, p);
		edit = experiment_edit(roster ? roster : "", "--set");
		st = roster != NULL ? search_round_add(r, &edit, err)
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
		free(roster);
	}
	return st;
}

/* The hours of the week line l falls short by: for an agreement judged
 * per hour, its share of hours met below on_at_least, as hours of a
 * week (at least 1); else 1, the one worst hour raised a round. */
static size_t search_hours_short(const struct summary *s, size_t l)
{
	const struct line_spec *ls = &s->sc->lines[l];
	double gap = ls->on_at_least - s->lines[l].periods_met.mean;

	if (ls->per != AGREEMENT_HOUR || !(gap > 0))
		return 1;
	return (size_t)ceil(gap * HOURS_PER_WEEK);
}

/* The hours of the week deferrable stream i falls short by. Met asks the
 * lower end of its share within target (lo) to reach the goal, so of the
 * items late now (1 - lo) a share (goal - lo) / (1 - lo) must be on time;
 * items are late in the hours the pool has least to spare, and that share
 * of the week's hours (at least 1) gets one more handler. A step in
 * proportion to the shortfall alone would add an hour or two a round once
 * the stream is near its goal, where each point costs most. */
size_t search_hours_stream_short(const struct summary *s, size_t i)
{
	double lo = s->deferrable[i].m[DF_WITHIN_TARGET].lo;
	double gap = s->sc->deferrable[i].work.goal - lo;

	if (!(gap > 0) || !(lo < 1))
		return 1;
	return (size_t)ceil(fmin(gap / (1 - lo), 1) * HOURS_PER_WEEK);
}

/* Reads the round's deferrable streams: their verdicts and shortfalls;
 * returns whether every stream with a goal is met. */
static bool search_hours_streams(struct search_hours_x *x,
				 const struct summary *s)
{
	bool all = true;

	for (size_t i = 0; i < s->n_deferrable; i++) {
		x->stream_met[i] = !s->deferrable[i].has_goal
				   || s->deferrable[i].verdict == CI_MET;
		x->stream_short[i] = search_hours_stream_short(s, i);
		all = all && x->stream_met[i];
	}
	return all;
}

/* Reads the round's verdicts (met[l]) and hourly service levels
 * (hour_sl[h][l]), and the streams'; returns whether every line and
 * every stream with a goal is met. */
static bool search_hours_verdicts(void *arg, const struct summary *s)
{
	struct search_hours_x *x = arg;
	bool all = true;

	for (size_t l = 0; l < s->n_lines; l++) {
		x->met[l] = !s->lines[l].has_goal || s->lines[l].verdict == CI_MET;
		x->worst[l] = search_hours_short(s, l);
		all = all && x->met[l];
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			x->hour_sl[h * s->n_lines + l] =
				summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;
	}
	x->lines_met = all;
	return search_hours_streams(x, s) && all;
}

/* Whether a line that misses its goal has its load on a pool not chosen
 * (or on none): raising the plan cannot help it. Says which. */
static bool search_hours_unreachable(const void *arg, struct sim_err *err)
{
	const struct search_hours_x *x = arg;
	const struct scenario *sc = x->base;
	const struct optimise_plan *plan = x->plan;

	for (size_t l = 0; l < sc->n_lines; l++) {
		long p = plan->primary[l];

		if (x->met[l] || (p >= 0 && plan->chosen[p]))
			continue;
		if (p < 0)
			sim_err_add(err, SIM_EINVAL, "line %s misses its goal and "
				    "no pool answers it", sc->lines[l].name);
		else
			sim_err_add(err, SIM_EINVAL, "line %s misses its goal and "
				    "pool %s, which answers it first, is not "
				    "optimised; add --pool %s", sc->lines[l].name,
				    sc->pools[p].name, sc->pools[p].name);
		return true;
	}
	for (size_t i = 0; i < sc->n_deferrable; i++) {
		size_t p = sc->deferrable[i].pool;

		if (x->stream_met[i] || plan->chosen[p])
			continue;
		sim_err_add(err, SIM_EINVAL, "deferrable %s misses its goal and "
			    "pool %s, which works it, is not optimised; add "
			    "--pool %s", sc->deferrable[i].work.name,
			    sc->pools[p].name, sc->pools[p].name);
		return true;
	}
	return false;
}

/* One round of raising for the streams that miss, every line met: each
 * pool working one gets one more on duty in its busiest hours, as many
 * as the furthest short of its streams asks. Returns how many hours were
 * raised. */
static size_t search_hours_raise_streams(struct search_hours_x *x)
{
	const struct scenario *sc = x->base;
	size_t n = 0;

	for (size_t p = 0; p < sc->n_pools; p++) {
		size_t want = 0;

		for (size_t i = 0; i < sc->n_deferrable; i++)
			if (!x->stream_met[i] && sc->deferrable[i].pool == p
			    && x->stream_short[i] > want)
				want = x->stream_short[i];
		if (want > 0)
			n += optimise_plan_raise_pool(x->plan, p, want);
	}
	return n;
}

/* The first stream that misses, for the message of a search that gave
 * up on it. */
static size_t search_hours_first_missed(const struct search_hours_x *x)
{
	size_t i = 0;

	while (i + 1 < x->base->n_deferrable && x->stream_met[i])
		i++;
	return i;
}

static size_t search_hours_raise(void *arg, struct sim_err *err)
{
	struct search_hours_x *x = arg;
	size_t n = 0;

	/* Lines first: staff added for a line's hours may well be what a
	 * stream lacked, and a stream's raise is judged on the whole run. */
	if (!x->lines_met) {
		n = optimise_plan_raise(x->plan, x->base, x->hour_sl, x->met,
					x->worst);
	} else if (x->stream_rounds >= SEARCH_HOURS_STREAM_ROUNDS) {
		const struct deferrable_spec *d =
			&x->base->deferrable[search_hours_first_missed(x)];

		sim_err_add(err, SIM_EINVAL, "deferrable %s still misses its "
			    "goal after %u rounds raising pool %s in its busiest "
			    "hours; the last plan tried is printed", d->work.name,
			    x->stream_rounds, x->base->pools[d->pool].name);
		return 0;
	} else {
		n = search_hours_raise_streams(x);
		x->stream_rounds++;
	}
	if (n == 0)
		sim_err_add(err, SIM_EINVAL, "no staffing with at most %d on duty "
			    "in an hour (--max-staff) meets every agreement",
			    x->max_staff);
	return n;
}

static const struct search_ops search_hours_ops = {
	.staffing = search_hours_staffing,
	.verdicts = search_hours_verdicts,
	.unreachable = search_hours_unreachable,
	.raise = search_hours_raise,
	.grades = false,
	.what = "staffing",
};

enum search_end search_hours_run(const struct search_spec *spec,
				 const struct scenario *base, const bool *chosen,
				 int max_staff, struct search_hours *out,
				 struct sim_err *err)
{
	struct search_hours_x x = { .base = base, .max_staff = max_staff };
	struct search s = { spec, &search_hours_ops, &x, 0 };
	enum search_end end = SEARCH_FAILED;

	*out = (struct search_hours){ 0 };
	x.met = mem_calloc(base->n_lines + 1, sizeof *x.met);
	x.worst = mem_calloc(base->n_lines + 1, sizeof *x.worst);
	x.hour_sl = mem_calloc(HOURS_PER_WEEK * base->n_lines + 1,
			       sizeof *x.hour_sl);
	x.stream_met = mem_calloc(base->n_deferrable + 1, sizeof *x.stream_met);
	x.stream_short = mem_calloc(base->n_deferrable + 1,
				    sizeof *x.stream_short);
	if (x.met == NULL || x.worst == NULL || x.hour_sl == NULL
	    || x.stream_met == NULL || x.stream_short == NULL)
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	else
		x.plan = optimise_plan_new(base, chosen, max_staff, err);
	if (x.plan != NULL)
		end = search_raise(&s, &out->round, err);
	out->plan = x.plan;
	out->sims = s.sims;
	free(x.met);
	free(x.worst);
	free(x.hour_sl);
	free(x.stream_met);
	free(x.stream_short);
	return end;
}

void search_hours_clear(struct search_hours *h)
{
	optimise_plan_free(h->plan);
	search_round_clear(&h->round);
	*h = (struct search_hours){ 0 };
}
