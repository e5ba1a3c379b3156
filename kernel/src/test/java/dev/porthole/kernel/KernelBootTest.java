package dev.porthole.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The teaching kernel's contract (kernel/README.md), checked by booting the real image under real QEMU. */
class KernelBootTest {
    /** Exit codes from kernel/exit.h. */
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_PANIC = 3;

    static final List<String> BOOT_STAGES = List.of("boot.serial", "boot.cmdline", "boot.gdt", "boot.idt",
            "boot.memmap", "boot.kalloc", "boot.heap", "boot.timer", "boot.vm");

    @TempDir
    Path work;

    private GuestRun boot(String machine, String append) throws Exception {
        GuestRun run = GuestRun.boot(SampleKernel.image(), machine, append, work);
        assertFalse(run.timedOut(), "guest did not exit within " + GuestRun.TIMEOUT_SECONDS + " s; console:\n" + run.console());
        return run;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "microvm, app=hello, 0", "pc, app=hello, 0",
        "microvm, app=compute, 0", "pc, app=compute, 0",
        "microvm, app=fault, 3", "pc, app=fault, 3",
        "microvm, app=tracestorm count=2000, 0", "pc, app=tracestorm count=2000, 0",
    })
    void everyApplicationBootsOnBothMachines(String machine, String append, int expectedCode) throws Exception {
        GuestRun run = boot(machine, append);
        assertEquals(expectedCode, run.guestCode(), "console:\n" + run.console());
        assertTrue(run.console().contains("porthole: booting"), run.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"microvm", "pc"})
    void helloPrintsItsLineAndExitsCleanly(String machine) throws Exception {
        GuestRun run = boot(machine, "app=hello");
        assertTrue(run.console().matches("(?s).*\\bHello from Porthole!\r?\n.*"), run.console());
        assertEquals(EXIT_OK, run.guestCode());
        assertEquals(1, run.status(), "QEMU's status for a clean exit is (0 << 1) | 1");
    }

    @Test
    void noCommandLineMeansHello() throws Exception {
        GuestRun run = boot("microvm", null);
        assertTrue(run.console().contains("Hello from Porthole!"), run.console());
        assertEquals(EXIT_OK, run.guestCode());
    }

    @Test
    void traceStreamHasItsHeaderAndBalancedBootStagesInOrder() throws Exception {
        GuestRun run = boot("microvm", "app=hello");
        List<String> trace = run.trace();
        assertFalse(trace.isEmpty(), "no trace stream on port 0xe9");
        Matcher header = Pattern.compile("#porthole-trace 1 tsc_hz=(\\d+) tsc=(\\d+)").matcher(trace.get(0));
        assertTrue(header.matches(), "first line is not the v1 header: " + trace.get(0));
        long tscHz = Long.parseLong(header.group(1));
        assertTrue(tscHz > 100_000_000L, "implausible tsc_hz " + tscHz);

        Pattern record = Pattern.compile("([BEiC]) (\\d+) ([a-z][a-z0-9_.]*)((?: [a-z_][a-z0-9_]*=\\S+)*)");
        Deque<String> open = new ArrayDeque<>();
        List<String> topLevelOrder = new ArrayList<>();
        long lastTsc = 0;
        for (String line : trace.subList(1, trace.size())) {
            Matcher m = record.matcher(line);
            assertTrue(m.matches(), "not a v1 record: '" + line + "'");
            long tsc = Long.parseLong(m.group(2));
            assertTrue(tsc >= lastTsc, "TSC went backwards at '" + line + "'");
            lastTsc = tsc;
            String name = m.group(3);
            switch (m.group(1)) {
                case "B" -> {
                    if (open.isEmpty()) {
                        topLevelOrder.add(name);
                    }
                    open.push(name);
                }
                case "E" -> assertEquals(open.isEmpty() ? null : open.pop(), name, "E without its matching B at '" + line + "'");
                default -> { }
            }
        }
        assertTrue(open.isEmpty(), "B records never closed: " + open);
        List<String> expected = new ArrayList<>(BOOT_STAGES);
        expected.add("app.hello");
        assertEquals(expected, topLevelOrder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microvm", "pc"})
    void faultPanicsWithPageFaultCr2AndABacktraceThroughTheNamedFunctions(String machine) throws Exception {
        GuestRun run = boot(machine, "app=fault");
        assertEquals(EXIT_PANIC, run.guestCode());
        String console = run.console();

        Matcher writing = Pattern.compile("fault: writing to 0x([0-9a-f]+)").matcher(console);
        assertTrue(writing.find(), console);
        long faultAddress = Long.parseUnsignedLong(writing.group(1), 16);

        Matcher panic = Pattern.compile("panic: page fault \\(vector 14\\) err=0x([0-9a-f]+) cr2=0x([0-9a-f]+)").matcher(console);
        assertTrue(panic.find(), "no page-fault panic line:\n" + console);
        assertEquals(faultAddress, Long.parseUnsignedLong(panic.group(2), 16), "CR2 is not the faulting address");
        assertEquals(0x2, Long.parseUnsignedLong(panic.group(1), 16) & 0x2, "error code should say 'write'");
        for (String register : List.of("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r15", "rip", "rflags", "cs", "ss")) {
            assertTrue(Pattern.compile("\\b" + register + "=0x[0-9a-f]{16}").matcher(console).find(), register + " missing:\n" + console);
        }

        ElfSymbols symbols = ElfSymbols.of(SampleKernel.debugImage());
        List<String> functions = new ArrayList<>();
        Matcher frame = Pattern.compile("(?m)^  #\\d+ 0x([0-9a-f]+)$").matcher(console);
        while (frame.find()) {
            long address = Long.parseUnsignedLong(frame.group(1), 16);
            // Frames past #0 are return addresses: after a call to a noreturn function they point one past
            // the caller's end, so look up the call instruction itself (address - 1), as every symbolizer does.
            long lookup = functions.isEmpty() ? address : address - 1;
            functions.add(symbols.functionAt(lookup).orElseGet(() -> fail("backtrace address 0x" + Long.toHexString(address)
                    + " is in no function of porthole.dbg")));
        }
        // #0 is the faulting instruction; the callers follow in order.
        assertEquals(List.of("fault_touch_bad_pointer", "fault_level1", "app_fault"), functions.subList(0, 3), console);
        assertTrue(functions.contains("kmain"), "backtrace should reach kmain: " + functions);
    }

    @Test
    void tracestormDeliversEveryEventItClaims() throws Exception {
        int count = 100_000;
        GuestRun run = boot("microvm", "app=tracestorm count=" + count);
        assertEquals(EXIT_OK, run.guestCode());
        Matcher claimed = Pattern.compile("tracestorm: emitted (\\d+) events").matcher(run.console());
        assertTrue(claimed.find(), run.console());
        assertEquals(count, Integer.parseInt(claimed.group(1)));
        long stormEvents = run.trace().stream().filter(l -> l.matches("[BEiC] \\d+ storm\\..*")).count();
        assertEquals(count, stormEvents, "trace records named storm.* on the channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app=nosuchapp", "app=", "app=hello count=notanumber", "bogus"})
    void badCommandLinesExplainAndExitWithTheUsageStatus(String append) throws Exception {
        GuestRun run = boot("microvm", append);
        assertEquals(EXIT_USAGE, run.guestCode(), "console:\n" + run.console());
        assertTrue(run.console().contains("hello fault compute tracestorm"), "the message should list the applications:\n" + run.console());
    }
}
