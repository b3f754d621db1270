#!/usr/bin/python3
"""W1 peer: M/M/1 in SimPy, the straightforward way a SimPy user writes it.

One server (a Resource of capacity 1); callers arrive at rate lambda until
the horizon, queue FIFO, hold the server for an exponential time with rate
mu, and release it. As in callsim, only callers arriving before the horizon
are counted and the run goes on until every one of them has been served.

Debian ships SimPy 2 ("SimPy classic", package python3-simpy): processes are
generators yielding hold/request/release commands. Prints one JSON object:
offered, answered, asa_s (mean wait of answered callers), horizon_s.
"""

import argparse
import json
import random

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request


class Tally:
    """Counts kept by the model (no SimPy Monitor: a plain sum is cheaper)."""

    def __init__(self):
        self.offered = 0
        self.answered = 0
        self.wait_sum = 0.0


class Caller(Process):
    def call(self, server, handle_rng, mu, tally):
        arrived = self.sim.now()
        yield request, self, server
        tally.answered += 1
        tally.wait_sum += self.sim.now() - arrived
        yield hold, self, handle_rng.expovariate(mu)
        yield release, self, server


class Arrivals(Process):
    def generate(self, server, rngs, lam, mu, horizon, tally):
        arrival_rng, handle_rng = rngs
        while True:
            yield hold, self, arrival_rng.expovariate(lam)
            if self.sim.now() >= horizon:
                return
            tally.offered += 1
            caller = Caller(sim=self.sim)
            self.sim.activate(caller, caller.call(server, handle_rng, mu, tally))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--horizon-s", type=float, default=1e6)
    ap.add_argument("--lam", type=float, default=1.0, help="arrivals a second")
    ap.add_argument("--mu", type=float, default=1.1, help="services a second")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sim = Simulation()
    server = Resource(capacity=1, sim=sim)
    tally = Tally()
    rngs = (random.Random(args.seed), random.Random(args.seed + 1))
    source = Arrivals(sim=sim)
    sim.activate(source, source.generate(server, rngs, args.lam, args.mu,
                                         args.horizon_s, tally))
    sim.simulate(until=float("inf"))
    print(json.dumps({
        "model": "M/M/1", "horizon_s": args.horizon_s,
        "offered": tally.offered, "answered": tally.answered,
        "asa_s": tally.wait_sum / tally.answered if tally.answered else None,
    }))


if __name__ == "__main__":
    main()
