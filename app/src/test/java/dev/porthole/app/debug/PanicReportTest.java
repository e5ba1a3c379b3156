package dev.porthole.app.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

public class PanicReportTest {
    /** Captured from the real kernel: app=fault on microvm (the crash view's tests show it too). */
    public static final List<String> FAULT_CONSOLE = List.of(
            "porthole: booting app=fault",
            "fault: writing to 0x0000007fffdead00",
            "panic: page fault (vector 14) err=0x0000000000000002 cr2=0x0000007fffdead00\r",
            "rax=0x0000000000000000 rbx=0x0000000000000000 rcx=0x00000000000003f8 rdx=0x00000000000003fd",
            "rsi=0x0000000000000000 rdi=0x0000000000000000 rbp=0x0000000000108fa8 rsp=0x0000000000108fa0",
            "r8=0x0000000000000000 r9=0x0000000000000000 r10=0x0000000000000000 r11=0x0000000000000000",
            "r12=0x0000000000000000 r13=0x0000000000000000 r14=0x0000000000000000 r15=0x0000000000000000",
            "rip=0x0000000000101b0e rflags=0x0000000000000046 cs=0x0000000000000008 ss=0x0000000000000010",
            "backtrace:",
            "  #0 0x0000000000101b0e",
            "  #1 0x0000000000101b2a",
            "  #2 0x0000000000101b3a",
            "panic: end",
            "porthole: exit 3");

    @Test
    void readsVectorErrorCr2RegistersAndBacktrace() {
        PanicReport report = PanicReport.parse(FAULT_CONSOLE).orElseThrow();
        assertEquals("page fault", report.description());
        assertEquals(14, report.vector().getAsLong());
        assertEquals(0x7fffdead00L, report.cr2().getAsLong());
        assertEquals("page not present, write, supervisor mode", report.errorCodeMeaning().orElseThrow());
        assertEquals(0x101b0eL, report.registers().get("rip"));
        assertEquals(0x108fa0L, report.registers().get("rsp"));
        assertEquals(20, report.registers().size());
        assertEquals(List.of(0x101b0eL, 0x101b2aL, 0x101b3aL), report.backtrace());
    }

    @Test
    void aSoftwarePanicHasAMessageAndNoVector() {
        PanicReport report = PanicReport.parse(List.of("panic: kalloc: out of memory", "backtrace:", "  #0 0x0000000000100400", "panic: end"))
                .orElseThrow();
        assertEquals("kalloc: out of memory", report.description());
        assertTrue(report.vector().isEmpty());
        assertEquals(1, report.backtrace().size());
    }

    @Test
    void aReportStillBeingPrintedIsNotOneYet() {
        int end = FAULT_CONSOLE.indexOf("panic: end");
        for (int cut = 0; cut < end; cut++) {
            assertTrue(PanicReport.parse(FAULT_CONSOLE.subList(0, cut)).isEmpty(), "cut before line " + cut);
        }
        assertTrue(PanicReport.parse(FAULT_CONSOLE.subList(0, end + 1)).isPresent());
    }

    @Test
    void noPanicNoReport() {
        assertTrue(PanicReport.parse(List.of("Hello from Porthole!", "porthole: exit 0")).isEmpty());
    }
}
