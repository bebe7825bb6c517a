package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void defaults_areTheDocumentedConstants() {
        DatabaseConfig c = DatabaseConfig.of("jdbc:sqlite:x.db");
        assertThat(c.maxPoolSize()).isEqualTo(DatabaseConfig.DEFAULT_MAX_POOL_SIZE);
        assertThat(c.sqliteBusyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.sqliteSynchronous()).isEqualTo("NORMAL");
        assertThat(c.backend()).isEqualTo(Backend.SQLITE);
    }

    @Test
    void aBadValue_namesThePropertyAndItsRange() {
        DatabaseConfig c = DatabaseConfig.of("jdbc:postgresql://h/db");
        assertThatThrownBy(() -> c.withMaxPoolSize(0)).hasMessageContaining("maxPoolSize must be between 1 and 1000");
        assertThatThrownBy(() -> c.withConnectionTimeout(Duration.ofMillis(5)))
                .hasMessageContaining("connectionTimeout must be at least 250 ms");
        assertThatThrownBy(() -> c.withSqliteSynchronous("EXTRA")).hasMessageContaining("OFF, NORMAL, FULL");
    }

    @Test
    void backendNames_parseAsTheCommandLineSpellsThem() {
        assertThat(Backend.parse("pg")).isEqualTo(Backend.POSTGRESQL);
        assertThat(Backend.parse("SQLite")).isEqualTo(Backend.SQLITE);
        assertThatThrownBy(() -> Backend.parse("oracle")).hasMessageContaining("valid: sqlite, postgresql");
    }
}
