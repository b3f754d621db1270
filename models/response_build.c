/* response_build.c: setting up and tearing down the response model of one
 * replication — its lookup tables, unit groups, queues and tallies — and
 * the response model as the replication driver sees it. */
#include "models/response.h"

#include <assert.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>

#include "models/replication.h"
#include "models/response_int.h"
#include "models/scenario_rota.h"
#include "models/scenario_travel.h"
#include "sim/mem.h"

/* ---- set-up and tear-down --------------------------------------------- */

static void free_hists(struct hist **h, size_t n)
{
	if (h)
		for (size_t i = 0; i < n; i++)
			hist_free(h[i]);
	free(h);
}

void response_free(struct response *r)
{
	if (!r)
		return;
	const struct scenario *sc = r->sc;
	if (r->mix)
		for (size_t l = 0; l < sc->n_lines; l++)
			gsl_ran_discrete_free(r->mix[l]);
	free(r->mix);
	duplicate_free(r->outcomes);
	gsl_ran_discrete_free(r->area_pick);
	free(r->travel_hour);
	if (r->groups)
		for (size_t i = 0; i < sc->n_units; i++) {
			roster_free(r->groups[i].roster);
			free(r->groups[i].units);
		}
	free(r->groups);
	if (r->area_groups)
		for (size_t a = 0; a < sc->n_areas; a++)
			free(r->area_groups[a]);
	free(r->area_groups);
	free(r->n_area_groups);
	free(r->queues);
	free_hists(r->ag_hist, sc->n_areas * sc->n_grades);
	free_hists(r->g_hist, sc->n_grades);
	free(r->ag);
	free(r->area_tally);
	free(r->pending_ag);
	free(r->day_grade);
	response_period_free(r);
	while (r->chunks) {
		struct incident_chunk *next = r->chunks->next;
		free(r->chunks);
		r->chunks = next;
	}
	free(r);
}

/* The outcome mix of each line (grades, "no incident", "duplicate":
 * models/duplicate.h) and the area shares, as GSL lookup tables for O(1)
 * draws. */
static enum sim_status build_tables(struct response *r)
{
	const struct scenario *sc = r->sc;

	r->mix = mem_calloc(sc->n_lines + 1, sizeof *r->mix);
	r->outcomes = duplicate_new(sc);
	if (!r->mix || !r->outcomes)
		return SIM_ENOMEM;
	for (size_t l = 0; l < sc->n_lines; l++)
		if (!(r->mix[l] = duplicate_mix(sc, l)))
			return SIM_ENOMEM;
	double *shares = mem_calloc(sc->n_areas, sizeof *shares);
	if (!shares)
		return SIM_ENOMEM;
	for (size_t a = 0; a < sc->n_areas; a++)
		shares[a] = sc->areas[a].share;
	r->area_pick = gsl_ran_discrete_preproc(sc->n_areas, shares);
	free(shares);
	return r->area_pick ? SIM_OK : SIM_ENOMEM;
}

/* The random streams; RS_UNITS only when a grade has multi_unit, so a
 * run without one does the same work as before there was one. */
static enum sim_status build_streams(struct response *r, uint32_t first)
{
	bool multi = false;

	for (size_t g = 0; g < r->sc->n_grades; g++)
		multi = multi || r->sc->grades[g].multi_share > 0;
	for (uint32_t k = 0; k < RSP_STREAM_KINDS; k++)
		if ((k != RS_UNITS || multi) &&
		    !(r->rng[k] = sim_rng(r->ctx, first + k)))
			return SIM_ENOMEM;
	return SIM_OK;
}

/* Each area's travel factors by hour, when any area has them. */
static enum sim_status build_travel(struct response *r)
{
	const struct scenario *sc = r->sc;
	bool any = false;

