package dev.porthole.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts child processes (QEMU, and gdb for the bridge) so that they die when this JVM dies, even by SIGKILL, when
 * no shutdown hook runs.
 *
 * <p>How: the command runs under {@code setpriv --pdeathsig KILL} (util-linux), which sets the Linux parent-death
 * signal and then execs the real program, so the child keeps its pid and exit status and costs one exec more. The
 * kernel sends that signal when the <em>thread</em> that forked the child exits, so every child is forked from one
 * long-lived daemon thread here, never from a pool thread that might retire. Where setpriv is missing, a tiny
 * watchdog shell holds a pipe from this JVM and kills the child when the pipe closes (the JVM died). A shutdown hook
 * also kills live children on an ordinary JVM exit.
 */
public final class ChildProcesses {
    /** {@code -Dporthole.childGuard=watchdog} forces the fallback (tests prove it works too). */
    public static final String GUARD_PROPERTY = "porthole.childGuard";
    private static final Optional<Path> SETPRIV = "watchdog".equals(System.getProperty(GUARD_PROPERTY)) ? Optional.empty() : findOnPath("setpriv");
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "porthole-spawner");
        t.setDaemon(true);
        return t;
    });
    private static final List<Process> LIVE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE) {
                LIVE.forEach(Process::destroyForcibly);
            }
        }, "porthole-kill-children"));
    }

    private ChildProcesses() {
    }

    /** How children are tied to this JVM here, for run records: "setpriv --pdeathsig KILL" or "watchdog shell". */
    public static String mechanism() {
        return SETPRIV.isPresent() ? "setpriv --pdeathsig KILL" : "watchdog shell on a pipe";
    }

    /**
     * Starts {@code builder}'s command tied to this JVM's life. {@code beforeStart} runs on the spawning thread just
     * before the fork (for a precise spawn time stamp). The builder's command is not changed.
     */
    public static Process start(ProcessBuilder builder, Runnable beforeStart) throws IOException {
        List<String> original = builder.command();
        List<String> command = new ArrayList<>();
        SETPRIV.ifPresent(setpriv -> {
            command.add(setpriv.toString());
            command.add("--pdeathsig");
            command.add("KILL");
            command.add("--");
        });
        command.addAll(original);
        ProcessBuilder tied = new ProcessBuilder(command).directory(builder.directory()).redirectInput(builder.redirectInput())
                .redirectOutput(builder.redirectOutput()).redirectError(builder.redirectError()).redirectErrorStream(builder.redirectErrorStream());
        tied.environment().clear();
        tied.environment().putAll(builder.environment());
        Future<Process> started = SPAWNER.submit(() -> {
            beforeStart.run();
            return tied.start();
        });
        Process process;
        try {
            process = started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + original.get(0), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot start " + original.get(0) + ": " + e.getCause(), e.getCause());
        }
        if (SETPRIV.isEmpty()) {
            startWatchdog(process);
        }
        synchronized (LIVE) {
            LIVE.add(process);
        }
        process.onExit().thenRun(() -> {
            synchronized (LIVE) {
                LIVE.remove(process);
            }
        });
        return process;
    }

    public static Process start(ProcessBuilder builder) throws IOException {
        return start(builder, () -> { });
    }

    /** A shell that waits for EOF on a pipe only this JVM writes to, then kills the child. */
    private static void startWatchdog(Process child) throws IOException {
        ProcessBuilder watchdog = new ProcessBuilder("/bin/sh", "-c", "read _; kill -KILL " + child.pid() + " 2>/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process dog = watchdog.start();
        // when the child ends normally, end the watchdog without letting it kill a recycled pid
        child.onExit().thenRun(dog::destroyForcibly);
    }

    /** Finds an executable by name on PATH, or checks a path given with a slash. */
    public static Optional<Path> findOnPath(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
