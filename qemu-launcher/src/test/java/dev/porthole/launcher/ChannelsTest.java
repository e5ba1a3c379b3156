package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.launcher.tracestream.TraceRecord;
import dev.porthole.launcher.tracestream.TraceStream;
import dev.porthole.launcher.tracestream.TraceStreamParser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Console bytes and trace lines all arrive, in order, stamped on one monotonic clock. */
class ChannelsTest {
    @Test
    void consoleAndTraceArriveCompleteAndInOrder() throws Exception {
        int storm = 5000;
        try (Guest guest = Guests.LAUNCHER.launch(Guests.kernel("app=tracestorm count=" + storm).build())) {
            List<SerialLine> live = new ArrayList<>();
            guest.trace().addListener(live::add);
            GuestExit exit = guest.awaitExit(Guests.WAIT);
            assertEquals(GuestExit.Reason.EXIT, exit.reason(), exit.toString());

            // console: the lines' bytes plus their LFs are exactly the bytes in serial.log
            List<SerialLine> console = guest.console().lines();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (SerialLine line : console) {
                joined.write(line.bytes());
                joined.write('\n');
            }
            byte[] serialLog = Files.readAllBytes(guest.runDir().resolve(RunRecord.SERIAL));
            assertArrayEquals(serialLog, joined.toByteArray());
            assertEquals(serialLog.length, guest.console().byteCount());
            assertTrue(console.get(0).text().startsWith("porthole: booting app=tracestorm"), console.get(0).text());
            assertTrue(console.get(console.size() - 1).text().equals("porthole: exit 0"), "CR removed from the text");
            assertTrue(console.stream().anyMatch(l -> l.text().equals("tracestorm: emitted " + storm + " events")));

            // trace: every record arrives once, in the guest's order (TSC never goes back), with the header first
            List<SerialLine> trace = guest.trace().lines();
            assertEquals(live, trace, "a listener added late still saw every line, in order");
            TraceStream stream = TraceStreamParser.parse(trace.stream().map(SerialLine::text).toList());
            assertTrue(stream.header().isPresent());
            assertEquals(storm, stream.records().stream().filter(r -> r.name().equals("storm.tick")).count());
            long previous = 0;
            for (TraceRecord r : stream.records()) {
                assertTrue(Long.compareUnsigned(r.tsc(), previous) >= 0, "tsc went back at " + r);
                previous = r.tsc();
            }
            assertEquals(Files.readString(guest.runDir().resolve(RunRecord.TRACE)).lines().toList(),
                    trace.stream().map(SerialLine::text).toList(), "trace.log holds the raw stream");

            // one clock: spawn <= first console byte <= every line; stamps never go back within a channel (a line may be read
            // after QEMU was reaped: its stamp is when Porthole got it)
            HostTimings t = guest.timings();
            long spawn = t.spawn().getAsLong();
            long exitAt = t.exit().getAsLong();
            assertMonotonic(console, spawn);
            assertMonotonic(trace, spawn);
            assertEquals(console.get(0).hostNanos() >= t.firstConsoleByte().getAsLong(), true);
            assertEquals(trace.get(0).hostNanos(), t.firstTraceLine().getAsLong());
            assertTrue(spawn <= t.firstConsoleByte().getAsLong() && t.firstConsoleByte().getAsLong() <= exitAt);
        }
    }

    private static void assertMonotonic(List<SerialLine> lines, long spawn) {
        long previous = spawn;
        for (SerialLine line : lines) {
            assertTrue(line.hostNanos() >= previous, "stamp went back at " + line);
            previous = line.hostNanos();
        }
    }
}
