/**
 * Strategy 3, pessimistic claims: a session claims a resource before working on it.
 *
 * <ul>
 *   <li>{@link io.lockbench.impl.claims.PessimisticClaimStore}: the correct store. A partial unique
 *       index allows one active claim per resource; a rejection names the owner; a claim whose
 *       heartbeat is stale may be taken over; every claim carries a fencing token the resource checks.</li>
 *   <li>{@link io.lockbench.impl.claims.CheckThenInsertClaimStore} (BROKEN on purpose): two active claims.</li>
 *   <li>{@link io.lockbench.impl.claims.UnfencedClaimStore} (BROKEN on purpose): a holder that wakes after a
 *       takeover overwrites the new holder's work.</li>
 *   <li>{@link io.lockbench.impl.claims.HeartbeatManager} keeps a session's claims fresh;
 *       {@link io.lockbench.impl.claims.StaleClaimSweeper} expires the ones nobody keeps.</li>
 * </ul>
 *
 * <pre>{@code
 * ClaimStore store = new PessimisticClaimStore(db);               // stale after 5 min
 * Session me = store.startSession(SessionInfo.ofThisProcess());
 * try (HeartbeatManager heartbeat = new HeartbeatManager(store, me.id())) { // every 30 s
 *     heartbeat.start();
 *     ClaimResult result = store.claim("report-42", me.id());
 *     if (result instanceof ClaimResult.Granted g) {
 *         FencedWriteResult w = store.fencedWrite("report-42", g.claim().token(), content);
 *         // w is Rejected if we paused past the threshold and someone took over meanwhile
 *         store.release(g.claim());
 *     } else if (result instanceof ClaimResult.Rejected r) {
 *         System.out.println(r.owner().describe()); // who, where, last heartbeat "2 min 5 s ago"
 *     }
 * }
 * store.endSession(me.id());
 * }</pre>
 */
package io.lockbench.impl.claims;
