package dev.porthole.app.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every question the workbench asks a person, behind one interface so tests can answer them. */
public interface DialogService {
    Optional<Path> chooseFolder(String title, Path start);

    /** Picks one of {@code choices} (shown with {@code describe}); empty when the user cancels. */
    <T> Optional<T> choose(String title, String question, List<T> choices, java.util.function.Function<T, String> describe);

    boolean confirm(String title, String question);

    void showError(String title, String message);
}
