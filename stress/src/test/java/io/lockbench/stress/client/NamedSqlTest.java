package io.lockbench.stress.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namedParametersBecomePositional_inOrder_repeatsIncluded() {
        NamedSql sql = NamedSql.parse("UPDATE t SET v = :value, n = :n + 1 WHERE id = :key AND n = :n");

        assertThat(sql.jdbc()).isEqualTo("UPDATE t SET v = ?, n = ? + 1 WHERE id = ? AND n = ?");
        assertThat(sql.names()).containsExactly("value", "n", "key", "n");
        assertThat(sql.distinctNames()).containsExactly("value", "n", "key");
    }

    @Test
    void quotesCommentsCastsAndDollarQuotes_holdNoParameters() {
        NamedSql sql = NamedSql.parse("SELECT ':no', \"a:b\", x::bigint, $$ :no $$, $f$ :no $f$ -- :no\n"
                + "/* :no */ FROM t WHERE k = :key AND s = 'it''s :no'");

        assertThat(sql.names()).containsExactly("key");
        assertThat(sql.jdbc()).contains("x::bigint").contains("k = ?").contains("'it''s :no'");
    }

    @Test
    void aSelect_isRecognisedAfterCommentsAndParentheses() {
        assertThat(NamedSql.parse("  -- read\n(SELECT 1)").isSelect()).isTrue();
        assertThat(NamedSql.parse("select 1").isSelect()).isTrue();
        assertThat(NamedSql.parse("UPDATE t SET a = 1 RETURNING a").isSelect()).isFalse();
        assertThat(NamedSql.parse("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x").isSelect()).isFalse();
    }
}
