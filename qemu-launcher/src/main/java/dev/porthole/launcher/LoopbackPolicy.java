package dev.porthole.launcher;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses user-supplied QEMU arguments that would listen beyond loopback: QEMU's bare {@code -s} (gdbstub on every
 * interface), TCP/UDP/telnet chardevs, monitors, VNC or {@code hostfwd} bound to all interfaces. Porthole's own
 * sockets are unix sockets in the private run directory or 127.0.0.1.
 */
final class LoopbackPolicy {
    private static final Set<String> ENDPOINT_OPTIONS = Set.of("-gdb", "-qmp", "-qmp-pretty", "-monitor", "-serial", "-parallel", "-debugcon",
            "-chardev", "-netdev", "-nic", "-net", "-incoming", "-vnc", "-spice", "-device");
    private static final Pattern BACKEND = Pattern.compile("(?:^|[,=])(tcp|telnet|udp|websocket):(\\[[^\\]]*\\]|[^:,]*)");
    private static final Pattern HOSTFWD = Pattern.compile("(?:guest|host)fwd=(?:tcp|udp)?:(\\[[^\\]]*\\]|[^:-]*)");
    private static final Pattern HOST_OPTION = Pattern.compile("(?:^|,)host=([^,]*)");

    private LoopbackPolicy() {
    }

    static void check(List<String> extraArgs) throws LaunchException {
        for (int i = 0; i < extraArgs.size(); i++) {
            String arg = extraArgs.get(i);
            if (arg.equals("-s")) {
                throw new LaunchException("refusing QEMU option -s: it opens a gdbstub on tcp::1234, every network interface; "
                        + "ask for the gdbstub instead (gdbStub / porthole debug), which listens on a private unix socket");
            }
            String option = arg.startsWith("--") ? arg.substring(1) : arg;
            if (!ENDPOINT_OPTIONS.contains(option) || i + 1 >= extraArgs.size()) {
                continue;
            }
            String value = extraArgs.get(i + 1);
            String problem = problem(option, value);
            if (problem != null) {
                throw new LaunchException("refusing QEMU option " + arg + " " + value + ": " + problem
                        + "; bind it to 127.0.0.1 (e.g. tcp:127.0.0.1:PORT) or use a unix socket");
            }
        }
    }

    private static String problem(String option, String value) {
        if (option.equals("-vnc") || option.equals("-spice")) {
            String v = value.startsWith("port=") ? "" : value;
            return v.equals("none") || v.startsWith("unix:") || loopback(hostOf(v)) ? null : "it would listen on every interface";
        }
        Matcher m = BACKEND.matcher(value);
        while (m.find()) {
            if (!loopback(m.group(2))) {
                return "its " + m.group(1) + " endpoint host '" + m.group(2) + "' is not loopback";
            }
        }
        Matcher fwd = HOSTFWD.matcher(value);
        while (fwd.find()) {
            if (!loopback(fwd.group(1))) {
                return "its port forward listens on '" + (fwd.group(1).isEmpty() ? "every interface" : fwd.group(1)) + "'";
            }
        }
        if (value.contains("port=") && (value.startsWith("socket") || option.equals("-chardev"))) {
            Matcher host = HOST_OPTION.matcher(value);
            String h = host.find() ? host.group(1) : "";
            if (!loopback(h)) {
                return "its socket host '" + (h.isEmpty() ? "(all interfaces)" : h) + "' is not loopback";
            }
        }
        return null;
    }

    private static String hostOf(String vncValue) {
        int colon = vncValue.lastIndexOf(':');
        return colon < 0 ? vncValue : vncValue.substring(0, colon);
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
    }
}
