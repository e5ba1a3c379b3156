package dev.porthole.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.app.theme.Theme;
import dev.porthole.app.workspace.WorkspaceConfig;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LaunchOptionsViewTest {
    private final List<WorkspaceConfig.Launch> changes = new ArrayList<>();
    private LaunchOptionsView view;

    @Start
    void start(Stage stage) {
        view = new LaunchOptionsView(changes::add);
        view.show(new WorkspaceConfig.Launch("microvm", "auto", 64, 1, "app=hello", List.of(), 60, false, null));
        Scene scene = new Scene(view, 600, 400);
        // Styled as in the window: Primer's controls look up the palette the theme's scene stylesheets define.
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private PropertySheet.Item item(String name) {
        return view.getItems().stream().filter(i -> i.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showingAWorkspaceReportsNothingAndEditsBecomeNewLaunchOptions() throws Exception {
        assertEquals(List.of(), changes, "showing options is not a change");
        WaitForAsyncUtils.asyncFx(() -> {
            item("Machine").setValue("pc");
            item("Memory (MiB)").setValue(128);
            item("Extra QEMU arguments").setValue("-d  int  -D /tmp/q.log");
            item("Memory (MiB)").setValue(1); // below the floor: clamped, not accepted as is
        }).get();
        assertEquals(4, changes.size());
        WorkspaceConfig.Launch last = changes.get(3);
        assertEquals("pc", last.machine());
        assertEquals(8, last.memoryMiB());
        assertEquals(List.of("-d", "int", "-D", "/tmp/q.log"), last.extraArgs());
        assertEquals("app=hello", last.append(), "other options are kept");
    }

    @Test
    void choicesAreOfferedForMachineAndAccelerator() {
        assertTrue(view.getItems().stream().anyMatch(i -> i.getCategory().equals("JVM workload")));
        assertEquals(String.class, item("Accelerator").getType());
    }
}
