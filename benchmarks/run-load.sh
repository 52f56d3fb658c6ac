#!/usr/bin/env bash
# The load harness in one command (docs/benchmarks.md, "Server under load", "Streams under load"): builds the
# example server and the harness, then runs the session load (loopback ChatKit stand-in, the server started as
# the README says, Debian's wrk) and the stream load (a scripted Responses stand-in, N concurrent conversations
# through the own ChatKit server, and nginx relaying the same stand-in as the floor).
# Arguments go to the harness, e.g.: benchmarks/run-load.sh --phases streams --streams 2000
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing: apt-get install -y wrk (Debian's HTTP load generator)" >&2
  exit 2
fi
if ! [ -x /usr/sbin/nginx ]; then
  echo "nginx is missing: apt-get install -y nginx-light (the floor of the stream load)" >&2
  exit 2
fi
./mvnw -B -q -DskipTests package -pl benchmarks,examples/jetty-server -am
exec java -Xmx2g -cp benchmarks/target/benchmarks.jar com.landki.interview.bench.load.LoadHarness "$@"
