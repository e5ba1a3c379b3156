package dev.porthole.trace.analysis;

/**
 * One row of the phase table: all slices of one name.
 *
 * @param name     the slice name
 * @param count    how many slices
 * @param totalNs  sum of their durations
 * @param selfNs   total minus the time spent in their direct children
 * @param minNs    shortest
 * @param medianNs median duration (lower middle for an even count)
 * @param maxNs    longest
 */
public record PhaseStats(String name, long count, long totalNs, long selfNs, long minNs, long medianNs, long maxNs) {
}
