package dev.porthole.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.porthole.kernel.SampleKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What File > Open offers to make a workspace for, in a folder without a porthole.json. */
class ImageDiscoveryTest {
    @TempDir
    Path dir;

    private List<String> offered(Path folder) throws IOException {
        return ImageDiscovery.find(folder).stream().map(c -> folder.relativize(c.image()).toString()).toList();
    }

    @Test
    void discoversAUnikraftImageWithItsDebugTwinAndMakesAConfig() throws IOException {
        Path build = Files.createDirectories(dir.resolve(".unikraft/build"));
        Files.copy(SampleKernel.image(), build.resolve("helloworld_qemu-x86_64"));
        Files.copy(SampleKernel.debugImage(), build.resolve("helloworld_qemu-x86_64.dbg"));
        Files.writeString(dir.resolve("README"), "not an image");

        List<ImageDiscovery.Candidate> found = ImageDiscovery.find(dir);
        assertEquals(1, found.size(), found.toString());
        assertEquals("helloworld_qemu-x86_64", found.get(0).image().getFileName().toString());
        assertEquals("helloworld_qemu-x86_64.dbg", found.get(0).debugImage().getFileName().toString());

        WorkspaceConfig config = ImageDiscovery.configFor(dir, found.get(0));
        assertEquals(".unikraft/build/helloworld_qemu-x86_64", config.build().image());
        assertEquals(".unikraft/build/helloworld_qemu-x86_64.dbg", config.build().debugImage());
        assertNull(config.build().command());
    }

    @Test
    void aSixtyFourBitElfWithoutAPvhNoteIsNotOffered() throws IOException {
        // The sample kernel's debug ELF is such a file: QEMU -kernel cannot boot it (no 32-bit entry it can find).
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.copy(SampleKernel.debugImage(), build.resolve("kernel64"));
        Files.copy(SampleKernel.image(), build.resolve("porthole.elf"));

        assertEquals(List.of("build/porthole.elf"), offered(dir));
    }

    @Test
    void historyDependenciesBuildOutputAndPastRunsAreNotSearched() throws IOException {
        for (String skipped : List.of(".git", "target", "node_modules", "runs", "build")) {
            Path folder = Files.createDirectories(dir.resolve(skipped));
            Files.copy(SampleKernel.image(), folder.resolve("porthole.elf"));
        }

        assertEquals(List.of("build/porthole.elf"), offered(dir));
        assertEquals(List.of("porthole.elf"), offered(dir.resolve("target")), "the opened folder itself is searched, whatever its name");
    }
}
