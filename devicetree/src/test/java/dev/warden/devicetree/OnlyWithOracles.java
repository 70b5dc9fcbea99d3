package dev.warden.devicetree;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** jqwik's counterpart of @EnabledIfSystemProperty(warden.oracles=true): skips unless -Poracles. */
public final class OnlyWithOracles implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return "true".equals(System.getProperty("warden.oracles"))
                ? SkipResult.doNotSkip()
                : SkipResult.skip("needs the reference tools: run with -Poracles");
    }
}
