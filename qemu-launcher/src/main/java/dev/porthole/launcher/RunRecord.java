package dev.porthole.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run's record on disk, {@code runs/<timestamp>-<n>/}:
 * <pre>
 * cmdline          QEMU's command line, shell-quoted, one line
 * launch.json      the spec, the image kind, the accelerator chosen and why, pid, sockets
 * serial.log       the console's raw bytes, appended as they arrive
 * trace.log        the raw Porthole trace stream (isa-debugcon), appended as it arrives
 * qemu-stderr.log  what QEMU itself printed (stderr and stdout)
 * timings.json     host timings, rewritten as each one happens
 * exit.json        how the run ended (written last; absent while it runs)
 * </pre>
 * The directory is private (0700: it holds the control sockets), made fresh for each run and never reused. JSON
 * files are replaced atomically (temp file + rename), so a reader never sees half a file.
 */
public final class RunRecord {
    public static final String CMDLINE = "cmdline";
    public static final String LAUNCH = "launch.json";
    public static final String SERIAL = "serial.log";
    public static final String TRACE = "trace.log";
    public static final String QEMU_STDERR = "qemu-stderr.log";
    public static final String TIMINGS = "timings.json";
    public static final String EXIT = "exit.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    private RunRecord(Path dir) {
        this.dir = dir;
    }

    /** Makes a fresh {@code <root>/<yyyyMMdd-HHmmss>-<n>/} (UTC), mode 0700; {@code n} counts up until the name is free. */
    public static RunRecord create(Path runsRoot) throws LaunchException {
        Path root = runsRoot.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new LaunchException("cannot create the runs folder " + root + " (" + e + "); choose a writable runs folder", e);
        }
        if (!Files.isWritable(root)) {
            throw new LaunchException("the runs folder " + root + " is not writable; choose a writable runs folder");
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        for (int n = 1; n < 100_000; n++) {
            Path dir = root.resolve(stamp + "-" + n);
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return new RunRecord(dir);
            } catch (FileAlreadyExistsException taken) {
                // another run in the same second: try the next number
            } catch (IOException e) {
                throw new LaunchException("cannot create a run folder in " + root + ": " + e, e);
            }
        }
        throw new LaunchException("100000 runs in one second in " + root + "? refusing to go on");
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public void writeCmdline(List<String> argv) throws IOException {
        writeAtomically(CMDLINE, (argv.stream().map(RunRecord::shellQuote).collect(Collectors.joining(" ")) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code value} as indented JSON to {@code name}, replacing the old file atomically. */
    public synchronized void writeJson(String name, Object value) throws IOException {
        writeAtomically(name, JSON.writeValueAsBytes(value));
    }

    private void writeAtomically(String name, byte[] bytes) throws IOException {
        AtomicFiles.write(dir.resolve(name), bytes);
    }

    /** Quotes an argument for a POSIX shell only when it needs it. */
    public static String shellQuote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
