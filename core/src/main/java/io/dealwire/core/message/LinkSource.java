package io.dealwire.core.message;

/** How a message got its deal: by the automatic linker, or by a person (which the linker never undoes). */
public enum LinkSource {
    AUTO, PERSON
}
