package io.lockbench.impl.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void pauses_growExponentiallyUpToTheCap_withJitterBelowTheBound() {
        Backoff b = new Backoff(Duration.ofMillis(1), Duration.ofMillis(8));
        long maxSeenAt1 = 0;
        long maxSeenAt10 = 0;
        for (int i = 0; i < 2_000; i++) {
            maxSeenAt1 = Math.max(maxSeenAt1, b.pauseMicros(1));
            maxSeenAt10 = Math.max(maxSeenAt10, b.pauseMicros(10));
        }
        assertThat(maxSeenAt1).isBetween(500L, 1_000L);
        assertThat(maxSeenAt10).isBetween(4_000L, 8_000L);
    }

    @Test
    void none_neverPauses() {
        assertThat(Backoff.NONE.pauseMicros(5)).isZero();
    }

    @Test
    void aCapBelowTheBase_isRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(10), Duration.ofMillis(1)))
                .hasMessageContaining("cap");
    }
}
