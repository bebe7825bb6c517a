package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgeTextTest {

    @Test
    void underAMinute_isSeconds() {
        assertThat(AgeText.ago(0)).isEqualTo("0 s ago");
        assertThat(AgeText.ago(45_999)).isEqualTo("45 s ago");
    }

    @Test
    void underAnHour_isMinutesAndSeconds() {
        assertThat(AgeText.ago(125_000)).isEqualTo("2 min 5 s ago");
        assertThat(AgeText.ago(60_000)).isEqualTo("1 min 0 s ago");
    }

    @Test
    void longer_isHoursAndMinutes_thenDaysAndHours() {
        assertThat(AgeText.ago(3 * 3_600_000 + 12 * 60_000 + 59_000)).isEqualTo("3 h 12 min ago");
        assertThat(AgeText.ago(2 * 86_400_000L + 4 * 3_600_000)).isEqualTo("2 d 4 h ago");
    }

    @Test
    void aNegativeAge_fromClockJitter_readsAsNow() {
        assertThat(AgeText.ago(-3)).isEqualTo("0 s ago");
    }
}
