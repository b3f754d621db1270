/* scenario.h: a force described as data — run settings, contact lines and
 * handler pools — and the loader that reads it from YAML.
 *
 * The loader (scenario_load.c) reads the file with libyaml's document API,
 * applies --set overrides to the document, then walks it once, converting
 * every value to the units used inside (seconds, calls a second) and
 * validating it. Every problem found is added to the caller's sim_err as
 * one line
 *     FILE:LINE:COL: key.path: what is wrong; what is allowed
 * (an override's problems name "--set key.path=value" instead of a position),
 * and a scenario with any problem is never returned: a bad file never starts
 * a run.
 *
 * A loaded scenario is immutable and shared read-only by every replication
 * thread. scenario_free releases everything it owns. */
#ifndef MODELS_SCENARIO_H
#define MODELS_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "models/busyness.h"
#include "models/currency.h"
#include "models/demand.h"
#include "models/dist.h"
#include "models/response_spec.h"
#include "models/roster.h"
#include "sim/sim_err.h"

#define SCENARIO_NAME_MAX 64
_Static_assert(SCENARIO_NAME_MAX == sizeof(((struct busyness_spec *)0)->name),
	       "a busyness group's name is a name");

struct scenario_rota;

/* The most bytes the loader reads of each kind of input (docs/scenario.md).
 * A regular file larger than its limit is refused before it is read, a
 * pipe as soon as it brings more; directories and devices are refused
 * before they are opened. */
#define SCENARIO_FILE_MAX ((size_t)4 << 20)        /* the YAML scenario */
#define SCENARIO_PROFILE_CSV_MAX ((size_t)1 << 20) /* a weekly profile, and
							  an events CSV */
#define SCENARIO_EMPIRICAL_CSV_MAX ((size_t)16 << 20) /* empirical samples */
/* The most items in a list of named things (lines, pools, shifts, serves,
 * areas, neighbours, roles, units): names are checked against each other,
 * and each item is a sizeable struct, so a list's length must be bounded
 * for a load to take bounded time and memory. */
#define SCENARIO_LIST_MAX 1000
/* The deepest lists and mappings may nest, in the file and in a --set
 * value; a scenario itself needs about eight levels. */
#define SCENARIO_DEPTH_MAX 64

/* Where a key stood in the file, for messages raised after loading. */
struct src_pos {
	int line, col;   /* 1-based; 0 when the value came from a default */
};

/* A replication stops with an error (exit 1) when more callers than
 * run.max_waiting wait at once, or more incidents wait for a unit: memory
 * grows with them, and a run that passes the bound would otherwise grow
 * until the machine runs out. High enough for deliberate catastrophe
 * what-ifs; a scenario may raise it to SCENARIO_MAX_WAITING_MAX. */
#define SCENARIO_MAX_WAITING_DEFAULT 10000000
#define SCENARIO_MAX_WAITING_MAX 100000000

struct run_spec {
	double days;                 /* counted horizon, > 0 */
	double warmup_s;             /* not counted, >= 0 */
	unsigned replications;       /* >= 2, so a confidence interval exists */
	uint64_t seed;
	struct demand_date start;    /* date of time 0, a Monday */
	size_t max_waiting;          /* callers, and incidents, waiting at once;
					0 (a spec built in code) means
					SCENARIO_MAX_WAITING_DEFAULT */
};

/* A force calling back callers who abandoned a line (models/callback.h):
 * work for a pool's handlers, in a queue of its own there. */
struct callback_spec {
	double probability;                /* an abandoned call is called back;
					      0: none */
	double target_s;                   /* call back within this */
	struct dist handle;                /* a call-back's handler time */
	size_t pool;                       /* whose handlers make them */
	int ahead;                         /* 1: before the pool's own lines;
					      0: after them */
};

