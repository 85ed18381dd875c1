#!/bin/bash
# context.sh - GET /api/context?email= under 32 concurrent clients on the ingested corpus.
# Needs bench/setup.sh and bench/ingest.sh. JFR_DIR=dir records the service; CONTEXT_CLIENT=jdk drives it with
# java.net.http instead of plain kept-alive connections.
source "$(dirname "$0")/common.sh"
build
driver context.ContextBench --java "$JAVA" --jar "$WORK/dealwire.jar" --work "$WORK" --maildir "$(ingested_maildir)" --client "${CONTEXT_CLIENT:-keepalive}" $(jfr_arg context)
summarise_jfr context
