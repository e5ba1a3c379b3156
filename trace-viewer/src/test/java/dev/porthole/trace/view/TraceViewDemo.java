package dev.porthole.trace.view;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.porthole.trace.io.TraceFiles;
import dev.porthole.trace.model.Trace;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Shows the trace workbench in a window, for screenshots and for looking at it by hand. Not an
 * {@link Application} subclass, so it runs from the plain classpath.
 *
 * <pre>
 * TraceViewDemo kernel|chromium|generated|diff|FILE [--light] [--search TEXT] [--select NAME] [--zoom NAME]
 *               [--out shot.png] [--stay]
 * </pre>
 * With {@code --out} it writes a snapshot of the window and exits (unless {@code --stay}).
 */
public final class TraceViewDemo {
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "kernel";
        boolean light = false;
        boolean stay = false;
        String out = null;
        List<String[]> actions = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--light" -> light = true;
                case "--stay" -> stay = true;
                case "--out" -> out = args[++i];
                case "--guest" -> actions.add(new String[] {"--guest", ""});
                case "--search", "--select", "--zoom", "--collapse" -> actions.add(new String[] {args[i], args[++i]});
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Trace a;
        Trace b = null;
        switch (what) {
            case "kernel" -> a = ViewFixtures.kernelTrace();
            case "storm" -> a = ViewFixtures.load(ViewFixtures.kernelRun("app=tracestorm count=3000"));
            case "chromium" -> a = TraceFiles.load(ViewFixtures.chromium());
            case "generated" -> a = ViewFixtures.generated(1_000_000, 16);
            case "diff" -> {
                a = ViewFixtures.kernelTrace();
                b = ViewFixtures.load(ViewFixtures.kernelRun("app=tracestorm count=300"));
            }
            default -> a = TraceFiles.load(Path.of(what));
        }
        Trace first = a;
        Trace second = b;
        boolean useLight = light;
        String shot = out;
        boolean keep = stay;
        CountDownLatch closed = new CountDownLatch(1);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(useLight ? new PrimerLight().getUserAgentStylesheet()
                    : new PrimerDark().getUserAgentStylesheet());
            TraceWorkbenchPane pane = new TraceWorkbenchPane();
            pane.darkProperty().set(!useLight);
            Scene scene = new Scene(pane, 1600, 1000);
            scene.getStylesheets().add(ViewFixtures.themeStylesheet(!useLight));
            Stage stage = new Stage();
            stage.setTitle("Porthole trace — " + what);
            stage.setScene(scene);
            stage.setOnHidden(e -> closed.countDown());
            if (second != null) {
                pane.showDiff(first, second, "app=hello", "app=tracestorm count=300");
                System.out.println("A " + first.durationTime() + " span " + pane.getTimeline().getModel().getViewSpan()
                        + "; B " + second.durationTime() + " span " + pane.getTimelineB().getModel().getViewSpan());
            } else {
                pane.show(first);
            }
            stage.show();
            for (String[] action : actions) {
                TimelineViewModel m = pane.getTimeline().getModel();
                switch (action[0]) {
                    case "--search" -> m.search(action[1]);
                    case "--select" -> {
                        selectFirst(m, action[1]);
                    }
                    case "--zoom" -> {
                        selectFirst(m, action[1]);
                        m.zoomToSelection();
                    }
                    case "--collapse" -> m.toggleGroup(action[1]);
                    case "--guest" -> {
                        var t = m.getTrace();
                        var guest = t.tracks().stream()
                                .filter(k -> k.kind() == dev.porthole.trace.model.TrackKind.GUEST_CPU).findFirst().orElseThrow();
                        long from = t.start(guest.firstEvent());
                        long to = from;
                        for (int e = guest.firstEvent(); e < guest.endEvent(); e++) {
                            to = Math.max(to, t.end(e));
                        }
                        long pad = (to - from) / 30;
                        m.setRange(from - pad, to + pad);
                    }
                    default -> { }
                }
            }
            if (shot != null) {
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> {
                    if (System.getProperty("demo.debug") != null) {
                        TimelineView tv = pane.getTimeline();
                        CountingSurface cs = new CountingSurface(null) {
                            @Override
                            public void fillText(String text, double x, double y) {
                                System.out.println("text " + text + " @" + (int) x + "," + (int) y);
                            }
                        };
                        tv.getRenderer().draw(cs, tv.getModel(), tv.getPalette(), tv.getCanvas().getWidth(),
                                tv.getCanvas().getHeight());
                    }
                    WritableImage image = scene.snapshot(null);
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(shot));
                        System.out.println("wrote " + shot);
                    } catch (Exception ex) {
                        ex.printStackTrace();
                    }
                    if (!keep) {
                        stage.close();
                    }
                });
                settle.play();
            }
        });
        closed.await();
        Platform.exit();
    }

    private static void selectFirst(TimelineViewModel m, String name) {
        Trace t = m.getTrace();
        for (int e = 0; e < t.eventCount(); e++) {
            if (t.name(e).equals(name)) {
                m.select(e);
                return;
            }
        }
        throw new IllegalArgumentException("no event named " + name);
    }
}
