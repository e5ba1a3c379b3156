package dev.porthole.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.launcher.cli.CliCommand.UsageException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArgsTest {
    private static CliArgs parse(String... args) {
        return CliArgs.parse(List.of(args), Set.of("machine", "timeout"), Set.of("json"));
    }

    @Test
    void flagsDoNotSwallowThePositional() {
        CliArgs a = parse("--json", "image.elf", "--machine=pc");
        assertTrue(a.flag("json"));
        assertEquals(List.of("image.elf"), a.positionals());
        assertEquals("pc", a.value("machine").orElseThrow());
        assertFalse(a.flag("timeout"));
    }

    @Test
    void errorsNameTheOption() {
        assertEquals("unknown option '--bogus'", assertThrows(UsageException.class, () -> parse("--bogus")).getMessage());
        assertEquals("--machine needs a value", assertThrows(UsageException.class, () -> parse("--machine")).getMessage());
        assertEquals("--timeout takes a whole number, got 'soon'",
                assertThrows(UsageException.class, () -> parse("--timeout", "soon").intValue("timeout", 1, 1, 10)).getMessage());
        assertThrows(UsageException.class, () -> parse("-x"));
    }

    @Test
    void doubleDashEndsOptions() {
        assertEquals(List.of("--json"), parse("--", "--json").positionals());
    }
}
