#!/usr/bin/env bash
# Installs the real peers the tests talk to, from Debian's packages: Dovecot (IMAP), Chromium (web UI
# tests), Thunderbird and Xvfb (add-on end-to-end test), zip (packaging the add-on). Idempotent; needs root.
set -euo pipefail
want=(dovecot-imapd chromium xvfb xauth x11-utils x11-apps thunderbird zip unzip imagemagick isync)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "test peers: all installed"; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test peers: missing ${missing[*]}; run this script as root (apt-get install) to test against them" >&2
  exit 0
fi
echo "test peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# a mirror's transient failure must not fail the whole CI run: try each step a few times
retry() { local n; for n in 1 2 3; do "$@" && return 0; echo "test peers: '$*' failed (attempt $n of 3)" >&2; sleep $((n * 10)); done; return 1; }
retry apt-get update -q
retry apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=900 "${missing[@]}"
# Debian starts its own Dovecot on 143/993 after install; the tests run private instances instead.
systemctl disable --now dovecot 2>/dev/null || service dovecot stop 2>/dev/null || pkill -x dovecot 2>/dev/null || true
