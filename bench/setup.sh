#!/bin/bash
# setup.sh - prepare the benchmark machine (idempotent, run as root):
#   Debian packages of the peers (dovecot-imapd, isync/mbsync, maildir-utils/mu, notmuch),
#   the Enron corpus extracted once outside the repository, and a loopback Dovecot serving it.
# Usage: bench/setup.sh [start|stop]   (default start)
# Environment: BENCH_WORK (default /var/tmp/dealwire-bench), IMAP_PORT (default 10143).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=$(cd "$REPO/../shared" && pwd)
WORK=${BENCH_WORK:-/var/tmp/dealwire-bench}
PORT=${IMAP_PORT:-10143}
DOVECOT="$SHARED/tools/dovecot/dovecot.sh"

LOAD_PORT=$((PORT + 1))   # second server: the mailbox ingested while searching

if [ "${1:-start}" = stop ]; then
  "$DOVECOT" stop - "$PORT"
  "$DOVECOT" stop - "$LOAD_PORT"
  exit 0
fi

missing=()
for pkg in dovecot-imapd isync maildir-utils notmuch xz-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
  if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [^(]'; then missing+=("$pkg")
  else echo "setup: $pkg is not available from apt here; the benchmarks that need it are skipped" >&2; fi
done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

mkdir -p "$WORK"
if [ ! -f "$WORK/corpus/.extracted" ]; then
  rm -rf "$WORK/corpus"; mkdir -p "$WORK/corpus"
  echo "setup: extracting the Enron corpus into $WORK/corpus"
  tar -xJf "$SHARED/corpus/enron-maildir-57k.tar.xz" -C "$WORK/corpus" --touch
  touch "$WORK/corpus/.extracted"
fi

# The linux-mips list as a Maildir, ingested while the search benchmark measures (another corpus, so that
# nothing is deduplicated away).
if [ ! -f "$WORK/mips/.extracted" ]; then
  rm -rf "$WORK/mips"; mkdir -p "$WORK/mips/maildir"
  echo "setup: converting linux-mips-20k.mbox into a Maildir in $WORK/mips"
  xz -dc "$SHARED/corpus/linux-mips-20k.mbox.xz" > "$WORK/mips/list.mbox"
  python3 - "$WORK/mips/list.mbox" "$WORK/mips/maildir/linux-mips" <<'PY'
import mailbox, sys
src, dst = mailbox.mbox(sys.argv[1]), mailbox.Maildir(sys.argv[2], create=True)
for m in src:
    dst.add(mailbox.MaildirMessage(m))
PY
  rm "$WORK/mips/list.mbox"
  touch "$WORK/mips/.extracted"
fi

"$DOVECOT" start "$WORK/corpus/maildir" "$PORT"
# our own converted copy: Dovecot moves new/ to cur/ in it, so the mail user owns it
chown -R corpusmail: "$WORK/mips/maildir"
"$DOVECOT" start "$WORK/mips/maildir" "$LOAD_PORT"
