/* local_time.c: UK civil time by arithmetic (see local_time.h). */
#include "models/local_time.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

/* Division and remainder rounding down, for instants before 1970. */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The date `days` after 1970-01-01 (Hinnant's civil_from_days). */
void local_time_date(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* 01:00 UTC on the last Sunday of month m (31 days long) of year y, in
 * seconds since the epoch: when summer time starts (March) or ends
 * (October). */
static int64_t last_sunday_1am(int64_t y, int m)
{
	int64_t days = days_from_civil(y, m, 31);
	int64_t wday = floor_mod(days + 4, 7);   /* 1970-01-01: Thursday; 0 Sunday */

	return (days - wday) * 86400 + 3600;
}

int local_time_offset_s(int64_t utc_s)
{
	int64_t y;
	int m, d;

	local_time_date(floor_div(utc_s, 86400), &y, &m, &d);
	return utc_s >= last_sunday_1am(y, 3) && utc_s < last_sunday_1am(y, 10)
		? 3600 : 0;
}

double local_time_since(double origin_utc, double utc_s)
{
	return utc_s - origin_utc
	       + local_time_offset_s((int64_t)floor(utc_s))
	       - local_time_offset_s((int64_t)floor(origin_utc));
}

/* Midnight is never in a changed hour (01:00 to 02:00), so its offset is
 * the offset of that day's 00:00 UTC. */
int64_t local_time_midnight_utc(struct demand_date d)
{
	int64_t utc_s = days_from_civil(d.year, d.month, d.mday) * 86400;

	return utc_s - local_time_offset_s(utc_s);
}

void local_time_iso(int64_t utc_ms, char buf[LOCAL_TIME_ISO_MAX])
{
	int64_t utc_s = floor_div(utc_ms, 1000);
	int offset = local_time_offset_s(utc_s);
	int64_t local_s = utc_s + offset, y;
	int64_t sec = floor_mod(local_s, 86400);
	int m, d;

	local_time_date(floor_div(local_s, 86400), &y, &m, &d);
	snprintf(buf, LOCAL_TIME_ISO_MAX,
		 "%04" PRId64 "-%02d-%02dT%02d:%02d:%02d.%03d+%02d:00", y, m, d,
		 (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60),
		 (int)floor_mod(utc_ms, 1000), offset / 3600);
}

void local_time_minute_text(double local_s, char buf[LOCAL_TIME_MINUTE_MAX])
{
	double days = floor(local_s / 86400);
	long minute = (long)floor((local_s - days * 86400) / 60);
	int64_t y;
	int m, d;

	local_time_date((int64_t)days, &y, &m, &d);
	snprintf(buf, LOCAL_TIME_MINUTE_MAX, "%04" PRId64 "-%02d-%02d %02ld:%02ld",
		 y, m, d, minute / 60, minute % 60);
}

void local_time_changes(int64_t y, int64_t *spring, int64_t *autumn)
{
	*spring = last_sunday_1am(y, 3);
	*autumn = last_sunday_1am(y, 10);
}

int64_t local_time_year(int64_t utc_s)
{
	int64_t y;
	int m, d;

	local_time_date(floor_div(utc_s, 86400), &y, &m, &d);
	return y;
}
