#!/bin/bash
# ingest.sh - ingest benchmark: raw IMAP fetch, mbsync and Dealwire (-Xmx512m, stored and indexed) pulling
# the Enron tree from the loopback Dovecot in the same run; APPEND to searchable; stage-inference cost.
# MAX_MESSAGES=n restricts every tool to the first folders in LIST order holding n messages.
# Needs bench/setup.sh. Leaves the ingested data dir in $BENCH_WORK/data for search.sh and context.sh.
# JFR_DIR=dir records the service with Java Flight Recorder and prints its hottest frames.
source "$(dirname "$0")/common.sh"
build
driver ingest.IngestBench --java "$JAVA" --jar "$WORK/dealwire.jar" --work "$WORK" --imap-port "$IMAP_PORT" --max-messages "${MAX_MESSAGES:-0}" $(jfr_arg ingest)
echo
driver inference.InferenceCost --maildir "$MAILDIR" --messages "${INFERENCE_MESSAGES:-10000}"
summarise_jfr ingest
