package io.lockbench.impl.agent;

/** Refused for want of a valid lease: whatever was asked, nothing was written. */
public sealed interface LeaseRefusal extends ProjectUpdate, HeartbeatResult, AppendResult
        permits LeaseExpired, UnknownAgent {
}
