# Sourced by .ci/test: `phase NAME COMMAND...` runs COMMAND and records its
# wall time and the CPU time (user + system) of the processes it ran, so a
# slow CI run shows where its time went; `phase_summary` prints the table
# (also when a phase fails, from the EXIT trap .ci/test sets).
PHASE_LOG=$(mktemp)

phase() {
  local name=$1 t0 t1 before after
  shift
  before=$(mktemp)
  after=$(mktemp)
  t0=$(date +%s.%N)
  # `times` in this shell, not in $(...): a subshell has no children of its own.
  times > "$before"
  "$@"
  times > "$after"
  t1=$(date +%s.%N)
  echo "$name $t0 $t1 $(tail -1 "$before") $(tail -1 "$after")" >> "$PHASE_LOG"
  rm -f "$before" "$after"
}

phase_summary() {
  [ -s "$PHASE_LOG" ] || return 0
  python3 - "$PHASE_LOG" <<'EOF'
import re, sys

def secs(text):
    return [int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", text)]

print("\nphase                wall s    cpu s  (user + sys of the phase's processes)")
total_wall = total_cpu = 0
for line in open(sys.argv[1]):
    name, t0, t1, rest = line.split(" ", 3)
    u0, s0, u1, s1 = secs(rest)
    wall, cpu = float(t1) - float(t0), (u1 - u0) + (s1 - s0)
    total_wall += wall
    total_cpu += cpu
    print("%-18s %8.1f %8.1f" % (name, wall, cpu))
print("%-18s %8.1f %8.1f" % ("total", total_wall, total_cpu))
EOF
  local load
  read -r load _ < /proc/loadavg
  echo "load average (1 min) at the end: $load"
}
