package dev.porthole.build.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.build.layout.ImageLayout;
import dev.porthole.build.layout.LayoutSymbol;
import dev.porthole.gdb.BreakpointSpec;
import dev.porthole.gdb.GdbDebugSession;
import dev.porthole.gdb.GdbOptions;
import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime map of the real kernel (QEMU TCG, microvm, 64 MiB) stopped at {@code app_hello}, after
 * {@code boot.vm} installed the kernel's own page table. The walk is checked against QEMU's own
 * {@code info tlb}; the sections against what memlayout.h promises.
 */
class RuntimeMemoryMapTest {
    private static final long WAIT = 60;
    private static final Pattern TLB_LINE = Pattern.compile("^([0-9a-f]{16}): ([0-9a-f]{16}) ([-A-Z]{9})$");

    private Path dir;
    private Process qemu;
    private GdbDebugSession session;

    @BeforeEach
    void startGuestStoppedInApp() throws Exception {
        dir = Files.createTempDirectory("porthole-memmap-test-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("gdb.sock");
        qemu = new ProcessBuilder(List.of("qemu-system-x86_64", "-M", "microvm", "-accel", "tcg", "-nodefaults", "-no-reboot",
                "-display", "none", "-serial", "file:" + dir.resolve("console.txt"), "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-m", "64", "-kernel", SampleKernel.image().toString(), "-append", "app=hello", "-S",
                "-gdb", "unix:" + socket + ",server=on,wait=off"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.out").toFile()).start();
        for (int i = 0; i < 1000 && !Files.exists(socket); i++) {
            assertTrue(qemu.isAlive(), () -> "QEMU exited: " + read(dir.resolve("qemu.out")));
            Thread.sleep(10);
        }
        session = GdbDebugSession.start(GdbOptions.forTarget(socket.toString(), SampleKernel.debugImage()));
        session.insertBreakpoint(BreakpointSpec.at("app_hello").withHardware(true)).get(WAIT, TimeUnit.SECONDS);
        session.resume().get(WAIT, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (qemu != null) {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Test
    void kernelSectionsAreMappedAsTheirFlagsSayExceptTheStackGuard() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        RuntimeMemoryMap map = RuntimeMemoryMap.read(session, layout.sections());

        assertTrue(map.pagingEnabled());
        assertTrue(map.noExecuteEnabled(), "entry.S sets EFER.NXE");
        assertEquals(4, map.sections().size(), map.sections().toString());
        for (SectionCheck check : map.sections()) {
            if (!check.section().name().equals(".bss")) {
                assertTrue(check.ok(), check.section().name() + ": " + check.problems());
            }
        }
        SectionCheck bss = map.sections().stream().filter(c -> c.section().name().equals(".bss")).findFirst().orElseThrow();
        long bootStack = symbol(layout, "boot_stack").address();
        assertEquals(List.of(new SectionCheck.Problem(bootStack - 4096, bootStack, "not mapped")), bss.problems(),
                "the only hole is the guard page below boot_stack (memlayout.h)");
        assertFalse(map.allSectionsAsFlagged());

        PageMapping text = map.mappingOf(symbol(layout, "kmain").address()).orElseThrow();
        assertEquals("r-x", text.permissions());
        assertTrue(map.mappingOf(0xdead0000L).isEmpty(), "FAULT_ADDR is never mapped");
        assertTrue(map.mappingOf(0).isEmpty(), "page 0 is unmapped so NULL faults");

        PhysicalRegion ram = map.physical().stream().filter(r -> r.isRam() && r.start() == 0x100000).findFirst()
                .orElseThrow(() -> new AssertionError(map.physical()));
        assertEquals(64L << 20, ram.end(), "-m 64");
        for (PageMapping mapping : map.mappings()) {
            assertTrue(map.physical().stream().anyMatch(r -> r.isRam() && Long.compareUnsigned(mapping.physicalStart() - r.start(), r.size()) < 0),
                    "every mapping points into RAM: " + mapping);
        }
    }

    @Test
    void walkAgreesWithQemusInfoTlb() throws Exception {
        RuntimeMemoryMap map = RuntimeMemoryMap.read(session, List.of());
        String tlb = session.monitor("info tlb").get(WAIT, TimeUnit.SECONDS);
        long pagesFromQemu = 0;
        long bytesFromQemu = 0;
        for (String line : tlb.split("\r?\n")) {
            Matcher m = TLB_LINE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            long virtual = Long.parseUnsignedLong(m.group(1), 16);
            long physical = Long.parseUnsignedLong(m.group(2), 16);
            String flags = m.group(3); // NX G PSE D A PCD PWT U W
            PageMapping mapping = map.mappingOf(virtual).orElseThrow(() -> new AssertionError("QEMU maps " + line + ", the walk does not"));
            assertEquals(physical, mapping.translate(virtual), line);
            assertEquals(flags.charAt(8) == 'W', mapping.writable(), line);
            assertEquals(flags.charAt(0) != 'X', mapping.executable(), line);
            assertEquals(flags.charAt(7) == 'U', mapping.user(), line);
            pagesFromQemu++;
            bytesFromQemu += flags.charAt(2) == 'P' ? PageTableWalker.MIB2 : PageTableWalker.KIB4;
        }
        assertTrue(pagesFromQemu > 10, "QEMU listed pages: " + tlb.lines().limit(5).toList());
        assertEquals(bytesFromQemu, map.mappings().stream().mapToLong(PageMapping::size).sum(), "the walk maps exactly what QEMU lists");
    }

    private static LayoutSymbol symbol(ImageLayout layout, String name) {
        return layout.symbols().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the kernel"));
    }
}
