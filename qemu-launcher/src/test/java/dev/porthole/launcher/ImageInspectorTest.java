package dev.porthole.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.kernel.SampleKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {
    @TempDir
    Path dir;

    @Test
    void theSampleKernelIsMultibootWithItsDebugTwin() throws Exception {
        ImageInfo info = ImageInspector.inspect(SampleKernel.image());
        assertEquals(ImageKind.MULTIBOOT_ELF32, info.kind());
        assertEquals(Optional.of(SampleKernel.debugImage().toAbsolutePath()), info.debugImage());
        assertTrue(info.description().startsWith("multiboot ELF32, "), info.description());
    }

    @Test
    void anImageWithDwarfIsItsOwnDebugImage() throws Exception {
        // the .dbg file carries DWARF; seen on its own (no twin beside it) it would be its own debug image
        Path copy = Files.copy(SampleKernel.debugImage(), dir.resolve("kernel64"));
        assertEquals(Optional.of(copy.toAbsolutePath()), ImageInspector.findDebugTwin(copy, true));
        assertEquals(Optional.empty(), ImageInspector.findDebugTwin(copy, false));
        Path twin = Files.writeString(dir.resolve("kernel64.dbg"), "x");
        assertEquals(Optional.of(twin), ImageInspector.findDebugTwin(copy, true), "a NAME.dbg beside wins");
    }

    @Test
    void aLinuxBootHeaderIsABzImageEvenBehindAnEfiStub() throws Exception {
        byte[] bz = new byte[4096];
        bz[0] = 'M';
        bz[1] = 'Z';
        System.arraycopy("HdrS".getBytes(), 0, bz, 0x202, 4);
        assertEquals(ImageKind.LINUX_BZIMAGE, ImageInspector.inspect(Files.write(dir.resolve("bzImage"), bz)).kind());
    }

    @Test
    void anElfWithThePvhNoteIsPvh() throws Exception {
        assertEquals(ImageKind.PVH_ELF64, ImageInspector.inspect(Files.write(dir.resolve("pvh.elf"), pvhElf64())).kind());
    }

    @Test
    void unknownBytesAreRefusedWithTheirFirstBytes() throws Exception {
        LaunchException e = assertThrows(LaunchException.class, () -> ImageInspector.inspect(Files.writeString(dir.resolve("notes.txt"), "hello world")));
        assertTrue(e.getMessage().contains("not a bootable x86 image") && e.getMessage().contains("68656c6c6f"), e.getMessage());
    }

    @Test
    void damagedImagesAreRefusedNeverCrash() throws Exception {
        // mutate the headers of real images at random: every outcome is an ImageInfo or a LaunchException
        java.util.Random random = new java.util.Random(7);
        for (Path original : new Path[] {SampleKernel.image(), SampleKernel.debugImage()}) {
            byte[] bytes = Files.readAllBytes(original);
            for (int round = 0; round < 120; round++) {
                byte[] damaged = java.util.Arrays.copyOf(bytes, round % 10 == 0 ? 1 + random.nextInt(128) : bytes.length);
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    int at = random.nextInt(Math.min(damaged.length, 512));
                    damaged[at] = (byte) random.nextInt(256);
                }
                Path file = Files.write(dir.resolve("damaged"), damaged);
                try {
                    ImageInspector.inspect(file);
                } catch (LaunchException expected) {
                    assertTrue(expected.getMessage().startsWith("image "), expected.getMessage());
                }
            }
        }
    }

    /** A minimal ELF64 x86-64 with one PT_NOTE segment holding the Xen PHYS32_ENTRY note. */
    private static byte[] pvhElf64() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 62).putInt(1);
        b.putLong(0x100000); // entry
        b.putLong(64); // phoff
        b.putLong(0); // shoff
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64).putShort((short) 0).putShort((short) 0);
        b.position(64); // program header: PT_NOTE at offset 128, 24 bytes
        b.putInt(4).putInt(4).putLong(128).putLong(0).putLong(0).putLong(24).putLong(24).putLong(4);
        b.position(128); // note: namesz 4 ("Xen\0"), descsz 4, type 18
        b.putInt(4).putInt(4).putInt(18).put(new byte[] {'X', 'e', 'n', 0}).putInt(0x100000);
        return b.array();
    }
}
