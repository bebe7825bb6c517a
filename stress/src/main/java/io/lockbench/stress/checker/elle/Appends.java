package io.lockbench.stress.checker.elle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who appended each element, whatever the outcome of the transaction. */
final class Appends {

    private final Map<Element, Txn> writers = new HashMap<>();
    /** For each value, one key it was appended to: to tell a value read under the wrong key. */
    private final Map<Object, Element> someKeyOf = new HashMap<>();

    private Appends() {
    }

    /** @throws IllegalArgumentException if a value is appended twice to one key */
    static Appends index(List<Txn> txns) {
        Appends a = new Appends();
        for (Txn t : txns) {
            for (MicroOp m : t.mops()) {
                if (!m.append()) {
                    continue;
                }
                Element e = new Element(m.key(), m.value());
                Txn earlier = a.writers.putIfAbsent(e, t);
                if (earlier != null) {
                    throw new IllegalArgumentException(t.name() + ": value " + m.value() + " was already appended to key "
                            + m.key() + " by " + earlier.name() + "; appended values must be unique per key");
                }
                a.someKeyOf.putIfAbsent(m.value(), e);
            }
        }
        return a;
    }

    /** The transaction that appended {@code value} to {@code key}, or {@code null}. */
    Txn writer(Object key, Object value) {
        return writers.get(new Element(key, value));
    }

    /** An append of {@code value} to a key other than {@code key}, or {@code null}. */
    Element elsewhere(Object key, Object value) {
        Element e = someKeyOf.get(value);
        return e == null || java.util.Objects.equals(e.key(), key) ? null : e;
    }
}
