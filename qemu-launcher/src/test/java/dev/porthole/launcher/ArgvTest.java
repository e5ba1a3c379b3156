package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ArgvTest {
    private final QemuLauncher launcher = new QemuLauncher(new AccelProbe(Path.of("target", "accel-cache.json")));

    @Test
    void defaultsGiveAFastPrivateMicrovm() {
        LaunchSpec spec = LaunchSpec.builder(Path.of("/img/k.elf")).build();
        assertEquals(Machine.MICROVM, spec.machine());
        assertEquals(Accel.AUTO, spec.accel());
        assertEquals(64, spec.memoryMiB());
        assertEquals(Duration.ofSeconds(60), spec.timeout());
        List<String> argv = launcher.argv(spec, Accel.TCG, Path.of("/run/x"), OptionalInt.empty());
        assertEquals(List.of("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-m", "64", "-smp", "1", "-nodefaults", "-no-reboot",
                "-display", "none", "-kernel", "/img/k.elf"), argv.subList(0, 15));
        assertFalse(argv.contains("-S"));
        assertFalse(argv.contains("-append"), "no empty -append");
        assertFalse(argv.contains("-gdb"));
        assertFalse(argv.contains("-s"));
        assertTrue(String.join(" ", argv).contains("-chardev file,id=con,path=/run/x/console.fifo -serial chardev:con"));
        assertTrue(String.join(" ", argv).contains("-device isa-debugcon,iobase=0xe9,chardev=trc"));
        assertTrue(String.join(" ", argv).contains("-mon chardev=qmp,mode=control"));
        assertTrue(String.join(" ", argv).contains("-device isa-debug-exit,iobase=0xf4,iosize=0x04 -device pvpanic"));
    }

    @Test
    void everyOptionReachesQemuAndExtraArgsComeLast() {
        LaunchSpec spec = LaunchSpec.builder(Path.of("/img/k.elf")).machine(Machine.Q35).memoryMiB(256).cpus(2).append("app=fault count=3")
                .paused(true).gdbStub(true).jdwpGuestPort(5005).addExtraArgs("-cpu", "max").build();
        List<String> argv = launcher.argv(spec, Accel.KVM, Path.of("/run/a,b"), OptionalInt.of(40000));
        String joined = String.join(" ", argv);
        assertTrue(joined.startsWith("qemu-system-x86_64 -M q35 -accel kvm -m 256 -smp 2 -nodefaults -no-reboot -display none -S -kernel /img/k.elf"),
                joined);
        assertEquals("app=fault count=3", argv.get(argv.indexOf("-append") + 1));
        assertEquals("unix:/run/a,,b/gdb.sock,server=on,wait=off", argv.get(argv.indexOf("-gdb") + 1), "a comma in a path is doubled");
        assertEquals("user,id=net0,hostfwd=tcp:127.0.0.1:40000-:5005", argv.get(argv.indexOf("-netdev") + 1));
        assertEquals(List.of("-cpu", "max"), argv.subList(argv.size() - 2, argv.size()));
    }
}
