/**
 * The client protocol of lockbench's stress runner, in the spirit of Jepsen's: a {@link
 * io.lockbench.api.Client} is opened on a database, invokes one {@link io.lockbench.api.Operation}
 * at a time and says how each ended with a {@link io.lockbench.api.Completion}: {@code ok} (it
 * happened), {@code fail} (it certainly did not happen) or {@code info} (nobody knows).
 *
 * <p>A team implements {@code Client} for its own data-access code; lockbench drives it with the
 * same workloads, faults and checkers as its reference strategies. This package depends on the
 * JDK and {@code java.sql} only.
 *
 * <pre>
 * public final class MyCasClient implements Client {
 *     private DataSource db;
 *     public void open(ClientContext context) { db = context.dataSource(); }
 *     public Completion invoke(Operation op) throws SQLException {
 *         return switch (op.f()) {
 *             case "read" -> Completion.ok(readVersionAndValue(op.key()));
 *             case "write" -> compareAndSet(op.key(), op.value()) ? Completion.ok(op.value())
 *                                                                 : Completion.fail("version changed");
 *             default -> throw new IllegalArgumentException("unknown f " + op.f());
 *         };
 *     }
 * }
 * </pre>
 */
package io.lockbench.api;
