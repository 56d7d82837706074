package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.spi.JsonProvider;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ContextLoaderTest {
    private final Thread thread = Thread.currentThread();

    @Test
    void containerWorkFindsNoServicesThroughTheContextLoaderAndTheThreadGetsItsLoaderBack() {
        ClassLoader before = thread.getContextClassLoader();
        assertTrue(
                ServiceLoader.load(JsonProvider.class).findFirst().isPresent(),
                "the test class path has a JSON-P provider");
        AtomicBoolean found = new AtomicBoolean(true);

        ContextLoader.withoutServices(() ->
                found.set(ServiceLoader.load(JsonProvider.class).findFirst().isPresent()));

        assertFalse(found.get(), "a service was found through the context loader");
        assertSame(before, thread.getContextClassLoader());
    }

    @Test
    void callbacksFromContainerWorkRunWithTheApplicationsLoader() {
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader[] inCallback = new ClassLoader[1];

        ContextLoader.withoutServices(
                () -> ContextLoader.inApplication(() -> inCallback[0] = thread.getContextClassLoader()));

        assertSame(ContextLoader.class.getClassLoader(), inCallback[0]);
        assertSame(before, thread.getContextClassLoader());
    }

    @Test
    void aFailingWorkStillRestoresTheLoader() {
        ClassLoader before = thread.getContextClassLoader();

        var failure = assertThrows(
                IllegalStateException.class,
                () -> ContextLoader.withoutServices(() -> {
                    throw new IllegalStateException("boom");
                }));

        assertEquals("boom", failure.getMessage());
        assertSame(before, thread.getContextClassLoader());
    }
}
