package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NameTableTest {

    private static String intern(NameTable table, String s) {
        byte[] b = ("xx" + s).getBytes(StandardCharsets.US_ASCII);
        return table.intern(b, 2, b.length - 2);
    }

    @Test
    void equalNamesAreOneInstance_andManyDistinctNamesAreAllReadRight() {
        NameTable table = new NameTable();
        for (int i = 0; i < 40_000; i++) {
            assertThat(intern(table, "k" + i)).isEqualTo("k" + i);
        }
        String first = intern(table, "k7");

        assertThat(intern(table, "k7")).isSameAs(first);
        assertThat(intern(table, "k39999")).isEqualTo("k39999");
        assertThat(intern(table, "a".repeat(40))).isEqualTo("a".repeat(40));
    }
}
