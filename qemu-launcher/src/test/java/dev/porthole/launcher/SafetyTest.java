package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The two safety promises: nothing of QEMU's listens beyond loopback, and QEMU dies with the JVM, even on SIGKILL. */
class SafetyTest {
    @Test
    void noSocketOfARunningQemuListensBeyondLoopback() throws Exception {
        LaunchSpec spec = Guests.kernel(Guests.LOOPING).paused(true).gdbStub(true).jdwpGuestPort(5005).build();
        try (Guest guest = Guests.LAUNCHER.launch(spec)) {
            List<ProcSockets.InetSocket> inet = ProcSockets.inetSockets(guest.pid());
            List<ProcSockets.UnixSocket> unix = ProcSockets.unixSockets(guest.pid());
            // the JDWP forward is a real TCP listener: proves the check sees QEMU's sockets at all
            assertTrue(inet.stream().anyMatch(s -> s.listening() && s.port() == guest.jdwpHostPort().getAsInt()),
                    "the hostfwd listener is visible: " + inet);
            for (ProcSockets.InetSocket socket : inet) {
                if (socket.listening()) {
                    assertTrue(socket.loopback(), "QEMU listens beyond loopback: " + socket);
                }
            }
            Path gdbSocket = Path.of(guest.gdb().orElseThrow().target());
            assertTrue(unix.stream().anyMatch(s -> s.listening() && s.path().equals(gdbSocket.toString())), "gdbstub on its unix socket: " + unix);
            for (ProcSockets.UnixSocket socket : unix) {
                if (socket.listening()) {
                    assertTrue(socket.path().startsWith(guest.runDir().toString()), "a listening unix socket outside the private run folder: " + socket);
                }
            }
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(gdbSocket.getParent())));
        }
    }

    @Test
    void theProcReaderFlagsAnAllInterfacesListener() {
        // a listener on 0.0.0.0:1234 and one on [::]:1235 as /proc/net shows them: the check above must call them out
        List<String> tcp = List.of("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 00000000:04D2 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0",
                "   1: 0100007F:04D3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4243 1 0000000000000000 100 0 0 10 0");
        List<ProcSockets.InetSocket> sockets = ProcSockets.parseInetTable("tcp", tcp, Set.of(4242L, 4243L));
        assertEquals(new ProcSockets.InetSocket("tcp", "0.0.0.0", 1234, true), sockets.get(0));
        assertFalse(sockets.get(0).loopback());
        assertTrue(sockets.get(1).loopback());
        assertEquals("::1", ProcSockets.address("00000000000000000000000001000000"));
        assertEquals("0:0:0:0:0:0:0:0", ProcSockets.address("00000000000000000000000000000000"));
    }

    @Test
    void optionsThatWouldListenBeyondLoopbackAreRefused() {
        for (List<String> bad : List.of(List.of("-s"), List.of("-gdb", "tcp::1234"), List.of("-gdb", "tcp:0.0.0.0:1234"),
                List.of("-qmp", "tcp::4444,server=on"), List.of("-netdev", "user,id=n,hostfwd=tcp::2222-:22"),
                List.of("-chardev", "socket,id=x,port=4000,server=on"), List.of("-vnc", ":0"), List.of("-monitor", "telnet::4444,server=on"))) {
            LaunchException e = assertThrows(LaunchException.class, () -> Guests.LAUNCHER.launch(Guests.kernel("app=hello").extraArgs(bad).build()),
                    bad.toString());
            assertTrue(e.getMessage().startsWith("refusing QEMU option"), e.getMessage());
        }
        for (List<String> fine : List.of(List.of("-gdb", "tcp:127.0.0.1:1234"), List.of("-netdev", "user,id=n,hostfwd=tcp:127.0.0.1:2222-:22"),
                List.of("-chardev", "socket,id=x,host=127.0.0.1,port=4000,server=on"), List.of("-vnc", "none"), List.of("-device", "pvpanic"))) {
            assertDoesNotRefuse(fine);
        }
    }

    private static void assertDoesNotRefuse(List<String> args) {
        try {
            LoopbackPolicy.check(args);
        } catch (LaunchException e) {
            throw new AssertionError(args + " was refused: " + e.getMessage());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "tied by {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"setpriv", "watchdog"})
    void qemuDiesWithinTwoSecondsWhenItsJvmIsKilledWithSigkill(String guard) throws Exception {
        Path runs = Files.createDirectories(Path.of("target", "orphan-runs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-D" + ChildProcesses.GUARD_PROPERTY + "=" + guard, "-cp", System.getProperty("java.class.path"),
                OrphanChild.class.getName(), runs.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long qemuPid;
        Path runDir;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("qemu "), "the child JVM reports its guest: " + line);
            assertTrue(line.contains(guard), "the child used the " + guard + " mechanism: " + line);
            String[] words = line.split(" ");
            qemuPid = Long.parseLong(words[1]);
            runDir = Path.of(words[2]);
            assertTrue(alive(qemuPid), "QEMU runs before the kill");
            assertTrue(Files.readString(Path.of("/proc", String.valueOf(qemuPid), "cmdline")).startsWith("/usr/bin/qemu-system")
                    || Files.readString(Path.of("/proc", String.valueOf(qemuPid), "cmdline")).contains("qemu-system"), "the pid is QEMU's");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs in the child
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "the child JVM died of SIGKILL");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (alive(qemuPid) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(alive(qemuPid), "QEMU " + qemuPid + " outlived its JVM by more than 2 s");
        assertTrue(Files.readString(runDir.resolve(RunRecord.SERIAL)).contains("booting app=compute"),
                "the killed Porthole's run still left its console log");
    }

    /** Alive and not a zombie (a dead child of a dead parent may wait a moment for init to reap it). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
