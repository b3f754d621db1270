#!/usr/bin/python3
"""W2 peer: Erlang A (M/M/c+M) in SimPy, the straightforward way.

c handlers (a Resource of capacity c); callers arrive at rate lambda until
the horizon and wait FIFO for a handler, but give up after an exponential
patience: SimPy 2's reneging form `yield (request, ...), (hold, ..., p)`
waits for whichever comes first, the handler or the end of patience (SimPy
3+ spells it AnyOf(request, timeout)). As in callsim, only callers arriving
before the horizon are counted and the run ends when all of them are done.

Prints one JSON object: offered, answered, abandoned, p_abandon,
service_level (answered within target over all offered), asa_s, horizon_s.
"""

import argparse
import json
import random

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request


class Tally:
    def __init__(self):
        self.offered = 0
        self.answered = 0
        self.abandoned = 0
        self.within_target = 0
        self.wait_sum = 0.0


class Caller(Process):
    def call(self, pool, patience, handle, target_s, tally):
        arrived = self.sim.now()
        yield (request, self, pool), (hold, self, patience)
        if not self.acquired(pool):
            tally.abandoned += 1
            return
        wait = self.sim.now() - arrived
        tally.answered += 1
        tally.wait_sum += wait
        if wait <= target_s:
            tally.within_target += 1
        yield hold, self, handle
        yield release, self, pool


class Arrivals(Process):
    def generate(self, pool, rngs, args, tally):
        arrival_rng, patience_rng, handle_rng = rngs
        while True:
            yield hold, self, arrival_rng.expovariate(args.lam)
            if self.sim.now() >= args.horizon_s:
                return
            tally.offered += 1
            caller = Caller(sim=self.sim)
            self.sim.activate(caller, caller.call(
                pool, patience_rng.expovariate(1.0 / args.patience_s),
                handle_rng.expovariate(1.0 / args.handle_s), args.target_s, tally))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--horizon-s", type=float, default=1e6 / 0.15)
    ap.add_argument("--lam", type=float, default=0.15, help="arrivals a second")
    ap.add_argument("--handle-s", type=float, default=300.0)
    ap.add_argument("--patience-s", type=float, default=120.0)
    ap.add_argument("--servers", type=int, default=50)
    ap.add_argument("--target-s", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sim = Simulation()
    pool = Resource(capacity=args.servers, sim=sim)
    tally = Tally()
    rngs = tuple(random.Random(args.seed + k) for k in range(3))
    source = Arrivals(sim=sim)
    sim.activate(source, source.generate(pool, rngs, args, tally))
    sim.simulate(until=float("inf"))
    n = tally.offered
    print(json.dumps({
        "model": "M/M/%d+M" % args.servers, "horizon_s": args.horizon_s,
        "offered": n, "answered": tally.answered, "abandoned": tally.abandoned,
        "p_abandon": tally.abandoned / n if n else None,
        "service_level": tally.within_target / n if n else None,
        "asa_s": tally.wait_sum / tally.answered if tally.answered else None,
    }))


if __name__ == "__main__":
    main()
