"""Analytic reference answers for the benchmark's validation workloads.

M/M/1 (W1): mean wait in queue Wq = rho / (mu - lambda), and the asymptotic
variance of the customer-average wait (Daley 1968), which sets how far one
long run may stray from Wq.

M/M/c+M, Erlang A (W2): the birth-death chain of the number in system gives
the state an arrival sees (PASTA); the abandonment probability follows from
the abandonment flow, and the service level from the fate of a tagged FCFS
caller who finds k callers ahead: it moves up one place at rate c*mu + j*theta
(a handler frees or someone ahead leaves) and gives up at rate theta.
"""

import math


def mm1_wq(lam, mu):
    """Mean wait in queue of M/M/1 (seconds)."""
    rho = lam / mu
    return rho / (mu - lam)


def mm1_wq_asymptotic_var(lam, mu):
    """n * Var(mean of n consecutive waits) as n grows (Daley 1968)."""
    rho = lam / mu
    return rho * (2 + 5 * rho - 4 * rho ** 2 + rho ** 3) / (mu ** 2 * (1 - rho) ** 4)


def _erlang_a_states(lam, mu, c, theta, eps=1e-16):
    """Stationary probabilities of the number in system, truncated where the
    tail is below eps (the death rate grows with theta, so it ends)."""
    p = [1.0]
    n = 0
    while True:
        death = min(n + 1, c) * mu + max(n + 1 - c, 0) * theta
        nxt = p[-1] * lam / death
        p.append(nxt)
        n += 1
        if n > c and nxt < eps * max(p):
            break
    total = math.fsum(p)
    return [x / total for x in p]


def _served_within(k_max, c, mu, theta, t, steps=20000):
    """u[k] = P(a caller with k ahead is answered within t and before
    giving up), by RK4 on the backward equations
        u_k' = r_k (u_{k-1} - u_k) - theta u_k,  u_{-1} = 1,  r_k = c mu + k theta.
    """
    h = t / steps

    def deriv(u):
        out = []
        prev = 1.0
        for k, uk in enumerate(u):
            r = c * mu + k * theta
            out.append(r * (prev - uk) - theta * uk)
            prev = uk
        return out

    u = [0.0] * (k_max + 1)
    for _ in range(steps):
        k1 = deriv(u)
        k2 = deriv([a + h / 2 * b for a, b in zip(u, k1)])
        k3 = deriv([a + h / 2 * b for a, b in zip(u, k2)])
        k4 = deriv([a + h * b for a, b in zip(u, k3)])
        u = [a + h / 6 * (b1 + 2 * b2 + 2 * b3 + b4)
             for a, b1, b2, b3, b4 in zip(u, k1, k2, k3, k4)]
    return u


def erlang_a(lam, mu, c, theta, t):
    """(P(abandon), service level within t over all arrivals) of M/M/c+M."""
    p = _erlang_a_states(lam, mu, c, theta)
    abandon_flow = math.fsum(pn * max(n - c, 0) * theta for n, pn in enumerate(p))
    u = _served_within(len(p) - c, c, mu, theta, t)
    sl = math.fsum(p[:c]) + math.fsum(p[n] * u[n - c] for n in range(c, len(p)))
    return abandon_flow / lam, sl


if __name__ == "__main__":
    print("W1 M/M/1 Wq", mm1_wq(1.0, 1.1),
          "sd of 1e6-call mean", math.sqrt(mm1_wq_asymptotic_var(1.0, 1.1) / 1e6))
    print("W2 Erlang A (P(abandon), SL10)",
          erlang_a(0.15, 1 / 300, 50, 1 / 120, 10.0))
