package io.lockbench.impl.claims;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link HeartbeatManager} has done so far.
 *
 * @param active              whether beats are scheduled
 * @param beats               beats that reached the database
 * @param lastBeatAt          database clock of the last successful beat, ms since the epoch
 * @param failures            beats that failed, in all
 * @param consecutiveFailures failures since the last success
 * @param lastFailure         the last failure's message
 * @param stoppedBecause      why the manager stopped itself, if it did
 */
public record HeartbeatStats(boolean active, long beats, OptionalLong lastBeatAt, long failures,
                             int consecutiveFailures, Optional<String> lastFailure, Optional<String> stoppedBecause) {
}
