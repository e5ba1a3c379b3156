package dev.porthole.app.debug.view;

import atlantafx.base.theme.PrimerDark;
import dev.porthole.gdb.DebugEvent;
import dev.porthole.kernel.SampleKernel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A screenshot of every panel against a live session stopped in {@code app_compute} a few steps in, with the
 * AtlantaFX PrimerDark theme. Run under a real X server:
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp ... dev.porthole.app.debug.view.DebugPanelsDemo /tmp/debugpanels.png
 * </pre>
 * With no argument it stays open (for a person to look at).
 */
public final class DebugPanelsDemo {
    private DebugPanelsDemo() {
    }

    public static void main(String[] args) {
        // a class extending Application cannot be the main class on the plain classpath
        Application.launch(App.class, args);
    }

    /** Evaluates {@code check} on the FX thread, where the view models live. */
    static boolean onFx(java.util.function.BooleanSupplier check) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(check.getAsBoolean()));
        return answer.get(60, TimeUnit.SECONDS);
    }

    public static final class App extends Application {
        private LiveTarget target;

        @Override
        public void start(Stage stage) throws Exception {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            DebugPanels panels = new DebugPanels((file, line) -> System.out.println("open " + file + ":" + line),
                    new FrameSourceResolver(SampleKernel::sourceDir));
            Scene scene = new Scene(DebugPanelsLayout.of(panels), 1600, 1000);
            stage.setScene(scene);
            stage.setTitle("Porthole — debugger panels (app=compute)");
            stage.show();

            String out = getParameters().getRaw().isEmpty() ? null : getParameters().getRaw().get(0);
            CompletableFuture.runAsync(() -> {
                try {
                    target = LiveTarget.boot("compute");
                    target.runTo("compute_step");
                    target.await(target.session.finish());
                    DebugEvent.Stopped before = target.await(target.session.next());
                    Platform.runLater(() -> {
                        panels.attach(target.session);
                        panels.watch().model().add("compute_result");
                        panels.watch().model().add("p");
                        panels.watch().model().add("rounds * 2");
                        panels.onStopped(before);
                        panels.memory().model().goTo("&p");
                        panels.registers().setExpanded("cr0", true);
                        panels.monitor().model().send("info mem");
                    });
                    Thread.sleep(1500);
                    // one more step: sum and compute_result change, and the panels mark it
                    Platform.runLater(panels::onRunning);
                    DebugEvent.Stopped after = target.await(target.session.next());
                    after = target.await(target.session.next());
                    DebugEvent.Stopped last = after;
                    Platform.runLater(() -> {
                        panels.onStopped(last);
                        panels.watch().model().roots().stream().filter(n -> n.name().equals("p"))
                                .forEach(n -> n.expandedProperty().set(true));
                    });
                    long pc = last.frame().orElseThrow().address();
                    for (int i = 0; i < 600 && !onFx(() -> !panels.callStack().model().frames().isEmpty()
                            && panels.disassembly().model().pc() == pc
                            && !panels.variables().model().roots().isEmpty()
                            && panels.registers().model().row("rip").map(r -> r.numeric().getAsLong() == pc).orElse(false)
                            && !panels.memory().model().rows().isEmpty()); i++) {
                        Thread.sleep(100);
                    }
                    Platform.runLater(() -> {
                        panels.variables().model().roots().stream().filter(n -> n.name().equals("p"))
                                .forEach(n -> n.expandedProperty().set(true));
                        panels.breakpoints().model().addBreakpoint("app_compute.c:44", "i == 5");
                        panels.breakpoints().model().addWatchpoint("compute_result", dev.porthole.gdb.BreakpointKind.WATCH_WRITE);
                        panels.memory().model().select(0x10bfc0);
                    });
                    Thread.sleep(2500);
                    Platform.runLater(() -> panels.all().forEach(p -> {
                        if (p instanceof PanelView<?> v) {
                            System.out.println(v.getClass().getSimpleName() + " status: " + v.model().statusProperty().get());
                        }
                    }));
                    if (out != null) {
                        CompletableFuture<Void> saved = new CompletableFuture<>();
                        Platform.runLater(() -> {
                            try {
                                WritableImage image = scene.snapshot(null);
                                Snapshots.writePng(image, Path.of(out));
                                saved.complete(null);
                            } catch (Exception e) {
                                saved.completeExceptionally(e);
                            }
                        });
                        saved.get(30, TimeUnit.SECONDS);
                        System.out.println("saved " + Path.of(out).toAbsolutePath());
                        Platform.exit();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    Platform.exit();
                }
            });
        }

        @Override
        public void stop() {
            if (target != null) {
                target.close();
            }
        }
    }
}
