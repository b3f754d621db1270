/* log_time.h: the times of a telephony or command-and-control export, read
 * as instants (seconds since 1970-01-01 00:00 UTC).
 *
 * Formats: ISO 8601, "YYYY-MM-DDThh:mm[:ss[.fff]]" (a space may stand for
 * the T) with an offset ("Z", "+01:00", "+0100", "+01") or without one;
 * and the spreadsheet forms "DD/MM/YYYY hh:mm[:ss]" (UK) and
 * "MM/DD/YYYY hh:mm[:ss]" (US). A time without an offset is UK local time
 * (Europe/London, as models/local_time.h): a time in the hour the clocks
 * skip in March does not exist and is refused; one in the hour October
 * repeats is taken as the first (summer time), since nothing tells them
 * apart. */
#ifndef MODELS_LOG_TIME_H
#define MODELS_LOG_TIME_H

enum log_time_format {
	LOG_TIME_AUTO,   /* from the first time read: "/" -> DMY, else ISO */
	LOG_TIME_ISO,
	LOG_TIME_DMY,
	LOG_TIME_MDY
};

/* The names --date-format takes, in enum order from LOG_TIME_AUTO,
 * NULL-ended. */
extern const char *const log_time_format_names[];

/* The format of text when fmt is LOG_TIME_AUTO, else fmt. */
enum log_time_format log_time_detect(const char *text,
				     enum log_time_format fmt);
/* Reads text in format fmt (not AUTO) into *utc_s. Returns NULL, or what
 * is wrong (a static text naming the expected form). */
const char *log_time_parse(const char *text, enum log_time_format fmt,
			   double *utc_s);
/* Days since 1970-01-01 of a proleptic Gregorian date. */
long log_time_days(int year, int month, int day);
/* The local (UK) civil date and seconds into the local day of utc_s, and
 * its weekday (0 Monday). */
void log_time_local(double utc_s, int *year, int *month, int *day,
		    double *sod, int *weekday);

#endif
