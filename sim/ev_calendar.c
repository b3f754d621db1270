/* ev_calendar.c: the future-event list as a calendar queue (Brown, 1988)
 * in front of a 4-ary heap.
 *
 * A replication of the bundled scenario holds about 340 pending events, and
 * a heap pays for every one of them on every pop: sift-down walks all its
 * levels, because the key moved to the root is the last, one of the latest.
 * Most of those events are far off (a grading delay of hours, an officer
 * on scene), while the ones about to pop are few. So events are sorted only
 * roughly at first: time is cut into buckets of `width` seconds, and a ring
 * of EV_RING_N buckets covers the window [lo, lo + EV_RING_N) of bucket
 * numbers. An event whose bucket is in the window goes into that bucket's
 * list, kept sorted by (time_s, seq), and a pop takes the head of the first
 * non-empty bucket. Buckets are narrow, a quarter of the mean gap between
 * pops, so most hold no event or one: a push then reads the bucket and
 * rarely an event already there, whose comparison would be a cache miss
 * and a branch the predictor loses, while the pop finds the next
 * non-empty bucket in a bitmap, 64 buckets a word. (Measured on the
 * bundled scenario against buckets of four mean gaps, a tenth of its
 * time.)
 * Everything outside the window (far-future events, and any pushed earlier
 * than the last pop, which the engine never does but the calendar allows)
 * waits in the heap. As pops move the window on, heap events whose bucket
 * enters it move into the ring.
 *
 * Order is exact, not approximate: bucket numbers never decrease as time
 * increases, so every event of a lower bucket pops first, a bucket's list
 * is sorted by (time_s, seq), and the heap's events are all before the
 * window or all after (see ev_first). The width only changes the cost:
 * every EV_ADAPT_POPS pops it is set to about EV_WIDTH_GAPS mean gaps
 * between pops (a power of two, changed only when off by more than a
 * factor of EV_WIDTH_SLACK, and the ring rebuilt).
 *
 * A calendar with few events gains nothing from the ring (a single-server
 * queue holds two or three), so until more than EV_RING_START events are
 * pending at once they are kept in a short sorted list instead, where a
 * pop is a read and a push moves a key or two; from then on the ring
 * stays. The short list keeps each time as the double it is, compared as
 * a double: no key to compute, and one comparison decides nearly always.
 * Only the ring's pops are counted for its width: while the short list
 * serves, no width is used, and counting would cost every pop of a
 * single-server queue a few instructions for nothing.
 *
 * The events themselves live in numbered slots; the heap and the short
 * list move 16-byte keys (time, order), where `order` packs the insertion
 * sequence above the slot, and the ring links slots. Limits of the
 * packing: at most 2^24 events pending at once and 2^40 pushes in the
 * calendar's life (11 days of pushing at 10^6 a second); beyond either a
 * push fails as when out of memory. */
#include "sim/ev_calendar.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

/* A contact centre day holds a few hundred pending events; starting at
 * 256 makes the first doublings happen during warm-up, not later. */
#define EV_CALENDAR_CAP0 256
#define EV_SLOT_BITS 24
#define EV_SLOT_MASK ((UINT64_C(1) << EV_SLOT_BITS) - 1)
#define EV_SLOTS_MAX (UINT64_C(1) << EV_SLOT_BITS)
#define EV_SEQ_MAX (UINT64_C(1) << (64 - EV_SLOT_BITS))
#define EV_ARITY 4
/* Buckets in the ring: with a width of a quarter gap, the window spans two
 * thousand mean gaps (hours in the bundled scenario), so only the far tail
 * of the events waits in the heap. The ring's heads take 32 kB. */
#define EV_RING_BITS 13
#define EV_RING_N ((int64_t)1 << EV_RING_BITS)
#define EV_RING_MASK ((uint64_t)EV_RING_N - 1)
#define EV_RING_START 16
/* Room for the short list, which moves back to the start of its array
 * when it reaches the end: every EV_SHORT_CAP - EV_RING_START pops at
 * worst. */
#define EV_SHORT_CAP 64
#define EV_ADAPT_POPS 1024
#define EV_WIDTH_GAPS 0.25
/* A width is kept while within this factor of the one wanted: a factor
 * of two rebuilt W3's ring twice a day, as the day's rates moved the
 * wanted width across a power of two and back (each rebuild refiles
 * every pending event), where four keeps one width nearly all the run
 * and costs fewer instructions (bench/instructions). */
#define EV_WIDTH_SLACK 4.0
#define EV_BUSY_MASK ((uint64_t)EV_RING_N / 64 - 1)
#define EV_LANES EV_CALENDAR_LANES
/* Rare paths (growing the arrays, refitting the width) kept out of push
 * and pop, so that their registers and code do not burden the common
 * path. */