struct line_spec {
	char name[SCENARIO_NAME_MAX];      /* "999", "101", ... */
	struct src_pos pos;
	struct demand_spec demand;
	int has_patience;                  /* 0: callers never abandon */
	struct dist patience;
	double redial_probability;         /* 0 <= p <= 1 */
	struct dist redial_delay;          /* used when redial_probability > 0 */
	struct dist handle;                /* talk time; the incident (if any)
					      is created when it ends */
	int has_wrap;
	struct dist wrap;                  /* after-call work; handler still busy */
	double target_s;                   /* answer within this */
	double goal;                       /* fraction; NAN when the scenario
					      sets none (no verdict) */
	int per;                           /* enum agreement_per: the goal
					      judged over the horizon, or
					      day by day, week by week */
	double on_at_least;                /* the share of periods to meet
					      the goal on; NAN with per
					      AGREEMENT_HORIZON */
	double incident_p[RESPONSE_GRADES_MAX]; /* P(an answered call creates an
					      incident of grade g); the rest
					      create none */
	struct callback_spec callback;
	int has_connection;                /* 0: no connection time */
	struct dist connection;            /* before the force's queue (999
					      operator, transfer): counted in
					      the answer time, not in patience */
	double duplicate;                  /* share of answered calls about an
					      incident already reported: no
					      new incident (models/duplicate.h);
					      0 <= d < 1 */
};

/* A pool's rule for answering a line it does not serve, only while that
 * line is under pressure (models/routing.h): its queue holds `queue`
 * callers or more, or its oldest caller has waited `wait_s` or more. */
struct overflow_spec {
	size_t line;                       /* a line the pool does not serve */
	double queue;                      /* callers waiting; NAN: no rule */
	double wait_s;                     /* oldest caller's wait; NAN: none */
	int ahead;                         /* 1: taken before the pool's own
					      lines while the rule holds */
};

/* A pool answers `line` only while more than `keep` of its handlers are
 * free: the rest are kept for its higher-priority lines. */
struct reserve_spec {
	size_t line;                       /* served or overflowed to */
	int keep;                          /* >= 0 */
};

struct pool_spec {
	char name[SCENARIO_NAME_MAX];
	struct src_pos pos;
	size_t *serves;                    /* line indices, priority order; owned */
	size_t n_serves;
	struct overflow_spec *overflow;    /* owned; may be NULL */
	size_t n_overflow;
	struct reserve_spec *reserve;      /* owned; may be NULL */
	size_t n_reserve;
	struct shift_spec *shifts;         /* owned; NULL on a rota */
	size_t n_shifts;
	struct scenario_rota *rota;        /* owned; NULL: the roster is
					      shifts (models/scenario_rota.h) */
	double shrinkage;                  /* 0 <= s < 1 */
	double hours_per_week;             /* contracted hours of one FTE, > 0 */
	double cost_per_fte;               /* annual, currency units, >= 0 */
};

/* Deferrable contact (Live Chat, online reports, emails): items with a
 * target in hours that the handlers of one pool take only when none of
 * the pool's calls waits (models/deferrable.h). An item stream is
 * described as a line is — name, demand (volume, weekly profile, months),
 * handle time, target (target_s, in seconds inside) and goal — so the
 * line's readers and writers of those serve it; a line's other fields
 * (patience, redial, wrap, incidents) stay unused. */
struct deferrable_spec {
	struct line_spec work;             /* first: read as a line's */
	size_t pool;                       /* the pool whose handlers work it */
};

