#!/usr/bin/env bash
# Times bin/upshift-spark (local mode) against bin/upshift on one generated dataset, each scenario
# under /usr/bin/time, and checks that every JSON report equals the command line's. Prints one
# Markdown row per run: scenario, wall s, CPU s (user + system), peak RSS MB, the job's step
# timings. Usage: upshift-spark/scripts/measure.sh DATA_DIR OUT_DIR [SCENARIO...]
# Scenarios: cli-csv spark-csv cli-parquet spark-parquet spark-parquet-p2 spark-parquet-p8
# spark-parquet-p64 (default: all). DATA_DIR is `upshift generate --months 36 --seed 42` output
# with a typed Parquet copy of subscriptions at DATA_DIR/typed/subscriptions.parquet.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$1"
out="$2"
shift 2
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(cli-csv spark-csv cli-parquet spark-parquet \
  spark-parquet-p2 spark-parquet-p8 spark-parquet-p64)
mkdir -p "$out"
common=(--plans "$data/plans.csv" --fx "$data/fx.csv" --format json)

run() {
  local name="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" --out "$out/$name.json" \
    2> "$out/$name.err" > /dev/null
  read -r wall user sys rss < "$out/$name.time"
  local steps
  steps="$(grep -o 'upshift-spark: .* s$' "$out/$name.err" | sed 's/upshift-spark: //; s/  */ /g' \
    | paste -sd ';' - || true)"
  local same="—"
  if [ -f "$out/cli-csv.json" ] && [ "$name" != cli-csv ]; then
    cmp -s "$out/cli-csv.json" "$out/$name.json" && same="equal" || same="DIFFERENT"
  fi
  printf '| %s | %.1f | %.1f | %d | %s | %s |\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" \
    "$((rss / 1024))" "$same" "$steps"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | wall s | CPU s | peak RSS MB | JSON vs cli-csv | steps (driver wall) |"
echo "|---|---|---|---|---|---|"
for scenario in "${scenarios[@]}"; do
  case "$scenario" in
    cli-csv) run "$scenario" "$root/bin/upshift" report --subscriptions "$data/subscriptions.csv" "${common[@]}" ;;
    cli-parquet) run "$scenario" "$root/bin/upshift" report --subscriptions "$data/typed/subscriptions.parquet" "${common[@]}" ;;
    spark-csv) run "$scenario" "$root/bin/upshift-spark" report --timings --subscriptions "$data/subscriptions.csv" "${common[@]}" ;;
    spark-parquet) run "$scenario" "$root/bin/upshift-spark" report --timings --subscriptions "$data/typed/subscriptions.parquet" "${common[@]}" ;;
    spark-parquet-p*) run "$scenario" "$root/bin/upshift-spark" report --timings --partitions "${scenario#spark-parquet-p}" --subscriptions "$data/typed/subscriptions.parquet" "${common[@]}" ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