#if defined(__GNUC__)
#define EV_COLD __attribute__((cold, noinline))
#else
#define EV_COLD
#endif
/* The ring's insertion, inlined into the push: a call there cost W2 and
 * W3 half a per cent of their instructions. */
#if defined(__GNUC__)
#define EV_ALWAYS_INLINE __attribute__((always_inline))
#else
#define EV_ALWAYS_INLINE
#endif
/* The end of an empty list. */
#define EV_NIL UINT32_MAX
/* Bucket numbers are clamped to +-2^62 so that lo + EV_RING_N cannot
 * overflow; clamping keeps them non-decreasing in time. */
#define EV_BUCKET_MAX ((int64_t)1 << 62)

struct ev_key {
	uint64_t time;   /* time_s as an order-preserving integer */
	uint64_t order;  /* seq << EV_SLOT_BITS | slot */
};

/* A key of the short list: the time itself, and the order as above. */
struct ev_short {
	double time_s;
	uint64_t order;
};

struct ev_node {
	struct ev_event ev;
	uint32_t next;   /* the next slot of the same bucket, or EV_NIL */
};

struct ev_calendar {
	struct ev_node *node;    /* the events, by slot */
	uint32_t *free_slot;     /* stack of unused slots */
	size_t n;                /* events held */
	size_t n_free;           /* unused slots on the stack */
	size_t cap;              /* slots allocated */
	uint64_t next_seq;       /* sequence number of the next push */
	struct ev_key *heap;     /* the events outside the window */
	size_t n_heap;
	size_t n_past;           /* heap events before the window */
	int64_t heap_enter;      /* the window start at which the heap's
				    earliest event enters the window
				    (INT64_MAX: the heap is empty) */
	/* Before the ring starts, every event, earliest first, in
	 * list[head .. head + n_short). */
	struct ev_short list[EV_SHORT_CAP];
	size_t n_short;
	size_t head;
	uint32_t *bucket;        /* ring: the first slot of each bucket */
	uint64_t busy[EV_RING_N / 64];  /* bit b: bucket b is not empty */
	size_t n_ring;           /* events in the ring */
	int64_t lo;              /* the window is buckets [lo, lo + EV_RING_N) */
	int64_t cur;             /* no ring event in buckets [lo, cur) */
	double width_s, inv_width;
	int ring_on;
	uint32_t pops;           /* since the width was last checked */
	uint32_t lent;           /* the slot ev_calendar_next_until lent, freed
				    by the next pop, or EV_NIL */
	double mark_s;           /* time of the pop that checked it */
	/* The lanes' events (time_s INFINITY: none pending), outside the
	 * slots, the ring and the heap; lane_first is the lane whose event
	 * pops first, -1 when none is pending, and lanes_hi one past the
	 * highest lane ever pushed. A lane's event, when popped, is lent
	 * from lane_lent: its lane is free again at once. The earliest's
	 * time and sequence are kept beside it for the pops, which compare
	 * them with the store's earliest (INFINITY and UINT64_MAX when no
	 * lane event is pending). */
	double lane_s;
	uint64_t lane_seq;
	struct ev_event lane[EV_LANES];
	int lane_first;
	int lanes_hi;
	size_t n_lane;
	struct ev_event lane_lent;
};

/* Strict "pops before" of heap keys: (time, order) compared as one 128-bit
 * number. The non-short-circuit operators keep it free of branches. */
static inline int ev_before(const struct ev_key *a, const struct ev_key *b)
{
	return (a->time < b->time) |
	       ((a->time == b->time) & (a->order < b->order));
}

/* Strict "pops before" of two events. */
static inline int ev_event_before(const struct ev_event *a,
				  const struct ev_event *b)
{
	return a->time_s < b->time_s ||
	       (a->time_s == b->time_s && a->seq < b->seq);
}

/* The bits of t as an unsigned integer ordered as doubles are: negative
 * numbers have all bits flipped, others just the sign bit. Adding 0.0
 * turns -0.0 into +0.0, which compares equal to it. */
