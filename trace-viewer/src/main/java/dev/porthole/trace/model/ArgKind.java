package dev.porthole.trace.model;

/** The type of one argument value; how its 64-bit slot in the args store is read. */
public enum ArgKind {
    /** A string: the slot is a {@link StringPool} id. */
    STRING,
    /** A whole number. */
    LONG,
    /** A floating-point number: the slot holds {@link Double#doubleToRawLongBits}. */
    DOUBLE,
    /** true or false: the slot is 1 or 0. */
    BOOLEAN,
    /** JSON null. */
    NULL,
    /** A nested JSON object or array, kept as its JSON text (a {@link StringPool} id) so it writes back unchanged. */
    JSON;

    static final ArgKind[] VALUES = values();
}
