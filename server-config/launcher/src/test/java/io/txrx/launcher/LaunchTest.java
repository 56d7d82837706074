package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LaunchTest {

    @Test
    void passwordsInServiceUrlsNeverReachTheConsole() {
        assertEquals(
                "rediss://app:***@redis.example:6380",
                Launch.withoutPassword("rediss://app:s3cret@redis.example:6380"));
        assertEquals("redis://127.0.0.1:6379", Launch.withoutPassword("redis://127.0.0.1:6379"));
        assertEquals(
                "jdbc:postgresql://db:5432/txrx?user=txrx&password=***&ssl=true",
                Launch.withoutPassword("jdbc:postgresql://db:5432/txrx?user=txrx&password=s3cret&ssl=true"));
    }
}
