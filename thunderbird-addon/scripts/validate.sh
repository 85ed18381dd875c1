#!/usr/bin/env bash
# Validates the add-on's manifest with Thunderbird's own schemas (a headless Thunderbird loads it).
# Usage: scripts/validate.sh [--strict] [DIR_OR_XPI...]   (default: this add-on's directory)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tb="${TB_HARNESS:-$here/../../shared/tools/thunderbird}/tb.sh"
if [[ ! -x "$tb" ]]; then
  echo "validate: the Thunderbird harness is not at $tb (set TB_HARNESS to its directory)" >&2
  exit 2
fi
args=()
for a in "$@"; do [[ "$a" == --* ]] && args+=("$a"); done
targets=()
for a in "$@"; do [[ "$a" != --* ]] && targets+=("$a"); done
[[ ${#targets[@]} -eq 0 ]] && targets=("$here")
exec "$tb" validate "${args[@]}" "${targets[@]}"
