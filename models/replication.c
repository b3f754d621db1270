/* replication.c: the driver of one replication — the models of a scenario
 * on one clock, the counted period they share, and the drain that settles
 * every counted call and incident — and the result it fills.
 *
 * The driver knows models only through struct replication_model: it never
 * names a caller, a queue or a unit. Notices between models (an answered
 * call that may create an incident) pass through replication_post, so the
 * contact centre does not know whether a response model is listening. */
#include "models/replication.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "models/callback.h"
#include "models/deferrable.h"
#include "sim/mem.h"

/* After the horizon the run drains: it continues, without new first calls,
 * only to settle counted callers and incidents, for at most a week. A
 * caller still waiting then (no staff and no patience) is reported as
 * unanswered at end rather than simulated forever. */
#define DRAIN_LIMIT_S (7.0 * DAY_S)
#define REPLICATION_MODELS_MAX 3

/* The models of a replication, in the order they are created, are told
 * notices and write their figures. Their random streams follow one
 * another in this order, so a model added at the end leaves the streams of
 * those before it, and so every figure they yield, as they were. */
static const struct replication_model *const replication_models[] = {
	&contact_centre_model,
	&response_model,
	&deferrable_model,
};
_Static_assert(sizeof replication_models / sizeof *replication_models ==
	       REPLICATION_MODELS_MAX, "one slot per model");

struct replication {
	struct sim_ctx *ctx;
	const struct run_log *log;
	double warmup_s, end_s;
	size_t n_models;
	const struct replication_model *ops[REPLICATION_MODELS_MAX];
	void *state[REPLICATION_MODELS_MAX];   /* NULL until created */
	uint32_t first_stream[REPLICATION_MODELS_MAX];
	/* The models listening to each kind of notice, in order: their index
	 * when added, then (once all are created) their handler and state. */
	size_t n_listeners[REPLICATION_NOTICE_KINDS];
	struct replication_listener {
		size_t model;
		void (*handle)(void *model, const struct replication_notice *n);
		void *state;
	} listeners[REPLICATION_NOTICE_KINDS][REPLICATION_MODELS_MAX];
};

/* ---- results ---------------------------------------------------------- */

/* n zeroed figures; one more, so that an empty block is not NULL. */
static double *replication_figures(size_t n)
{
	return mem_calloc(n + 1, sizeof(double));
}

/* The contact centre's figures of res, sized for sc: 0 when all were
 * allocated. */
static int replication_calls_new(struct replication_result *res,
				 const struct scenario *sc)
{
	size_t nl = sc->n_lines, np = sc->n_pools;

	res->line = replication_figures(nl * CC_LINE_METRICS);
	res->pool = replication_figures(np * CC_POOL_METRICS);
	res->interval_line = replication_figures(HOURS_PER_WEEK * nl *
						 CC_INTERVAL_LINE_METRICS);
	res->interval_pool = replication_figures(HOURS_PER_WEEK * np *
						 CC_INTERVAL_POOL_METRICS);
	res->day_line = replication_figures(res->n_days * nl *
					    CC_DAY_LINE_METRICS);
	res->wait_line = replication_figures(FIGURE_WAIT_BINS * nl *
					     CC_WAIT_LINE_METRICS);
	res->callback_line = replication_figures(
		(callback_wanted(sc) ? nl : 0) * CB_LINE_METRICS);
	res->deferrable = replication_figures(sc->n_deferrable * DF_METRICS);
	res->hours_line = replication_figures(nl * 2);
	return !res->line || !res->pool || !res->interval_line ||
	       !res->interval_pool || !res->day_line || !res->wait_line ||
	       !res->callback_line || !res->deferrable || !res->hours_line;
}

/* The response's figures of res, sized for sc: 0 when all were
 * allocated. */
static int replication_response_new(struct replication_result *res,
				    const struct scenario *sc)
{
	size_t ng = sc->n_grades, na = sc->n_areas;

	res->rsp.grade = replication_figures(ng * RSP_GRADE_METRICS);
	res->rsp.area_grade = replication_figures(na * ng * RSP_GRADE_METRICS);
	res->rsp.area = replication_figures(na * RSP_AREA_METRICS);
	res->day_grade = replication_figures(res->n_days * ng *
					     RSP_DAY_GRADE_METRICS);
	res->day_area = replication_figures(res->n_days * na *
					    RSP_DAY_AREA_METRICS);
	res->hour_grade = replication_figures(HOURS_PER_WEEK * ng *
					      RSP_HOUR_GRADE_METRICS);
	res->hour_area = replication_figures(HOURS_PER_WEEK * na *
					     RSP_HOUR_AREA_METRICS);
	return !res->rsp.grade || !res->rsp.area_grade || !res->rsp.area ||
	       !res->day_grade || !res->day_area || !res->hour_grade ||
	       !res->hour_area;
}