	for (size_t a = 0; a < sc->n_areas; a++)
		any = any || scenario_travel_of(sc, a);
	if (!any)
		return SIM_OK;
	r->travel_hour = mem_calloc(sc->n_areas, sizeof *r->travel_hour);
	if (!r->travel_hour)
		return SIM_ENOMEM;
	for (size_t a = 0; a < sc->n_areas; a++) {
		const struct travel_week *t = scenario_travel_of(sc, a);
		r->travel_hour[a] = t ? t->factor : NULL;
	}
	return SIM_OK;
}

/* The units of one `units:` entry, all off duty, and its first roster
 * change, at time 0. */
static enum sim_status build_group(struct response *r, size_t i,
				   struct sim_err *err)
{
	const struct unit_spec *us = &r->sc->units[i];
	struct group *gr = &r->groups[i];
	struct roster_spec rs = { .shifts = us->shifts, .n_shifts = us->n_shifts,
				  .shrinkage = us->shrinkage,
				  .weekday = r->clock.weekday };

	assert(us->area < r->sc->n_areas && us->role < r->sc->n_roles);
	gr->rsp = r;
	gr->spec = us;
	gr->role = &r->sc->roles[us->role];
	/* A unit roster on a rota follows its cycle, day by day. */
	gr->roster = us->rota
		? roster_new_rota(&us->rota->spec, us->shrinkage, err)
		: roster_new(&rs, err);
	if (!gr->roster)
		return SIM_ENOMEM;
	gr->capacity = roster_peak_on_duty(gr->roster);
	gr->units = mem_calloc((size_t)gr->capacity + 1, sizeof *gr->units);
	if (!gr->units)
		return SIM_ENOMEM;
	for (int k = 0; k < gr->capacity; k++)
		gr->units[k].group = gr;
	timeavg_start(&gr->busy_ta, 0.0, 0.0);
	timeavg_start(&gr->present_ta, 0.0, 0.0);
	timeavg_start(&gr->staff_ta, 0.0, 0.0);
	return sim_schedule(r->ctx, 0.0, response_on_unit_roster, gr, 0) ?
	       SIM_OK : SIM_ENOMEM;
}

/* New empty histograms h[0..n-1]; SIM_ENOMEM when one fails. */
static enum sim_status new_hists(struct hist **h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(h[i] = hist_new()))
			return SIM_ENOMEM;
	return SIM_OK;
}

/* Per area: its groups, queues and tallies. */
static enum sim_status build_areas(struct response *r)
{
	const struct scenario *sc = r->sc;
	size_t na = sc->n_areas, ng = sc->n_grades;

	r->area_groups = mem_calloc(na, sizeof *r->area_groups);
	r->n_area_groups = mem_calloc(na, sizeof *r->n_area_groups);
	r->queues = mem_calloc(na * ng, sizeof *r->queues);
	r->ag = mem_calloc(na * ng * RSP_GRADE_METRICS, sizeof *r->ag);
	r->ag_hist = mem_calloc(na * ng, sizeof *r->ag_hist);
	r->g_hist = mem_calloc(ng, sizeof *r->g_hist);
	r->area_tally = mem_calloc(na * RSP_AREA_METRICS, sizeof *r->area_tally);
	r->pending_ag = mem_calloc(na * ng, sizeof *r->pending_ag);
	r->n_days = replication_days(sc);
	assert(r->n_days <= UINT16_MAX);   /* run.days <= 36600: an incident's day */
	local_hour_init(&r->now_hour, sc->run.warmup_s, r->n_days);
	r->day_grade = mem_calloc(r->n_days * ng * RSP_DAY_GRADE_METRICS,
				  sizeof *r->day_grade);
	if (!r->area_groups || !r->n_area_groups || !r->queues || !r->ag ||
	    !r->ag_hist || !r->g_hist || !r->area_tally || !r->pending_ag ||
	    !r->day_grade ||
	    new_hists(r->ag_hist, na * ng) != SIM_OK ||
	    new_hists(r->g_hist, ng) != SIM_OK)
		return SIM_ENOMEM;
	for (size_t a = 0; a < na; a++) {
		r->area_groups[a] = mem_calloc(sc->n_units + 1, sizeof(size_t));
		if (!r->area_groups[a])
			return SIM_ENOMEM;
		for (size_t i = 0; i < sc->n_units; i++)
			if (sc->units[i].area == a)
				r->area_groups[a][r->n_area_groups[a]++] = i;
	}
	return SIM_OK;
}

