# common.sh - sourced by the benchmark scripts: paths, JDK, and a fresh build of the service and the drivers.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
WORK=${BENCH_WORK:-/var/tmp/dealwire-bench}
IMAP_PORT=${IMAP_PORT:-10143}
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/jdk25.sh"
JAVA=$JAVA_HOME/bin/java
MAILDIR=$WORK/corpus/maildir
[ -d "$MAILDIR" ] || { echo "no corpus in $MAILDIR: run bench/setup.sh first" >&2; exit 1; }

# Builds the service jar from the modules installed in the local repository (others may be mid-edit in
# the tree: only api is packaged) and the drivers; copies the jar so that a rebuild during a run changes nothing.
build() {
  if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
    (cd "$REPO" && ./mvnw -B -q -o -pl api -DskipTests package 2>&1 | grep -v '^WARNING' || true)
    (cd "$REPO" && ./mvnw -B -q -o -f bench/pom.xml package 2>&1 | grep -v '^WARNING' || true)
  fi
  [ -f "$REPO/api/target/dealwire.jar" ] || { echo "api/target/dealwire.jar was not built" >&2; exit 1; }
  mkdir -p "$WORK"
  cp "$REPO/api/target/dealwire.jar" "$WORK/dealwire.jar"
  echo "# $(date -u +%FT%TZ), commit $(cd "$REPO" && git rev-parse --short HEAD), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Runs a driver class of the bench jar.
driver() {
  local class=$1; shift
  "$JAVA" -Xmx1g -cp "$HERE/target/dealwire-bench.jar" "io.dealwire.bench.$class" "$@"
}

# JFR_DIR set: the service records a flight recording there, summarised after the run.
jfr_arg() {
  if [ -n "${JFR_DIR:-}" ]; then mkdir -p "$JFR_DIR"; echo "--jfr $JFR_DIR/$1.jfr"; fi
}
summarise_jfr() {
  if [ -n "${JFR_DIR:-}" ] && [ -f "$JFR_DIR/$1.jfr" ]; then "$HERE/jfr-top.sh" "$JFR_DIR/$1.jfr" 25; fi
}

# The Maildir holding what ingest.sh ingested: the corpus, or (after a MAX_MESSAGES run) a copy of the
# same folders, so that mu, notmuch and the correspondent statistics see the same mail as Dealwire.
ingested_maildir() {
  local folders=$WORK/ingested-folders.txt
  if [ -f "$folders" ] && [ "$(grep -vc '^INBOX$' "$folders")" -lt "$(find "$MAILDIR" -name cur -type d | wc -l)" ]; then
    local subset=$WORK/subset-$(md5sum < "$folders" | cut -c1-8)
    if [ ! -d "$subset/maildir" ]; then
      while read -r f; do
        [ "$f" = INBOX ] && continue
        mkdir -p "$subset/maildir/$(dirname "$f")"
        cp -a "$MAILDIR/$f" "$subset/maildir/$f"
      done < "$folders"
    fi
    echo "# the ingested subset: $(grep -vc '^INBOX$' "$folders") folders, $(find "$subset/maildir" -type f | wc -l) messages" >&2
    echo "$subset/maildir"
  else
    echo "$MAILDIR"
  fi
}
