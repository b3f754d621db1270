/* routing.c: the routing tables of a replication (routing.h). A force has
 * a handful of pools and lines, so the tables are small arrays built once;
 * what the contact centre asks per call is a lookup. */
#include "models/routing.h"

#include <math.h>
#include <stdlib.h>

#include "sim/mem.h"

struct routing {
	size_t n_lines;
	int *keep;                           /* [pool][line] */
	struct routing_entry *entries;       /* every pool's, back to back */
	size_t *entry_at, *n_entries;        /* [pool]: first and count */
	struct routing_taker *takers;        /* every line's, back to back */
	size_t *taker_at, *n_takers;         /* [line] */
	struct routing_line *lines;          /* [line] */
};

static bool has_rules(const struct scenario *sc)
{
	for (size_t p = 0; p < sc->n_pools; p++)
		if (sc->pools[p].n_overflow || sc->pools[p].n_reserve)
			return true;
	return false;
}

/* Pool p's overflow rules ranked ahead (or not) of its own lines, from
 * entry e on; returns the entry after them. */
static size_t put_rules(struct routing *r, const struct pool_spec *ps,
			int ahead, size_t e)
{
	for (size_t i = 0; i < ps->n_overflow; i++)
		if (ps->overflow[i].ahead == ahead)
			r->entries[e++] = (struct routing_entry){
				ps->overflow[i].line, &ps->overflow[i]};
	return e;
}

static void fill_pools(struct routing *r, const struct scenario *sc)
{
	size_t e = 0;

	for (size_t p = 0; p < sc->n_pools; p++) {
		const struct pool_spec *ps = &sc->pools[p];

		r->entry_at[p] = e;
		e = put_rules(r, ps, 1, e);
		for (size_t i = 0; i < ps->n_serves; i++)
			r->entries[e++] = (struct routing_entry){
				ps->serves[i], NULL};
		e = put_rules(r, ps, 0, e);
		r->n_entries[p] = e - r->entry_at[p];
		for (size_t i = 0; i < ps->n_reserve; i++)
			r->keep[p * sc->n_lines + ps->reserve[i].line] =
				ps->reserve[i].keep;
	}
}

static void fill_lines(struct routing *r, const struct scenario *sc)
{
	size_t t = 0;

	for (size_t l = 0; l < sc->n_lines; l++) {
		r->taker_at[l] = t;
		for (size_t p = 0; p < sc->n_pools; p++)
			for (size_t i = 0; i < sc->pools[p].n_overflow; i++)
				if (sc->pools[p].overflow[i].line == l)
					r->takers[t++] = (struct routing_taker){
						p, &sc->pools[p].overflow[i]};
		r->n_takers[l] = t - r->taker_at[l];
	}
}

enum sim_status routing_new(const struct scenario *sc, struct routing **out)
{
	size_t n_entries = 0, n_rules = 0;
	struct routing *r;

	*out = NULL;
	if (!has_rules(sc))
		return SIM_OK;
	for (size_t p = 0; p < sc->n_pools; p++) {
		n_entries += sc->pools[p].n_serves + sc->pools[p].n_overflow;
		n_rules += sc->pools[p].n_overflow;
	}
	r = mem_calloc(1, sizeof *r);
	if (!r)
		return SIM_ENOMEM;
	r->n_lines = sc->n_lines;
	r->keep = mem_calloc(sc->n_pools * sc->n_lines + 1, sizeof *r->keep);
	r->entries = mem_calloc(n_entries + 1, sizeof *r->entries);
	r->entry_at = mem_calloc(sc->n_pools + 1, sizeof *r->entry_at);
	r->n_entries = mem_calloc(sc->n_pools + 1, sizeof *r->n_entries);
	r->takers = mem_calloc(n_rules + 1, sizeof *r->takers);
	r->taker_at = mem_calloc(sc->n_lines + 1, sizeof *r->taker_at);
	r->n_takers = mem_calloc(sc->n_lines + 1, sizeof *r->n_takers);
	r->lines = mem_calloc(sc->n_lines + 1, sizeof *r->lines);
	if (!r->keep || !r->entries || !r->entry_at || !r->n_entries ||
	    !r->takers || !r->taker_at || !r->n_takers || !r->lines) {
		routing_free(r);
		return SIM_ENOMEM;
	}
	fill_pools(r, sc);
	fill_lines(r, sc);
	for (size_t l = 0; l < sc->n_lines; l++)
		r->lines[l].check_due_s = INFINITY;
	*out = r;
	return SIM_OK;
}

void routing_free(struct routing *r)
{
	if (!r)
		return;
	free(r->keep);
	free(r->entries);
	free(r->entry_at);
	free(r->n_entries);
	free(r->takers);
	free(r->taker_at);
	free(r->n_takers);
	free(r->lines);
	free(r);
}

struct routing_line *routing_line(struct routing *r, size_t l)
{
	return &r->lines[l];
}

int routing_keep(const struct routing *r, size_t p, size_t l)
{
	return r->keep[p * r->n_lines + l];
}

const int *routing_keep_row(const struct routing *r, size_t p)
{
	return r->keep + p * r->n_lines;
}

const struct routing_entry *routing_pool_lines(const struct routing *r,
					       size_t p, size_t *n)
{
	*n = r->n_entries[p];
	return r->entries + r->entry_at[p];
}

const struct routing_taker *routing_line_takers(const struct routing *r,
						size_t l, size_t *n)
{
	*n = r->n_takers[l];
	return r->takers + r->taker_at[l];
}

bool routing_pressed(const struct overflow_spec *o, size_t waiting,
		     double head_arrival_s, double now)
{
	/* NAN compares false: a rule not given never holds. */
	return (double)waiting >= o->queue || head_arrival_s + o->wait_s <= now;
}

double routing_next_check(const struct routing *r, size_t l,
			  double head_arrival_s, double now)
{
	size_t n;
	const struct routing_taker *t = routing_line_takers(r, l, &n);
	double next = INFINITY;

	for (size_t i = 0; i < n; i++) {
		double at = head_arrival_s + t[i].rule->wait_s;
		if (at > now && at < next)   /* NAN: no wait rule */
			next = at;
	}
	return next;
}
