/* roster_teams.h: a roster of teams on a rotating rota — what `callsim
 * roster` searches for a pool or unit roster already on a rota
 * (docs/experiments.md, "Pools and units already on a rota").
 *
 * The rota's candidates (results/roster_plan.h) are people starting its
 * pattern on each day of the cycle: the pattern of a pool or unit roster
 * already on a rota, or of --rota on one on shifts too. A scenario's rota
 * has teams of one size (models/scenario_rota.h: teams, per_team,
 * offsets), so here the people starting on a cycle day come in whole
 * teams of per_team: for
 * each team size the programme chooses the least teams on each start day
 * (the requirement in teams, rounded up), and the least-cost size is kept
 * (ties: the fewest teams), within the scenario's 64 teams. Keeping the
 * scenario's own teams and offsets instead, only per_team is chosen.
 *
 * The result is written back as the rota itself: "KEY.rota={pattern,
 * shifts, teams, per_team, offsets, start}", which `callsim run` takes
 * as it is and simulates exactly, day by day; on a record staffed by
 * shifts it replaces them (models/scenario_edit.h).
 *
 * Nothing prints; errors are returned. */
#ifndef RESULTS_ROSTER_TEAMS_H
#define RESULTS_ROSTER_TEAMS_H

#include <stdio.h>

#include "models/roster_ip.h"
#include "results/roster_plan.h"
#include "sim/sim_err.h"

/* Copies own's rota (its resolved shifts, pattern, start) into p, as the
 * pattern to roster, and marks p a plan of teams. Returns SIM_OK or
 * SIM_ENOMEM. */
enum sim_status roster_teams_own(struct roster_plan *p,
				 const struct scenario_rota *own,
				 struct sim_err *err);

/* Marks p a plan of teams whose pattern comes from --rota, its cycle
 * starting where own's does (own NULL, a pool or unit roster on shifts:
 * on the run's start). */
void roster_teams_start(struct roster_plan *p, const struct scenario_rota *own);

/* With p->keep: one candidate, all of own's teams at their offsets, its
 * headcount per_team; its blocks into p->block_starts. Returns SIM_OK or
 * SIM_ENOMEM. */
enum sim_status roster_teams_kept(struct roster_plan *p, struct sim_err *err);

/* Solves spec (p's programme, need in people) for whole teams into *out
 * (people on each candidate, their cost, short_by of the people's own
 * programme when even single people cannot cover), and p->per_team,
 * p->n_teams and p->team_offset. Returns SIM_OK or the solver's failure. */
enum sim_status roster_teams_solve(struct roster_plan *p,
				   const struct roster_ip_spec *spec,
				   struct roster_ip_result *out,
				   struct sim_err *err);

/* Writes "KEY.rota={...}" of p's result to f. */
void roster_teams_override(FILE *f, const struct roster_plan *p);

#endif
