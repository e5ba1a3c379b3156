package dev.porthole.build.view;

import dev.porthole.icons.StyleClasses;
import dev.porthole.build.diag.Diagnostic;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The problems table: severity, location, message (notes indented under their diagnostic). Double-click
 * or Enter opens the file at the line through {@link ProblemNavigator}. Renders {@link ProblemsViewModel}.
 */
public final class ProblemsView extends BorderPane {
    private final ProblemsViewModel model;
    private final TableView<ProblemsViewModel.Row> table = new TableView<>();

    public ProblemsView(ProblemsViewModel model) {
        this.model = model;
        getStylesheets().add(Styles.STYLESHEET);

        TableColumn<ProblemsViewModel.Row, String> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().diagnostic().severity().word()));
        severity.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ProblemsViewModel.Row row = empty || item == null || getTableRow() == null ? null : getTableRow().getItem();
                StyleClasses.choose(this, row == null ? null : Styles.of(row.diagnostic().severity()), Styles.ERROR, Styles.WARNING, Styles.NOTE);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(row != null && row.note() ? "  " + item : item);
            }
        });
        severity.setPrefWidth(84);
        TableColumn<ProblemsViewModel.Row, String> location = new TableColumn<>("Location");
        location.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().location()));
        location.setPrefWidth(220);
        TableColumn<ProblemsViewModel.Row, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(text(c.getValue().diagnostic())));
        message.setPrefWidth(600);
        table.getColumns().add(severity);
        table.getColumns().add(location);
        table.getColumns().add(message);
        table.setItems(model.rows());
        table.setRowFactory(t -> {
            TableRow<ProblemsViewModel.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(ProblemsViewModel.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    StyleClasses.toggle(this, Styles.PROBLEM_ROW_NOTE, !empty && item != null && item.note());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.activate(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                model.activate(table.getSelectionModel().getSelectedItem());
            }
        });

        CheckBox errors = new CheckBox("Errors");
        errors.selectedProperty().bindBidirectional(model.showErrorsProperty());
        CheckBox warnings = new CheckBox("Warnings");
        warnings.selectedProperty().bindBidirectional(model.showWarningsProperty());
        CheckBox notes = new CheckBox("Notes");
        notes.selectedProperty().bindBidirectional(model.showNotesProperty());
        HBox filters = new HBox(errors, warnings, notes);
        filters.getStyleClass().add(Styles.TOOLBAR);
        setTop(filters);
        setCenter(table);
    }

    private static String text(Diagnostic d) {
        StringBuilder text = new StringBuilder(d.message());
        if (d.option() != null) {
            text.append(" [").append(d.option()).append(']');
        }
        if (d.function() != null) {
            text.append("  (in ").append(d.function()).append(')');
        }
        if (!d.includedFrom().isEmpty()) {
            text.append("  (included from ").append(String.join(" <- ", d.includedFrom())).append(')');
        }
        return text.toString();
    }

    public TableView<ProblemsViewModel.Row> table() {
        return table;
    }
}