static inline uint64_t ev_time_key(double t)
{
	uint64_t u;

	t += 0.0;
	memcpy(&u, &t, sizeof u);
	return (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
}

/* The bucket number of time t: t / width rounded toward zero, which never
 * decreases as t increases, clamped to +-EV_BUCKET_MAX. */
static inline int64_t ev_bucket_of(const struct ev_calendar *cal, double t)
{
	double x = t * cal->inv_width;

	if (x >= (double)EV_BUCKET_MAX)
		return EV_BUCKET_MAX;
	if (x <= -(double)EV_BUCKET_MAX)
		return -EV_BUCKET_MAX;
	return (int64_t)x;
}

/* The number of trailing zero bits of w != 0. */
static inline int ev_ctz(uint64_t w)
{
#if defined(__GNUC__)
	return __builtin_ctzll(w);
#else
	int n = 0;

	while (!(w & 1)) {
		w >>= 1;
		n++;
	}
	return n;
#endif
}

/* Allocates the arrays for cap events, filling the free-slot stack so that
 * slot 0 is used first, and empties the ring. Returns 0 when out of memory. */
static int ev_calendar_alloc(struct ev_calendar *cal, size_t cap)
{
	cal->heap = mem_malloc(cap * sizeof *cal->heap);
	cal->node = mem_malloc(cap * sizeof *cal->node);
	cal->free_slot = mem_malloc(cap * sizeof *cal->free_slot);
	cal->bucket = mem_malloc((size_t)EV_RING_N * sizeof *cal->bucket);
	if (cal->heap == NULL || cal->node == NULL || cal->free_slot == NULL ||
	    cal->bucket == NULL)
		return 0;
	for (size_t i = 0; i < cap; i++)
		cal->free_slot[i] = (uint32_t)(cap - 1 - i);
	for (int64_t b = 0; b < EV_RING_N; b++)
		cal->bucket[b] = EV_NIL;
	cal->n_free = cap;
	cal->cap = cap;
	return 1;
}

/* Returns a new empty calendar, or NULL when out of memory. */
struct ev_calendar *ev_calendar_new(void)
{
	struct ev_calendar *cal = mem_calloc(1, sizeof *cal);

	if (cal == NULL)
		return NULL;
	if (!ev_calendar_alloc(cal, EV_CALENDAR_CAP0)) {
		ev_calendar_free(cal);
		return NULL;
	}
	cal->next_seq = 1;
	cal->lent = EV_NIL;
	cal->heap_enter = INT64_MAX;
	cal->lane_first = -1;
	cal->lane_s = INFINITY;
	cal->lane_seq = UINT64_MAX;
	for (int k = 0; k < EV_LANES; k++)
		cal->lane[k].time_s = INFINITY;
	/* Any width is correct; the first check after EV_ADAPT_POPS pops
	 * replaces this one with one fitted to the events. */
	cal->width_s = 1.0;
	cal->inv_width = 1.0;
	return cal;
}

/* Frees the calendar; NULL is a no-op. Payloads are borrowed, not freed. */
void ev_calendar_free(struct ev_calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->heap);
	free(cal->node);
	free(cal->free_slot);
	free(cal->bucket);
	free(cal);
}

/* Resizes one array to n elements of size sz; on failure *p is kept. */
static int ev_resize(void **p, size_t n, size_t sz)
{
	void *q = mem_realloc(*p, n * sz);

	if (q == NULL)
		return 0;
	*p = q;
	return 1;
}

/* Doubles the arrays; called only when every slot is in use, so the new
 * slots cap..2cap-1 are the only free ones. Slots keep their numbers, so
 * the ring's lists and the heap's keys stay valid. Returns 0 (the calendar
 * still usable as it was) when the size would pass the slot limit or
 * realloc fails. */
EV_COLD static int ev_calendar_grow(struct ev_calendar *cal)
{
	size_t cap = cal->cap * 2;

	assert(cal->n_free == 0);
	if (cap > EV_SLOTS_MAX || cap > SIZE_MAX / sizeof *cal->node)
		return 0;
	if (!ev_resize((void **)&cal->heap, cap, sizeof *cal->heap) ||
	    !ev_resize((void **)&cal->node, cap, sizeof *cal->node) ||
	    !ev_resize((void **)&cal->free_slot, cap, sizeof *cal->free_slot))
		return 0;
	for (size_t i = 0; i < cap - cal->cap; i++)
		cal->free_slot[i] = (uint32_t)(cap - 1 - i);
	cal->n_free = cap - cal->cap;
	cal->cap = cap;
	return 1;
}

/* ---- the heap: events outside the window -------------------------------- */

/* The slot of the heap's earliest event; the heap is not empty. */
static inline uint32_t ev_heap_top(const struct ev_calendar *cal)
{
	return (uint32_t)(cal->heap[0].order & EV_SLOT_MASK);
}

/* Notes where the window must start for the heap's earliest event to
 * enter it (heap_enter), after a pop of the heap changed the earliest; a
 * push that makes a new earliest sets it from the bucket it has. A pop of
 * the calendar then tells from one comparison whether the window's move
 * brings the heap's earliest in, where it would read the event and
 * compute its bucket on every pop that moves the window (most of them,
 * while far-off events wait in the heap). */
static void ev_heap_mark(struct ev_calendar *cal)
{
	cal->heap_enter = INT64_MAX;
	if (cal->n_heap > 0)
		cal->heap_enter = ev_bucket_of(cal,
			cal->node[ev_heap_top(cal)].ev.time_s) - EV_RING_N + 1;
}

/* Adds an event by its key (its bucket is id): parents move down into the
 * hole until the key fits. */
