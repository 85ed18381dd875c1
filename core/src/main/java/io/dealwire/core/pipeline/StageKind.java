package io.dealwire.core.pipeline;

/** Open stages are worked; won and lost close a deal; parked ("fridge") is not now, revisit later. */
public enum StageKind {
    OPEN, WON, LOST, PARKED
}
