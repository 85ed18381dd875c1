package io.dealwire.index.feed;

/** Told how far a rebuild has got: {@code done} messages of about {@code total}. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {
    };

    void progress(long done, long total);
}
