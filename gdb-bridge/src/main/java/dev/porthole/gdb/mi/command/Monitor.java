package dev.porthole.gdb.mi.command;

import dev.porthole.gdb.mi.MiCommand;
import dev.porthole.gdb.mi.MiRecord;
import java.time.Duration;
import java.util.List;

/**
 * {@code monitor CMD} through {@code -interpreter-exec console}: a QEMU monitor command ({@code info registers},
 * {@code info mem}, {@code xp /4gx 0x1000}). QEMU's answer arrives as target stream records ({@code @"..."});
 * the result is that text with QEMU's CRLF line ends turned into LF.
 */
public final class Monitor extends MiCommand<String> {
    public Monitor(String monitorCommand) {
        super("-interpreter-exec", List.of("console", "monitor " + monitorCommand));
    }

    @Override
    public java.util.Optional<Duration> timeout() {
        return java.util.Optional.of(Duration.ofSeconds(20));
    }

    @Override
    public String parseResult(MiRecord.Result result, List<MiRecord.Stream> streams) {
        StringBuilder sb = new StringBuilder();
        for (MiRecord.Stream s : streams) {
            if (s.kind() == MiRecord.StreamKind.TARGET || s.kind() == MiRecord.StreamKind.CONSOLE) {
                sb.append(s.text());
            }
        }
        String text = sb.toString().replace("\r\n", "\n");
        return text.startsWith("\n") ? text.substring(1) : text;
    }
}
