#!/bin/bash
# jfr-top.sh - summarise a JFR recording's CPU samples (jdk.ExecutionSample).
# Usage: bench/jfr-top.sh RECORDING.jfr [N]
# Prints the N most frequent top frames, the busiest threads, and the N most frequent first io.dealwire frames (the project code
# on whose behalf the CPU was spent), each with its share of the samples.
set -euo pipefail
REC=${1:?usage: jfr-top.sh RECORDING.jfr [N]}
N=${2:-25}
THREAD=${THREAD:-}   # a regular expression: only the samples of matching threads
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/jdk25.sh"
JFR=$JAVA_HOME/bin/jfr
"$JFR" print --events jdk.ExecutionSample --stack-depth 64 "$REC" | awk -v n="$N" -v only="$THREAD" '
  function strip(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+line:.*/, "", s); return s }
  /sampledThread = / { t = $0; sub(/^[^"]*"/, "", t); sub(/".*/, "", t); skip = (only != "" && t !~ only); if (skip) next; gsub(/[0-9]+/, "N", t); threads[t]++; next }
  /stackTrace = \[/ { if (skip) next; inside = 1; first = 1; own = ""; total++; next }
  inside && /^[ \t]*\]/ { inside = 0; if (own != "") owns[own]++; else owns["(no io.dealwire frame)"]++; next }
  inside && own == "" && /^[ \t]+[a-zA-Z_$]/ {
    f = strip($0)
    if (f ~ /^\.\.\./) next
    if (first) { tops[f]++; first = 0 }
    if (own == "" && f ~ /^io\.dealwire\./) own = f
  }
  END {
    printf "%d samples\n\n-- top frames --\n", total
    for (f in tops) printf "%6.1f%%  %s\n", 100 * tops[f] / total, f | "sort -rn | head -" n
    close("sort -rn | head -" n)
    printf "\n-- threads (digits folded) --\n"
    for (t in threads) printf "%6.1f%%  %s\n", 100 * threads[t] / total, t | "sort -rn | head -" n
    close("sort -rn | head -" n)
    printf "\n-- first io.dealwire frame --\n"
    for (f in owns) printf "%6.1f%%  %s\n", 100 * owns[f] / total, f | "sort -rn | head -" n
  }'
