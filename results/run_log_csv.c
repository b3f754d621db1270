/* run_log_csv.c: the call and incident logs as CSV (see run_log_csv.h). */
#include "results/run_log_csv.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "models/local_time.h"
#include "results/emit.h"
#include "sim/mem.h"

struct run_log_csv {
	const struct scenario *sc;
	FILE *calls, *incidents;
	int64_t origin_ms;          /* scenario time 0, ms since the epoch */
	unsigned long long n_calls, n_incidents;
	uint64_t duplicate_call;    /* the last call marked a duplicate, whose
				       row comes next (models/run_log.h) */
};

static const char *const outcome_words[] = {
	[RUN_LOG_ANSWERED] = "answered",
	[RUN_LOG_ABANDONED] = "abandoned",
	[RUN_LOG_UNANSWERED_END] = "unanswered_at_end",
};

/* Scenario time t_s as milliseconds since the epoch: the one rounding
 * every time and every wait in the log goes through. */
static int64_t run_log_csv_ms(const struct run_log_csv *w, double t_s)
{
	return w->origin_ms + (int64_t)llround(t_s * 1000.0);
}

/* ",TIME", or "," alone when t_s is NAN. */
static void run_log_csv_time(const struct run_log_csv *w, FILE *f,
			     double t_s)
{
	char buf[LOCAL_TIME_ISO_MAX];

	fputc(',', f);
	if (isnan(t_s))
		return;
	local_time_iso(run_log_csv_ms(w, t_s), buf);
	fputs(buf, f);
}

/* ",SECONDS" to the millisecond, or "," alone when ms < 0 (none). */
static void run_log_csv_ms_field(FILE *f, int64_t ms)
{
	if (ms < 0)
		fputc(',', f);
	else
		fprintf(f, ",%" PRId64 ".%03" PRId64, ms / 1000, ms % 1000);
}

/* A duration drawn in seconds, to the millisecond; none when NAN. */
static int64_t run_log_csv_duration_ms(double s)
{
	return isnan(s) ? -1 : (int64_t)llround(s * 1000.0);
}

static void run_log_csv_call(void *sink, const struct run_log_call *c)
{
	struct run_log_csv *w = sink;
	FILE *f = w->calls;
	bool answered = c->outcome == RUN_LOG_ANSWERED;

	w->n_calls++;
	fprintf(f, "%" PRIu64 ",%" PRIu64 ",", c->id, c->caller);
	emit_csv_field(f, w->sc->lines[c->line].name);
	run_log_csv_time(w, f, c->arrived_s);
	run_log_csv_time(w, f, answered ? c->ended_s : NAN);
	run_log_csv_time(w, f, c->outcome == RUN_LOG_ABANDONED ? c->ended_s
							       : NAN);
	run_log_csv_ms_field(f, run_log_csv_ms(w, c->ended_s) -
			     run_log_csv_ms(w, c->arrived_s));
	run_log_csv_ms_field(f, run_log_csv_duration_ms(c->talk_s));
	run_log_csv_ms_field(f, run_log_csv_duration_ms(c->wrap_s));
	fputc(',', f);
	if (answered) {
		emit_csv_field(f, w->sc->pools[c->pool].name);
		fprintf(f, ",%" PRIu32, c->handler);
	} else {
		fputc(',', f);
	}
	fprintf(f, ",%s,%d,%d,%d\n", outcome_words[c->outcome], c->redial,
		c->counted, answered && c->id == w->duplicate_call);
}

static void run_log_csv_duplicate(void *sink, uint64_t call)
{
	((struct run_log_csv *)sink)->duplicate_call = call;
}

/* "AREA/ROLE/N": the unit's area and role, and its number (from 1) among
 * the units of its entry in the scenario's units list. */
static void run_log_csv_unit(const struct run_log_csv *w, FILE *f,
			     const struct run_log_incident *r)
{
	const struct unit_spec *u = &w->sc->units[r->unit_spec];
	char name[2 * RESPONSE_NAME_MAX + 32];

	fputc(',', f);
	if (isnan(r->dispatched_s))
		return;
	snprintf(name, sizeof name, "%s/%s/%zu", w->sc->areas[u->area].name,
		 w->sc->roles[u->role].name, r->unit + 1);
	emit_csv_field(f, name);
}

static void run_log_csv_incident(void *sink, const struct run_log_incident *r)
{
	struct run_log_csv *w = sink;
	FILE *f = w->incidents;

	w->n_incidents++;
	fprintf(f, "%" PRIu64 ",%" PRIu64 ",", r->id, r->call);
	emit_csv_field(f, w->sc->grades[r->grade].name);
	fputc(',', f);
	emit_csv_field(f, w->sc->areas[r->area].name);
	run_log_csv_time(w, f, r->created_s);
	run_log_csv_time(w, f, r->dispatched_s);
	run_log_csv_time(w, f, r->arrived_s);
	run_log_csv_time(w, f, r->cleared_s);
	run_log_csv_unit(w, f, r);
	fprintf(f, ",%d,%d\n", r->preempted, r->counted);
}

/* Rows into a file nobody asked for are dropped. */
static void run_log_csv_drop_call(void *sink, const struct run_log_call *c)
{
	((struct run_log_csv *)sink)->n_calls++;
	(void)c;
}

static void run_log_csv_drop_incident(void *sink,
				      const struct run_log_incident *r)
{
	((struct run_log_csv *)sink)->n_incidents++;
	(void)r;
}

struct run_log_csv *run_log_csv_new(const struct scenario *sc, FILE *calls,
				    FILE *incidents, struct run_log *hook)
{
	struct run_log_csv *w = mem_calloc(1, sizeof *w);

	if (w == NULL)
		return NULL;
	w->sc = sc;
	w->calls = calls;
	w->incidents = incidents;
	w->origin_ms = local_time_midnight_utc(sc->run.start) * 1000;
	if (calls != NULL)
		fputs("call_id,caller_id,line,arrived,answered,abandoned,"
		      "wait_s,talk_s,wrap_s,pool,handler,outcome,redial,counted,"
		      "duplicate\n",
		      calls);
	if (incidents != NULL)
		fputs("incident_id,call_id,grade,area,created,dispatched,"
		      "arrived,cleared,unit,preempted,counted\n", incidents);
	*hook = (struct run_log){
		.call = calls ? run_log_csv_call : run_log_csv_drop_call,
		.incident = incidents ? run_log_csv_incident
				      : run_log_csv_drop_incident,
		.sink = w,
		.duplicate = run_log_csv_duplicate,
	};
	return w;
}

unsigned long long run_log_csv_calls(const struct run_log_csv *w)
{
	return w->n_calls;
}

unsigned long long run_log_csv_incidents(const struct run_log_csv *w)
{
	return w->n_incidents;
}

void run_log_csv_free(struct run_log_csv *w)
{
	free(w);
}
