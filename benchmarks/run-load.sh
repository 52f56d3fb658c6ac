#!/usr/bin/env bash
# The load harness in one command (docs/benchmarks.md, "Server under load"): builds the example server and
# the harness, then runs a loopback ChatKit stand-in, the server as a child JVM and Debian's wrk against it.
# Arguments go to the harness, e.g.: benchmarks/run-load.sh --seconds 20 --feedback-log-mb 1024
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing: apt-get install -y wrk (Debian's HTTP load generator)" >&2
  exit 2
fi
./mvnw -B -q -DskipTests package -pl benchmarks,examples/jetty-server -am
exec java -Xmx2g -cp benchmarks/target/benchmarks.jar com.landki.interview.bench.load.LoadHarness "$@"
