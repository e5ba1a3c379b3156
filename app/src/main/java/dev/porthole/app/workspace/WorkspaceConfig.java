package dev.porthole.app.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code porthole.json}, version 1. Paths are relative to the workspace folder.
 *
 * <pre>
 * {
 *   "version": 1,
 *   "build":  { "command": "make", "image": "build/porthole.elf", "debugImage": "build/porthole.dbg" },
 *   "launch": { "machine": "microvm", "accel": "auto", "memoryMiB": 64, "cpus": 1, "append": "app=hello",
 *               "extraArgs": [], "timeoutSeconds": 60, "jvm": false, "jdwpGuestPort": 5005 },
 *   "breakpoints": [ { "file": "main.c", "line": 27, "hardware": false, "enabled": true } ],
 *   "window": { "theme": "dark", "width": 1500, "height": 950, "dividers": { "main": [0.18, 0.72] } }
 * }
 * </pre>
 * Unknown keys are ignored, so a newer Porthole's file still opens.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceConfig(int version, Build build, Launch launch, List<Breakpoint> breakpoints, Window window) {
    public static final int VERSION = 1;

    public WorkspaceConfig {
        version = version == 0 ? VERSION : version;
        build = build == null ? new Build(null, null, null) : build;
        launch = launch == null ? Launch.defaults() : launch;
        breakpoints = breakpoints == null ? List.of() : List.copyOf(breakpoints);
        window = window == null ? Window.defaults() : window;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Build(String command, String image, String debugImage) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Launch(String machine, String accel, Integer memoryMiB, Integer cpus, String append,
                         List<String> extraArgs, Integer timeoutSeconds, Boolean jvm, Integer jdwpGuestPort) {
        public Launch {
            machine = machine == null ? "microvm" : machine;
            accel = accel == null ? "auto" : accel;
            memoryMiB = memoryMiB == null ? 64 : memoryMiB;
            cpus = cpus == null ? 1 : cpus;
            append = append == null ? "" : append;
            extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
            timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
            jvm = jvm != null && jvm;
        }

        static Launch defaults() {
            return new Launch(null, null, null, null, null, null, null, null, null);
        }

        public Launch withAppend(String newAppend) {
            return new Launch(machine, accel, memoryMiB, cpus, newAppend, extraArgs, timeoutSeconds, jvm, jdwpGuestPort);
        }
    }

    /** A line breakpoint ({@code file}+{@code line}) or a function breakpoint ({@code function}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Breakpoint(String file, Integer line, String function, boolean hardware, Boolean enabled, String condition) {
        public Breakpoint {
            enabled = enabled == null || enabled;
        }

        public static Breakpoint atLine(String file, int line, boolean hardware) {
            return new Breakpoint(file, line, null, hardware, true, null);
        }

        public static Breakpoint atFunction(String function) {
            return new Breakpoint(null, null, function, false, true, null);
        }

        /** What gdb's break-insert takes: {@code file:line} or the function name. */
        public String location() {
            return function != null ? function : file + ":" + line;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String theme, Double width, Double height, Map<String, List<Double>> dividers) {
        public Window {
            theme = theme == null ? "dark" : theme;
            dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        }

        static Window defaults() {
            return new Window(null, null, null, null);
        }

        public Window withDividers(String splitPane, List<Double> positions) {
            Map<String, List<Double>> copy = new LinkedHashMap<>(dividers);
            copy.put(splitPane, List.copyOf(positions));
            return new Window(theme, width, height, copy);
        }

        public Window withTheme(String newTheme) {
            return new Window(newTheme, width, height, dividers);
        }

        public Window withSize(double newWidth, double newHeight) {
            return new Window(theme, newWidth, newHeight, dividers);
        }
    }

    public WorkspaceConfig withBuild(Build newBuild) {
        return new WorkspaceConfig(version, newBuild, launch, breakpoints, window);
    }

    public WorkspaceConfig withLaunch(Launch newLaunch) {
        return new WorkspaceConfig(version, build, newLaunch, breakpoints, window);
    }

    public WorkspaceConfig withBreakpoints(List<Breakpoint> newBreakpoints) {
        return new WorkspaceConfig(version, build, launch, newBreakpoints, window);
    }

    public WorkspaceConfig withWindow(Window newWindow) {
        return new WorkspaceConfig(version, build, launch, breakpoints, newWindow);
    }
}
