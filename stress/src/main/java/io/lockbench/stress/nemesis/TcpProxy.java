package io.lockbench.stress.nemesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the clients and the database server that can delay, freeze or reset the
 * traffic: the network faults that {@code tc netem} would give, on a kernel without it. Each
 * connection is two threads copying bytes (clients are few); a fault changes what they do with the
 * next chunk. Listens on 127.0.0.1 on a free port.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long delayNanos;
    private volatile boolean frozen;
    private volatile boolean closed;

    public TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "lockbench-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted since the proxy started. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return links.size();
    }

    /** Every chunk, in either direction, waits {@code delay} before it is forwarded. */
    public void delay(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Stops forwarding in both directions; connections stay open and new ones are accepted but stalled. */
    public void freeze() {
        frozen = true;
    }

    /** Resets every open connection (RST to both sides); new connections go through. */
    public int reset() {
        int n = 0;
        for (Link link : links) {
            link.reset();
            n++;
        }
        return n;
    }

    /** Back to plain forwarding. */
    public void heal() {
        delayNanos = 0;
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket up = new Socket();
                try {
                    up.connect(upstream, 10_000);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                up.setTcpNoDelay(true);
                Link link = new Link(client, up);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait(100);
            }
        }
        long d = delayNanos;
        if (d > 0) {
            Thread.sleep(d / 1_000_000, (int) (d % 1_000_000));
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Link link : links) {
            link.close();
        }
    }

    /** One client connection and its upstream connection. */
    private final class Link {
        private final Socket client;
        private final Socket upstreamSocket;

        Link(Socket client, Socket upstreamSocket) {
            this.client = client;
            this.upstreamSocket = upstreamSocket;
        }

        void start() throws IOException {
            pump(client.getInputStream(), upstreamSocket.getOutputStream(), "up");
            pump(upstreamSocket.getInputStream(), client.getOutputStream(), "down");
        }

        private void pump(InputStream in, OutputStream out, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        awaitForwarding();
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the connection ended or was reset: close both sides
                } finally {
                    close();
                }
            }, "lockbench-proxy-" + port() + "-" + direction);
            t.setDaemon(true);
            t.start();
        }

        void reset() {
            try {
                client.setSoLinger(true, 0);
                upstreamSocket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // already closed
            }
            close();
        }

        void close() {
            links.remove(this);
            quietly(client);
            quietly(upstreamSocket);
        }

        private void quietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
