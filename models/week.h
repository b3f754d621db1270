/* week.h: the calendar scenario time is measured in — seconds since Monday
 * 00:00 of the run's start date — as the constants every model, writer and
 * test shares, so an hour, a day, a week and the names of its days are
 * written down once.
 *
 * The day-name lists are initialisers, Monday first, so each user builds
 * the array it needs (with a NULL end, say) without a second copy of the
 * words: static const char *const keys[] = { WEEK_DAY_KEYS, NULL }; */
#ifndef MODELS_WEEK_H
#define MODELS_WEEK_H

#define HOUR_S 3600.0
#define DAY_S 86400.0
#define WEEK_S 604800.0          /* 7 * DAY_S */
#define HOURS_PER_WEEK 168
#define DAYS_PER_WEEK 7

/* As scenarios spell them (shift days, surge days). */
#define WEEK_DAY_KEYS "mon", "tue", "wed", "thu", "fri", "sat", "sun"
/* As reports label them. */
#define WEEK_DAY_LABELS "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
/* In full, for messages. */
#define WEEK_DAY_NAMES "Monday", "Tuesday", "Wednesday", "Thursday", \
	"Friday", "Saturday", "Sunday"

#endif
