/* scenario_schema.h: the keys of a scenario file, one table per record
 * type, each row a key: what kind of value it holds, the range a number
 * must lie in, where a number goes in its record (with the factor that
 * converts it to the units used inside), whether it is required and what
 * it defaults to, and one line saying what it is.
 *
 * The loader reads a record by walking its table (scenario_record.c):
 * numbers, flags, words, names, times of day, dates, seeds,
 * distributions, nested maps, references to records of another list and
 * lists of them, and lists of numbers through their rows, each row giving
 * the range or the allowed words its messages name; a map's or a list's
 * row points at the table of its records, through which the walk reads a
 * nested map and a --set path resolves (scenario_edit.c). check's writer
 * (results/report_scenario.c) walks the same tables back out, lists of
 * records too, each row by its kind or, for a value of irregular shape,
 * its form (a volume, a profile, a list of days, a shift's length), and
 * only where the row's `shown` test holds. Only such values are read by
 * hooks of their record's part of the loader, named by their key; a list
 * of records is read through its row's kind (`items`), which that part
 * defines.
 * docs/scenario.md lists the same keys, in the same order, in one table a
 * record, which a test holds against these
 * (tests/models/test_scenario_schema.c). To add a key: a row here, the
 * record's field, a hook only if its shape is irregular, and its row in
 * docs/scenario.md (docs/architecture.md has the checklist). */
#ifndef MODELS_SCENARIO_SCHEMA_H
#define MODELS_SCENARIO_SCHEMA_H

#include <stddef.h>

#include "models/yaml_doc.h"

/* The longest duration a key may give: the distributions' own limit on
 * their mean (dist.c), so a time and a distribution obey one bound. */
#define SCENARIO_SECONDS_MAX 1e9
/* A line's average volume, and its rate at the peak of its profile, month
 * and surges, in calls a second. Ten a second is 315 million calls a year,
 * some two hundred times the bundled West Midlands scenario's two lines
 * together; the peak allows a surge of a hundred times that, and still
 * leaves a millisecond between arrivals, which the clock of the longest
 * run allowed (200 years) resolves a thousand times over. */
#define SCENARIO_MEAN_RATE_MAX 10.0
#define SCENARIO_PEAK_RATE_MAX 1000.0
/* The most keys a record has (months: twelve). */
#define SCENARIO_SCHEMA_KEYS_MAX 16

enum scenario_kind {
	SCENARIO_NUMBER,             /* plain decimal, within its rule */
	SCENARIO_NAME,               /* a list item's unique name (the list
					reader reads it) */
	SCENARIO_TEXT,               /* text of at most size - 1 bytes */
	SCENARIO_REF,                /* the name of a record of the list
					`of`, kept as its index */
	SCENARIO_WORD,               /* one of the row's words: its index */
	SCENARIO_BOOL,               /* true or false */
	SCENARIO_CLOCK,              /* a time of day "HH:MM", as seconds
					within the rule */
	SCENARIO_WHEN,               /* a day and a time, "sat 22:00", as
					seconds into the week */
	SCENARIO_DATE,               /* "YYYY-MM-DD" */
	SCENARIO_SEED,               /* a 64-bit whole number */
	SCENARIO_SPAN,               /* a shift's length: hours or end */
	SCENARIO_DIST,               /* a distribution mapping, struct dist */
	SCENARIO_MAP,                /* a mapping with a table of its own */
	SCENARIO_LIST                /* a list: of records (`sub`, read as
					`items` says), of names of records
					of the list `of`, of numbers within
					`rule`, or read by a hook */
};

/* The records a reference names: a list of the scenario, each record
 * beginning with its name. */
struct scenario_of {
	const char *noun, *plural;           /* "line", "lines" */
	size_t list, count;                  /* where struct scenario keeps
						the array and its length */
	size_t stride;                       /* of one record */
};
extern const struct scenario_of scenario_of_lines, scenario_of_pools,
	scenario_of_areas, scenario_of_roles, scenario_of_grades;

/* check's writer: how the value at a row's `shown` offset is tested
 * (the row is written only when it holds), by what is kept there. */
