package dev.porthole.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Stands in for qemu-system-x86_64 where a real guest would take too long: opens Porthole's console and trace pipes
 * and connects to its QMP socket as QEMU does, answers QMP, then writes {@code porthole.fake.bytes}
 * (default 50 MiB) of binary garbage without a single LF to the console and exits with status 1, as QEMU does
 * when a guest exits with code 0. Real QEMU under TCG writes about 1 MB/s to a serial port: 50 MB would take a minute.
 */
public final class FakeQemu {
    private FakeQemu() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> sockets = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-chardev") && (args[i + 1].startsWith("socket,id=") || args[i + 1].startsWith("file,id="))) {
                String spec = args[i + 1].replace(",,", "\u0000");
                String id = null;
                String path = null;
                for (String part : spec.split(",")) {
                    if (part.startsWith("id=")) {
                        id = part.substring(3);
                    } else if (part.startsWith("path=")) {
                        path = part.substring(5).replace('\u0000', ',');
                    }
                }
                sockets.put(id, path);
            }
        }
        java.nio.channels.FileChannel console = java.nio.channels.FileChannel.open(java.nio.file.Path.of(sockets.get("con")),
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileChannel trace = java.nio.channels.FileChannel.open(java.nio.file.Path.of(sockets.get("trc")),
                java.nio.file.StandardOpenOption.WRITE);
        SocketChannel qmp = connect(sockets.get("qmp"));
        Thread monitor = new Thread(() -> serveQmp(qmp), "fake-qmp");
        monitor.setDaemon(true);
        monitor.start();
        long total = Long.getLong("porthole.fake.bytes", 50L * 1024 * 1024);
        Random random = new Random(42);
        byte[] chunk = new byte[64 * 1024];
        for (long sent = 0; sent < total; ) {
            random.nextBytes(chunk);
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == '\n') {
                    chunk[i] = (byte) 0xff;
                }
            }
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, total - sent));
            sent += buffer.remaining();
            while (buffer.hasRemaining()) {
                console.write(buffer);
            }
        }
        console.close();
        trace.close();
        System.exit(1);
    }

    private static SocketChannel connect(String path) throws Exception {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        return channel;
    }

    private static void serveQmp(SocketChannel qmp) {
        try {
            OutputStream out = Channels.newOutputStream(qmp);
            out.write("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 0, \"major\": 0}, \"package\": \"fake\"}, \"capabilities\": []}}\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(qmp), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                int id = line.indexOf("\"id\":");
                String idValue = id < 0 ? "0" : line.substring(id + 5).replaceAll("[^0-9].*", "");
                out.write(("{\"return\": {}, \"id\": " + idValue + "}\r\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception closed) {
            // Porthole went away
        }
    }
}
