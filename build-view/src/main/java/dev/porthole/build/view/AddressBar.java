package dev.porthole.build.view;

import dev.porthole.build.elf.ElfSection;
import dev.porthole.build.layout.ImageLayout;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The address-space bar: allocated sections in address order, scaled by size, holes compressed (see
 * {@link AddressScale}), coloured by permission (code, read-only data, writable data). Clicking a section
 * selects it in the {@link LayoutViewModel}. One canvas, redrawn on resize.
 */
public final class AddressBar extends Region {
    static final Color CODE = Color.web("#c0504d");
    static final Color READ_ONLY = Color.web("#4f81bd");
    static final Color WRITABLE = Color.web("#9bbb59");
    static final Color NO_BITS = Color.web("#9bbb59").deriveColor(0, 0.6, 0.8, 1);

    private final LayoutViewModel model;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private AddressScale scale = AddressScale.place(java.util.List.of(), 0);

    public AddressBar(LayoutViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        setMinHeight(36);
        setPrefHeight(48);
        model.layoutProperty().addListener((o, a, b) -> requestLayout());
        model.selectedSectionProperty().addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> model.selectSection(scale.sectionAt(e.getX())));
        canvas.setOnMouseMoved(e -> {
            ElfSection section = scale.sectionAt(e.getX());
            if (section == null) {
                Tooltip.uninstall(canvas, tooltip);
                return;
            }
            tooltip.setText(String.format("%s  0x%x-0x%x  %d bytes  %s", section.name(), section.address(), section.endAddress(),
                    section.size(), section.flagLetters()));
            Tooltip.install(canvas, tooltip);
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        ImageLayout layout = model.layoutProperty().get();
        scale = AddressScale.place(layout == null ? java.util.List.of() : layout.allocatedSections(), getWidth());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double height = canvas.getHeight();
        g.clearRect(0, 0, canvas.getWidth(), height);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        ElfSection selected = model.selectedSectionProperty().get();
        for (AddressScale.Placement placement : scale.placements()) {
            ElfSection section = placement.section();
            g.setFill(section.isExecutable() ? CODE : !section.isWritable() ? READ_ONLY : section.isNoBits() ? NO_BITS : WRITABLE);
            g.fillRect(placement.x(), 2, placement.width(), height - 4);
            g.setStroke(section.equals(selected) ? Color.WHITE : Color.BLACK);
            g.setLineWidth(section.equals(selected) ? 2 : 0.5);
            g.strokeRect(placement.x(), 2, placement.width(), height - 4);
            if (placement.width() > section.name().length() * 7) {
                g.setFill(Color.WHITE);
                g.fillText(section.name(), placement.x() + placement.width() / 2, height / 2);
            }
        }
        g.setFill(Color.GRAY);
        for (AddressScale.Gap gap : scale.gaps()) {
            g.fillText("…", gap.x() + gap.width() / 2, height / 2);
        }
    }

    public AddressScale scale() {
        return scale;
    }
}