static void ev_heap_push(struct ev_calendar *cal, struct ev_key key,
			 int64_t id)
{
	size_t i = cal->n_heap++;

	while (i > 0) {
		size_t parent = (i - 1) / EV_ARITY;

		if (!ev_before(&key, &cal->heap[parent]))
			break;
		cal->heap[i] = cal->heap[parent];
		i = parent;
	}
	cal->heap[i] = key;
	if (i == 0)
		cal->heap_enter = id - EV_RING_N + 1;
}

/* The earliest of the children first..n-1 of one node (at least one). With
 * all four present, a tournament of three branch-free comparisons. */
static inline size_t ev_min_child(const struct ev_key *heap, size_t first,
				  size_t n)
{
	size_t m = first;

	if (first + EV_ARITY <= n) {
		size_t a = first + (size_t)ev_before(&heap[first + 1], &heap[first]);
		size_t b = first + 2 +
			   (size_t)ev_before(&heap[first + 3], &heap[first + 2]);

		return ev_before(&heap[b], &heap[a]) ? b : a;
	}
	for (size_t c = first + 1; c < n; c++)
		if (ev_before(&heap[c], &heap[m]))
			m = c;
	return m;
}

/* Removes the heap's earliest event (the heap is not empty): the hole left
 * at the root sinks, the earliest child moving up into it, until the last
 * key, re-inserted, fits. */
static void ev_heap_pop(struct ev_calendar *cal)
{
	struct ev_key *heap = cal->heap;
	size_t n = --cal->n_heap, i = 0;
	struct ev_key last = heap[n];

	for (;;) {
		size_t first = EV_ARITY * i + 1, child;

		if (first >= n)
			break;
		child = ev_min_child(heap, first, n);
		if (!ev_before(&heap[child], &last))
			break;
		heap[i] = heap[child];
		i = child;
	}
	heap[i] = last;
	ev_heap_mark(cal);
}

/* ---- the ring: events in the window ------------------------------------- */

/* Links slot s, holding the event (t_s, seq), into the list of bucket id
 * (in the window), after every event that pops before it. New events are
 * usually the latest of their bucket, and a bucket holds one or two, so
 * the walk is short. The time and sequence come as arguments, not from the
 * slot: a push has only just stored them there, and loading them back
 * would wait for the stores. */
static inline EV_ALWAYS_INLINE void ev_ring_insert(struct ev_calendar *cal,
						   uint32_t s, int64_t id,
						   double t_s, uint64_t seq)
{
	uint32_t *link = &cal->bucket[(uint64_t)id & EV_RING_MASK];
	struct ev_event ev = { .time_s = t_s, .seq = seq };

	while (*link != EV_NIL && !ev_event_before(&ev, &cal->node[*link].ev))
		link = &cal->node[*link].next;
	cal->node[s].next = *link;
	*link = s;
	cal->busy[((uint64_t)id >> 6) & EV_BUSY_MASK] |= UINT64_C(1) << (id & 63);
	if (cal->n_ring++ == 0 || id < cal->cur)
		cal->cur = id;
}

/* Files slot s, holding the event (t_s, seq) of bucket id outside the
 * window, in the heap. Out of line, so that a push into the ring, the
 * usual one, saves no registers for the heap's loop. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void ev_place_heap(struct ev_calendar *cal, uint32_t s, double t_s,
			  uint64_t seq, int64_t id)
{
	struct ev_key key = { ev_time_key(t_s), seq << EV_SLOT_BITS | s };

	/* The window never moves back (it starts at the last pop), so an
	 * event before it stays before it until it pops. */
	cal->n_past += id < cal->lo;
	ev_heap_push(cal, key, id);
}

/* Files slot s, holding the event (t_s, seq), in the ring when its bucket
 * is in the window, else in the heap. */
static void ev_place(struct ev_calendar *cal, uint32_t s, double t_s,
		     uint64_t seq)
{
	int64_t id = ev_bucket_of(cal, t_s);

	if (id >= cal->lo && id - cal->lo < EV_RING_N)
		ev_ring_insert(cal, s, id, t_s, seq);
	else
		ev_place_heap(cal, s, t_s, seq, id);
}

/* Moves heap events whose bucket is now in the window into the ring. The
 * heap's earliest event comes first, so the first one outside the window
 * ends the move: one that is later, or one earlier than the window, which
 * is the next to pop anyway. The earliest's bucket is known from
 * heap_enter, which each pop of the heap sets for the next. Out of line:
 * it runs only when an event enters, and inlined it would cost the event
 * loop registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void ev_migrate(struct ev_calendar *cal)
{
	while (cal->heap_enter <= cal->lo) {
		int64_t id = cal->heap_enter + EV_RING_N - 1;
		uint32_t s = ev_heap_top(cal);
		const struct ev_event *ev = &cal->node[s].ev;

		if (id < cal->lo)
			return;
		ev_heap_pop(cal);
		ev_ring_insert(cal, s, id, ev->time_s, ev->seq);
	}
}

/* The first non-empty bucket at or after b; the ring holds an event there
 * or later. The ring's events all lie in the window, at or after cur, so
 * the search ends inside the window. It reads the bitmap of non-empty
 * buckets 64 at a time. */
