package dev.porthole.app.perf;

import dev.porthole.icons.DrawnFrame;
import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * Reports how a window's start goes, for the startup benchmark. With {@code -Dporthole.firstFrame=print} it prints,
 * each once, in ms since the JVM started:
 * <ul>
 *   <li>{@code porthole-first-frame N}: the first frame is laid out (the workbench's frame: menus, toolbar, tabs);</li>
 *   <li>{@code porthole-panels N}: the frame after the panels' contents (editor area, console, debugger) joined;</li>
 *   <li>{@code porthole-ready N}: the frame after the workspace is shown (its sources in the editor's tree).</li>
 * </ul>
 * With {@code =exit} it exits after the last one it waits for (the first frame, for a window with no workspace).
 */
public final class FirstFrame {
    public static final String PROPERTY = "porthole.firstFrame";
    public static final String MARKER = "porthole-first-frame";
    public static final String PANELS_MARKER = "porthole-panels";
    public static final String READY_MARKER = "porthole-ready";

    private FirstFrame() {
    }

    /** A window with nothing to load: reports (and with {@code exit}, exits at) its first frame. */
    public static void watch(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode != null) {
            DrawnFrame.afterNextPulse(scene, () -> report(MARKER, mode.equals("exit")));
        }
    }

    /** The workbench: reports its first frame, and its ready frame once {@code workspace} is set. */
    public static void watch(Scene scene, ObservableValue<?> workspace) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        DrawnFrame.afterNextPulse(scene, () -> report(MARKER, false));
        workspace.addListener(new javafx.beans.value.ChangeListener<Object>() {
            @Override
            public void changed(ObservableValue<?> obs, Object was, Object now) {
                if (now != null) {
                    workspace.removeListener(this);
                    DrawnFrame.afterNextPulse(scene, () -> report(READY_MARKER, mode.equals("exit")));
                }
            }
        });
        if (mode.equals("exit")) {
            // A benchmark must not hang on a workspace that never opens.
            Thread guard = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("porthole-startup: no workspace opened within 60 s");
                System.exit(1);
            }, "first-frame-guard");
            guard.setDaemon(true);
            guard.start();
        }
    }

    /** Reports the frame after the panels' contents joined the scene. */
    public static void panelsFilled(Scene scene) {
        if (System.getProperty(PROPERTY) != null) {
            DrawnFrame.afterNextPulse(scene, () -> report(PANELS_MARKER, false));
        }
    }

    private static void report(String marker, boolean exit) {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(marker + " " + sinceStart);
        System.out.flush();
        if (exit) {
            // Let the pulse finish painting before leaving.
            Platform.runLater(() -> System.exit(0));
        }
    }
}
