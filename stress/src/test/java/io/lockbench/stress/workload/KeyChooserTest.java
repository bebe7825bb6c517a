package io.lockbench.stress.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyChooserTest {

    static final List<String> KEYS = List.of("a", "b", "c", "d");

    @Test
    void uniform_picksEveryKeyAboutEquallyOften() {
        Map<String, Integer> n = draw(KeyChooser.of(KEYS, "uniform", 0), 40_000);

        assertThat(n.values()).allSatisfy(c -> assertThat(c).isBetween(9_000, 11_000));
    }

    @Test
    void hotspot_sendsItsShareToTheFirstKey() {
        Map<String, Integer> n = draw(KeyChooser.of(KEYS, "hotspot", 0.9), 40_000);

        assertThat(n.get("a")).isBetween(35_500, 36_500);
        assertThat(n.get("d")).isBetween(1_000, 1_700);
    }

    @Test
    void zipfian_givesKeyIAWeightOfOneOverIPlusOne() {
        Map<String, Integer> n = draw(KeyChooser.of(KEYS, "zipfian", 1.0), 50_000);

        // weights 1, 1/2, 1/3, 1/4 of 25/12
        assertThat(n.get("a")).isBetween(23_000, 25_000);
        assertThat(n.get("b")).isBetween(11_400, 12_600);
        assertThat(n.get("d")).isBetween(5_500, 6_500);
    }

    @Test
    void anUnknownDistribution_namesTheValidOnes() {
        assertThatThrownBy(() -> KeyChooser.of(KEYS, "gaussian", 0))
                .hasMessage("unknown key distribution 'gaussian'; valid: uniform, hotspot, zipfian");
    }

    private static Map<String, Integer> draw(KeyChooser chooser, int n) {
        Random r = new Random(3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(chooser.next(r), 1, Integer::sum);
        }
        return counts;
    }
}
