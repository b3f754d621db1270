/* cmd_erlang.h: `callsim erlang` — the analytic Erlang C / Erlang A
 * calculator: agents needed for a service-level goal, or the service
 * level, waits and abandonment of given agent counts (models/erlang.h). */
#ifndef CLI_CMD_ERLANG_H
#define CLI_CMD_ERLANG_H

/* The usage text `callsim help erlang` and `callsim erlang --help` print. */
extern const char cmd_erlang_usage[];

/* Runs the subcommand; argv[0] is "erlang". Returns the exit code: 0, 1 no
 * agent count up to the search limit meets the goal, 2 bad usage. */
int cmd_erlang(int argc, char **argv);

#endif
