package io.lockbench.impl.claims;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who is working: what a rejected claimant is told about the owner, so a person can find them.
 *
 * @param host             machine name
 * @param terminal         terminal or process the session runs in
 * @param workingDirectory the directory it works in
 */
public record SessionInfo(String host, String terminal, String workingDirectory) {

    public SessionInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** This JVM: its host name, its tty (or process id when it has none) and its working directory. */
    public static SessionInfo ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "unknown-host");
        }
        String tty = System.getenv("SSH_TTY") != null ? System.getenv("SSH_TTY") : System.getenv("TTY");
        String terminal = tty != null ? tty : "pid " + ProcessHandle.current().pid();
        return new SessionInfo(host, terminal, System.getProperty("user.dir"));
    }
}