static inline int64_t ev_first_bucket_from(const struct ev_calendar *cal,
					   int64_t b)
{
	for (;;) {
		uint64_t w = cal->busy[((uint64_t)b >> 6) & EV_BUSY_MASK] >>
			     (b & 63);

		if (w != 0)
			return b + ev_ctz(w);
		b = (b | 63) + 1;
	}
}

/* The first non-empty bucket at or after cur; the ring is not empty. */
static inline int64_t ev_first_bucket(const struct ev_calendar *cal)
{
	return ev_first_bucket_from(cal, cal->cur);
}

/* The slot of the earliest event, from the heap (*in_heap set) or from the
 * head of bucket `first` (the first non-empty one, when the ring is not
 * empty). The calendar is not empty. No event needs comparing: heap
 * events before the window are earlier than any in the ring (a lower
 * bucket), and the heap's earliest when there are any; the rest of the
 * heap is beyond the window, later than any in the ring. */
static inline uint32_t ev_first(const struct ev_calendar *cal, int64_t first,
				int *in_heap)
{
	*in_heap = cal->n_past > 0 || cal->n_ring == 0;
	if (*in_heap)
		return ev_heap_top(cal);
	return cal->bucket[(uint64_t)first & EV_RING_MASK];
}

/* Refiles every event for a new bucket width, with the window starting at
 * the earliest event. The unused end of the free-slot stack (exactly n
 * entries) holds the slots meanwhile. The calendar is not empty; its
 * events are in the ring and heap, or, when the ring starts, in the short
 * list (see ev_short_push). */
static void ev_rebuild(struct ev_calendar *cal, double width_s)
{
	uint32_t *all = cal->free_slot + cal->n_free;
	double first_s = INFINITY;
	size_t k = 0;

	/* The ring's events are in buckets cur, cur + 1, ... (mod the ring):
	 * the bitmap leads from one non-empty bucket to the next, and the walk
	 * stops once it has them all. */
	for (int64_t b = cal->cur; k < cal->n_ring; b++) {
		uint32_t *head;

		b = ev_first_bucket_from(cal, b);
		head = &cal->bucket[(uint64_t)b & EV_RING_MASK];
		for (uint32_t s = *head; s != EV_NIL; s = cal->node[s].next)
			all[k++] = s;
		*head = EV_NIL;
	}
	memset(cal->busy, 0, sizeof cal->busy);
	for (size_t i = 0; i < cal->n_heap; i++)
		all[k++] = (uint32_t)(cal->heap[i].order & EV_SLOT_MASK);
	for (size_t i = cal->head; i < cal->head + cal->n_short; i++)
		all[k++] = (uint32_t)(cal->list[i].order & EV_SLOT_MASK);
	assert(k == cal->n);
	cal->head = 0;
	cal->n_short = 0;
	for (size_t i = 0; i < k; i++)
		if (cal->node[all[i]].ev.time_s < first_s)
			first_s = cal->node[all[i]].ev.time_s;
	cal->n_ring = 0;
	cal->n_heap = 0;
	cal->heap_enter = INT64_MAX;
	cal->n_past = 0;
	cal->width_s = width_s;
	cal->inv_width = 1.0 / width_s;
	cal->lo = ev_bucket_of(cal, first_s);
	for (size_t i = 0; i < k; i++)
		ev_place(cal, all[i], cal->node[all[i]].ev.time_s,
			 cal->node[all[i]].ev.seq);
}

/* Every EV_ADAPT_POPS pops: fits the width to the mean gap between pops
 * since the last check (a power of two, so that bucket numbers are exact
 * scalings of time), rebuilding the ring when it changes by more than a
 * factor of EV_WIDTH_SLACK either way. */
EV_COLD static void ev_adapt(struct ev_calendar *cal, double now_s)
{
	double want_s = (now_s - cal->mark_s) / EV_ADAPT_POPS * EV_WIDTH_GAPS;
	int e;

	cal->mark_s = now_s;
	cal->pops = 0;
	/* No time passed (or it ran backwards): nothing to fit. */
	if (!(want_s > 0.0) || !isfinite(want_s))
		return;
	if (want_s >= cal->width_s / EV_WIDTH_SLACK &&
	    want_s <= EV_WIDTH_SLACK * cal->width_s)
		return;
	frexp(want_s, &e);
	want_s = ldexp(1.0, e - 1);
	if (cal->ring_on && cal->n > 0) {
		ev_rebuild(cal, want_s);
		return;
	}
	cal->width_s = want_s;
	cal->inv_width = 1.0 / want_s;
}

/* ---- the calendar --------------------------------------------------------- */

/* Moves the short list back to the start of its array; returns seq, the
 * sequence number of the push that filled it, so that the push ends in a
 * tail call. */
