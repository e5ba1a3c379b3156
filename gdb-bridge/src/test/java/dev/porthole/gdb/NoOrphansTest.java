package dev.porthole.gdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** gdb (and QEMU) must not outlive Porthole, even when Porthole is killed with SIGKILL and no hook runs. */
class NoOrphansTest {
    @Test
    void gdbDiesWhenTheJvmIsKilled() throws Exception {
        Path runs = TestDirs.create("porthole-orphan-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanProbe.class.getName(),
                runs.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String pids = null;
            StringBuilder said = new StringBuilder();
            while ((line = out.readLine()) != null) {
                said.append(line).append('\n');
                if (line.startsWith("pids ")) {
                    pids = line;
                    break;
                }
            }
            assertNotNull(pids, "the probe JVM printed no pids: " + said);
            long gdb = Long.parseLong(pids.split(" ")[1]);
            long qemu = Long.parseLong(pids.split(" ")[2]);
            assertTrue(ProcessHandle.of(gdb).map(ProcessHandle::isAlive).orElse(false));
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            jvm.waitFor(30, TimeUnit.SECONDS);
            for (int i = 0; i < 300 && (alive(gdb) || alive(qemu)); i++) {
                Thread.sleep(100);
            }
            assertFalse(alive(gdb), "gdb " + gdb + " outlived the killed JVM");
            assertFalse(alive(qemu), "QEMU " + qemu + " outlived the killed JVM");
        } finally {
            jvm.destroyForcibly();
            TestDirs.deleteQuietly(runs);
        }
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
