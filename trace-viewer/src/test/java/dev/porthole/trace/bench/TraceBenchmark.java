package dev.porthole.trace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.LodFrame;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.Track;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The trace-viewer speed and memory benchmark (run by {@code mvn -Pbench verify} in trace-viewer):
 * <ol>
 *   <li>Writes a Chrome JSON file of 1,000,000 X events on 16 threads (nested 4 deep, written in end order as
 *       Chrome does), with one argument each.</li>
 *   <li>Load: {@link TraceFiles#load} vs Jackson's {@code ObjectMapper.readTree} on the same file, medians.</li>
 *   <li>Memory: heap after GC holding the trace, minus the empty baseline, per event.</li>
 *   <li>Render: one 1600x900 frame (the core LOD query for every track, then a plain rasteriser into an
 *       int[] pixel buffer, standing in for the JavaFX Canvas) at full range and three zoom levels, median;
 *       with a naive "draw every event in range" rasteriser as the baseline.</li>
 * </ol>
 * Prints the figures and the ratios; exits 1 if a target is missed.
 */
public final class TraceBenchmark {
    static final int EVENTS = 1_000_000;
    static final int THREADS = 16;
    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    static final int ROW = 12;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-1m.json");
        if (!Files.exists(file) || Files.size(file) < 1000) {
            generate(file);
        }
        System.out.printf("file: %s, %,d bytes, %,d X events on %d threads%n", file, Files.size(file), EVENTS, THREADS);
        System.out.printf("JVM: %s, max heap %,d MB, %d CPUs%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        boolean ok = true;

        // ---- memory first, on a quiet heap ----
        long baseline = usedAfterGc();
        Trace trace = TraceFiles.load(file);
        long held = usedAfterGc() - baseline;
        double perEvent = held / (double) trace.eventCount();
        System.out.printf("memory: %,d bytes retained for %,d events = %.1f bytes/event (target <= 64; columns alone %.1f)%n",
                held, trace.eventCount(), perEvent, trace.columnBytes() / (double) trace.eventCount());
        ok &= check(perEvent <= 64, "memory per event");
        if (trace.eventCount() != EVENTS) {
            throw new IllegalStateException("loaded " + trace.eventCount() + " events, expected " + EVENTS);
        }

        boolean renderOnly = Boolean.getBoolean("bench.renderOnly"); // for iterating on the renderer alone
        // ---- load time vs readTree, interleaved so both see the same machine load ----
        if (!renderOnly) {
        ObjectMapper mapper = new ObjectMapper();
        long[] ours = new long[5];
        long[] tree = new long[5];
        TraceFiles.load(file); // warm-up
        mapper.readTree(file.toFile());
        for (int i = 0; i < ours.length; i++) {
            trace = null;
            System.gc();
            long t0 = System.nanoTime();
            trace = TraceFiles.load(file);
            ours[i] = System.nanoTime() - t0;
            System.gc();
            t0 = System.nanoTime();
            JsonNode root = mapper.readTree(file.toFile());
            tree[i] = System.nanoTime() - t0;
            if (root.get("traceEvents").size() < EVENTS) {
                throw new IllegalStateException("readTree saw too few events");
            }
        }
        // where our time goes: Jackson's bare token scan (the floor for any streaming reader), our reader, finish()
        long[] scan = new long[3];
        long[] readOnly = new long[3];
        long[] finish = new long[3];
        for (int i = 0; i < scan.length; i++) {
            long t0 = System.nanoTime();
            try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
                while (p.nextToken() != null) {
                    // scan only
                }
            }
            scan[i] = System.nanoTime() - t0;
            trace = null;
            System.gc();
            t0 = System.nanoTime();
            dev.porthole.trace.model.TraceBuilder builder = new dev.porthole.trace.model.TraceBuilder();
            try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                new dev.porthole.trace.io.ChromeTraceReader().read(in, builder);
            }
            readOnly[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            trace = builder.finish();
            finish[i] = System.nanoTime() - t0;
        }
        System.out.printf("load split: Jackson token scan alone %.0f ms, our reader %.0f ms, finish() (sort, depths, index) %.0f ms%n",
                median(scan) / 1e6, median(readOnly) / 1e6, median(finish) / 1e6);
        double oursMs = median(ours) / 1e6;
        double treeMs = median(tree) / 1e6;
        System.out.printf("load: TraceFiles.load median %.0f ms (runs %s), ObjectMapper.readTree median %.0f ms (runs %s)%n",
                oursMs, ms(ours), treeMs, ms(tree));
        System.out.printf("load: ratio ours/readTree = %.2f (target <= 0.50); absolute target <= 2000 ms%n", oursMs / treeMs);
        ok &= check(oursMs <= 2000, "load within 2 s");
        ok &= check(oursMs / treeMs <= 0.5, "load at most half of readTree");

        }

        // ---- render ----
        long span = trace.durationTime();
        long mid = trace.startTime() + span / 2;
        long[][] ranges = {
                {trace.startTime(), trace.endTime()},
                {mid - span / 20, mid + span / 20},
                {mid - span / 200, mid + span / 200},
                {mid - span / 20000, mid + span / 20000},
        };
        String[] labels = {"full range", "zoom 10x", "zoom 100x", "zoom 10000x"};
        int[] pixels = new int[WIDTH * HEIGHT];
        LodFrame frame = new LodFrame();
        for (int r = 0; r < ranges.length; r++) {
            long from = ranges[r][0];
            long to = ranges[r][1];
            for (int i = 0; i < 20; i++) { // warm-up
                renderLod(trace, from, to, pixels, frame);
            }
            long[] lod = new long[41];
            long[] naive = new long[11];
            int rects = 0;
            for (int i = 0; i < lod.length; i++) {
                long t0 = System.nanoTime();
                rects = renderLod(trace, from, to, pixels, frame);
                lod[i] = System.nanoTime() - t0;
            }
            int drawn = 0;
            for (int i = 0; i < naive.length; i++) {
                long t0 = System.nanoTime();
                drawn = renderNaive(trace, from, to, pixels);
                naive[i] = System.nanoTime() - t0;
            }
            double lodMs = median(lod) / 1e6;
            double naiveMs = median(naive) / 1e6;
            System.out.printf("render %-11s: LOD frame median %.2f ms (%,d rectangles), naive every-event frame %.2f ms "
                            + "(%,d events), ratio %.3f; target <= 16 ms%n", labels[r], lodMs, rects, naiveMs, drawn,
                    lodMs / naiveMs);
            ok &= check(lodMs <= 16, "render " + labels[r]);
        }
        System.out.println(ok ? "all trace-viewer targets met" : "SOME TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean check(boolean ok, String what) {
        if (!ok) {
            System.out.println("MISSED: " + what);
        }
        return ok;
    }

    /** One frame through the LOD query: what the Canvas view does, into a pixel buffer. */
    static int renderLod(Trace trace, long from, long to, int[] pixels, LodFrame frame) {
        Arrays.fill(pixels, 0xffffffff);
        int y = 0;
        int rects = 0;
        for (Track t : trace.tracks()) {
            trace.lod().query(t.id(), from, to, WIDTH, frame);
            for (int i = 0; i < frame.size(); i++) {
                int colour = frame.count(i) > 1 ? 0xff8090a0 : 0xff000000 | (trace.nameId(frame.event(i)) * 0x9e3779b1 >>> 8);
                fill(pixels, frame.x0(i), y + frame.depth(i) * ROW, frame.x1(i) - frame.x0(i), ROW - 1, colour);
            }
            rects += frame.size();
            y += (t.maxDepth() + 1) * ROW + 4;
        }
        return rects;
    }

    /** The baseline: every event overlapping the range becomes a rectangle. */
    static int renderNaive(Trace trace, long from, long to, int[] pixels) {
        Arrays.fill(pixels, 0xffffffff);
        double scale = WIDTH / (double) (to - from);
        int y = 0;
        int drawn = 0;
        for (Track t : trace.tracks()) {
            for (int e = t.firstEvent(); e < t.endEvent(); e++) {
                long s = trace.start(e);
                long end = trace.end(e);
                if (end < from || s >= to) {
                    continue;
                }
                int x0 = (int) Math.max(0, (s - from) * scale);
                int x1 = (int) Math.min(WIDTH, Math.ceil((end - from) * scale));
                fill(pixels, x0, y + trace.depth(e) * ROW, Math.max(1, x1 - x0), ROW - 1,
                        0xff000000 | (trace.nameId(e) * 0x9e3779b1 >>> 8));
                drawn++;
            }
            y += (t.maxDepth() + 1) * ROW + 4;
        }
        return drawn;
    }

    private static void fill(int[] pixels, int x, int y, int w, int h, int colour) {
        int yEnd = Math.min(HEIGHT, y + h);
        int xEnd = Math.min(WIDTH, x + w);
        for (int row = Math.max(0, y); row < yEnd; row++) {
            Arrays.fill(pixels, row * WIDTH + x, row * WIDTH + xEnd, colour);
        }
    }

    /**
     * 16 threads, each a sequence of top-level slices holding nested children 4 deep; written per thread in
     * post-order (children before parents, as Chrome writes X events when they end), threads interleaved.
     */
    static void generate(Path file) throws IOException {
        Random random = new Random(42);
        String[] names = new String[200];
        for (int i = 0; i < names.length; i++) {
            names[i] = "phase_" + i + (i % 3 == 0 ? "::Run" : i % 3 == 1 ? ".init" : "_task");
        }
        int perThread = EVENTS / THREADS;
        StringBuilder[] threadText = new StringBuilder[THREADS];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"traceEvents\":[\n");
            for (int t = 0; t < THREADS; t++) {
                out.write("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + (t + 1)
                        + ",\"args\":{\"name\":\"worker-" + t + "\"}},\n");
            }
            int[] written = new int[THREADS];
            long[] clock = new long[THREADS];
            int serial = 0;
            boolean more = true;
            while (more) {
                more = false;
                for (int t = 0; t < THREADS; t++) {
                    if (written[t] >= perThread) {
                        continue;
                    }
                    more = true;
                    StringBuilder sb = new StringBuilder(4096);
                    // one top-level tree: 1 + 3 + 6 + 5 nodes (depths 0..3)
                    int budget = Math.min(15, perThread - written[t]);
                    clock[t] += 1000 + random.nextInt(5000);
                    long start = clock[t];
                    int made = tree(sb, random, names, t + 1, start, 0, budget, new int[] {serial});
                    serial += made;
                    written[t] += made;
                    clock[t] = start + 200_000;
                    out.write(sb.toString());
                }
            }
            // metadata last, so the last X event's comma has a successor and the event count stays exact
            out.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"bench\"}}\n]}\n");
        }
    }

    /** Writes a subtree in post-order within [start, start + 180 µs); returns events written. Times in ns. */
    private static int tree(StringBuilder sb, Random random, String[] names, int tid, long startNs, int depth, int budget,
                            int[] serial) {
        long durNs = (180_000 >> (depth * 2)) - random.nextInt(1000);
        int written = 0;
        if (depth < 3) {
            int children = depth == 0 ? 3 : 2;
            long childStart = startNs + 500;
            for (int c = 0; c < children && written + 1 < budget; c++) {
                written += tree(sb, random, names, tid, childStart, depth + 1, Math.min(budget - 1 - written, depth == 0 ? 4 : 2),
                        serial);
                childStart += durNs / (children + 1);
            }
        }
        sb.append("{\"name\":\"").append(names[random.nextInt(names.length)]).append("\",\"cat\":\"bench\",\"ph\":\"X\",\"ts\":")
                .append(startNs / 1000).append('.').append(String.format("%03d", startNs % 1000))
                .append(",\"dur\":").append(durNs / 1000).append('.').append(String.format("%03d", durNs % 1000))
                .append(",\"pid\":1,\"tid\":").append(tid).append(",\"args\":{\"seq\":").append(serial[0]++).append("}},\n");
        return written + 1;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(long[] values) {
        StringBuilder sb = new StringBuilder();
        for (long v : values) {
            sb.append(sb.length() == 0 ? "" : "/").append(v / 1_000_000);
        }
        return sb.toString();
    }
}
