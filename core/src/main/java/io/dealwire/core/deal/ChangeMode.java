package io.dealwire.core.deal;

/** Applied by inference, proposed by inference for a person to accept, or made by a person. */
public enum ChangeMode {
    AUTO, SUGGESTED, PERSON
}
