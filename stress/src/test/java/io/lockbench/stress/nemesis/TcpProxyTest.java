package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults on a real TCP echo server: delay, freeze, reset, heal. */
class TcpProxyTest {

    ServerSocket echo;
    TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread e = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // client went away
                        }
                    });
                    e.setDaemon(true);
                    e.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        proxy = new TcpProxy("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void healthy_forwardsBothWays() throws IOException {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "hello")).isEqualTo("hello");
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void delay_addsItToEveryChunkInEachDirection() throws IOException {
        try (Socket s = connect()) {
            roundTrip(s, "warm");
            proxy.delay(Duration.ofMillis(150));
            long start = System.nanoTime();
            assertThat(roundTrip(s, "slow")).isEqualTo("slow");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void freeze_stallsTrafficUntilHealed_withoutClosingTheConnection() throws Exception {
        try (Socket s = connect()) {
            roundTrip(s, "before");
            proxy.freeze();
            s.setSoTimeout(500);
            s.getOutputStream().write("stuck".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read(new byte[5])).isInstanceOf(SocketTimeoutException.class);

            proxy.heal();
            s.setSoTimeout(5_000);
            byte[] b = s.getInputStream().readNBytes(5);
            assertThat(new String(b)).isEqualTo("stuck");
        }
    }

    @Test
    void reset_breaksEveryOpenConnection_andNewOnesWork() throws Exception {
        try (Socket s = connect()) {
            roundTrip(s, "before");
            assertThat(proxy.reset()).isEqualTo(1);
            s.setSoTimeout(5_000);
            assertThatThrownBy(() -> {
                s.getOutputStream().write("after".getBytes());
                if (s.getInputStream().read() < 0) {
                    throw new IOException("end of stream");
                }
            }).isInstanceOf(IOException.class);
        }
        try (Socket fresh = connect()) {
            assertThat(roundTrip(fresh, "again")).isEqualTo("again");
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", proxy.port());
        s.setSoTimeout(5_000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes());
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(text.length()));
    }
}
