package io.dealwire.core.pipeline;

/** Whether inferred stage changes are applied automatically or only suggested to a person. */
public enum InferenceMode {
    AUTO, SUGGEST
}
