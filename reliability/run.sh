#!/bin/bash
# run.sh - build the service and the fault suite, serve the Enron corpus from a loopback Dovecot, run the
# scenarios and print the table of figures (also written to reliability/target/last-run.md).
#
# Usage: reliability/run.sh [suite options]      e.g. reliability/run.sh --scenarios crash,index --kills 5
#   Suite options: see `java -jar reliability/target/dealwire-reliability.jar --help` (--full for the whole corpus,
#   --fault-seconds / --outage-seconds to scale the outages down, --seed to replay kill moments).
# Environment: JAVA_HOME (a JDK 25; /usr/lib/jvm is searched otherwise), RELIABILITY_WORK (default
#   /var/tmp/dealwire-reliability), IMAP_PORT (default 10243), SKIP_BUILD=1 to reuse the built jars.
# Needs root for the disk-full scenario (tmpfs mount) and for Dovecot (apt-get install dovecot-imapd).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=$(cd "$REPO/../shared" && pwd)
WORK=${RELIABILITY_WORK:-/var/tmp/dealwire-reliability}
PORT=${IMAP_PORT:-10243}
DOVECOT="$SHARED/tools/dovecot/dovecot.sh"

source "$REPO/scripts/jdk25.sh"

if ! command -v dovecot >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
  (cd "$REPO" && ./mvnw -B -q -DskipTests install && ./mvnw -B -q -f reliability/pom.xml package)
fi

mkdir -p "$WORK"
if [ ! -f "$WORK/.extracted" ]; then
  echo "run.sh: extracting the Enron corpus into $WORK/maildir"
  rm -rf "$WORK/maildir"
  tar -xJf "$SHARED/corpus/enron-maildir-57k.tar.xz" -C "$WORK" --touch
  touch "$WORK/.extracted"
fi

"$DOVECOT" start "$WORK/maildir" "$PORT" >/dev/null
trap '"$DOVECOT" stop - "$PORT"' EXIT

# The service under test runs from a copy, so a rebuild in the tree meanwhile cannot change it mid-run.
cp "$REPO/api/target/dealwire.jar" "$WORK/dealwire.jar"
mkdir -p "$HERE/target"
"$JAVA_HOME/bin/java" -jar "$HERE/target/dealwire-reliability.jar" --jar "$WORK/dealwire.jar" --work "$WORK/work" \
  --imap-port "$PORT" --dovecot "$DOVECOT" --corpus "$WORK/maildir" --out "$HERE/target/last-run.md" "$@"
