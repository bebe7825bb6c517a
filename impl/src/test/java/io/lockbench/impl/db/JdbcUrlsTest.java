package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void aPasswordParameter_isRedacted() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
    }

    @Test
    void aPasswordInUserInfo_isRedacted() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:p@h:5432/db")).isEqualTo("jdbc:postgresql://u:***@h:5432/db");
    }

    @Test
    void aUrlWithoutPassword_isUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:sqlite:/tmp/x.db")).isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void aParameter_isAppendedWithTheRightSeparator() {
        assertThat(JdbcUrls.withParameter("jdbc:postgresql://h/db", "a", "1")).isEqualTo("jdbc:postgresql://h/db?a=1");
        assertThat(JdbcUrls.withParameter("jdbc:postgresql://h/db?u=x", "a", "1"))
                .isEqualTo("jdbc:postgresql://h/db?u=x&a=1");
    }
}
