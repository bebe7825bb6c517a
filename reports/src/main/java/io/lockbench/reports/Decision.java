package io.lockbench.reports;

/** How sure a recommendation for one contention level is, from the error bars of what was measured. */
public enum Decision {
    /** The best strategy's error bar lies wholly above the runner-up's. */
    CLEAR,
    /** The two error bars overlap: the data cannot tell them apart. */
    TOO_NOISY,
    /** A single measured iteration gives no error bar (the --quick preset): the figures only lean. */
    NO_ERROR_BARS,
    /** Only one correct strategy was measured there: nothing to choose between. */
    ONLY_ONE
}