struct response *response_new(const struct scenario *sc, struct sim_ctx *ctx,
			       double warmup_s, double end_s,
			       uint32_t first_stream, struct sim_err *err)
{
	struct response *r = mem_calloc(1, sizeof *r);
	enum sim_status st = SIM_OK;

	assert(sc && sc->n_grades > 0 && sc->n_areas > 0 && ctx && err);
	if (!r)
		goto fail;
	r->sc = sc;
	r->ctx = ctx;
	r->warmup_s = warmup_s;
	r->end_s = end_s;
	local_clock_init(&r->clock, sc->run.start);
	r->max_waiting = sc->run.max_waiting ? sc->run.max_waiting
					     : SCENARIO_MAX_WAITING_DEFAULT;
	st = build_streams(r, first_stream);
	if (st == SIM_OK)
		st = build_tables(r);
	if (st == SIM_OK)
		st = build_travel(r);
	if (st == SIM_OK)
		st = build_areas(r);
	if (st == SIM_OK)
		st = response_period_build(r);
	r->groups = mem_calloc(sc->n_units + 1, sizeof *r->groups);
	if (!r->groups)
		goto fail;
	for (size_t i = 0; i < sc->n_units && st == SIM_OK; i++)
		st = build_group(r, i, err);
	if (st == SIM_OK)
		return r;
fail:
	if (!sim_err_failed(err))
		sim_err_add(err, SIM_ENOMEM, "out of memory building the response model");
	response_free(r);
	return NULL;
}

/* ---- as a model of the replication ------------------------------------ */

static bool rsp_wanted(const struct scenario *sc)
{
	return sc->n_grades > 0;
}

static uint32_t rsp_streams(const struct scenario *sc)
{
	(void)sc;
	return RSP_STREAM_KINDS;
}

static void *rsp_init(const struct replication_env *env, struct sim_err *err)
{
	struct response *r = response_new(env->sc, env->ctx, env->warmup_s,
					  env->end_s, env->first_stream, err);

	if (r)
		r->log = env->log;
	return r;
}

static void rsp_handle(void *model, const struct replication_notice *n)
{
	switch (n->kind) {
	case REPLICATION_CALL_ENDED:
		response_call_ended(model, n->line, n->counted, n->call,
				    n->at_s, n->ahead);
		break;
	case REPLICATION_PERIOD_OPEN:
		response_open(model);
		break;
	case REPLICATION_PERIOD_CLOSE:
		response_close(model);
		break;
	case REPLICATION_NOTICE_KINDS:
		assert(0 && "not a notice");
		break;
	}
}

/* Every counted incident has been attended. */
static bool rsp_settled(const void *model)
{
	return response_pending(model) == 0;
}

static void rsp_figures(const void *model, struct replication_result *out)
{
	const struct response *r = model;

	if (r->log)
		response_log_unfinished(r);
	response_figures(model, &out->rsp);
	duplicate_figures(r->outcomes, out);
	response_day_figures(model, out->day_grade);
	response_period_figures(model, out);
}

static void rsp_free(void *model)
{
	response_free(model);
}

const struct replication_model response_model = {
	.name = "response",
	.wanted = rsp_wanted,
	.streams = rsp_streams,
	.init = rsp_init,
	.notices = REPLICATION_NOTICE(REPLICATION_PERIOD_OPEN) |
		   REPLICATION_NOTICE(REPLICATION_PERIOD_CLOSE) |
		   REPLICATION_NOTICE(REPLICATION_CALL_ENDED),
	.handle = rsp_handle,
	.settled = rsp_settled,
	.figures = rsp_figures,
	.free = rsp_free,
};
