#!/usr/bin/env bash
# Runs one libFuzzer harness for a while, from its seed corpus and past
# regressions, with the scenario dictionary (docs/fuzzing.md).
#
# Usage: run_fuzz.sh FUZZER NAME SOURCE_ROOT [SECONDS]
#   SECONDS defaults to $FUZZ_SECONDS, else 60. Extra libFuzzer flags can
#   be given in $FUZZ_FLAGS (for example -jobs=2 -workers=2).
# New inputs go to build-dir/fuzz-work/NAME/corpus, never into the
# repository; a crash, leak or hang is written to
# build-dir/fuzz-work/NAME/artifacts/ and fails the run (exit non-zero).
set -euo pipefail
fuzzer=$1 name=$2 src=$3
secs=${4:-${FUZZ_SECONDS:-60}}
work="$(dirname "$fuzzer")/fuzz-work/$name"
mkdir -p "$work/corpus" "$work/artifacts"

corpora=("$work/corpus" "$src/tests/fuzz/corpus/$name")
[ -d "$src/tests/fuzz/regressions/$name" ] && corpora+=("$src/tests/fuzz/regressions/$name")

# The result harness reads JSON, the others scenario YAML.
dict="$src/tests/fuzz/scenario.dict"
[ -f "$src/tests/fuzz/$name.dict" ] && dict="$src/tests/fuzz/$name.dict"

# One execution of any harness takes well under a second; the run harness
# simulates a day, so it gets longer before a slow input counts as a hang.
timeout=5
[ "$name" = run ] && timeout=20

# libFuzzer's own exit code for a finding is 77, which meson reads as
# "skipped": a finding must fail the test.
# shellcheck disable=SC2086
exec "$fuzzer" -max_total_time="$secs" -timeout="$timeout" \
  -error_exitcode=1 -timeout_exitcode=1 \
  -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=16384 \
  -dict="$dict" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  ${FUZZ_FLAGS:-} "${corpora[@]}"
