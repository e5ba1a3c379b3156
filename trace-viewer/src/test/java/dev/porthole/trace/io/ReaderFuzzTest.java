package dev.porthole.trace.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.porthole.trace.model.ModelInvariants;
import dev.porthole.trace.model.Trace;
import dev.porthole.trace.model.TraceBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz tests for every reader. In a normal {@code mvn test} they run in regression mode over the seed corpus in
 * src/test/resources/dev/porthole/trace/io/ReaderFuzzTestInputs/&lt;method&gt;/; with {@code JAZZER_FUZZ=1} they fuzz.
 * Whatever the input, a reader either builds a model that keeps every invariant, or says the input is not a trace
 * it can read; nothing else may escape (no OutOfMemoryError, no IndexOutOfBounds, no Jackson exception).
 */
class ReaderFuzzTest {

    private static void readWith(TraceReader reader, byte[] data) {
        TraceBuilder builder = new TraceBuilder().maxEvents(200_000);
        try {
            reader.read(new ByteArrayInputStream(data), builder);
        } catch (UnreadableTraceException expected) {
            return;
        } catch (IOException e) {
            throw new AssertionError("reader leaked an I/O error on in-memory input", e);
        }
        Trace trace = builder.finish();
        ModelInvariants.check(trace);
        trace.report().warnings();
    }

    @FuzzTest(maxDuration = "30s")
    void chromeJson(byte[] data) {
        readWith(new ChromeTraceReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void portholeStream(byte[] data) {
        readWith(new PortholeTraceReader(), data);
    }

    @FuzzTest(maxDuration = "30s")
    void unikraftLog(byte[] data) {
        readWith(new UnikraftLogReader(), data);
    }

    /** Format detection, gzip and the writer: whatever loads must write and read back to the same events. */
    @FuzzTest(maxDuration = "30s")
    void anyInputRoundTrips(byte[] data) throws IOException {
        Trace trace;
        try {
            trace = TraceFiles.load(data, "fuzz-input");
        } catch (UnreadableTraceException expected) {
            return;
        } catch (java.io.EOFException | java.util.zip.ZipException damagedGzipHeader) {
            return; // gzip magic with a header too short or broken to even start: reported as the I/O error it is
        }
        ModelInvariants.check(trace);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ChromeTraceWriter.write(trace, out);
        Trace back = TraceFiles.load(out.toByteArray(), "written");
        if (!dev.porthole.trace.Fixtures.eventLines(trace).equals(dev.porthole.trace.Fixtures.eventLines(back))) {
            throw new AssertionError("round trip changed the events");
        }
    }
}
