package io.dealwire.api.app;

import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.Store;

/** What a new install starts with: the default pipeline of the domain brief. */
final class Defaults {
    private Defaults() {
    }

    static void ensure(Store store) {
        if (store.pipelines().find(PipelineTemplates.DEFAULT_ID).isEmpty()) {
            store.pipelines().save(PipelineTemplates.defaultPipeline());
        }
    }
}
