package dev.porthole.build.run;

import dev.porthole.build.diag.Diagnostic;
import dev.porthole.build.diag.DiagnosticsParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a workspace's build command ({@code make -C kernel}, {@code kraft build}, a script: any shell
 * command line) and reports its output, its diagnostics and the produced image.
 *
 * <p>The command runs as {@code setsid sh -c COMMAND} in the workspace folder, so it leads a process
 * group of its own: {@link Running#cancel()} signals the whole group (make, its compilers, their
 * children), first SIGTERM so make removes half-written targets, then SIGKILL after
 * {@link #CANCEL_GRACE}. Descendants that left the group are killed through
 * {@link ProcessHandle#descendants()} as well. Without {@code setsid} (not Linux) only the descendants
 * are used. stdout and stderr share one pipe so their lines keep the order the build wrote them in,
 * which the diagnostics parser needs (gcc's context lines and the errors they belong to).
 */
public final class BuildRunner {
    public static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    private final BuildConfig config;

    public BuildRunner(BuildConfig config) {
        this.config = config;
    }

    public BuildConfig config() {
        return config;
    }

    /** Starts the build; output is read on a daemon thread that calls {@code listener}. */
    public Running start(BuildListener listener) {
        return new Running(config, listener);
    }

    /** Builds and waits. */
    public BuildResult run(BuildListener listener) throws InterruptedException {
        return start(listener).await();
    }

    /** A build in progress. */
    public static final class Running {
        private final BuildConfig config;
        private final BuildListener listener;
        private final long startNanos = System.nanoTime();
        private final CompletableFuture<BuildResult> result = new CompletableFuture<>();
        private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        private volatile Process process;
        private volatile boolean cancelled;
        private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

        Running(BuildConfig config, BuildListener listener) {
            this.config = config;
            this.listener = listener;
            List<String> command = new ArrayList<>();
            if (setsidAvailable()) {
                command.add("setsid");
            }
            command.addAll(List.of("/bin/sh", "-c", config.command()));
            try {
                process = new ProcessBuilder(command).directory(config.directory().toFile()).redirectErrorStream(true).start();
                process.getOutputStream().close();
            } catch (IOException e) {
                finish(new BuildResult(BuildResult.Status.FAILED, -1, elapsed(), List.of(), Optional.empty(), Optional.empty(),
                        "could not start '" + config.command() + "' in " + config.directory() + ": " + e.getMessage()));
                return;
            }
            Thread reader = new Thread(this::readOutput, "porthole-build-output");
            reader.setDaemon(true);
            reader.start();
        }

        private static boolean setsidAvailable() {
            return Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
        }

        private void readOutput() {
            DiagnosticsParser parser = new DiagnosticsParser(config.directory());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    listener.line(line, elapsed());
                    parser.accept(line).forEach(this::report);
                }
            } catch (IOException e) {
                // the pipe closes when the build is killed; what was read stands
            }
            parser.finish().forEach(this::report);
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            finish(outcome(exit));
        }

        private void report(Diagnostic diagnostic) {
            diagnostics.add(diagnostic);
            listener.diagnostic(diagnostic);
        }

        private BuildResult outcome(int exit) {
            List<Diagnostic> found = List.copyOf(diagnostics);
            Duration elapsed = elapsed();
            if (cancelled) {
                return new BuildResult(BuildResult.Status.CANCELLED, -1, elapsed, found, Optional.empty(), Optional.empty(),
                        "build cancelled after " + seconds(elapsed));
            }
            if (exit != 0) {
                long errors = found.stream().filter(d -> d.severity() == dev.porthole.build.diag.Severity.ERROR).count();
                return new BuildResult(BuildResult.Status.FAILED, exit, elapsed, found, Optional.empty(), Optional.empty(),
                        "'" + config.command() + "' failed with exit status " + exit + " after " + seconds(elapsed)
                                + (errors > 0 ? " (" + errors + " error" + (errors == 1 ? "" : "s") + ")" : "; see its output above"));
            }
            Optional<Path> image = Optional.ofNullable(config.image()).filter(Files::isRegularFile);
            Optional<Path> debugImage = Optional.ofNullable(config.debugImage()).filter(Files::isRegularFile);
            String message = "built in " + seconds(elapsed);
            if (config.image() != null && image.isEmpty()) {
                message += ", but the image " + config.image() + " does not exist; check \"image\" in " + config.origin();
            }
            return new BuildResult(BuildResult.Status.SUCCEEDED, 0, elapsed, found, image, debugImage, message);
        }

        /** The listener hears the end before {@link #await()} returns, so a caller sees everything it did. */
        private void finish(BuildResult outcome) {
            if (finished.compareAndSet(false, true)) {
                try {
                    listener.finished(outcome);
                } finally {
                    result.complete(outcome);
                }
            }
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }

        /** The process id of the command (the process group leader), or -1 when it did not start. */
        public long pid() {
            return process == null ? -1 : process.pid();
        }

        public boolean isDone() {
            return result.isDone();
        }

        public CompletableFuture<BuildResult> result() {
            return result;
        }

        public BuildResult await() throws InterruptedException {
            try {
                return result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the build reader failed", e.getCause());
            }
        }

        /**
         * Stops the build and everything it started. Returns at once; {@link #result()} completes with
         * {@link BuildResult.Status#CANCELLED} when the output has ended.
         */
        public void cancel() {
            Process running = process;
            if (running == null || result.isDone()) {
                return;
            }
            cancelled = true;
            List<ProcessHandle> tree = new ArrayList<>();
            running.descendants().forEach(tree::add);
            signalGroup(running.pid(), "TERM");
            tree.forEach(ProcessHandle::destroy);
            Thread killer = new Thread(() -> {
                try {
                    if (!running.waitFor(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                        signalGroup(running.pid(), "KILL");
                        running.destroyForcibly();
                    }
                    // children that ignored TERM or left the group: kill what is left of the tree
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    tree.forEach(ProcessHandle::destroyForcibly);
                    signalGroup(running.pid(), "KILL");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "porthole-build-cancel");
            killer.setDaemon(true);
            killer.start();
        }

        /** {@code kill -SIGNAL -- -PGID}: the group setsid created has the command's pid as its id. */
        private static void signalGroup(long pid, String signal) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no kill(1): the descendants are still destroyed one by one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String seconds(Duration elapsed) {
            return String.format("%.1f s", elapsed.toMillis() / 1000.0);
        }
    }
}
