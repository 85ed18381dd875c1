#!/usr/bin/env bash
# End-to-end test of the add-on in a real Thunderbird under Xvfb, against the real Dealwire service:
#   loopback Dovecot with the fixture mailbox (e2e/fixtures/mail: a customer's inquiry, our reply
#   with a quote attached, an internal mail) → Dealwire on embedded defaults syncs it → Thunderbird
#   with an IMAP account on the same Dovecot, the add-on preset by an enterprise policy, and a
#   Local Folders folder "Not in Dealwire" (e2e/fixtures/unsynced) with a message the server never saw.
# Environment:
#   DEALWIRE_JAR                  the service jar (default ../api/target/dealwire.jar, built with
#                                 ./mvnw -o -pl api -am -DskipTests package when missing)
#   JAVA_HOME                     a JDK 25 (default: java on the PATH)
#   E2E_FAKE=1                    test against e2e/fake-api.mjs (fixtures/dealwire.json) instead
#   DEALWIRE_URL, DEALWIRE_TOKEN  test against an already running server (it must know the fixture
#                                 mailbox; set the E2E_* expectations of addon.e2e.mjs to match)
#   E2E_OUT                       output dir (default e2e/out): screenshots, Thunderbird and service logs
#   E2E_IMAP_PORT                 Dovecot port (default: a free one)
#   E2E_WAIT_SECONDS              how long the service may take to start, sync and index (default 180: a
#                                 deadline that only catches a hang, on a loaded machine too)
#   TB_HARNESS                    the harness dir (default ../shared/tools/thunderbird)
# Prints "e2e: PASSED" or "e2e: FAILED: …" (exit 1); "e2e: SKIPPED" (exit 0) only when Thunderbird
# cannot be installed on this machine.
set -euo pipefail
ADDON="$(cd "$(dirname "$0")/.." && pwd)"
H="${TB_HARNESS:-$ADDON/../../shared/tools/thunderbird}"
OUT="${E2E_OUT:-$ADDON/e2e/out}"
# a free loopback port unless one is given
IMAP_PORT="${E2E_IMAP_PORT:-$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
WAIT_SECONDS="${E2E_WAIT_SECONDS:-180}"
# Thunderbird's start on a loaded machine can take longer than the harness's default
export TB_START_TIMEOUT="${TB_START_TIMEOUT:-$WAIT_SECONDS}"
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
DATA_DIR=""
REPORTED=0
# Dovecot's unprivileged processes read the fixture server's files: they live in a directory they can reach
# even when the checkout sits under a private (0700) directory, e.g. one made by mktemp -d.
IMAPD_RUN=$(mktemp -d "${TMPDIR:-/tmp}/dealwire-e2e-imapd.XXXXXX")
chmod 755 "$IMAPD_RUN"
cleanup() {
  local rc=$?
  "$H/tb.sh" stop --workdir "$OUT/tb" >/dev/null 2>&1 || true
  "$H/imapd.sh" stop --rundir "$IMAPD_RUN" >/dev/null 2>&1 || true
  [[ -f "$IMAPD_RUN/dovecot.log" ]] && cp "$IMAPD_RUN/dovecot.log" "$OUT/dovecot.log" || true
  rm -rf "$IMAPD_RUN"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # let the service close its embedded store before its data dir goes
  for pid in "${PIDS[@]}"; do for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -9 "$pid" 2>/dev/null || true; done
  [[ -n "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
  [[ -f "$OUT/tb/tb.log" ]] && cp "$OUT/tb/tb.log" "$OUT/thunderbird.log" || true
  if [[ $rc -ne 0 && $REPORTED -eq 0 ]]; then echo "e2e: FAILED (exit $rc; logs in $OUT)" >&2; fi
}
trap cleanup EXIT
fail() { REPORTED=1; echo "e2e: FAILED: $*" >&2; exit 1; }
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
# GET/POST on the service with the token; prints the body, fails on a non-2xx answer
api() {
  local method=$1 path=$2 body=${3:-}
  curl -sS --fail-with-body --max-time 60 -X "$method" -H "Authorization: Bearer $DEALWIRE_TOKEN" \
    ${body:+-H "Content-Type: application/json" --data "$body"} "$DEALWIRE_URL$path"
}
json() { node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => { const v = JSON.parse(s); console.log(eval(process.argv[1])); })' "$1"; }

log "packing and validating the add-on"
node "$ADDON/scripts/pack.mjs" "$ADDON/dist/dealwire.xpi"
"$ADDON/scripts/validate.sh" --strict "$ADDON/dist/dealwire.xpi"

log "starting Dovecot on 127.0.0.1:$IMAP_PORT with the fixture mailbox"
# The free port is picked before Dovecot binds it: another process may take it in between, so a failed
# start is tried again on another free port (unless the port was given).
for attempt in 1 2 3 4 5; do
  "$H/imapd.sh" start --maildir "$ADDON/e2e/fixtures/mail" --port "$IMAP_PORT" --user "$IMAP_USER" --password "$IMAP_PASSWORD" --rundir "$IMAPD_RUN" && break
  [[ -z "${E2E_IMAP_PORT:-}" && $attempt -lt 5 ]] || fail "Dovecot did not start on 127.0.0.1:$IMAP_PORT"
  "$H/imapd.sh" stop --rundir "$IMAPD_RUN" >/dev/null 2>&1 || true
  IMAP_PORT=$(free_port)
  log "trying Dovecot again on 127.0.0.1:$IMAP_PORT"
done
FIXTURE_MESSAGES=$(ls "$ADDON"/e2e/fixtures/mail/*.eml | wc -l)

if [[ -n "${E2E_FAKE:-}" ]]; then
  node "$ADDON/e2e/fake-api.mjs" --port 0 >"$OUT/fake-api.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q "^fake Dealwire API on" "$OUT/fake-api.log" && break; sleep 0.1; done
  DEALWIRE_URL="$(sed -n 's/^fake Dealwire API on \([^ ]*\).*/\1/p' "$OUT/fake-api.log")"
  [[ -n "$DEALWIRE_URL" ]] || { cat "$OUT/fake-api.log" >&2; fail "the fake API did not start"; }
  DEALWIRE_TOKEN="$(node -e 'console.log(require(process.argv[1]).token)' "$ADDON/e2e/fixtures/dealwire.json")"
  export E2E_FAKE_API=1
  log "fake Dealwire API at $DEALWIRE_URL"
elif [[ -n "${DEALWIRE_URL:-}" ]]; then
  : "${DEALWIRE_TOKEN:?DEALWIRE_TOKEN must be set with DEALWIRE_URL}"
  log "testing against the Dealwire server at $DEALWIRE_URL"
else
  # The real service on embedded defaults, fresh data dir, syncing the Dovecot above.
  JAR="${DEALWIRE_JAR:-$ADDON/../api/target/dealwire.jar}"
  if [[ ! -f "$JAR" ]]; then
    log "no $JAR: building it"
    (cd "$ADDON/.." && ./mvnw -B -q -o -pl api -am -DskipTests package) || fail "could not build the service jar ($JAR)"
  fi
  # a private copy: a rebuild of the api module during the test must not pull the jar away
  cp "$JAR" "$OUT/dealwire.jar"
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dealwire-e2e.XXXXXX")
  DEALWIRE_TOKEN="dw-e2e-admin-token-not-a-secret"
  # port 0: the service binds a free port itself and logs it (a port picked here could be taken before it binds)
  log "starting Dealwire on a free port (data dir $DATA_DIR)"
  DEALWIRE_DATA_DIR="$DATA_DIR" DEALWIRE_HTTP_HOST=127.0.0.1 DEALWIRE_HTTP_PORT=0 \
    DEALWIRE_BOOTSTRAP_TOKEN="$DEALWIRE_TOKEN" DEALWIRE_OWN_DOMAINS=dealwire-demo.example DEALWIRE_SYNC_POLL_SECONDS=5 \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$OUT/dealwire.jar" serve >"$OUT/dealwire.log" 2>&1 &
  PIDS+=($!)
  SERVICE_PID=$!
  HTTP_PORT=""
  for _ in $(seq $((WAIT_SECONDS * 2))); do
    HTTP_PORT=$(sed -n 's|.*Dealwire listening on http://[^/]*:\([0-9][0-9]*\)/.*|\1|p' "$OUT/dealwire.log" | head -1)
    [[ -n "$HTTP_PORT" ]] && curl -sf --max-time 5 "http://127.0.0.1:$HTTP_PORT/api/health" >/dev/null && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$OUT/dealwire.log" >&2; fail "the Dealwire service exited at start-up"; }
    sleep 0.5
  done
  DEALWIRE_URL="http://127.0.0.1:$HTTP_PORT"
  [[ -n "$HTTP_PORT" ]] && curl -sf --max-time 5 "$DEALWIRE_URL/api/health" >/dev/null || { tail -30 "$OUT/dealwire.log" >&2; fail "the Dealwire service did not answer /api/health within $WAIT_SECONDS s"; }
  log "Dealwire answers at $DEALWIRE_URL"

  log "connecting the fixture mailbox to Dealwire and waiting for its $FIXTURE_MESSAGES messages"
  MAILBOX=$(api POST /api/mailboxes "$(node -e 'const [port, user, password] = process.argv.slice(1);
    console.log(JSON.stringify({ name: "Marie (e2e)", host: "127.0.0.1", port: Number(port), security: "none", username: user, password, folders: ["INBOX"] }))' \
    "$IMAP_PORT" "$IMAP_USER" "$IMAP_PASSWORD")") || fail "POST /api/mailboxes refused: $MAILBOX"
  MAILBOX_ID=$(echo "$MAILBOX" | json v.id)
  state=""
  for _ in $(seq $((WAIT_SECONDS * 2))); do
    status=$(api GET "/api/mailboxes/$MAILBOX_ID") || fail "GET /api/mailboxes/$MAILBOX_ID: $status"
    state=$(echo "$status" | json '`${v.state} ${v.messages} ${v.lastError || ""}`')
    [[ "$state" == "idle $FIXTURE_MESSAGES "* ]] && break
    [[ "$state" == error* ]] && fail "the mailbox sync failed: $state"
    sleep 0.5
  done
  [[ "$state" == "idle $FIXTURE_MESSAGES "* ]] || fail "the mailbox did not sync $FIXTURE_MESSAGES messages within $WAIT_SECONDS s (state, messages: $state)"
  log "Dealwire synced the mailbox ($state)"
  # stored is not yet searchable: the search tests expect every fixture message in the index
  documents=""
  for _ in $(seq $((WAIT_SECONDS * 2))); do
    documents=$(api GET /api/admin/index | json v.documents) || fail "GET /api/admin/index: $documents"
    [[ "$documents" == "$FIXTURE_MESSAGES" ]] && break
    sleep 0.5
  done
  [[ "$documents" == "$FIXTURE_MESSAGES" ]] || fail "the index did not serve the $FIXTURE_MESSAGES messages within $WAIT_SECONDS s (documents: $documents)"
  log "Dealwire indexed the mailbox ($documents documents)"
  # What the service must have made of the fixture mail: the inquiry and our reply with the quote
  # become one deal of the company found from the sender's domain and signature, at "Proposal made".
  export E2E_COMPANY="${E2E_COMPANY:-Acme Corp}" E2E_DEAL="${E2E_DEAL:-Acme Corp – Quote for 50 seats}" E2E_STAGE="${E2E_STAGE:-Proposal made}"
  export E2E_NEW_STAGE="${E2E_NEW_STAGE:-won}" E2E_NEW_STAGE_NAME="${E2E_NEW_STAGE_NAME:-Won}"
fi
export DEALWIRE_URL DEALWIRE_TOKEN

# The admin's preset: what a company would put in /etc/thunderbird/policies/policies.json.
node -e '
  const [url, token, out] = process.argv.slice(1);
  const policy = { policies: { "3rdparty": { Extensions: { "dealwire@dealwire.io": { serverUrl: url, token } } } } };
  require("fs").writeFileSync(out, JSON.stringify(policy, null, 2));
' "$DEALWIRE_URL" "$DEALWIRE_TOKEN" "$OUT/policies.json"

log "starting Thunderbird with the add-on preset by policy"
UNSYNCED=()
for f in "$ADDON"/e2e/fixtures/unsynced/*.eml; do UNSYNCED+=(--mbox "$f" --folder "Not in Dealwire"); done
"$H/tb.sh" start --xpi "$ADDON/dist/dealwire.xpi" --workdir "$OUT/tb" \
  --imap "127.0.0.1:$IMAP_PORT" --user "$IMAP_USER" --password "$IMAP_PASSWORD" --policies "$OUT/policies.json" "${UNSYNCED[@]}"

log "running the test"
if TB_WORKDIR="$OUT/tb" E2E_OUT="$OUT" TB_HARNESS="$H" node --test --test-reporter=spec "$ADDON/e2e/addon.e2e.mjs"; then
  log "PASSED (screenshots in $OUT)"
else
  fail "the Thunderbird test failed (screenshots and logs in $OUT)"
fi
