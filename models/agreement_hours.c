/* agreement_hours.c: an answering agreement judged hour by hour
 * (agreement_hours.h). */
#include "models/agreement_hours.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "models/week.h"
#include "sim/mem.h"

/* One hour's counts in the ring. */
struct agreement_hour {
	double offered, within;
};

struct agreement_hours {
	double goal;
	size_t n_hours;            /* whole counted hours */
	size_t lag;                /* hours kept: ring slots */
	size_t first_open;         /* the oldest hour not judged yet */
	struct agreement_tally judged;
	struct agreement_hour *ring;   /* [lag]: hour k at k % lag */
};

struct agreement_hours *agreement_hours_new(double target_s, double goal,
					    size_t n_hours)
{
	struct agreement_hours *h = mem_calloc(1, sizeof *h);

	assert(target_s >= 0 && target_s <= AGREEMENT_HOURS_TARGET_MAX_S);
	if (!h)
		return NULL;
	h->goal = goal;
	h->n_hours = n_hours;
	/* An hour is final target_s after it ends: one hour more than the
	 * target's whole hours covers the target's fraction of an hour. */
	h->lag = (size_t)(target_s / HOUR_S) + 2;
	h->ring = mem_calloc(h->lag, sizeof *h->ring);
	if (!h->ring) {
		agreement_hours_free(h);
		return NULL;
	}
	return h;
}

void agreement_hours_free(struct agreement_hours *h)
{
	if (!h)
		return;
	free(h->ring);
	free(h);
}

/* Hour slot x judged into *t: met when its share within target, the same
 * division as the horizon's service level, reaches the goal. */
static void hour_judge(struct agreement_tally *t,
		       const struct agreement_hour *x, double goal)
{
	if (!(x->offered > 0))
		return;
	t->counted++;
	t->met += x->within / x->offered >= goal;
}

/* Judges the hours before `to` still in the ring, and empties their
 * slots. */
static void hours_close(struct agreement_hours *h, size_t to)
{
	for (size_t k = h->first_open; k < to && k < h->first_open + h->lag;
	     k++) {
		struct agreement_hour *x = &h->ring[k % h->lag];

		hour_judge(&h->judged, x, h->goal);
		*x = (struct agreement_hour){ 0, 0 };
	}
	h->first_open = to;
}

/* The whole counted hour t_s falls in; n_hours when none. The truncation
 * is floor for t_s >= 0. */
static size_t hour_of(const struct agreement_hours *h, double t_s)
{
	size_t k = t_s >= 0 ? (size_t)(t_s / HOUR_S) : h->n_hours;

	return k < h->n_hours ? k : h->n_hours;
}

void agreement_hours_offered(struct agreement_hours *h, double t_s)
{
	size_t k = hour_of(h, t_s);

	if (k == h->n_hours)
		return;
	if (k >= h->first_open + h->lag)
		hours_close(h, k - h->lag + 1);
	h->ring[k % h->lag].offered += 1;
}

void agreement_hours_within(struct agreement_hours *h, double t_s)
{
	size_t k = hour_of(h, t_s);

	/* An hour judged already had its verdict final: a call of it
	 * answered since waited longer than the target. */
	if (k == h->n_hours || k < h->first_open)
		return;
	h->ring[k % h->lag].within += 1;
}

struct agreement_tally agreement_hours_tally(const struct agreement_hours *h)
{
	struct agreement_tally t = h->judged;

	for (size_t k = h->first_open; k < h->first_open + h->lag; k++)
		hour_judge(&t, &h->ring[k % h->lag], h->goal);
	return t;
}
