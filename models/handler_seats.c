/* handler_seats.c: numbered handlers of a logged run (see handler_seats.h).
 *
 * The idle handlers are a ring, longest idle at the head; the numbers of
 * handlers gone home are a list from which the lowest is taken by a linear
 * search (a pool has a few hundred handlers at most, and it runs only when
 * staff change). Every number handed out is idle, busy or gone, so both
 * arrays, sized for every number handed out, always have room. */
#include "models/handler_seats.h"

#include <assert.h>
#include <stdlib.h>

#include "sim/mem.h"

struct handler_seats {
	uint32_t *ring;          /* idle handlers, [cap] */
	size_t head, n_idle, cap;
	uint32_t *gone;          /* numbers free for reuse, [cap] */
	size_t n_gone;
	uint32_t n_numbers;      /* numbers handed out so far */
};

struct handler_seats *handler_seats_new(void)
{
	return mem_calloc(1, sizeof(struct handler_seats));
}

void handler_seats_free(struct handler_seats *s)
{
	if (s == NULL)
		return;
	free(s->ring);
	free(s->gone);
	free(s);
}

/* Room for every number handed out and one more. Returns 0 or -1. */
static int handler_seats_room(struct handler_seats *s)
{
	size_t cap = s->cap ? 2 * s->cap : 16;
	uint32_t *ring, *gone;

	if (s->n_numbers < s->cap)
		return 0;
	ring = mem_malloc(cap * sizeof *ring);
	gone = mem_malloc(cap * sizeof *gone);
	if (ring == NULL || gone == NULL) {
		free(ring);
		free(gone);
		return -1;
	}
	for (size_t i = 0; i < s->n_idle; i++)
		ring[i] = s->ring[(s->head + i) % s->cap];
	for (size_t i = 0; i < s->n_gone; i++)
		gone[i] = s->gone[i];
	free(s->ring);
	free(s->gone);
	s->ring = ring;
	s->gone = gone;
	s->head = 0;
	s->cap = cap;
	return 0;
}

/* The lowest number free: one of a handler gone, else a new one. */
static uint32_t handler_seats_number(struct handler_seats *s)
{
	size_t low = 0;
	uint32_t seat;

	if (s->n_gone == 0)
		return ++s->n_numbers;
	for (size_t i = 1; i < s->n_gone; i++)
		if (s->gone[i] < s->gone[low])
			low = i;
	seat = s->gone[low];
	s->gone[low] = s->gone[--s->n_gone];
	return seat;
}

static void handler_seats_idle(struct handler_seats *s, uint32_t seat)
{
	assert(s->n_idle < s->cap);
	s->ring[(s->head + s->n_idle++) % s->cap] = seat;
}

int handler_seats_arrive(struct handler_seats *s, int n)
{
	for (int i = 0; i < n; i++) {
		if (handler_seats_room(s) != 0)
			return -1;
		handler_seats_idle(s, handler_seats_number(s));
	}
	return 0;
}

void handler_seats_leave(struct handler_seats *s, int n)
{
	assert(n >= 0 && (size_t)n <= s->n_idle);
	for (int i = 0; i < n; i++)
		s->gone[s->n_gone++] = s->ring[(s->head + --s->n_idle) % s->cap];
}

uint32_t handler_seats_take(struct handler_seats *s)
{
	uint32_t seat;

	assert(s->n_idle > 0);
	seat = s->ring[s->head];
	s->head = (s->head + 1) % s->cap;
	s->n_idle--;
	return seat;
}

void handler_seats_release(struct handler_seats *s, uint32_t seat,
			   bool stays)
{
	if (stays)
		handler_seats_idle(s, seat);
	else
		s->gone[s->n_gone++] = seat;
}
