package org.pchatdr.portal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.security.AddressThrottleSettings;
import org.pchatdr.portal.testsupport.MutableClock;

/** Issue 11: the counting behind the 429s, without HTTP (AddressThrottleIT has that). */
class AddressThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final AddressThrottle throttle =
            new AddressThrottle(new AddressThrottleSettings(3, Duration.ofMinutes(1), 2), null, null, null, clock);

    @Test
    void anAddressWaitsUntilItsWindowEndsOnceItReachesTheLimit() {
        throttle.recordFailure("192.0.2.1", "ghost");
        clock.advance(Duration.ofSeconds(10));
        throttle.recordFailure("192.0.2.1", null);
        assertThat(throttle.retryAfter("192.0.2.1")).isEmpty();

        throttle.recordFailure("192.0.2.1", "ghost");

        assertThat(throttle.retryAfter("192.0.2.1")).contains(Duration.ofSeconds(50));
        clock.advance(Duration.ofSeconds(50));
        assertThat(throttle.retryAfter("192.0.2.1")).isEmpty();
    }

    @Test
    void addressesBeyondTheMemoryBoundShareOneCounterWithoutTouchingTrackedOnes() {
        throttle.recordFailure("192.0.2.1", null);
        throttle.recordFailure("192.0.2.2", null);
        for (int i = 3; i <= 5; i++) {
            throttle.recordFailure("192.0.2." + i, null);
        }

        assertThat(throttle.retryAfter("192.0.2.9"))
                .as("counted with the overflow")
                .isPresent();
        assertThat(throttle.retryAfter("192.0.2.1")).as("its own counter").isEmpty();
        assertThat(throttle.retryAfter("192.0.2.2")).isEmpty();
    }

    @Test
    void onceThereIsRoomAgainANewAddressHasItsOwnCounter() {
        throttle.recordFailure("192.0.2.1", null);
        throttle.recordFailure("192.0.2.2", null);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 3; i <= 5; i++) {
            throttle.recordFailure("192.0.2." + i, null);
        }
        clock.advance(Duration.ofSeconds(30));

        throttle.sweep();

        assertThat(throttle.retryAfter("192.0.2.9")).isEmpty();
    }
}
