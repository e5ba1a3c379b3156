package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestExitTest {
    @Test
    void theJsonOfAnExitHasItsFourFieldsInOrderWithTheReasonsJsonName() {
        Map<String, Object> json = new GuestExit(GuestExit.Reason.QEMU_ERROR, -1, "qemu: could not load kernel", 1).toJson();
        assertEquals(List.of("reason", "code", "message", "qemu_status"), List.copyOf(json.keySet()));
        assertEquals(Map.of("reason", "qemu-error", "code", -1, "message", "qemu: could not load kernel", "qemu_status", 1), json);
    }
}
