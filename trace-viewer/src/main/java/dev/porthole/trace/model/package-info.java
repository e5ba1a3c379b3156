/**
 * The trace model: columnar, immutable, no JavaFX. What a renderer needs to know:
 *
 * <ul>
 *   <li>{@link dev.porthole.trace.model.Trace} holds events in primitive columns; an event is an int index.
 *       Times are nanoseconds ({@code start(e)}, {@code duration(e)}, {@code end(e)}); {@code startTime()} and
 *       {@code endTime()} bound the whole trace.</li>
 *   <li>{@link dev.porthole.trace.model.Track}s are the rows: {@code kind()} (HOST, GUEST_CPU, LANE, THREAD,
 *       COUNTER), {@code process()} to group them, {@code name()}, {@code maxDepth()} (rows needed = maxDepth + 1),
 *       and the contiguous event range {@code [firstEvent, endEvent)} sorted by start.</li>
 *   <li>{@link dev.porthole.trace.model.LodIndex} ({@code trace.lod()}) answers a frame: {@code query(track, from,
 *       to, widthPx, frame)} fills a reusable {@link dev.porthole.trace.model.LodFrame} with at most one rectangle
 *       per pixel column and depth ({@code x0, x1, depth, event, count}); {@code count > 1} means merged events
 *       (draw as a busy bar, no label). {@code eventAt(track, depth, time, slackNs)} is the mouse hit test;
 *       {@code forEachOverlapping} visits exact events (selection, search within a range).</li>
 *   <li>Names, categories and argument keys are interned: colour by {@code nameId(e)} (stable per trace), show
 *       {@code name(e)}, {@code args(e)} for a details pane, {@code counterValue(e)} for counter tracks.</li>
 *   <li>{@link dev.porthole.trace.model.LoadReport} ({@code trace.report()}) says what a reader repaired or skipped;
 *       show {@code warnings()} in a status line.</li>
 * </ul>
 * Readers fill a {@link dev.porthole.trace.model.TraceBuilder}; open files with
 * {@code dev.porthole.trace.run.TraceSources.open(path)} (a run directory or any trace file).
 */
package dev.porthole.trace.model;
