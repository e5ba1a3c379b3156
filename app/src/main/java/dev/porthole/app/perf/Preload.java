package dev.porthole.app.perf;

import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * Loads, initialises and links the code of the window's first seconds on a thread of its own, while the FX thread
 * builds the first frame: one of each RichTextFX area (laid out with a few lines, so their paragraph nodes are made
 * too), the controls the panels are built of, and their skins' classes. The first RichTextFX area a JVM makes loads
 * RichTextFX, ReactFX and Flowless and links their many lambdas: 210 ms of the FX thread when the console was made
 * after the first frame (ScreenshotTour), work that any thread can do, once for all.
 *
 * <p>JavaFX allows nodes to be made and laid out on any thread until they join a shown scene; these never join one,
 * and are dropped at the end. Styling is left to the FX thread: it belongs to a scene.
 *
 * <p>{@code -Dporthole.preload.off=true} leaves it out (for an A/B through {@code PORTHOLE_JAVA_OPTS}, which
 * {@code ./porthole screenshots} and the window take); {@code -Dporthole.preload.print=true} prints what stopped it.
 */
public final class Preload {
    /** Skins are made on the FX thread when a control is first styled; their classes can be made ready before. */
    private static final List<String> SKINS = List.of("TableViewSkin", "TreeTableViewSkin", "TreeViewSkin",
            "ListViewSkin", "TableRowSkin", "TableCellSkin", "TreeTableRowSkin", "TreeTableCellSkin", "TreeCellSkin",
            "ListCellSkin", "TableColumnHeader", "NestedTableColumnHeader", "TableHeaderRow", "VirtualFlow",
            "TabPaneSkin", "SplitPaneSkin", "ScrollBarSkin", "ScrollPaneSkin", "ToggleButtonSkin", "ButtonSkin",
            "LabelSkin", "TextFieldSkin", "ComboBoxListViewSkin", "CheckBoxSkin", "ToolBarSkin", "MenuButtonSkin");
    private static final List<String> CONTROLSFX_SKINS = List.of("SegmentedButtonSkin", "CheckComboBoxSkin",
            "CustomTextFieldSkin", "PropertySheetSkin", "StatusBarSkin");

    private Preload() {
    }

    private record Sample(long a, int b, double c, boolean d, String e, List<?> f, Object g) {
    }

    /** Starts it; call it on the FX thread (the toolkit must be up), before the window is built. */
    public static void start() {
        if (Boolean.getBoolean("porthole.preload.off")) {
            return;
        }
        Thread thread = new Thread(Preload::run, "porthole-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            preload();
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            // Only a head start: the window makes its own, and says what is wrong if it cannot.
            if (Boolean.getBoolean("porthole.preload.print")) {
                e.printStackTrace();
            }
        }
    }

    /** The work itself, on the calling thread; throws what went wrong (the test calls it so). */
    static void preload() throws ClassNotFoundException {
        StyleClassedTextArea console = new StyleClassedTextArea(false);
        console.replaceText("console line one\nconsole line two\n");
        layOut(new VirtualizedScrollPane<>(console));
        CodeArea code = new CodeArea("int main(void)\n{\n    return 0; // done\n}\n");
        code.setParagraphGraphicFactory(line -> new Text(Integer.toString(line + 1)));
        // The editor's hover: the first area given a delay makes RichTextFX's mouse-over machinery, 40 ms of the
        // task that opened the window's first file.
        code.setMouseOverTextDelay(java.time.Duration.ofMillis(400));
        layOut(new VirtualizedScrollPane<>(code));
        new TableView<String>();
        new TreeTableView<String>();
        new TreeView<String>();
        new ListView<String>();
        new CheckComboBox<String>();
        new SegmentedButton();
        TextFields.createClearableTextField();
        // A record's equals, hashCode and toString make their method handles on first call, in shapes all records
        // share: the workspace's settings and the console's window met them first on the FX thread (10-30 ms).
        Sample one = new Sample(1, 2, 3.0, true, "a", List.of(), null);
        Sample two = new Sample(1, 2, 3.0, true, "b", List.of(), one);
        if (one.equals(two) || one.hashCode() == two.hashCode() && one.toString().isEmpty()) {
            Thread.yield(); // never: the results only have to be used
        }
        ClassLoader loader = Preload.class.getClassLoader();
        for (String skin : SKINS) {
            Class.forName("javafx.scene.control.skin." + skin, true, loader);
        }
        for (String skin : CONTROLSFX_SKINS) {
            Class.forName("impl.org.controlsfx.skin." + skin, true, loader);
        }
    }

    private static void layOut(Region region) {
        region.resize(600, 200);
        region.layout();
    }
}
