"""What became of every call and incident: offered = answered + abandoned +
unanswered at end on every line, and incidents = attended + unattended at
end on every grade (force-wide and in each area), in every golden output
and in runs where the drain cannot settle everything. Every other
end-to-end test checks the same on each report it gets (clitest.Ctx.run).

Regression: with ten times the load and no patience, calls still waiting
when the run stopped appeared nowhere (offered 25,212, answered 1,822,
abandoned 0)."""
import glob
import json
import os

from clitest import Ctx, fixture, identity_problems

# Golden outputs that must hold identities, with how many at least.
GOLDEN_MIN = {"run-json": 2, "run-csv": 2, "run-intervals-json": 2,
              "run-intervals-csv": 2, "run-priority": 2, "run-units": 2,
              "sweep-csv": 1, "sweep-jsonl": 1}


def check_golden(t):
    """Every reference output (stdout, then the exit line) keeps them."""
    ref = os.path.join(t.root, "tests", "golden", "reference")
    total = 0
    for path in sorted(glob.glob(os.path.join(ref, "*"))):
        name = os.path.basename(path)
        if name.endswith(".got"):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        body = text[:text.rstrip("\n").rfind("\n") + 1]
        n, problems = identity_problems(body)
        total += n
        for p in problems:
            t.check(False, "golden %s: %s" % (name, p))
        if name in GOLDEN_MIN:
            t.check(n >= GOLDEN_MIN[name],
                    "golden %s: %d identities checked" % (name, n))
    t.check(total > 100, "only %d identities in the golden outputs" % total)


def figures(t, args):
    """Runs `callsim run ARGS --format json`; returns the report."""
    out, _ = t.expect_rc(["run"] + args + ["--format", "json"], 0)
    report = json.loads(out)
    n, problems = identity_problems(out)
    t.check(n > 0 and not problems, "%s: %d identities, %s" % (args, n, problems))
    return report


def check_unanswered(t):
    """Ten times the load, no patience: most calls are unanswered at end,
    and they count against the service level."""
    report = figures(t, [fixture("overload.yaml")])
    line = report["lines"][0]
    offered = line["offered"]["mean"]
    unanswered = line["unanswered_at_end"]["mean"]
    t.check(unanswered > 0.5 * offered,
            "999: %s of %s calls unanswered at end" % (unanswered, offered))
    t.check(line["abandoned"]["mean"] == 0, "999: nobody hangs up")
    t.check(line["service_level"]["mean"] * offered
            <= line["answered"]["mean"] + 1e-6,
            "999: unanswered calls count against the service level")
    out, _ = t.expect_rc(["run", fixture("overload.yaml"), "--format", "csv"], 0)
    # Offered and answered of each of the two lines.
    t.check(identity_problems(out)[0] == 4, "CSV: both lines checked")
    out, _ = t.expect_rc(["run", fixture("overload.yaml")], 0)
    t.check("\n  unanswered at end           25527.7  [25081.5, 25973.8]\n"
            in out, "table: the unanswered at end row\n" + out)


def check_unattended(t):
    """Units that stay on scene for weeks: incidents are unattended at end,
    force-wide and in each area."""
    report = figures(t, [fixture("exp_units.yaml"), "--set",
                         "grades.urgent.on_scene.mean=2000000", "--set",
                         "grades.urgent.on_scene.sd=1000"])
    for g in report["grades"]:
        t.check(g["unattended_at_end"]["mean"] > 100,
                "grade %s: unattended at end %s"
                % (g["name"], g["unattended_at_end"]))
    t.check(len(report["areas"]) == 2 and
            all(len(a["grades"]) == 2 for a in report["areas"]),
            "areas and their grades are reported")


def main():
    t = Ctx()
    check_golden(t)
    check_unanswered(t)
    check_unattended(t)
    t.finish()


main()