EV_COLD static uint64_t ev_short_rewind(struct ev_calendar *cal, uint64_t seq)
{
	memmove(cal->list, &cal->list[cal->head],
		cal->n_short * sizeof *cal->list);
	cal->head = 0;
	return seq;
}

/* Strict "pops before" of the short list's event (t_s, order) and key k;
 * the times nearly always differ, and then decide alone. */
static inline int ev_short_before(double t_s, uint64_t order,
				  const struct ev_short *k)
{
	return t_s < k->time_s || (t_s == k->time_s && order < k->order);
}

/* Adds the event (t_s, order) to the short list of a calendar without a
 * ring: keys sorted earliest first in list[head .. head + n_short), so
 * that a pop takes the first and moves head on. A new event is usually
 * among the latest, and the list is at most EV_RING_START long, so few
 * keys move. There is room past the list's end: the push that reaches
 * the end of the array moves the list back to its start. */
static inline void ev_short_push(struct ev_calendar *cal, double t_s,
				 uint64_t order)
{
	struct ev_short *list = &cal->list[cal->head];
	size_t i = cal->n_short;

	for (; i > 0 && ev_short_before(t_s, order, &list[i - 1]); i--)
		list[i] = list[i - 1];
	list[i] = (struct ev_short){ t_s, order };
	cal->n_short++;
}

/* Starts the ring: more than EV_RING_START events are pending. Returns
 * seq, the push's sequence number, so that the push ends in a tail call.
 * Pops are counted for the width from here, from the earliest pending
 * event (no earlier than the last pop); until the first check the ring
 * keeps the width it was given. */
EV_COLD static uint64_t ev_ring_start(struct ev_calendar *cal, uint64_t seq)
{
	cal->ring_on = 1;
	cal->mark_s = cal->list[cal->head].time_s;
	cal->pops = 0;
	ev_rebuild(cal, cal->width_s);
	return seq;
}

/* 1 when a push of a finite time will succeed without growing the
 * arrays: a slot is free and sequence numbers are left. */
int ev_calendar_room(const struct ev_calendar *cal)
{
	return cal->n_free > 0 && cal->next_seq < EV_SEQ_MAX;
}

/* Files slot s, just pushed as the event (time_s, seq), in a calendar
 * whose ring has started; returns seq. Out of line, so that a push into
 * the short list (a calendar of few events) saves no registers for it. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint64_t ev_push_ring(struct ev_calendar *cal, uint32_t s, double time_s,
			     uint64_t seq)
{
	/* An empty calendar starts its window where its first event is. */
	if (cal->n++ == 0)
		cal->lo = ev_bucket_of(cal, time_s);
	ev_place(cal, s, time_s, seq);
	return seq;
}

/* Schedules an event; returns its sequence number (never 0), or 0 when the
 * time is not finite or the calendar could not grow, in which case nothing
 * was scheduled. A time that is not finite would have no place in the
 * order (a NaN compares with nothing), so it is refused in every build:
 * it can come from the input, through a duration too long to represent. */
uint64_t ev_calendar_push(struct ev_calendar *cal, double time_s, ev_handler fn,
			  void *obj, int64_t arg)
{
	if (!isfinite(time_s))
		return 0;
	if ((cal->n_free == 0 && !ev_calendar_grow(cal)) ||
	    cal->next_seq >= EV_SEQ_MAX)
		return 0;
	return ev_calendar_push_room(cal, time_s, fn, obj, arg);
}

/* ev_calendar_push where ev_calendar_room holds and time_s is finite: the
 * push itself, which cannot fail. Every call it makes is its last act, so
 * a push into the short list keeps everything in scratch registers. */
uint64_t ev_calendar_push_room(struct ev_calendar *cal, double time_s,
			       ev_handler fn, void *obj, int64_t arg)
{
	uint64_t seq = cal->next_seq;
	uint32_t s;

	assert(fn != NULL && isfinite(time_s) && ev_calendar_room(cal));
	cal->next_seq++;
	s = cal->free_slot[--cal->n_free];
	cal->node[s].ev = (struct ev_event){ time_s, seq, fn, obj, arg };
	if (cal->ring_on)
		return ev_push_ring(cal, s, time_s, seq);
	ev_short_push(cal, time_s, seq << EV_SLOT_BITS | s);
	if (++cal->n > EV_RING_START)
		return ev_ring_start(cal, seq);
	if (cal->head + cal->n_short == EV_SHORT_CAP)
		return ev_short_rewind(cal, seq);
	return seq;
}

/* Makes lane k, holding an event, the earliest. */
static inline void ev_lane_first(struct ev_calendar *cal, int k)
{
	cal->lane_first = k;
	cal->lane_s = cal->lane[k].time_s;
	cal->lane_seq = cal->lane[k].seq;
}