/* Returns a zeroed result sized for sc, or NULL when out of memory. */
struct replication_result *replication_result_new(const struct scenario *sc)
{
	struct replication_result *res = mem_calloc(1, sizeof *res);
	if (!res)
		return NULL;
	res->n_lines = sc->n_lines;
	res->n_pools = sc->n_pools;
	res->n_grades = sc->n_grades;
	res->n_areas = sc->n_areas;
	res->n_deferrable = sc->n_deferrable;
	res->n_days = replication_days(sc);
	/* Both, so that each is tried and free sees every pointer set or
	 * NULL. */
	int failed = replication_calls_new(res, sc);
	failed |= replication_response_new(res, sc);
	if (failed) {
		replication_result_free(res);
		return NULL;
	}
	return res;
}

/* Frees a result; NULL is a no-op. */
void replication_result_free(struct replication_result *res)
{
	if (!res)
		return;
	free(res->line);
	free(res->deferrable);
	free(res->pool);
	free(res->interval_line);
	free(res->interval_pool);
	free(res->rsp.grade);
	free(res->rsp.area_grade);
	free(res->rsp.area);
	free(res->day_line);
	free(res->day_grade);
	free(res->day_area);
	free(res->hour_grade);
	free(res->hour_area);
	free(res->wait_line);
	free(res->callback_line);
	free(res->hours_line);
	free(res);
}

/* One result per replication of sc; NULL when out of memory. */
struct replication_result **replication_results_new(const struct scenario *sc,
						    size_t n)
{
	struct replication_result **res = mem_calloc(n + 1, sizeof *res);

	for (size_t i = 0; res != NULL && i < n; i++) {
		res[i] = replication_result_new(sc);
		if (res[i] == NULL) {
			replication_results_free(res, i);
			res = NULL;
		}
	}
	return res;
}

void replication_results_free(struct replication_result **res, size_t n)
{
	for (size_t i = 0; res != NULL && i < n; i++)
		replication_result_free(res[i]);
	free(res);
}

/* ---- driving the models ----------------------------------------------- */

/* Tells every model listening to n's kind, in order. Runs on every
 * answered call, so it looks at nobody else. */
void replication_post(struct replication *rep,
		      const struct replication_notice *n)
{
	const struct replication_listener *who = rep->listeners[n->kind];

	for (size_t i = 0; i < rep->n_listeners[n->kind]; i++)
		who[i].handle(who[i].state, n);
}

/* Whether any model of rep listens to notices of this kind. */
bool replication_listened(const struct replication *rep,
			  enum replication_notice_kind kind)
{
	return rep->n_listeners[kind] > 0;
}

/* Adds a model, not yet created, to rep and to the listeners of its
 * notices. */
static void replication_add(struct replication *rep,
			    const struct replication_model *ops,
			    uint32_t first_stream)
{
	size_t m = rep->n_models++;

	rep->ops[m] = ops;
	rep->first_stream[m] = first_stream;
	for (int k = 0; k < REPLICATION_NOTICE_KINDS; k++)
		if (ops->notices & REPLICATION_NOTICE(k))
			rep->listeners[k][rep->n_listeners[k]++].model = m;
}

/* Tells every model that the counted period opens or closes now. */
static void replication_period(struct replication *rep,
			       enum replication_notice_kind kind)
{
	if (sim_status(rep->ctx) == SIM_OK)
		replication_post(rep, &(struct replication_notice){ .kind = kind });
}

/* True when every model has settled its counted work. */
static bool replication_settled(const struct replication *rep)
{
	for (size_t i = 0; i < rep->n_models; i++)
		if (!rep->ops[i]->settled(rep->state[i]))
			return false;
	return true;
}

/* The random streams every model of sc draws from, together. */
static uint32_t replication_streams(const struct scenario *sc)
{
	uint32_t n = 0;

	for (size_t i = 0; i < REPLICATION_MODELS_MAX; i++)
		n += replication_models[i]->streams(sc);
	return n;
}

