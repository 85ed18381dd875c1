package io.dealwire.core.pipeline;

/** The sales models of the domain brief; a pipeline follows one, which decides when mail creates a deal. */
public enum SalesModel {
    DEFAULT, INBOUND, OUTBOUND, ACCOUNT_BASED, RELATIONSHIP, BUYER_JOURNEY
}
