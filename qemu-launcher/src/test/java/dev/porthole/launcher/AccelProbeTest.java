package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccelProbeTest {
    @TempDir
    Path dir;

    private static final Path QEMU = ChildProcesses.findOnPath("qemu-system-x86_64").orElseThrow();

    @Test
    void explicitChoicesAreKeptAsAsked() {
        AccelProbe probe = new AccelProbe(dir.resolve("accel.json"));
        assertEquals(new AccelProbe.Verdict(Accel.TCG, "tcg was requested", false), probe.resolve(Accel.TCG, Machine.MICROVM, QEMU));
        assertEquals(Accel.KVM, probe.resolve(Accel.KVM, Machine.MICROVM, QEMU).accel());
        assertFalse(Files.exists(dir.resolve("accel.json")), "no probe, no cache");
    }

    @Test
    void withoutKvmDeviceAutoIsTcgWithoutAProbe() {
        AccelProbe probe = new AccelProbe(dir.resolve("accel.json"), dir.resolve("no-kvm"));
        AccelProbe.Verdict v = probe.resolve(Accel.AUTO, Machine.MICROVM, QEMU);
        assertEquals(Accel.TCG, v.accel());
        assertTrue(v.reason().contains("does not exist"), v.reason());
    }

    @Test
    void autoProbesOnceAndCachesItsVerdictWithTheReason() throws Exception {
        AccelProbe probe = new AccelProbe(dir.resolve("cache/accel.json"));
        AccelProbe.Verdict first = probe.resolve(Accel.AUTO, Machine.MICROVM, QEMU);
        assertNotEquals(Accel.AUTO, first.accel());
        assertFalse(first.cached());
        assertTrue(first.reason().startsWith("auto: "), first.reason());
        System.out.println("accel auto on this host: " + first);
        AccelProbe.Verdict second = new AccelProbe(dir.resolve("cache/accel.json")).resolve(Accel.AUTO, Machine.MICROVM, QEMU);
        assertEquals(first.accel(), second.accel());
        assertTrue(second.cached(), "the second answer comes from the cache");
        assertTrue(second.reason().contains(first.reason()), second.reason());
        assertTrue(Files.readString(dir.resolve("cache/accel.json")).contains("machine=microvm"));
    }
}
