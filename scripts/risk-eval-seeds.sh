#!/usr/bin/env bash
# The full evaluation of the extraction-risk engine: seeds 1..6, 7 simulated days each, calibrated on the benign
# traffic of seed 9001 (as in sim_tests, which runs seed 1 over 7 days and seeds 2..6 over 3 days only, to stay fast).
# Usage: scripts/risk-eval-seeds.sh [path/to/modelguard-cli] [days]
set -euo pipefail
cli="${1:-build/release/app/cli/modelguard-cli}"
days="${2:-7}"
if [ ! -x "$cli" ]; then
    echo "risk-eval-seeds: $cli is not an executable (build the modelguard-cli target first)" >&2
    exit 2
fi
for seed in 1 2 3 4 5 6; do
    echo "== seed $seed, $days days"
    "$cli" risk eval --seed "$seed" --days "$days" --calibration-seed 9001
    echo
done
