#!/bin/bash
# context.sh - GET /api/context?email= under 32 concurrent clients on the ingested corpus.
# Needs bench/setup.sh and bench/ingest.sh. JFR_DIR=dir records the service.
source "$(dirname "$0")/common.sh"
build
driver context.ContextBench --java "$JAVA" --jar "$WORK/dealwire.jar" --work "$WORK" --maildir "$(ingested_maildir)" $(jfr_arg context)
summarise_jfr context
