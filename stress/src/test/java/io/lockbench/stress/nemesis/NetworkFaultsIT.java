package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.JdbcUrls;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.impl.testing.PostgresServer;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network faults between a client and PostgreSQL, through lockbench's proxy: a freeze and a
 * kernel partition make queries time out, a reset breaks the connection, a delay slows every
 * round trip; healing restores each.
 */
class NetworkFaultsIT {

    TcpProxy proxy;
    Database client;
    Database admin;
    TestNemesisContext context;

    @BeforeEach
    void connectThroughTheProxy() throws Exception {
        DatabaseFixture.assumePostgres();
        String url = PostgresServer.get().url();
        Matcher m = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)$").matcher(url);
        assertThat(m.matches()).as("a single-host URL: %s", JdbcUrls.redact(url)).isTrue();
        proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3);
        viaProxy = JdbcUrls.withParameter(viaProxy, "socketTimeout", "2");
        viaProxy = JdbcUrls.withParameter(viaProxy, "connectTimeout", "2");
        client = Database.open(DatabaseConfig.of(viaProxy).withMaxPoolSize(1).withConnectionTimeout(Duration.ofSeconds(3)));
        admin = Database.open(url);
        context = new TestNemesisContext(Backend.POSTGRESQL, admin).withClient(client);
        context.proxy = proxy;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
            admin.close();
            proxy.close();
        }
    }

    @Test
    void freeze_makesAQueryTimeOutAsALostConnection_andHealRestoresIt() throws Exception {
        ProxyFault freeze = new ProxyFault(ProxyFault.Kind.FREEZE, Duration.ZERO);
        assertThat(one()).isEqualTo(1);

        freeze.start(context);
        try {
            assertThatThrownBy(this::one).isInstanceOfSatisfying(DatabaseException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION_LOST));
        } finally {
            freeze.heal(context);
        }
        assertThat(one()).isEqualTo(1);
    }

    @Test
    void reset_breaksTheOpenConnection_andTheNextOneWorks() throws Exception {
        ProxyFault reset = new ProxyFault(ProxyFault.Kind.RESET, Duration.ZERO);
        assertThatThrownBy(() -> client.inTransaction(c -> {
            Jdbc.queryLong(c, "SELECT 1");
            reset.start(context);
            return Jdbc.queryLong(c, "SELECT 2");
        })).isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION_LOST));
        reset.heal(context);

        assertThat(one()).isEqualTo(1);
    }

    @Test
    void delay_slowsEveryRoundTrip() throws Exception {
        ProxyFault delay = new ProxyFault(ProxyFault.Kind.DELAY, Duration.ofMillis(150));
        one();

        delay.start(context);
        long start = System.nanoTime();
        try {
            one();
        } finally {
            delay.heal(context);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aKernelPartition_dropsThePackets_soQueriesTimeOut_andHealingDeletesTheRule() throws Exception {
        KernelPartition partition = new KernelPartition();
        Optional<String> unavailable = partition.unavailable(context);
        if (unavailable.isPresent()) {
            if ("1".equals(System.getenv("LOCKBENCH_REQUIRE_FAULTS"))) {
                throw new AssertionError("partition cannot run here, but LOCKBENCH_REQUIRE_FAULTS=1: " + unavailable.get());
            }
            Assumptions.abort(unavailable.get());
        }
        assertThat(one()).isEqualTo(1);

        String what = partition.start(context);
        try {
            assertThat(what).contains("dropping every packet to port " + proxy.port());
            assertThatThrownBy(this::one).isInstanceOfSatisfying(DatabaseException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION_LOST));
        } finally {
            partition.heal(context);
        }
        assertThat(KernelPartition.Nft.run("list", "tables")).doesNotContain("lockbench_" + proxy.port());
        assertThat(one()).isEqualTo(1);
    }

    private long one() {
        return client.withConnection(c -> Jdbc.queryLong(c, "SELECT 1"));
    }
}
