package dev.porthole.app.launch;

import dev.porthole.app.workspace.WorkspaceConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;

/**
 * The workspace's launch options in a ControlsFX {@link PropertySheet}: machine, accelerator, memory, CPUs, the
 * guest's command line, timeout, extra QEMU arguments, and JVM debugging. Every edit becomes a new
 * {@link WorkspaceConfig.Launch} handed to {@code onChange}, which saves porthole.json.
 */
public final class LaunchOptionsView extends PropertySheet {
    static final String CATEGORY_MACHINE = "Machine";
    static final String CATEGORY_GUEST = "Guest";
    static final String CATEGORY_JVM = "JVM workload";

    private final Consumer<WorkspaceConfig.Launch> onChange;
    private WorkspaceConfig.Launch launch = new WorkspaceConfig.Launch(null, null, null, null, null, null, null, null, null);
    private boolean updating;

    public LaunchOptionsView(Consumer<WorkspaceConfig.Launch> onChange) {
        this.onChange = onChange;
        setId("launch-options");
        setMode(Mode.CATEGORY);
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        setPropertyEditorFactory(item -> item instanceof Option<?> option && option.choices != null
                ? Editors.createChoiceEditor(item, option.choices)
                : defaults.call(item));
    }

    /** Shows a workspace's options (no change is reported for this). */
    public void show(WorkspaceConfig.Launch options) {
        updating = true;
        try {
            launch = options;
            getItems().setAll(items());
        } finally {
            updating = false;
        }
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>();
        items.add(new Option<>(CATEGORY_MACHINE, "Machine", "QEMU machine: microvm boots fastest (no firmware); pc and q35 have a BIOS",
                String.class, launch.machine(), List.of("microvm", "pc", "q35"),
                v -> with(v, launch.accel(), launch.memoryMiB(), launch.cpus(), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_MACHINE, "Accelerator", "auto probes KVM once and uses it only when it works and starts fast; tcg always works",
                String.class, launch.accel(), List.of("auto", "tcg", "kvm"),
                v -> with(launch.machine(), v, launch.memoryMiB(), launch.cpus(), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_MACHINE, "Memory (MiB)", "guest RAM", Integer.class, launch.memoryMiB(), null,
                v -> with(launch.machine(), launch.accel(), clamp(v, 8, 65536), launch.cpus(), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_MACHINE, "CPUs", "virtual CPUs", Integer.class, launch.cpus(), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), clamp(v, 1, 64), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_MACHINE, "Extra QEMU arguments", "passed to QEMU as they are, separated by spaces", String.class,
                String.join(" ", launch.extraArgs()), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), launch.cpus(), launch.append(), split(v), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_GUEST, "Command line", "the guest's -append, e.g. app=compute count=20", String.class, launch.append(), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), launch.cpus(), v.trim(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_GUEST, "Timeout (s)", "a Run that takes longer is stopped and recorded as a timeout; a Debug session has none",
                Integer.class, launch.timeoutSeconds(), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), launch.cpus(), launch.append(), launch.extraArgs(), clamp(v, 1, 86400), launch.jvm(), launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_JVM, "Guest runs a JVM", "forward the guest's JDWP port to 127.0.0.1 for the JVM debugger", Boolean.class,
                launch.jvm(), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), launch.cpus(), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), v, launch.jdwpGuestPort())));
        items.add(new Option<>(CATEGORY_JVM, "JDWP port in the guest", "the port the guest's JVM listens on (-agentlib:jdwp=...address=PORT)",
                Integer.class, Optional.ofNullable(launch.jdwpGuestPort()).orElse(5005), null,
                v -> with(launch.machine(), launch.accel(), launch.memoryMiB(), launch.cpus(), launch.append(), launch.extraArgs(), launch.timeoutSeconds(), launch.jvm(), clamp(v, 1, 65535))));
        return items;
    }

    private static int clamp(Integer value, int min, int max) {
        return value == null ? min : Math.max(min, Math.min(max, value));
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private WorkspaceConfig.Launch with(String machine, String accel, Integer memory, Integer cpus, String append, List<String> extra,
                                        Integer timeout, Boolean jvm, Integer jdwp) {
        return new WorkspaceConfig.Launch(machine, accel, memory, cpus, append, extra, timeout, jvm, jdwp);
    }

    private void changed(WorkspaceConfig.Launch updated) {
        if (!updating && !updated.equals(launch)) {
            launch = updated;
            onChange.accept(updated);
        }
    }

    /** One editable option: its value, and how a new value makes a new launch. */
    private final class Option<T> implements Item {
        private final String category;
        private final String name;
        private final String description;
        private final Class<T> type;
        private final List<T> choices;
        private final java.util.function.Function<T, WorkspaceConfig.Launch> apply;
        private T value;

        Option(String category, String name, String description, Class<T> type, T value, List<T> choices,
               java.util.function.Function<T, WorkspaceConfig.Launch> apply) {
            this.category = category;
            this.name = name;
            this.description = description;
            this.type = type;
            this.value = value;
            this.choices = choices;
            this.apply = apply;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object newValue) {
            // Editors write their value back when they are made: that is not an edit.
            if (java.util.Objects.equals(newValue, value)) {
                return;
            }
            value = type.cast(newValue);
            changed(apply.apply(value));
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }
}
