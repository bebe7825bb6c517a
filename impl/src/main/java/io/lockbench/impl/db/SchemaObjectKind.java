package io.lockbench.impl.db;

/** The kinds of schema object a migration creates and a check looks up by name. */
public enum SchemaObjectKind {
    TABLE, INDEX, TRIGGER, VIEW;

    /** As a person writes it: "index". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
