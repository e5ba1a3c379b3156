package dev.porthole.app.debug.view;

import dev.porthole.icons.StyleClasses;
import dev.porthole.icons.Icon;
import dev.porthole.icons.Icons;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The Disassembly panel: source lines with the instructions made from them; the instruction at the pc carries the
 * current-line arrow and {@link DebugStyles#CURRENT_LINE}, and the list scrolls to it at every stop.
 */
public final class DisassemblyView extends PanelView<DisassemblyViewModel> {
    public static final String LIST_ID = "disassembly-list";
    /** The id of the arrow node beside the current instruction. */
    public static final String CURRENT_MARK_ID = "disassembly-current-mark";

    private final ListView<DisassemblyViewModel.Line> list = new ListView<>();

    public DisassemblyView(DisassemblyViewModel model) {
        super(model, DebugStyles.DISASSEMBLY);
        list.setId(LIST_ID);
        list.setItems(model.lines());
        list.setFixedCellSize(21);
        list.setPlaceholder(new Label("Not stopped."));
        list.setCellFactory(lv -> new LineCell());
        model.currentIndexProperty().addListener((obs, was, index) -> {
            int i = index.intValue();
            if (i >= 0) {
                list.getSelectionModel().clearSelection();
                // a few lines of context above the pc
                list.scrollTo(Math.max(0, i - 4));
            }
        });
        setCenter(list);
    }

    public ListView<DisassemblyViewModel.Line> list() {
        return list;
    }

    private static final class LineCell extends ListCell<DisassemblyViewModel.Line> {
        private final Label marker = new Label();
        private final Label address = new Label();
        private final Label opcodes = new Label();
        private final Label text = new Label();
        private final Label symbol = new Label();
        private final HBox instructionBox = new HBox(10, marker, address, opcodes, text, symbol);
        private final Label sourceNumber = new Label();
        private final Label sourceText = new Label();
        private final HBox sourceBox = new HBox(10, sourceNumber, sourceText);

        LineCell() {
            marker.setMinWidth(16);
            marker.setPrefWidth(16);
            address.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.DISASSEMBLY_ADDRESS);
            opcodes.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.DISASSEMBLY_OPCODES);
            opcodes.setMinWidth(150);
            opcodes.setPrefWidth(150);
            text.getStyleClass().add(DebugStyles.MONO);
            text.setMinWidth(Region.USE_PREF_SIZE);
            symbol.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.MUTED);
            for (Label l : new Label[] {address}) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            sourceNumber.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.DISASSEMBLY_SOURCE);
            sourceNumber.setMinWidth(Region.USE_PREF_SIZE);
            sourceText.getStyleClass().addAll(DebugStyles.MONO, DebugStyles.DISASSEMBLY_SOURCE);
        }

        @Override
        protected void updateItem(DisassemblyViewModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            StyleClasses.toggle(this, DebugStyles.DISASSEMBLY_SOURCE, line instanceof DisassemblyViewModel.SourceLine);
            StyleClasses.toggle(this, DebugStyles.CURRENT_LINE, line instanceof DisassemblyViewModel.InstructionLine instruction && instruction.current());
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            if (line instanceof DisassemblyViewModel.SourceLine s) {
                sourceNumber.setText(s.label());
                sourceText.setText(s.text().orElse(""));
                setGraphic(sourceBox);
            } else if (line instanceof DisassemblyViewModel.InstructionLine i) {
                if (i.current()) {
                    var arrow = Icons.node(Icon.CURRENT_LINE, 14);
                    arrow.setId(CURRENT_MARK_ID);
                    marker.setGraphic(arrow);
                } else {
                    marker.setGraphic(null);
                }
                address.setText(i.address());
                opcodes.setText(i.instruction().opcodes());
                text.setText(i.instruction().text());
                symbol.setText(i.symbol());
                setGraphic(instructionBox);
            }
        }
    }
}
