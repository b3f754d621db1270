/* log_time.c: reading the times of an export (log_time.h). */
#include "models/log_time.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "models/local_time.h"

const char *const log_time_format_names[] = {
	"auto", "iso", "dmy", "mdy", NULL
};

long log_time_days(int year, int month, int day)
{
	/* Days from civil, after H. Hinnant's algorithm (era of 400 years). */
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The civil date of day number z (days since 1970-01-01). */
static void log_time_civil(long z, int *year, int *month, int *day)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*month <= 2));
}

void log_time_local(double utc_s, int *year, int *month, int *day,
		    double *sod, int *weekday)
{
	double local = utc_s + local_time_offset_s((int64_t)floor(utc_s));
	long z = (long)floor(local / 86400);

	log_time_civil(z, year, month, day);
	*sod = local - (double)z * 86400;
	*weekday = (int)(((z + 3) % 7 + 7) % 7);   /* 1970-01-01: Thursday */
}

enum log_time_format log_time_detect(const char *text,
				     enum log_time_format fmt)
{
	if (fmt != LOG_TIME_AUTO)
		return fmt;
	return strchr(text, '/') ? LOG_TIME_DMY : LOG_TIME_ISO;
}

/* Reads exactly n digits at *p into *v, advancing. Returns 0, or -1. */
static int log_time_digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* A civil time of day and its fraction: "hh:mm[:ss[.fff]]". */
static int log_time_clock(const char **p, int *h, int *m, double *s)
{
	int sec = 0;
	double frac = 0, scale = 0.1;

	if (log_time_digits(p, 2, h) || *(*p)++ != ':'
	    || log_time_digits(p, 2, m))
		return -1;
	if (**p == ':') {
		(*p)++;
		if (log_time_digits(p, 2, &sec))
			return -1;
		if (**p == '.' || **p == ',') {
			for ((*p)++; isdigit((unsigned char)**p); (*p)++) {
				frac += (**p - '0') * scale;
				scale /= 10;
			}
		}
	}
	*s = sec + frac;
	return *h > 23 || *m > 59 || sec > 59 ? -1 : 0;
}

/* The offset "Z", "+hh:mm", "+hhmm" or "+hh" at p, in seconds; *given 0
 * when there is none. Returns 0, or -1 for anything else. */
static int log_time_offset(const char *p, int *off_s, int *given)
{
	int sign, h = 0, m = 0;

	*given = *p != '\0';
	*off_s = 0;
	if (*p == '\0' || (p[0] == 'Z' && p[1] == '\0'))
		return 0;
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (log_time_digits(&p, 2, &h))
		return -1;
	if (*p == ':')
		p++;
	if (*p != '\0' && log_time_digits(&p, 2, &m))
		return -1;
	*off_s = sign * (h * 3600 + m * 60);
	return *p == '\0' && h <= 18 && m <= 59 ? 0 : -1;
}

/* The instant of UK local time `local` (seconds since the epoch, on the
 * local clock): summer time first. Returns 0, or -1 when the clock
 * skipped it. */
static int log_time_from_local(double local, double *utc_s)
{
	double summer = local - 3600;

	if (local_time_offset_s((int64_t)floor(summer)) == 3600) {
		*utc_s = summer;
		return 0;
	}
	*utc_s = local;
	return local_time_offset_s((int64_t)floor(local)) == 0 ? 0 : -1;
}

/* The date part of text in format fmt, advancing *p. Returns 0, or -1. */
static int log_time_date(const char **p, enum log_time_format fmt, int *y,
			 int *mo, int *d)
{
	int a, b;

	if (fmt == LOG_TIME_ISO)
		return log_time_digits(p, 4, y) || *(*p)++ != '-'
			|| log_time_digits(p, 2, mo) || *(*p)++ != '-'
			|| log_time_digits(p, 2, d) ? -1 : 0;
	if (log_time_digits(p, 2, &a) || *(*p)++ != '/'
	    || log_time_digits(p, 2, &b) || *(*p)++ != '/'
	    || log_time_digits(p, 4, y))
		return -1;
	*d = fmt == LOG_TIME_DMY ? a : b;
	*mo = fmt == LOG_TIME_DMY ? b : a;
	return 0;
}

static const char *log_time_form(enum log_time_format fmt)
{
	if (fmt == LOG_TIME_ISO)
		return "not a time; must be ISO 8601, such as "
			"2025-03-24T08:15:00.000+00:00 (or give --date-format)";
	if (fmt == LOG_TIME_DMY)
		return "not a time; must be DD/MM/YYYY hh:mm[:ss] (or give "
			"--date-format)";
	return "not a time; must be MM/DD/YYYY hh:mm[:ss] (or give "
		"--date-format)";
}

const char *log_time_parse(const char *text, enum log_time_format fmt,
			   double *utc_s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31 };
	const char *p = text;
	int y, mo, d, h, mi, off, given;
	double s, local;

	if (log_time_date(&p, fmt, &y, &mo, &d) || (*p != 'T' && *p != ' ')
	    || (p++, log_time_clock(&p, &h, &mi, &s))
	    || log_time_offset(p, &off, &given))
		return log_time_form(fmt);
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]
	    || (mo == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400))))
		return "not a real date";
	local = (double)log_time_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	if (given) {
		*utc_s = local - off;
		return NULL;
	}
	if (log_time_from_local(local, utc_s))
		return "does not exist on the UK clock (the hour the clocks "
			"go forward); give the time with its UTC offset";
	return NULL;
}
