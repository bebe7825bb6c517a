package io.lockbench.stress.checker.linear;

/**
 * The state of a register: its value ({@code null} for a register nobody has written yet, which
 * reads as {@code nil}).
 */
public record RegisterValue(Object value) {
    public static final RegisterValue NIL = new RegisterValue(null);

    @Override
    public String toString() {
        return value == null ? "nil" : value.toString();
    }
}
