package dev.porthole.gdb;

import dev.porthole.kernel.SampleKernel;
import dev.porthole.launcher.Accel;
import dev.porthole.launcher.Guest;
import dev.porthole.launcher.LaunchSpec;
import dev.porthole.launcher.QemuLauncher;
import java.nio.file.Path;

/** Run in a child JVM by {@link NoOrphansTest}: attaches a session, prints gdb's and QEMU's pids, then waits to be killed. */
public final class OrphanProbe {
    public static void main(String[] args) throws Exception {
        Guest guest = new QemuLauncher().launch(LaunchSpec.builder(SampleKernel.image()).accel(Accel.TCG).append("app=hello")
                .paused(true).gdbStub(true).runsRoot(Path.of(args[0])).build());
        GdbDebugSession session = GdbDebugSession.start(GdbOptions.forGuest(guest));
        System.out.println("pids " + session.gdbProcess().pid() + " " + guest.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
