package dev.porthole.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM by {@link SafetyTest}: launches a looping guest, reports QEMU's pid and run folder, then waits to be killed. */
public final class OrphanChild {
    private OrphanChild() {
    }

    public static void main(String[] args) throws Exception {
        QemuLauncher launcher = new QemuLauncher(new AccelProbe(Path.of(args[0], "accel.json")));
        Guest guest = launcher.launch(Guests.kernel(Guests.LOOPING).runsRoot(Path.of(args[0])).timeout(java.time.Duration.ZERO).build());
        guest.awaitConsoleLine(l -> l.text().contains("booting app=compute"), Guests.WAIT).orElseThrow();
        String launchedBy = Files.readString(guest.runDir().resolve(RunRecord.LAUNCH));
        if (!launchedBy.contains(ChildProcesses.mechanism())) {
            throw new IllegalStateException("launch.json does not name the mechanism " + ChildProcesses.mechanism());
        }
        System.out.println("qemu " + guest.pid() + " " + guest.runDir() + " " + ChildProcesses.mechanism());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
