/* local_time.h: UK civil time (Europe/London), in which a scenario's
 * dates are given, for writing instants of a run as dates.
 *
 * Scenario time 0 is 00:00 local time on run.start_date, and scenario
 * time runs in elapsed seconds, so an instant is that midnight's UTC plus
 * t. Its local time is UTC, or UTC + 1 h in summer time, which runs from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October (the rule in force since 1996, applied to every year). In
 * March the hour from 01:00 to 02:00 local time does not exist; in October
 * the hour from 01:00 to 02:00 happens twice, first at +01:00, then at
 * +00:00, so a time written with its offset is never ambiguous.
 *
 * Worked out by arithmetic, not with localtime_r: the time zone is
 * process state shared by every thread, and this needs no tzdata. */
#ifndef MODELS_LOCAL_TIME_H
#define MODELS_LOCAL_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "models/demand.h"

/* "YYYY-MM-DDThh:mm:ss.mmm+hh:mm" and its NUL: 30 chars for any year to
 * 9999, sized here for the widest value of every field's type (a 64-bit
 * year, six ints), so that no value can be cut short, as a release
 * build's -Wformat-truncation checks. */
#define LOCAL_TIME_ISO_MAX 96

/* Seconds since 1970-01-01 00:00 UTC of 00:00 local time on date d. */
int64_t local_time_midnight_utc(struct demand_date d);
/* Seconds the clock is ahead of UTC at utc_s (seconds since the epoch):
 * 3600 in summer time, else 0. */
int local_time_offset_s(int64_t utc_s);
/* Seconds the local clock moves from instant origin_utc to instant utc_s
 * (both seconds since the epoch): the time elapsed plus any clock change
 * between them, so that from a local midnight it is the local time of
 * day, and days, the simulator reads its weekly patterns on. */
double local_time_since(double origin_utc, double utc_s);
/* Writes the instant utc_ms (milliseconds since the epoch) as ISO 8601
 * local time with its offset, e.g. "2025-10-26T01:30:00.000+00:00", into
 * buf of LOCAL_TIME_ISO_MAX chars. */
void local_time_iso(int64_t utc_ms, char buf[LOCAL_TIME_ISO_MAX]);
/* When summer time starts (*spring) and ends (*autumn) in year y, in
 * seconds since the epoch: 01:00 UTC on the last Sunday of March and of
 * October. */
void local_time_changes(int64_t y, int64_t *spring, int64_t *autumn);
/* "YYYY-MM-DD hh:mm" and its NUL, sized for the widest value of every
 * field's type, as LOCAL_TIME_ISO_MAX is. */
#define LOCAL_TIME_MINUTE_MAX 128
/* Writes local_s, local seconds from 1970-01-01 00:00 (a local date and
 * time counted as if every day had 24 hours), as "YYYY-MM-DD hh:mm". */
void local_time_minute_text(double local_s, char buf[LOCAL_TIME_MINUTE_MAX]);
/* The proleptic Gregorian date *y-*m-*d that is `days` days after
 * 1970-01-01 (days may be negative). */
void local_time_date(int64_t days, int64_t *y, int *m, int *d);
/* The calendar year of utc_s (seconds since the epoch), in UTC. */
int64_t local_time_year(int64_t utc_s);

#endif
