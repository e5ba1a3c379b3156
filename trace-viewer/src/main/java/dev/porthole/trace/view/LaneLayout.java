package dev.porthole.trace.view;

import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import dev.porthole.trace.model.TrackKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every lane of a trace sits vertically: tracks grouped by process (host first, then the guest, then the
 * rest in the order the trace named them), each group under a header row that collapses it. A slice lane is as
 * tall as its deepest nesting; a counter lane has a fixed height for its chart.
 *
 * <p>Coordinates are "content" pixels from the top of the first group, before vertical scrolling. Pure data:
 * the renderer draws it, the view model hit-tests with it, the tests read it.
 */
public final class LaneLayout {
    public static final double GROUP_HEIGHT = 24;
    public static final double ROW_HEIGHT = 20;
    public static final double LANE_PADDING = 4;
    public static final double COUNTER_HEIGHT = 34;

    /** A process group's header row. */
    public record Group(String key, String name, double y, int trackCount, boolean collapsed) {
        public double height() {
            return GROUP_HEIGHT;
        }
    }

    /**
     * One track's lane.
     *
     * @param track  the track id in the trace
     * @param group  its group's key
     * @param y      top of the lane (content pixels)
     * @param height lane height including padding
     * @param depths slice rows it shows (1 for a counter)
     */
    public record Lane(int track, String group, String name, TrackKind kind, double y, double height, int depths) {
        /** Top of slice row {@code depth}. */
        public double rowY(int depth) {
            return y + LANE_PADDING + depth * ROW_HEIGHT;
        }

        public boolean isCounter() {
            return kind == TrackKind.COUNTER;
        }
    }

    /** What lies under a vertical position. */
    public record Hit(Group group, Lane lane, int depth) {
    }

    private static final LaneLayout EMPTY = new LaneLayout(List.of(), List.of(), 0);

    private final List<Group> groups;
    private final List<Lane> lanes;
    private final double height;

    private LaneLayout(List<Group> groups, List<Lane> lanes, double height) {
        this.groups = List.copyOf(groups);
        this.lanes = List.copyOf(lanes);
        this.height = height;
    }

    public static LaneLayout empty() {
        return EMPTY;
    }

    /** The group a track belongs to: its process name and pid, so two processes with one name stay apart. */
    public static String groupKey(Track track) {
        return track.process() + "#" + track.pid();
    }

    public static LaneLayout of(Trace trace, Set<String> collapsedGroups) {
        if (trace == null) {
            return EMPTY;
        }
        Map<String, List<Track>> byGroup = new LinkedHashMap<>();
        List<Track> tracks = new ArrayList<>(trace.tracks());
        tracks.sort(Comparator.comparingInt((Track t) -> groupRank(t.kind())));
        for (Track t : tracks) {
            byGroup.computeIfAbsent(groupKey(t), k -> new ArrayList<>()).add(t);
        }
        List<Group> groups = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        double y = 0;
        for (Map.Entry<String, List<Track>> entry : byGroup.entrySet()) {
            List<Track> members = entry.getValue();
            members.sort(Comparator.comparingInt(Track::sortIndex)
                    .thenComparingInt((Track t) -> t.kind() == TrackKind.COUNTER ? 1 : 0)
                    .thenComparingLong(Track::tid)
                    .thenComparingInt(Track::id));
            Track first = members.get(0);
            String name = first.process().isEmpty() ? "process " + first.pid() : first.process();
            boolean collapsed = collapsedGroups.contains(entry.getKey());
            groups.add(new Group(entry.getKey(), name, y, members.size(), collapsed));
            y += GROUP_HEIGHT;
            if (collapsed) {
                continue;
            }
            for (Track t : members) {
                double h;
                int depths;
                if (t.kind() == TrackKind.COUNTER) {
                    depths = 1;
                    h = COUNTER_HEIGHT;
                } else {
                    depths = Math.max(1, trace.lod().depthCount(t.id()));
                    h = depths * ROW_HEIGHT + 2 * LANE_PADDING;
                }
                lanes.add(new Lane(t.id(), entry.getKey(), t.name(), t.kind(), y, h, depths));
                y += h;
            }
        }
        return new LaneLayout(groups, lanes, y);
    }

    private static int groupRank(TrackKind kind) {
        return switch (kind) {
            case HOST -> 0;
            case GUEST_CPU -> 1;
            default -> 2;
        };
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Total content height. */
    public double height() {
        return height;
    }

    /** The lane of track {@code track}, or null when its group is collapsed (or it has no such track). */
    public Lane laneOf(int track) {
        for (Lane lane : lanes) {
            if (lane.track() == track) {
                return lane;
            }
        }
        return null;
    }

    public Group group(String key) {
        for (Group g : groups) {
            if (g.key().equals(key)) {
                return g;
            }
        }
        return null;
    }

    /** The group header, lane and slice row at content position {@code y}; null when below everything. */
    public Hit hit(double y) {
        if (y < 0 || y >= height) {
            return null;
        }
        for (Group g : groups) {
            if (y >= g.y() && y < g.y() + GROUP_HEIGHT) {
                return new Hit(g, null, -1);
            }
        }
        int lo = 0;
        int hi = lanes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Lane lane = lanes.get(mid);
            if (y < lane.y()) {
                hi = mid - 1;
            } else if (y >= lane.y() + lane.height()) {
                lo = mid + 1;
            } else {
                int depth = lane.isCounter() ? 0 : (int) Math.floor((y - lane.y() - LANE_PADDING) / ROW_HEIGHT);
                depth = Math.max(0, Math.min(lane.depths() - 1, depth));
                return new Hit(group(lane.group()), lane, depth);
            }
        }
        return null;
    }

    /** Index of the first lane whose bottom is below {@code y} (for drawing only what is on screen). */
    public int firstLaneBelow(double y) {
        int lo = 0;
        int hi = lanes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Lane lane = lanes.get(mid);
            if (lane.y() + lane.height() <= y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
