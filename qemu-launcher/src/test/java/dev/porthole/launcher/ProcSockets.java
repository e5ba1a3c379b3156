package dev.porthole.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The sockets a process holds, read from /proc: its fd links give socket inodes, /proc/net/* gives their addresses. */
final class ProcSockets {
    /** One inet socket: protocol, local address and port, and whether it is a listening (or bound UDP) socket. */
    record InetSocket(String protocol, String address, int port, boolean listening) {
        boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    /** One unix socket: its path ("" when unnamed) and whether it listens. */
    record UnixSocket(String path, boolean listening) {
    }

    private ProcSockets() {
    }

    static Set<Long> socketInodes(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the fd went away while listing
                }
            }
        }
        return inodes;
    }

    static List<InetSocket> inetSockets(long pid) throws IOException {
        Set<Long> inodes = socketInodes(pid);
        List<InetSocket> sockets = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path table = Path.of("/proc/net", protocol);
            if (Files.exists(table)) {
                sockets.addAll(parseInetTable(protocol, Files.readAllLines(table), inodes));
            }
        }
        return sockets;
    }

    static List<UnixSocket> unixSockets(long pid) throws IOException {
        Set<Long> inodes = socketInodes(pid);
        List<UnixSocket> sockets = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("/proc/net/unix"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 7 && inodes.contains(Long.parseLong(f[6]))) {
                // Flags 00010000 = __SO_ACCEPTCON: a listening socket
                sockets.add(new UnixSocket(f.length >= 8 ? f[7] : "", (Long.parseLong(f[3], 16) & 0x10000) != 0));
            }
        }
        return sockets;
    }

    /** Parses /proc/net/tcp-style lines: {@code sl local_address rem_address st ... inode}. */
    static List<InetSocket> parseInetTable(String protocol, List<String> lines, Set<Long> inodes) {
        List<InetSocket> sockets = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !inodes.contains(Long.parseLong(f[9]))) {
                continue;
            }
            String[] local = f[1].split(":");
            int state = Integer.parseInt(f[3], 16);
            boolean listening = protocol.startsWith("tcp") ? state == 0x0A : true; // a bound UDP socket receives from anyone its address allows
            sockets.add(new InetSocket(protocol, address(local[0]), Integer.parseInt(local[1], 16), listening));
        }
        return sockets;
    }

    /** /proc/net addresses are 32-bit words in host (little-endian) order. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        int[] bytes = new int[16];
        for (int word = 0; word < 4; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (int) ((v >> (8 * b)) & 0xff);
            }
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        if (mapped && bytes[10] == 0xff && bytes[11] == 0xff) {
            return "::ffff:" + bytes[12] + "." + bytes[13] + "." + bytes[14] + "." + bytes[15];
        }
        boolean loopback = bytes[15] == 1;
        for (int i = 0; i < 15; i++) {
            loopback &= bytes[i] == 0;
        }
        if (loopback) {
            return "::1";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString((bytes[i] << 8) | bytes[i + 1]));
        }
        return s.toString();
    }
}
