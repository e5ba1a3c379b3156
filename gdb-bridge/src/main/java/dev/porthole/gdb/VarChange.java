package dev.porthole.gdb;

/** One watch expression whose value changed (or went out of scope) since the last update. */
public record VarChange(String handle, String value, boolean inScope, boolean typeChanged) {
}
