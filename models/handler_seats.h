/* handler_seats.h: numbers for the handlers of a pool in a logged run.
 *
 * The contact centre keeps a pool's handlers as counts (idle, busy, and
 * busy but going home when their call is done), which is all its figures
 * need. A call log names the handler who took each call, so a logged run
 * mirrors the counts with numbered handlers: a handler coming on duty takes
 * the lowest number free, a call goes to the handler idle longest (as an
 * automatic call distributor routes), a handler whose shift ended during a
 * call goes home when it is done, and idle handlers going off duty are
 * those idle the shortest time. Numbers are reused once their handler has
 * gone, so they stay at most the pool's peak staff. */
#ifndef MODELS_HANDLER_SEATS_H
#define MODELS_HANDLER_SEATS_H

#include <stdbool.h>
#include <stdint.h>

struct handler_seats;

/* Returns NULL when out of memory. */
struct handler_seats *handler_seats_new(void);
/* NULL is a no-op. */
void handler_seats_free(struct handler_seats *s);
/* n handlers come on duty, idle. Returns 0, or -1 when out of memory. */
int handler_seats_arrive(struct handler_seats *s, int n);
/* n idle handlers go off duty (n <= those idle). */
void handler_seats_leave(struct handler_seats *s, int n);
/* The handler idle longest takes a call (one must be idle): its number,
 * from 1. */
uint32_t handler_seats_take(struct handler_seats *s);
/* Handler `seat` finished a call: idle again when stays, else off duty. */
void handler_seats_release(struct handler_seats *s, uint32_t seat,
			   bool stays);

#endif
