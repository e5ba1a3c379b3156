package dev.porthole.app.perf;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * Reports when a window's first frame is laid out, for the startup benchmark: with {@code -Dporthole.firstFrame=print}
 * it prints {@code porthole-first-frame <ms since JVM start>} once, and with {@code =exit} it then exits the JVM.
 */
public final class FirstFrame {
    public static final String PROPERTY = "porthole.firstFrame";
    public static final String MARKER = "porthole-first-frame";

    private FirstFrame() {
    }

    public static void watch(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(MARKER + " " + sinceStart);
            System.out.flush();
            if (mode.equals("exit")) {
                // Let the pulse finish painting before leaving.
                javafx.application.Platform.runLater(() -> System.exit(0));
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