enum scenario_shown {
	SCENARIO_SHOWN_POSITIVE,     /* a double above 0 */
	SCENARIO_SHOWN_NUMBER,       /* a double not NaN */
	SCENARIO_SHOWN_SET,          /* an int not 0 */
	SCENARIO_SHOWN_UNSET,        /* an int 0 */
	SCENARIO_SHOWN_HELD,         /* a pointer not NULL */
	SCENARIO_SHOWN_NOT_HELD,     /* a NULL pointer */
	SCENARIO_SHOWN_COUNT         /* a size_t not 0 */
};

/* check's writer: the form of a value that its row's kind does not say
 * (rows read by the loader's hooks). */
enum scenario_form {
	SCENARIO_FORM_KIND,          /* as its kind writes it */
	SCENARIO_FORM_NUMBER,        /* a number at offset, store, scale */
	SCENARIO_FORM_FACTORS,       /* an array of doubles at offset, their
					number at count (0: one an hour of
					the week), twelve a line */
	SCENARIO_FORM_ONE_OF,        /* a map whose rows keep one value in
					different units: the row that reads
					back to it exactly, the shortest */
	SCENARIO_FORM_BITS,          /* an unsigned at offset, bit i naming
					words[i], or record i of the list of */
	SCENARIO_FORM_BY_NAME,       /* a map: a double (at offset) for each
					record of the list `of`, by name */
	SCENARIO_FORM_POINTER        /* its kind's, in the record a pointer at
					offset points to */
};

/* How a number is kept in its record. */
enum scenario_store {
	SCENARIO_DOUBLE,
	SCENARIO_INT,
	SCENARIO_UNSIGNED,
	SCENARIO_SIZE
};

struct scenario_key {
	const char *key;
	enum scenario_kind kind;
	const struct yaml_doc_rule *rule;    /* numbers: the range; clocks:
						the range in seconds */
	enum scenario_store store;
	size_t offset;                       /* where the value goes in the
						record (a map: its record) */
	double scale;                        /* kept = given x scale */
	int required;
	double def;                          /* optional numbers and seeds:
						kept when absent (scaled) */
	const char *doc;
	/* Maps and lists of records: the table of the mapping, or of each
	 * item; NULL where the keys are not fixed (a line's incidents are
	 * keyed by grade, a distribution's by its kind) or a list holds
	 * plain values. --set paths resolve through it. */
	const struct scenario_key *sub;
	/* What to give, said after "give" when a required key is missing
	 * and after "must be" when a value is of the wrong shape (words,
	 * clocks, dates, seeds, maps, distributions); `shape` when the two
	 * differ. */
	const char *give, *shape;
	const char *const *words;            /* words: the allowed ones */
	const char *noun;                    /* words: "unknown NOUN" */
	size_t size;                         /* text: the buffer's bytes; a
						list of records at offset
						(count of them): one's */
	size_t given;                        /* optional distributions: 1 +
						the offset of the int set when
						the key is given; 0 none */
	/* check's writer: a comment after the value, the comment line
	 * written instead of an absent optional value, whether a map is
	 * written on one line, {key: value, ...}, and 1 + the offset in the
	 * record of a number (a double) without which the row means nothing
	 * and is left out, as a file may leave it out (0: always written). */
	const char *note, *absent;
	int flow;
	size_t shown;
	/* References (REF) and lists of them (LIST): the list they name;
	 * a list's indices are a new array at offset, their number at
	 * count, each named once, and never the record itself. A list of
	 * numbers is kept alike, each as store says, and a list of records
	 * with its size. late: read
	 * after the walk, by the rule that joins the records, since the
	 * list named is read after this record. */
	const struct scenario_of *of;
	size_t count;
	int late;
	/* check's writer: how the value at `shown` is tested, and the form
	 * of a value its kind does not say. */
	enum scenario_shown shown_if;
	enum scenario_form form;
	/* Lists of records: how the loader reads one (scenario_record.h). */
	const struct scenario_record_kind *items;
	/* The key of the other of two forms a record gives one thing in (a
	 * pool's or a unit roster's staffing: weekly `shifts`, or teams on a
	 * `rota`), NULL for none. The loader refuses the two together and
	 * asks for one; a --set of one form whole drops the other, and one
	 * inside the form a record lacks asks for the whole form. */
	const char *other;
	/* 1 + the offset in the record of the value whose test (as
	 * shown_if tests) makes an optional row required (a redial's delay
	 * when some redial); 0 none. check's writer leaves the row out where
	 * the test fails, as it does where `shown`'s fails. */
	size_t needed;
	enum scenario_shown needed_if;
};

