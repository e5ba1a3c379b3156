package dev.porthole.trace.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader had to repair or skip while loading. Every kind of damage is counted, so a user sees
 * "3 E events without a B were dropped" instead of a silently different trace.
 */
public final class LoadReport {
    private String format = "";
    private String source = "";
    private long unmatchedEnds;
    private long unclosedBegins;
    private long eventsWithoutTimestamp;
    private long malformed;
    private String firstMalformed;
    private final Map<String, Long> skippedPhases = new TreeMap<>();
    private String truncation;
    private final List<String> notes = new ArrayList<>();

    public String format() {
        return format;
    }

    public void format(String format) {
        this.format = format;
    }

    public String source() {
        return source;
    }

    public void source(String source) {
        this.source = source;
    }

    public long unmatchedEnds() {
        return unmatchedEnds;
    }

    public void countUnmatchedEnd() {
        unmatchedEnds++;
    }

    public long unclosedBegins() {
        return unclosedBegins;
    }

    void countUnclosedBegin() {
        unclosedBegins++;
    }

    public long eventsWithoutTimestamp() {
        return eventsWithoutTimestamp;
    }

    public void countEventWithoutTimestamp() {
        eventsWithoutTimestamp++;
    }

    public long malformed() {
        return malformed;
    }

    /** A record that could not be understood; {@code where} (line, offset) is kept for the first one. */
    public void countMalformed(String where) {
        if (malformed++ == 0) {
            firstMalformed = where;
        }
    }

    public Map<String, Long> skippedPhases() {
        return skippedPhases;
    }

    public long skippedEvents() {
        return skippedPhases.values().stream().mapToLong(Long::longValue).sum();
    }

    public void countSkippedPhase(String phase) {
        skippedPhases.merge(phase, 1L, Long::sum);
    }

    /** Where the input ended early, or null when it was complete. */
    public String truncation() {
        return truncation;
    }

    public boolean truncated() {
        return truncation != null;
    }

    public void truncated(String where) {
        this.truncation = where;
    }

    public void note(String note) {
        notes.add(note);
    }

    /** One sentence per problem, for the CLI and the view's status line; empty when the input was clean. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (truncation != null) {
            out.add("input ends early: " + truncation + "; loaded the events before the cut");
        }
        if (unmatchedEnds > 0) {
            out.add(unmatchedEnds + " end event(s) without a matching begin were dropped");
        }
        if (unclosedBegins > 0) {
            out.add(unclosedBegins + " begin event(s) never ended were closed at the end of the trace");
        }
        if (!skippedPhases.isEmpty()) {
            StringBuilder phases = new StringBuilder();
            skippedPhases.forEach((ph, n) -> phases.append(phases.length() == 0 ? "" : ", ").append(ph).append('=').append(n));
            out.add(skippedEvents() + " event(s) of phases this viewer does not model were skipped (" + phases + ")");
        }
        if (eventsWithoutTimestamp > 0) {
            out.add(eventsWithoutTimestamp + " event(s) without a timestamp were dropped");
        }
        if (malformed > 0) {
            out.add(malformed + " malformed record(s) were skipped (first at " + firstMalformed + ")");
        }
        out.addAll(notes);
        return out;
    }
}
