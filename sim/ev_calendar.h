/* ev_calendar.h: the future-event list of one replication.
 *
 * Events pop in order of (time_s, insertion sequence): two events at the same
 * instant pop in the order they were pushed, never by address. Events are
 * filed in buckets of time (a calendar queue), far-off ones in a heap; the
 * arrays grow by doubling and never shrink, so a run in steady state
 * allocates nothing per event.
 *
 * Cancellation is lazy: an event is never searched for. The owner of an event
 * remembers the sequence number push returned and, when the event pops,
 * ignores it if that number is no longer the one it expects (for example a
 * caller's abandonment after the caller was answered). This makes a cancel
 * O(1) and costs one comparison at pop time.
 *
 * The calendar borrows the payload pointers it stores; it never frees them.
 * One calendar belongs to one replication and is not thread-safe. */
#ifndef SIM_EV_CALENDAR_H
#define SIM_EV_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

struct sim_ctx;
struct ev_event;

/* What runs when an event pops. */
typedef void (*ev_handler)(struct sim_ctx *ctx, const struct ev_event *ev);

struct ev_event {
	double time_s;       /* when it happens, seconds since scenario start */
	uint64_t seq;        /* insertion sequence: unique, increasing from 1 */
	ev_handler fn;       /* what to run */
	void *obj;           /* borrowed payload */
	int64_t arg;         /* small payload (an index, a code) */
};

struct ev_calendar;

/* Returns a new empty calendar, or NULL when out of memory. */
struct ev_calendar *ev_calendar_new(void);
/* Frees the calendar; NULL is a no-op. Payloads are not touched. */
void ev_calendar_free(struct ev_calendar *cal);
/* Schedules an event; returns its sequence number (never 0), or 0 when
 * time_s is not finite (infinite or NaN) or the calendar could not grow (out
 * of memory, 2^24 events pending, or 2^40 pushes made); then nothing was
 * scheduled. */
uint64_t ev_calendar_push(struct ev_calendar *cal, double time_s, ev_handler fn,
			  void *obj, int64_t arg);
/* 1 when a push of a finite time will succeed without growing the
 * calendar; when 0, a push tries to grow it. */
int ev_calendar_room(const struct ev_calendar *cal);
/* ev_calendar_push of a finite time_s into a calendar with room (both
 * checked by the caller): the same push without checking them again. */
uint64_t ev_calendar_push_room(struct ev_calendar *cal, double time_s,
			       ev_handler fn, void *obj, int64_t arg);
/* Lanes: EV_CALENDAR_LANES places beside the calendar's own store, each
 * holding at most one pending event, for processes that always have
 * exactly one next event (a line's next arrival): such an event costs
 * neither a push into the store nor its removal from it, only a
 * comparison with the store's earliest at each pop. A lane's event pops
 * in the same order as if it had been pushed (it takes the next sequence
 * number), and counts in ev_calendar_size.
 *
 * Schedules lane k's event (k < EV_CALENDAR_LANES; the lane holds none;
 * time_s finite; ev_calendar_lane_room) and returns its sequence number.
 * The lane is free again as soon as its event pops, before its handler
 * runs. */
#define EV_CALENDAR_LANES 4
uint64_t ev_calendar_lane_push(struct ev_calendar *cal, int k, double time_s,
			       ev_handler fn, void *obj, int64_t arg);
/* 1 when sequence numbers are left for a lane push. */
int ev_calendar_lane_room(const struct ev_calendar *cal);
/* Removes the earliest event into *out; returns 0 when the calendar is empty. */
int ev_calendar_pop(struct ev_calendar *cal, struct ev_event *out);
/* Removes the earliest event into *out only if its time_s <= end_s; returns
 * 0 (out untouched) when the calendar is empty or the earliest is later.
 * One search where peek-then-pop would make two. */
int ev_calendar_pop_until(struct ev_calendar *cal, double end_s,
			  struct ev_event *out);
/* Removes the earliest event if its time_s <= end_s and lends it until the
 * next pop (of either kind) or ev_calendar_free: pushes meanwhile do not
 * disturb it. NULL when the calendar is empty or the earliest is later.
 * The event loop's pop, without copying the event out. */
const struct ev_event *ev_calendar_next_until(struct ev_calendar *cal,
					      double end_s);
/* Lends the earliest event, or NULL when empty. */
const struct ev_event *ev_calendar_peek(const struct ev_calendar *cal);
size_t ev_calendar_size(const struct ev_calendar *cal);

#endif
