package org.dicomguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void close_twice_releasesOnceAndLaterUsesSeeClosed() {
        Lifecycle lifecycle = new Lifecycle();
        AtomicInteger releases = new AtomicInteger();
        try (Lifecycle.Use use = lifecycle.enter()) {
            assertTrue(use.open());
        }
        assertTrue(lifecycle.close(releases::incrementAndGet));
        assertFalse(lifecycle.close(releases::incrementAndGet));
        assertEquals(1, releases.get());
        assertTrue(lifecycle.isClosed());
        try (Lifecycle.Use use = lifecycle.enter()) {
            assertFalse(use.open());
        }
    }

    @Test
    void close_useInFlight_waitsUntilTheUseEnds() throws Exception {
        Lifecycle lifecycle = new Lifecycle();
        AtomicInteger releases = new AtomicInteger();
        CompletableFuture<Boolean> closing;
        try (Lifecycle.Use use = lifecycle.enter()) {
            assertTrue(use.open());
            closing = CompletableFuture.supplyAsync(() -> lifecycle.close(releases::incrementAndGet));
            // The closing thread blocks on the use in flight: nothing is released while it lasts.
            Thread.sleep(100);
            assertFalse(closing.isDone());
            assertEquals(0, releases.get());
            use.close();
            use.close(); // idempotent: a second end does not release someone else's use
        }
        assertTrue(closing.get(10, TimeUnit.SECONDS));
        assertEquals(1, releases.get());
    }
}
