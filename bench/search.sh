#!/bin/bash
# search.sh - search benchmark: four queries (Jan-Jun 2001) over HTTP against mu and notmuch in the same
# run; 16 concurrent searchers idle and while the linux-mips Maildir is ingested; index size vs corpus.
# Needs bench/setup.sh and bench/ingest.sh. JFR_DIR=dir records the service.
source "$(dirname "$0")/common.sh"
build
driver search.SearchBench --java "$JAVA" --jar "$WORK/dealwire.jar" --work "$WORK" --maildir "$MAILDIR" \
  --ingest-imap-port $((IMAP_PORT + 1)) --runs "${RUNS:-200}" $(jfr_arg search)
summarise_jfr search