/* Schedules lane k's event (the lane is empty; time_s is finite and
 * sequence numbers are left: ev_calendar_lane_room). It takes the next
 * sequence number, as a push would, so the order of every event is the
 * one a push would give it; it only stays out of the slots, the ring and
 * the heap, where a process that always has exactly one event pending
 * (a line's next arrival) would pay a push and a pop of the ring. The
 * earliest lane is kept at once: the new event against the earliest. */
uint64_t ev_calendar_lane_push(struct ev_calendar *cal, int k, double time_s,
			       ev_handler fn, void *obj, int64_t arg)
{
	uint64_t seq = cal->next_seq++;
	struct ev_event *ev = &cal->lane[k];

	assert(k >= 0 && k < EV_LANES && ev->time_s == INFINITY);
	assert(fn != NULL && isfinite(time_s) && seq < EV_SEQ_MAX);
	*ev = (struct ev_event){ time_s, seq, fn, obj, arg };
	cal->n_lane++;
	if (k >= cal->lanes_hi)
		cal->lanes_hi = k + 1;
	if (ev_event_before(ev, &(struct ev_event){ .time_s = cal->lane_s,
						   .seq = cal->lane_seq }))
		ev_lane_first(cal, k);
	return seq;
}

/* 1 when a lane push of a finite time will succeed. */
int ev_calendar_lane_room(const struct ev_calendar *cal)
{
	return cal->next_seq < EV_SEQ_MAX;
}

/* Moves the window on to bucket id, that of the event just popped: no
 * event left pops before it, so no bucket before its own is needed. */
static inline void ev_advance(struct ev_calendar *cal, int64_t id)
{
	int moved = id > cal->lo;

	/* Whether the window moves is as random as the gaps between events
	 * (a bucket holds one event or none), so the move is made without a
	 * branch; the heap is looked at only when the move brings its
	 * earliest event into the window (heap_enter), which a window that
	 * did not move cannot do. */
	cal->lo = moved ? id : cal->lo;
	cal->cur = cal->cur < id ? id : cal->cur;
	if (id >= cal->heap_enter)
		ev_migrate(cal);
}

/* Frees the slot lent by the last ev_calendar_next_until, if any. */
static inline void ev_release(struct ev_calendar *cal)
{
	if (cal->lent != EV_NIL) {
		cal->free_slot[cal->n_free++] = cal->lent;
		cal->lent = EV_NIL;
	}
}

/* Whether an event (t_s, seq) pops before the bound (bound_s, bound_seq):
 * the earliest lane event, or (end_s, UINT64_MAX), which every event at
 * or before end_s pops before. Equal times are rare: the branch is. */
static inline int ev_due(double t_s, uint64_t seq, double bound_s,
			 uint64_t bound_seq)
{
	return t_s < bound_s || (t_s == bound_s && seq < bound_seq);
}

/* Takes the earliest event of a calendar with a ring off it if it pops
 * before the bound (ev_due), returning its slot (still to be freed), or
 * EV_NIL. The window moves to the popped event's bucket: that of the
 * ring's first bucket, or computed for one from the heap. */
static uint32_t ev_remove_ring_on(struct ev_calendar *cal, double bound_s,
				  uint64_t bound_seq)
{
	int in_heap;
	int64_t id = cal->cur;
	uint32_t s;

	if (cal->n_ring > 0)
		id = cal->cur = ev_first_bucket(cal);
	s = ev_first(cal, id, &in_heap);
	if (!ev_due(cal->node[s].ev.time_s, cal->node[s].ev.seq, bound_s,
		    bound_seq))
		return EV_NIL;
	if (in_heap) {
		ev_heap_pop(cal);
		cal->n_past -= cal->n_past > 0;
		id = ev_bucket_of(cal, cal->node[s].ev.time_s);
	} else {
		uint64_t b = (uint64_t)id & EV_RING_MASK;

		uint32_t next = cal->node[s].next;

		/* The bucket's bit is cleared when it empties, without a
		 * branch: it empties about as often as not. */
		cal->bucket[b] = next;
		cal->busy[b >> 6] &= ~((uint64_t)(next == EV_NIL) << (b & 63));
		cal->n_ring--;
	}
	ev_advance(cal, id);
	return s;
}

/* Takes the earliest event held in a slot off the calendar if it pops
 * before the bound (ev_due) and returns its slot, which the caller frees;
 * EV_NIL when there is none or it does not. */
static inline uint32_t ev_remove(struct ev_calendar *cal, double bound_s,
				 uint64_t bound_seq)
{
	uint32_t s;

	if (cal->n == 0)
		return EV_NIL;
	if (cal->ring_on) {
		s = ev_remove_ring_on(cal, bound_s, bound_seq);
		if (s == EV_NIL)
			return EV_NIL;
		cal->n--;
		if (++cal->pops == EV_ADAPT_POPS)
			ev_adapt(cal, cal->node[s].ev.time_s);
		return s;
	}
	if (!ev_due(cal->list[cal->head].time_s,
		    cal->list[cal->head].order >> EV_SLOT_BITS, bound_s,
		    bound_seq))
		return EV_NIL;
	s = (uint32_t)(cal->list[cal->head].order & EV_SLOT_MASK);
	cal->n_short--;
	cal->head++;
	cal->n--;
	return s;
}

