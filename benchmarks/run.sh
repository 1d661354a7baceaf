#!/usr/bin/env bash
# Builds the benchmarks and runs every workload for every library; writes BENCHMARKS.md at the
# repository root. Usage: benchmarks/run.sh [--quick] [--only W1,W3] [--smoke]
#   --quick  one round, one iteration each: checks the pipeline, not a measurement
#   --only   a comma-separated subset of W1..W7
#   --smoke  every workload once at a tiny size, in-process (what CI runs as a JUnit test)
# The default `java` may be 17; this finds a JDK 21+ itself (JAVA21_HOME, JAVA_HOME, /usr/lib/jvm).
set -euo pipefail
cd "$(dirname "$0")/.."

find_java() {
  local candidates=()
  [[ -n "${JAVA21_HOME:-}" ]] && candidates+=("$JAVA21_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*; do candidates+=("$d"); done
  local best="" best_v=0
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" ]] || continue
    local v
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = //p' | head -1)
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if (( v >= 21 && v > best_v )); then best="$home/bin/java"; best_v=$v; fi
  done
  [[ -n "$best" ]] || { echo "run.sh: no JDK 21+ found (set JAVA21_HOME)" >&2; exit 1; }
  echo "$best"
}

JAVA=$(find_java)
echo "run.sh: using $JAVA" >&2
mvn -q -B -ntp -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/target
LOG=benchmarks/target/run.log
echo "run.sh: JMH output goes to $LOG" >&2
"$JAVA" -Xmx512m -cp benchmarks/target/benchmarks.jar \
  io.github.asyncgraphdataflow.benchmarks.Runner --out BENCHMARKS.md "$@" > "$LOG"