static void replication_free(struct replication *rep)
{
	for (size_t i = rep->n_models; i-- > 0;)
		rep->ops[i]->free(rep->state[i]);
	sim_free(rep->ctx);
}

/* Points the listeners at the models' handlers and states, once every
 * model is created. */
static void replication_listen(struct replication *rep)
{
	for (int k = 0; k < REPLICATION_NOTICE_KINDS; k++) {
		for (size_t i = 0; i < rep->n_listeners[k]; i++) {
			struct replication_listener *l = &rep->listeners[k][i];
			l->handle = rep->ops[l->model]->handle;
			l->state = rep->state[l->model];
		}
	}
}

/* Creates the context and every model sc wants, in order, each with its
 * first events on the calendar. On failure the
 * caller frees what was built with replication_free. */
static enum sim_status replication_init(struct replication *rep,
					const struct scenario *sc,
					uint32_t replication,
					struct sim_err *err)
{
	rep->warmup_s = scenario_warmup_end_s(sc);
	rep->end_s = scenario_horizon_s(sc);
	rep->ctx = sim_new(sc->run.seed, replication, replication_streams(sc),
			   err);
	if (!rep->ctx)
		return sim_err_failed(err) ? err->status : SIM_ENOMEM;
	uint32_t first_stream = 0;
	for (size_t i = 0; i < REPLICATION_MODELS_MAX; i++) {
		const struct replication_model *ops = replication_models[i];
		if (ops->wanted(sc))
			replication_add(rep, ops, first_stream);
		first_stream += ops->streams(sc);
	}
	/* Every model is known, with its listeners, before any is created. */
	for (size_t m = 0; m < rep->n_models; m++) {
		struct replication_env env = {
			.sc = sc, .ctx = rep->ctx, .rep = rep,
			.warmup_s = rep->warmup_s, .end_s = rep->end_s,
			.first_stream = rep->first_stream[m],
			.log = rep->log,
		};
		rep->state[m] = rep->ops[m]->init(&env, err);
		if (!rep->state[m])
			return sim_err_failed(err) ? err->status : SIM_ENOMEM;
	}
	replication_listen(rep);
	return SIM_OK;
}

/* Runs to the warm-up's end and opens the counted period, runs to the
 * horizon and closes it, then drains (without new first calls) until every
 * model has settled its counted work, or DRAIN_LIMIT_S has passed. The
 * period opens and closes after every event at its instant: those events
 * change no integral up to that instant, and outside any event, so no
 * event far in the future waits on the calendar for the whole run. */
static void replication_drive(struct replication *rep)
{
	sim_run_until(rep->ctx, rep->warmup_s);
	replication_period(rep, REPLICATION_PERIOD_OPEN);
	sim_run_until(rep->ctx, rep->end_s);
	replication_period(rep, REPLICATION_PERIOD_CLOSE);
	/* Drain an hour at a time, so no event past the limit ever runs. */
	double limit_s = rep->end_s + DRAIN_LIMIT_S;
	for (double t_s = rep->end_s; !replication_settled(rep) &&
	     t_s < limit_s && sim_status(rep->ctx) == SIM_OK;) {
		t_s = fmin(t_s + HOUR_S, limit_s);
		sim_run_until(rep->ctx, t_s);
	}
}

/* Runs one replication of sc into out. */
enum sim_status replication_run(const struct scenario *sc,
				uint32_t replication,
				struct replication_result *out,
				struct sim_err *err)
{
	return replication_run_logged(sc, replication, out, NULL, err);
}

enum sim_status replication_run_logged(const struct scenario *sc,
				       uint32_t replication,
				       struct replication_result *out,
				       const struct run_log *log,
				       struct sim_err *err)
{
	struct replication rep = { .log = log };
	enum sim_status st = replication_init(&rep, sc, replication, err);

	if (st == SIM_OK) {
		replication_drive(&rep);
		st = sim_status(rep.ctx);
		if (st != SIM_OK)
			sim_err_add(err, st, "replication %u: %s", replication,
				    sim_failure(rep.ctx));
	} else if (!sim_err_failed(err)) {
		sim_err_add(err, st, "replication %u: out of memory", replication);
	}
	if (st == SIM_OK) {
		for (size_t i = 0; i < rep.n_models; i++)
			rep.ops[i]->figures(rep.state[i], out);
		out->events = sim_events_run(rep.ctx);
	}
	replication_free(&rep);
	return st;
}