struct scenario {
	char name[256];
	char path[1024];                   /* the file it came from ("" if text) */
	/* scenario_fnv1a of every byte the loader read, in order: the
	 * scenario text, then each profile or empirical CSV. Equal content
	 * gives equal values however the paths were spelt. */
	uint64_t content_fnv1a;
	enum currency_code currency;       /* of every cost; GBP by default */
	struct run_spec run;
	struct line_spec *lines;           /* owned */
	size_t n_lines;
	struct pool_spec *pools;           /* owned */
	size_t n_pools;
	/* Incident response; n_grades == 0 means calls only. */
	struct grade_spec *grades;         /* owned, highest grade first */
	size_t n_grades;
	struct area_spec *areas;           /* owned */
	size_t n_areas;
	struct role_spec *roles;           /* owned */
	size_t n_roles;
	struct unit_spec *units;           /* owned */
	size_t n_units;
	struct dispatch_spec dispatch;
	/* Day-to-day busyness: groups of lines sharing a random day factor
	 * (models/busyness.h); none when n_busyness == 0. */
	struct busyness_spec *busyness;    /* owned */
	size_t n_busyness;	/* The events CSV as the file names it ("" none): its rows are each
	 * line's demand.windows (models/scenario_events.c). */
	char events[1024];
	/* Deferrable work; none when n_deferrable == 0. */
	struct deferrable_spec *deferrable; /* owned */
	size_t n_deferrable;
	/* Every CSV file the loader read for this scenario, in the order
	 * read, so a command can keep its outputs off them
	 * (scenario_csv_apart) without reading the file again. */
	struct scenario_csv *csvs;         /* owned */
	size_t n_csvs;
};

/* A CSV file a scenario read: a profile, an empirical sample, the events,
 * travel by hour. */
struct scenario_csv {
	char path[1100];                   /* as opened: a relative path
					      joined to the scenario's
					      directory */
	char key[256];                     /* the key that names it:
					      "lines.999.profile" */
};

/* Where a scenario comes from: a file, or text (tests), plus overrides. */
struct scenario_source {
	const char *path;                  /* file to read; or the name used in
					      messages when text is given */
	const char *text;                  /* NULL: read path */
	size_t text_len;
	const char *const *overrides;      /* "key.path=value" strings */
	size_t n_overrides;
	struct sim_err *warnings;          /* NULL, or where the warnings of
					      a valid scenario go */
};

/* Loads and validates a scenario. On success returns SIM_OK and a new
 * scenario in *out (free with scenario_free). On failure returns
 * SIM_ESCENARIO (or SIM_EIO, SIM_ENOMEM), leaves *out NULL and adds one
 * line per problem to err. Relative CSV paths resolve against the
 * directory of path.
 *
 * A valid scenario that would measure nothing somewhere (a surge only in
 * the warm-up or after the end, a counted period too short for one call,
 * a goal on a line without calls or a grade no call creates) still loads;
 * when src->warnings is not NULL, one line
 *     FILE:LINE:COL: key.path: warning: what and why it matters
 * per such case is added there. Warnings never change the status. */
enum sim_status scenario_load(const struct scenario_source *src,
			      struct scenario **out, struct sim_err *err);
/* NULL is a no-op. */
void scenario_free(struct scenario *sc);

/* A scenario read once, to build many variants of (a sweep's points, an
 * optimiser's rounds): the file's bytes and those of the CSVs it names,
 * and the YAML parsed. Immutable once read, so threads may share it. */
struct scenario_doc;

/* Reads and parses src's file (or text) and the CSVs it names, and
 * refuses a file that is not one YAML mapping; src->overrides and
 * src->warnings are not used. On success returns SIM_OK and a new doc in
 * *out (free with scenario_doc_free); else returns SIM_ESCENARIO, SIM_EIO
 * or SIM_ENOMEM with the problems added to err, as scenario_load would
 * report them. */
enum sim_status scenario_doc_read(const struct scenario_source *src,
				  struct scenario_doc **out,
				  struct sim_err *err);
/* NULL is a no-op. */
void scenario_doc_free(struct scenario_doc *d);

/* A typed edit: a key path as --set spells it and a value. */
struct scenario_edit {
	const char *path;            /* "pools.emergency.shifts.late.staff";
					read up to its first '=' */
	const char *text;            /* the value as YAML text, or NULL */
	double number;               /* used when text == NULL; NaN stands
					for an argument without '=', which
					is reported as such */
	const char *origin;          /* for messages: "--set", "--vary";
					NULL is "--set" */
};

/* "key=value" -> an edit borrowing arg's bytes (path is arg itself, read
 * up to the '='), origin "--set"; -1 when arg has no '='. */
