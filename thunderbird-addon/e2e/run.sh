#!/usr/bin/env bash
# End-to-end test of the add-on in a real Thunderbird under Xvfb:
#   loopback Dovecot with the fixture mailbox → Thunderbird IMAP account → add-on preset by an
#   enterprise policy → Dealwire API (a fake one from fixtures unless DEALWIRE_URL is set).
# Environment:
#   DEALWIRE_URL, DEALWIRE_TOKEN  a running Dealwire server to test against (default: start
#                                 e2e/fake-api.mjs on a free port, token from the fixtures)
#   E2E_* (see addon.e2e.mjs)     what the panel must show when the server is not the fake
#   E2E_OUT                       output dir (default e2e/out): screenshots, Thunderbird log
#   E2E_IMAP_PORT                 Dovecot port (default: a free one)
#   TB_HARNESS                    the harness dir (default ../shared/tools/thunderbird)
# Exit 0 = passed, or SKIPPED when Thunderbird cannot be installed on this machine.
set -euo pipefail
ADDON="$(cd "$(dirname "$0")/.." && pwd)"
H="${TB_HARNESS:-$ADDON/../../shared/tools/thunderbird}"
OUT="${E2E_OUT:-$ADDON/e2e/out}"
# a free loopback port unless one is given
IMAP_PORT="${E2E_IMAP_PORT:-$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
IMAP_USER=marie
IMAP_PASSWORD="dealwire e2e"
log() { echo "e2e: $*"; }

[[ -x "$H/tb.sh" ]] || { echo "e2e: FAILED: the Thunderbird harness is not at $H (set TB_HARNESS)" >&2; exit 1; }
if ! command -v thunderbird >/dev/null || ! command -v Xvfb >/dev/null || ! command -v dovecot >/dev/null; then
  log "Thunderbird, Xvfb or Dovecot missing: installing them ($H/tb.sh install --imapd)"
  if ! "$H/tb.sh" install --imapd || ! command -v thunderbird >/dev/null; then
    echo "e2e: SKIPPED: Thunderbird cannot be installed on this machine (tb.sh install --imapd failed; it needs root and apt)."
    exit 0
  fi
fi

rm -rf "$OUT" && mkdir -p "$OUT"
PIDS=()
cleanup() {
  "$H/tb.sh" stop --workdir "$OUT/tb" >/dev/null 2>&1 || true
  "$H/imapd.sh" stop --rundir "$OUT/imapd" >/dev/null 2>&1 || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$OUT/tb/tb.log" ]] && cp "$OUT/tb/tb.log" "$OUT/thunderbird.log" || true
}
trap cleanup EXIT

log "packing and validating the add-on"
node "$ADDON/scripts/pack.mjs" "$ADDON/dist/dealwire.xpi"
"$ADDON/scripts/validate.sh" --strict "$ADDON/dist/dealwire.xpi"

if [[ -z "${DEALWIRE_URL:-}" ]]; then
  node "$ADDON/e2e/fake-api.mjs" --port 0 >"$OUT/fake-api.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q "^fake Dealwire API on" "$OUT/fake-api.log" && break; sleep 0.1; done
  DEALWIRE_URL="$(sed -n 's/^fake Dealwire API on \([^ ]*\).*/\1/p' "$OUT/fake-api.log")"
  [[ -n "$DEALWIRE_URL" ]] || { cat "$OUT/fake-api.log" >&2; echo "e2e: FAILED: the fake API did not start" >&2; exit 1; }
  DEALWIRE_TOKEN="${DEALWIRE_TOKEN:-$(node -e 'console.log(require(process.argv[1]).token)' "$ADDON/e2e/fixtures/dealwire.json")}"
  export E2E_FAKE_API=1
  log "fake Dealwire API at $DEALWIRE_URL"
else
  : "${DEALWIRE_TOKEN:?DEALWIRE_TOKEN must be set with DEALWIRE_URL}"
  log "testing against the Dealwire server at $DEALWIRE_URL"
fi
export DEALWIRE_URL DEALWIRE_TOKEN

# The admin's preset: what a company would put in /etc/thunderbird/policies/policies.json.
node -e '
  const [url, token, out] = process.argv.slice(1);
  const policy = { policies: { "3rdparty": { Extensions: { "dealwire@dealwire.io": { serverUrl: url, token } } } } };
  require("fs").writeFileSync(out, JSON.stringify(policy, null, 2));
' "$DEALWIRE_URL" "$DEALWIRE_TOKEN" "$OUT/policies.json"

log "starting Dovecot on 127.0.0.1:$IMAP_PORT with the fixture mailbox"
"$H/imapd.sh" start --maildir "$ADDON/e2e/fixtures/mail" --port "$IMAP_PORT" --user "$IMAP_USER" --password "$IMAP_PASSWORD" --rundir "$OUT/imapd"

log "starting Thunderbird with the add-on preset by policy"
"$H/tb.sh" start --xpi "$ADDON/dist/dealwire.xpi" --workdir "$OUT/tb" \
  --imap "127.0.0.1:$IMAP_PORT" --user "$IMAP_USER" --password "$IMAP_PASSWORD" --policies "$OUT/policies.json"

log "running the test"
TB_WORKDIR="$OUT/tb" E2E_OUT="$OUT" TB_HARNESS="$H" node --test --test-reporter=spec "$ADDON/e2e/addon.e2e.mjs"
log "PASSED (screenshots in $OUT)"
