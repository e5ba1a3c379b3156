package dev.porthole.trace.model;

/**
 * One horizontal track of the timeline. Its events are the contiguous range {@code [firstEvent, endEvent)} of
 * the model, sorted by start time (ties: longer first, so parents precede their children).
 *
 * @param id         index in {@link Trace#tracks()}
 * @param kind       what the track stands for
 * @param process    the group it belongs to ("host", "guest", a Chrome process name)
 * @param name       the track's own name (a thread name, a library, a counter)
 * @param pid        process id as written to Chrome JSON (synthetic for host, guest and lanes)
 * @param tid        thread id as written to Chrome JSON (for counters: unused, 0)
 * @param sortIndex  Chrome's thread_sort_index, or 0
 * @param maxDepth   the deepest nesting level of its slices (0 when flat)
 * @param firstEvent the first event's index
 * @param endEvent   one past the last event's index
 */
public record Track(int id, TrackKind kind, String process, String name, long pid, long tid, int sortIndex,
                    int maxDepth, int firstEvent, int endEvent) {

    public int eventCount() {
        return endEvent - firstEvent;
    }

    /** "process / name", how lists and the CLI show a track. */
    public String label() {
        return process.isEmpty() ? name : process + " / " + name;
    }
}
