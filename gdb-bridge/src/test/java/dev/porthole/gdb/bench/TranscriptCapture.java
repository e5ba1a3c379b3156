package dev.porthole.gdb.bench;

import dev.porthole.gdb.BreakpointKind;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.QemuLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Records a GDB/MI transcript of a real session (sent lines prefixed "> ") for the parser tests:
 * {@code java ... TranscriptCapture OUT.mi}. The session: var objects with struct children, a read watchpoint,
 * errors, an interrupt of a running guest, a monitor command, memory write.
 */
public final class TranscriptCapture {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "interrupt-and-varobjs.mi");
        List<String> lines = new CopyOnWriteArrayList<>();
        Path runs = Files.createTempDirectory("porthole-capture-");
        try (Guest guest = new QemuLauncher().launch(LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG)
                .append("app=compute count=100000000").paused(true).gdbStub(true).runsRoot(runs).build());
             GdbDebugSession s = GdbDebugSession.start(GdbOptions.forGuest(guest).withTranscript(lines::add))) {
            s.insertBreakpoint(BreakpointSpec.at("compute_step").asTemporary()).get(30, TimeUnit.SECONDS);
            s.resume().get(30, TimeUnit.SECONDS);
            s.finish().get(30, TimeUnit.SECONDS);
            var p = s.createWatch("p").get(30, TimeUnit.SECONDS);
            s.watchChildren(p.handle()).get(30, TimeUnit.SECONDS);
            s.insertWatchpoint("compute_result", BreakpointKind.WATCH_READ).exceptionally(e -> null).get(30, TimeUnit.SECONDS);
            s.evaluate("no_such_variable", 0).exceptionally(e -> "").get(30, TimeUnit.SECONDS);
            s.readMemory("0xdead0000", 8).exceptionally(e -> null).get(30, TimeUnit.SECONDS);
            s.writeMemory("&compute_result", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).get(30, TimeUnit.SECONDS);
            s.breakpoints().get(30, TimeUnit.SECONDS);
            s.breakpoints().thenCompose(all -> CompletableFuture.allOf(all.stream()
                    .map(b -> s.deleteBreakpoint(b.id())).toArray(CompletableFuture[]::new))).get(30, TimeUnit.SECONDS);
            var running = s.resume();
            Thread.sleep(300);
            s.interrupt().get(30, TimeUnit.SECONDS);
            running.get(30, TimeUnit.SECONDS);
            s.updateWatches().get(30, TimeUnit.SECONDS);
            s.threads().get(30, TimeUnit.SECONDS);
            s.stepInstruction().get(30, TimeUnit.SECONDS);
            s.nextInstruction().get(30, TimeUnit.SECONDS);
            s.monitor("info mem").get(30, TimeUnit.SECONDS);
            s.disassemble("$pc", "$pc+12").get(30, TimeUnit.SECONDS);
        }
        Files.write(out, lines);
        System.out.println("wrote " + lines.size() + " lines to " + out);
    }
}
