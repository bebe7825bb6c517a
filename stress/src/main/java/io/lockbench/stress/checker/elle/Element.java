package io.lockbench.stress.checker.elle;

/** A value appended to a key: values are unique per key, so this names one append. */
record Element(Object key, Object value) {
}
