#!/usr/bin/env bash
# Runs the policy-evaluation JMH benchmark: evaluations per second and the sampled latency distribution (p0.50...).
# Usage (from anywhere): scripts/bench-policy.sh [extra JMH options, e.g. -wi 5 -i 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/functions"
mvn -q -B -f "$module/pom.xml" test-compile
mvn -q -B -f "$module/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$module/target/bench.classpath"
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
exec java -cp "$classpath" org.openjdk.jmh.Main PolicyEvaluationBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s "$@"
