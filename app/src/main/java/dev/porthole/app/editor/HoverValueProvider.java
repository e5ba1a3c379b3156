package dev.porthole.app.editor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers "what is the value of this expression right now?" while the guest is stopped. The app implements it with
 * the debugger's expression evaluation (gdb {@code -data-evaluate-expression}); the editor only asks while an
 * execution point is set. The future may complete on any thread; the editor hops to the FX thread itself.
 */
@FunctionalInterface
public interface HoverValueProvider {
    /** A provider that never knows a value: the editor's default before a debug session exists. */
    HoverValueProvider NONE = expression -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * @param expression an identifier or a member chain such as {@code mem.free_pages} or {@code p->next}
     * @return the value as the debugger prints it, or empty when the expression has no value here (not in scope,
     *         not a variable, optimised out)
     */
    CompletableFuture<Optional<String>> valueOf(String expression);
}
