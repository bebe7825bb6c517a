package io.lockbench.api;

/** The three ways an operation can end. */
public enum Outcome {
    /** It happened. */
    OK,
    /** It certainly did not happen. */
    FAIL,
    /** Nobody knows: it may take effect at any time after its invocation, or never. */
    INFO
}
