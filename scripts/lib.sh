# Shared by the scripts in this folder: tool checks, the build, and a local moto server's lifecycle.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/functions/target"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: \`$1\` is not installed. $2" >&2; exit 127; }
}

check_java() {
  need java "Install a JDK 17 or newer, e.g. \`apt-get install openjdk-17-jdk-headless\`."
  need mvn "Install Apache Maven 3.8 or newer, e.g. \`apt-get install maven\`."
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  if [ "${major%%.*}" -lt 17 ] 2>/dev/null; then
    echo "error: Java $major found; ecs-iam-guard needs Java 17 or newer (set JAVA_HOME)." >&2
    exit 127
  fi
}

check_moto() {
  need moto_server "Install moto's server: \`pip install 'moto[server]==5.2.1'\` (Python 3.9+)."
}

check_cfn_lint() {
  need cfn-lint "Install it with \`pip install cfn-lint aws-sam-translator\`."
}

# Compiles the functions once and writes their class path (with the local-only libraries) to $TARGET/classpath.txt.
build() {
  # Maven's output goes to stderr: stdout is the commands' own (JSON, SARIF) output.
  (cd "$ROOT/functions" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile) >&2
  CLASSPATH_LOCAL="$TARGET/classes:$(cat "$TARGET/classpath.txt")"
  export CLASSPATH_LOCAL
}

# Starts moto on 127.0.0.1 and a free port; points the AWS SDK and CLI at it with dummy credentials.
start_moto() {
  check_moto
  mkdir -p "$TARGET"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$port" >"$TARGET/moto.log" 2>&1 &
  MOTO_PID=$!
  trap stop_moto EXIT
  local tries=0
  until curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ] || ! kill -0 "$MOTO_PID" 2>/dev/null; then
      echo "error: moto_server did not start; see $TARGET/moto.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=
  export AWS_REGION="${AWS_REGION:-us-east-1}" AWS_DEFAULT_REGION="${AWS_REGION:-us-east-1}"
}

stop_moto() {
  if [ -n "${MOTO_PID:-}" ] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID"
    wait "$MOTO_PID" 2>/dev/null || true
  fi
}

# The JVM options every deployed function gets: template.yaml's Globals JAVA_TOOL_OPTIONS (the benchmarks start
# both the functions and their baseline with them, as Lambda does).
template_java_options() {
  local options
  options=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' "$ROOT/template.yaml" | head -1)
  [ -n "$options" ] || { echo "error: template.yaml sets no JAVA_TOOL_OPTIONS" >&2; return 1; }
  printf '%s\n' "$options"
}