/* A list's kind is defined by the part of the loader that reads its
 * records, and declared in that part's header (scenario_load.h). */
struct scenario_record_kind;

/* A record type: the heading of its section in docs/scenario.md, which
 * of the key tables under that heading lists its keys (1 the first; 0
 * none), and its keys, ended by a row with a NULL key. */
struct scenario_record {
	const char *name;
	int table;
	const struct scenario_key *keys;
};

/* Every record type, ended by a NULL name. */
extern const struct scenario_record scenario_schema[];

extern const struct scenario_key scenario_schema_top[],
	scenario_schema_run[], scenario_schema_line[],
	scenario_schema_volume[], scenario_schema_months[],
	scenario_schema_surge[], scenario_schema_dist[],
	scenario_schema_redial[], scenario_schema_answer[],
	scenario_schema_pool[], scenario_schema_overflow[],
	scenario_schema_reserve[], scenario_schema_shift[],
	scenario_schema_busyness[],
	scenario_schema_grade[], scenario_schema_attend[],
	scenario_schema_multi_unit[],
	scenario_schema_area[], scenario_schema_role[],
	scenario_schema_abstraction[], scenario_schema_unit[],
	scenario_schema_dispatch[], scenario_schema_rota[],
	scenario_schema_rota_shift[], scenario_schema_callback[],
	scenario_schema_deferrable[], scenario_schema_deferrable_answer[];

/* Ranges of values read by the loader's own code, and of rows of more
 * than one table. */
extern const struct yaml_doc_rule scenario_schema_seconds,
	scenario_schema_profile_factor, scenario_schema_probability,
	scenario_schema_shift_hours, scenario_schema_week,
	scenario_schema_seconds_pos, scenario_schema_goal,
	scenario_schema_clock;
/* A call-back's or an overflow's place beside the pool's own lines. */
extern const char *const scenario_schema_ahead[];
/* The keys each kind of distribution accepts, "dist" first, indexed by
 * enum dist_kind. */
extern const char *const scenario_schema_dist_keys[][4];
/* mon..sun, NULL-terminated. */
extern const char *const scenario_schema_days[];

/* What an unknown key of table t is called in messages: "month" in
 * months, else "key". */
const char *scenario_schema_noun(const struct scenario_key *t);
/* The row of key in t, or NULL. */
const struct scenario_key *scenario_schema_find(const struct scenario_key *t,
						const char *key);
/* The keys of t, NULL-terminated, for yaml_doc_check_keys. */
void scenario_schema_names(const struct scenario_key *t,
			   const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1]);
/* Keeps v (as given) in rec at row k's place, scaled. */
void scenario_schema_store(const struct scenario_key *k, void *rec, double v);
/* The number of row k in rec, as a file gives it (kept / scale). */
double scenario_schema_get(const struct scenario_key *k, const void *rec);
/* Item i of the array of numbers of list row k (its first item at
 * items), as a file gives it; and keeping v, as given, there. */
double scenario_schema_item(const struct scenario_key *k, const void *items,
			    size_t i);
void scenario_schema_store_item(const struct scenario_key *k, void *items,
				size_t i, double v);
/* Whether the value at 1 + offset `at` in rec passes test `how`. */
int scenario_schema_holds(enum scenario_shown how, size_t at,
			  const void *rec);
/* The bytes of one number kept as s. */
size_t scenario_schema_size(enum scenario_store s);
/* The name of record i of the list of in scenario sc. */
const char *scenario_schema_ref_name(const void *sc,
				     const struct scenario_of *of, size_t i);
/* Gives rec the defaults of t's optional numbers and seeds, and of those
 * of its maps (kept in rec, not behind a pointer). */
void scenario_schema_defaults(const struct scenario_key *t, void *rec);

#endif