/* Finds the earliest lane event again after one popped. */
static void ev_lane_scan(struct ev_calendar *cal)
{
	int first = -1;

	for (int k = 0; k < cal->lanes_hi; k++)
		if (cal->lane[k].time_s != INFINITY &&
		    (first < 0 || ev_event_before(&cal->lane[k],
						  &cal->lane[first])))
			first = k;
	cal->lane_first = -1;
	cal->lane_s = INFINITY;
	cal->lane_seq = UINT64_MAX;
	if (first >= 0)
		ev_lane_first(cal, first);
}

/* The bound of a pop due by end_s (ev_due): the earliest lane event, when
 * there is one at or before end_s, else end_s itself (none pending: its
 * time is INFINITY and its sequence UINT64_MAX, so end_s = INFINITY gives
 * the same bound). */
static inline void ev_bound(const struct ev_calendar *cal, double end_s,
			    double *bound_s, uint64_t *bound_seq)
{
	int lane = cal->lane_s <= end_s;

	*bound_s = lane ? cal->lane_s : end_s;
	*bound_seq = lane ? cal->lane_seq : UINT64_MAX;
}

/* Takes the earliest lane event off its lane (one is pending) into
 * lane_lent, which it returns. */
static const struct ev_event *ev_lane_take(struct ev_calendar *cal)
{
	struct ev_event *ev = &cal->lane[cal->lane_first];

	cal->lane_lent = *ev;
	ev->time_s = INFINITY;
	cal->n_lane--;
	ev_lane_scan(cal);
	return &cal->lane_lent;
}

/* The earliest event due by end_s, removed: lent from its slot (freed at
 * the next pop) or from lane_lent; NULL when none is due. */
static inline const struct ev_event *ev_next(struct ev_calendar *cal,
					     double end_s)
{
	double bound_s;
	uint64_t bound_seq;

	ev_release(cal);
	ev_bound(cal, end_s, &bound_s, &bound_seq);
	cal->lent = ev_remove(cal, bound_s, bound_seq);
	if (cal->lent != EV_NIL)
		return &cal->node[cal->lent].ev;
	if (bound_seq == UINT64_MAX)
		return NULL;
	return ev_lane_take(cal);
}

/* Removes the earliest event into *out if its time is at most end_s;
 * returns 1 if it did, 0 (out untouched) when the calendar is empty or its
 * earliest event is later. */
int ev_calendar_pop_until(struct ev_calendar *cal, double end_s,
			  struct ev_event *out)
{
	const struct ev_event *ev = ev_next(cal, end_s);

	if (ev == NULL)
		return 0;
	*out = *ev;
	ev_release(cal);
	return 1;
}

/* Removes the earliest event if its time is at most end_s and lends it
 * until the next pop; NULL when the calendar is empty or the earliest is
 * later. Its slot is freed only at the next pop, so pushes made meanwhile
 * (by the event's own handler) cannot overwrite it, and the event need
 * not be copied out; a lane's event is lent from a copy, its lane free
 * for the handler to push the next. */
const struct ev_event *ev_calendar_next_until(struct ev_calendar *cal,
					      double end_s)
{
	return ev_next(cal, end_s);
}

/* Removes the earliest event into *out; returns 0 (out untouched) when the
 * calendar is empty, 1 otherwise. */
int ev_calendar_pop(struct ev_calendar *cal, struct ev_event *out)
{
	return ev_calendar_pop_until(cal, INFINITY, out);
}

/* The earliest event held in a slot, or NULL when none is. */
static const struct ev_event *ev_peek_slots(const struct ev_calendar *cal)
{
	int in_heap;

	if (cal->n == 0)
		return NULL;
	if (!cal->ring_on)
		return &cal->node[cal->list[cal->head].order & EV_SLOT_MASK].ev;
	return &cal->node[ev_first(cal, cal->n_ring ? ev_first_bucket(cal) : 0,
				   &in_heap)].ev;
}

/* Lends the earliest event until the next push or pop, or NULL when empty. */
const struct ev_event *ev_calendar_peek(const struct ev_calendar *cal)
{
	const struct ev_event *ev = ev_peek_slots(cal);

	if (cal->lane_first >= 0 &&
	    (ev == NULL || ev_event_before(&cal->lane[cal->lane_first], ev)))
		return &cal->lane[cal->lane_first];
	return ev;
}

/* Events held, cancelled-but-not-yet-popped ones included. */
size_t ev_calendar_size(const struct ev_calendar *cal)
{
	return cal->n + cal->n_lane;
}
