package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugTwinTest {
    @TempDir
    Path dir;

    @Test
    void givenTheThirtyTwoBitWrapperGdbLoadsItsSixtyFourBitTwin() {
        assertEquals(SampleKernel.debugImage(), DebugTwin.prefer(SampleKernel.image()));
        assertEquals(SampleKernel.debugImage(), DebugTwin.prefer(SampleKernel.debugImage()));
    }

    @Test
    void aThirtyTwoBitElfWhoseTwinIsNoElf64IsLoadedItself() throws Exception {
        Path wrapper = Files.copy(SampleKernel.image(), dir.resolve("kernel.elf"));
        Files.writeString(dir.resolve("kernel.dbg"), "not an ELF");
        assertEquals(wrapper, DebugTwin.prefer(wrapper));
    }

    @Test
    void theTwinIsStemDotDbgThenNameDotDbgThenTheDebugSuffixes() throws Exception {
        Path image = Files.writeString(dir.resolve("kernel.elf"), "image");
        assertEquals(Optional.empty(), DebugTwin.beside(image));
        Path nameDebug = Files.writeString(dir.resolve("kernel.elf.debug"), "x");
        assertEquals(Optional.of(nameDebug), DebugTwin.beside(image));
        Path stemDebug = Files.writeString(dir.resolve("kernel.debug"), "x");
        assertEquals(Optional.of(stemDebug), DebugTwin.beside(image));
        Path nameDbg = Files.writeString(dir.resolve("kernel.elf.dbg"), "x");
        assertEquals(Optional.of(nameDbg), DebugTwin.beside(image));
        Path stemDbg = Files.writeString(dir.resolve("kernel.dbg"), "x");
        assertEquals(Optional.of(stemDbg), DebugTwin.beside(image));
    }

    @Test
    void aUnikraftImageWithoutExtensionFindsNameDotDbg() throws Exception {
        Path image = Files.writeString(dir.resolve("helloworld_qemu-x86_64"), "image");
        Path twin = Files.writeString(dir.resolve("helloworld_qemu-x86_64.dbg"), "x");
        assertEquals(Optional.of(twin), DebugTwin.beside(image));
    }

    @Test
    void aDebugFileIsNotItsOwnTwin() throws Exception {
        Path debugFile = Files.writeString(dir.resolve("kernel.dbg"), "x");
        assertEquals(Optional.empty(), DebugTwin.beside(debugFile));
    }
}
