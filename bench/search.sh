#!/bin/bash
# search.sh - search benchmark: four queries (Jan-Jun 2001) over HTTP against mu and notmuch in the same
# run; 16 concurrent searchers idle and while the linux-mips Maildir is ingested; index size vs corpus.
# Needs bench/setup.sh and bench/ingest.sh; when ingest.sh ran on a subset (MAX_MESSAGES), mu and notmuch
# get a Maildir of the same folders. JFR_DIR=dir records the service.
source "$(dirname "$0")/common.sh"
build
SEARCH_MAILDIR=$(ingested_maildir)
driver search.SearchBench --java "$JAVA" --jar "$WORK/dealwire.jar" --work "$WORK" --maildir "$SEARCH_MAILDIR" \
  --ingest-imap-port $((IMAP_PORT + 1)) --runs "${RUNS:-200}" --warm-up-seconds "${SEARCH_WARM_UP_SECONDS:-60}" --under-ingest-seconds "${UNDER_INGEST_SECONDS:-120}" --client "${SEARCH_CLIENT:-keepalive}" $(jfr_arg search)
summarise_jfr search
