/* contact_centre_figures.c: a replication's figures of the contact centre
 * (contact_centre_int.h) — each line's calls, waits, hours and days, and
 * each pool's occupancy and staff — from the tallies the run kept. */
#include "models/contact_centre_int.h"

#include <math.h>

static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* Counted callers still in the line's queue: at the end of the drain, the
 * calls offered that were neither answered nor abandoned. Counted from the
 * queue itself, not from the other tallies, so offered = answered +
 * abandoned + unanswered at end is a check, not a definition. */
static double counted_waiting(const struct line_state *ls)
{
	double n = 0;

	for (const struct caller *c = ls->head; c; c = c->next)
		n += c->counted;
	return n;
}

/* The sum of a line's tally by the hour of the week: whole numbers, so
 * exact whatever the order. */
static double week_sum(const double *by_hour)
{
	double sum = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		sum += by_hour[h];
	return sum;
}

static void line_figures(const struct cc_model *m, size_t l,
			 struct replication_result *out)
{
	const struct line_state *ls = &m->lines[l];
	double *f = replication_line_at(out, l);
	double offered = week_sum(ls->h_offered);
	double answered = week_sum(ls->h_answered);
	double weeks_in_hour;

	f[CC_OFFERED] = offered;
	f[CC_ANSWERED] = answered;
	f[CC_ABANDONED] = ls->abandoned;
	f[CC_UNANSWERED_END] = counted_waiting(ls);
	f[CC_ANSWERED_OVERFLOW] = ls->overflowed;
	f[CC_OVERFLOW_SHARE] = ratio(ls->overflowed, answered);
	/* Without incident grades every answered call is resolved on it; a
	 * response model writes its own tallies over these afterwards
	 * (models/duplicate.h). */
	f[CC_RESOLVED] = answered;
	f[CC_CALLS_PER_INCIDENT] = NAN;
	f[CC_ABANDONED_5S] = ls->abandoned_5s;
	f[CC_REPEATS] = ls->repeats;
	f[CC_SERVICE_LEVEL] = ratio(week_sum(ls->h_in_target), offered);
	f[CC_ABANDON_RATE] = ratio(ls->abandoned, offered);
	f[CC_ASA_S] = ratio(ls->wait_sum_s, answered);
	f[CC_WAIT_P50_S] = hist_quantile(ls->waits, 0.50);
	f[CC_WAIT_P90_S] = hist_quantile(ls->waits, 0.90);
	f[CC_WAIT_P95_S] = hist_quantile(ls->waits, 0.95);
	f[CC_WAIT_P99_S] = hist_quantile(ls->waits, 0.99);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double *i = replication_iline_at(out, h, l);
		/* Hours of that slot in the counted period: a mean per week. */
		weeks_in_hour = m->h_seconds[h] / HOUR_S;
		i[CC_I_OFFERED] = ratio(ls->h_offered[h], weeks_in_hour);
		i[CC_I_ANSWERED] = ratio(ls->h_answered[h], weeks_in_hour);
		i[CC_I_SERVICE_LEVEL] = ratio(ls->h_in_target[h], ls->h_offered[h]);
	}
}

/* Line l's wait distribution: its answered calls by the bin their wait
 * fell in. The edges are edges of the histogram's bins, so each count is
 * exact and the bins add up to the answered calls. */
static void line_wait_figures(const struct cc_model *m, size_t l,
			      struct replication_result *out)
{
	static const double edges[FIGURE_WAIT_BINS] = { FIGURE_WAIT_EDGES };
	const struct hist *h = m->lines[l].waits;
	double below[FIGURE_WAIT_BINS + 1];

	hist_counts_below(h, edges, FIGURE_WAIT_BINS, below);
	below[FIGURE_WAIT_BINS] = hist_count(h);
	for (size_t b = 0; b < FIGURE_WAIT_BINS; b++)
		replication_wline_at(out, b, l)[CC_W_ANSWERED] =
			below[b + 1] - below[b];
}

/* Line l's figures of each counted day. */
static void line_day_figures(const struct cc_model *m, size_t l,
			     struct replication_result *out)
{
	const struct line_state *ls = &m->lines[l];

	for (size_t d = 0; d < m->n_days; d++) {
		const struct day_tally *dt = &ls->days[d];
		double *f = replication_dline_at(out, d, l);

		f[CC_D_OFFERED] = dt->offered;
		f[CC_D_SERVICE_LEVEL] = ratio(dt->in_target, dt->offered);
		f[CC_D_ASA_S] = ratio(dt->wait_sum_s, dt->answered);
	}
}

static void pool_figures(const struct cc_model *m, size_t p,
			 struct replication_result *out)
{
	const struct pool_state *ps = &m->pools[p];
	double *f = replication_pool_at(out, p);
	double counted_s = m->end_s - m->warmup_s;

	f[CC_OCCUPANCY] = ratio(ps->busy_s, ps->present_s);
	f[CC_STAFF_ON_DUTY] = ratio(ps->staff_s, counted_s);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double *i = replication_ipool_at(out, h, p);
		i[CC_I_STAFF] = ratio(ps->h_staff[h], m->h_seconds[h]);
		i[CC_I_OCCUPANCY] = ratio(ps->h_busy[h], ps->h_present[h]);
	}
}

void contact_centre_figures(const struct cc_model *m,
			    struct replication_result *out)
{
	for (size_t l = 0; l < m->sc->n_lines; l++) {
		line_figures(m, l, out);
		line_day_figures(m, l, out);
		line_wait_figures(m, l, out);
		if (m->lines[l].hours) {
			struct agreement_tally t =
				agreement_hours_tally(m->lines[l].hours);
			out->hours_line[2 * l] = (double)t.counted;
			out->hours_line[2 * l + 1] = (double)t.met;
		}
	}
	for (size_t p = 0; p < m->sc->n_pools; p++)
		pool_figures(m, p, out);
	if (m->callbacks)
		for (size_t l = 0; l < m->sc->n_lines; l++)
			callback_figures(m->callbacks, l,
					 replication_cbline_at(out, l));
}