int scenario_edit_parse(const char *arg, struct scenario_edit *out);

/* The edit e as --set spells it, "key.path=value" (a number in the
 * fewest digits that read back to it, a whole number written whole), in a
 * new string (free it); an edit without a value is its path alone. NULL
 * when out of memory. */
char *scenario_edit_text(const struct scenario_edit *e);

/* The scenario of d with edits applied in order, validated, as
 * scenario_load would load d's file with those edits as --set overrides:
 * the same problems, the same warnings (into warnings, when not NULL), and
 * the same content_fnv1a, taken from the bytes d holds. A CSV that only an
 * edit names is read from its file. Safe to call from several threads on
 * one d. */
enum sim_status scenario_doc_build(const struct scenario_doc *d,
				   const struct scenario_edit *edits,
				   size_t n_edits, struct sim_err *warnings,
				   struct scenario **out,
				   struct sim_err *err);

/* The FNV-1a offset basis: the hash of no bytes. */
#define SCENARIO_FNV1A_INIT 14695981039346656037u
/* Extends the 64-bit FNV-1a hash h (starting at SCENARIO_FNV1A_INIT) with
 * one block: n as 8 bytes, least significant first, then the n bytes at p.
 * The length keeps blocks apart: moving a line from one CSV to the next
 * changes the hash. Not a cryptographic hash: it tells an edited input
 * from the one read before, not a forged one. */
uint64_t scenario_fnv1a(uint64_t h, const void *p, size_t n);
/* Extends h with the n bytes at p alone, without their length: the same
 * however a stream of bytes is split between calls (a sweep shard's bytes,
 * row by row, as written and as read back). */
uint64_t scenario_fnv1a_stream(uint64_t h, const void *p, size_t n);

/* Reads the whole of text as a number written in plain decimal, the one
 * rule for numbers people type on the command line: an optional sign,
 * digits with at most one '.', an optional exponent ("1e-3"). Refused:
 * hexadecimal or octal prefixes ("0x10"), inf, nan, spaces, an empty
 * text, and values too large for a double. Returns 1 and sets *out, or 0. */
int scenario_parse_decimal(const char *text, double *out);

/* Refuses out, the file option opt writes, when it is one of the CSV
 * files sc read: the same file (device and inode), however its path is
 * spelt; a file that does not exist is none of them. whose names the
 * scenario in the message ("the scenario", "scenario B"). Returns SIM_OK,
 * or SIM_EINVAL with
 *     OPT OUT is a CSV file WHOSE reads (KEY: PATH): give OPT a file of
 *     its own
 * added to err. out may be NULL (no output: SIM_OK). */
enum sim_status scenario_csv_apart(const struct scenario *sc, const char *opt,
				   const char *out, const char *whose,
				   struct sim_err *err);

/* Index of the line or pool with that name, or -1. */
long scenario_line_index(const struct scenario *sc, const char *name);
long scenario_pool_index(const struct scenario *sc, const char *name);

/* Counted horizon (run.days on the local clock) and total simulated
 * time, in seconds; the end of the warm-up in scenario time. A clock
 * change inside the run makes the scenario time of a local day 23 or 25
 * hours (models/local_clock.h). */
double scenario_counted_s(const struct scenario *sc);
double scenario_horizon_s(const struct scenario *sc);
double scenario_warmup_end_s(const struct scenario *sc);

/* FTE and annual cost implied by a pool's roster: rostered hours over
 * contracted hours, or on a rota the people in post. */
double scenario_pool_fte(const struct pool_spec *p);
double scenario_pool_cost(const struct pool_spec *p);
/* FTE (officers: units x crew x hours / contracted hours, or on a rota
 * the officers in post) and annual cost
 * implied by a unit roster. */
double scenario_unit_fte(const struct scenario *sc, const struct unit_spec *u);
double scenario_unit_cost(const struct scenario *sc, const struct unit_spec *u);

#endif
