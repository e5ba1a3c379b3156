package dev.porthole.build.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.porthole.kernel.SampleKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutTest {
    static List<String> run(String... command) throws Exception {
        return dev.porthole.build.TestTools.run(command);
    }

    @Test
    void kernelSectionsSizesAndTotalMatchSize() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        long fromSizeTool = 0;
        for (String line : run("size", "-A", SampleKernel.debugImage().toString())) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].startsWith(".") && !parts[0].startsWith(".debug") && !parts[2].equals("0")) {
                fromSizeTool += Long.parseLong(parts[1]);
            }
        }
        assertEquals(fromSizeTool, layout.totalAllocatedSize(), "size -A's allocated sections");
        assertEquals(".text", layout.allocatedSections().get(0).name());
        assertTrue(layout.warnings().isEmpty(), layout.warnings().toString());
    }

    @Test
    void kernelTopSymbolsAgreeWithNmSizeSort() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        List<String> nm = run("nm", "--size-sort", "--reverse-sort", "-S", "--defined-only", SampleKernel.debugImage().toString());
        String[] largest = nm.get(0).split(" ");
        LayoutSymbol top = layout.topSymbols(5).get(0);
        assertEquals(Long.parseLong(largest[1], 16), top.size(), "largest size per nm: " + nm.get(0));
        assertEquals(5, layout.topSymbols(5).size());
        for (int i = 1; i < 5; i++) {
            assertTrue(layout.topSymbols(5).get(i - 1).size() >= layout.topSymbols(5).get(i).size());
        }
    }

    @Test
    void kernelSymbolsKnowTheirSourceFilesFromDwarf() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        LayoutSymbol fault = find(layout, "fault_touch_bad_pointer");
        assertNotNull(fault.file());
        assertTrue(fault.file().endsWith("kernel/app_fault.c"), fault.file());
        assertEquals("kernel", fault.directory());
        assertEquals(".text", fault.section());
        assertEquals("FUNC", fault.type());
        assertEquals("DWARF line info via binutils nm -l", layout.sourceOrigin());
    }

    @Test
    void kernelSizeTreeAddsUpAndLeadsFromSectionToSymbol() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        SizeNode root = layout.sizeTree();
        assertEquals(layout.totalAllocatedSize(), root.size());
        SizeNode text = root.child(".text");
        assertEquals(layout.elf().section(".text").orElseThrow().size(), text.size());
        SizeNode symbol = text.child("kernel").child("app_fault.c").child("fault_touch_bad_pointer");
        assertEquals(find(layout, "fault_touch_bad_pointer").size(), symbol.size());
        assertEquals(List.of("porthole.dbg", ".text", "kernel", "app_fault.c", "fault_touch_bad_pointer"),
                symbol.pathFromRoot().stream().map(SizeNode::name).toList());
        for (SizeNode section : root.children()) {
            long sum = section.children().stream().mapToLong(SizeNode::size).sum();
            assertEquals(section.size(), sum, "children of " + section.name() + " add up");
            for (int i = 1; i < section.children().size(); i++) {
                assertTrue(section.children().get(i - 1).size() >= section.children().get(i).size(), "sorted: " + section);
            }
        }
    }

    @Test
    void assemblyLabelsWithoutSizeGetTheBytesUpToTheNextSymbol() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        long stack = find(layout, "boot_stack").address();
        long top = find(layout, "boot_stack_top").address();
        assertEquals(0, find(layout, "boot_stack").size(), "entry.S gives the boot stack no .size");
        SizeNode bss = layout.sizeTree().child(".bss");
        SizeNode node = descendant(bss, "boot_stack");
        assertNotNull(node, "the boot stack is named in the tree");
        assertEquals(top - stack, node.size());
        assertEquals(layout.elf().section(".bss").orElseThrow().size(), bss.children().stream().mapToLong(SizeNode::size).sum());
    }

    static SizeNode descendant(SizeNode node, String name) {
        if (node.kind() == SizeNode.Kind.SYMBOL && node.name().equals(name)) {
            return node;
        }
        for (SizeNode child : node.children()) {
            SizeNode found = descendant(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void strippedImageSaysSoAndPointsAtItsTwin(@TempDir Path dir) throws Exception {
        Path twin = Files.copy(SampleKernel.debugImage(), dir.resolve("app.dbg"));
        Path stripped = dir.resolve("app.elf");
        run("objcopy", "--strip-all", twin.toString(), stripped.toString());
        ImageLayout layout = ImageLayout.read(stripped);
        assertEquals(0, layout.symbolCount());
        assertEquals(1, layout.warnings().size());
        assertTrue(layout.warnings().get(0).contains("stripped"), layout.warnings().get(0));
        assertTrue(layout.warnings().get(0).contains(twin.toString()), layout.warnings().get(0));
        assertEquals(twin, layout.debugTwin().orElseThrow());
        assertTrue(layout.totalAllocatedSize() > 0);
    }

    @Test
    void libjvmLayoutHasItsBigSymbolTableWithoutSourceFiles() throws Exception {
        ImageLayout layout = ImageLayout.read(dev.porthole.build.TestTools.libjvm());
        assertTrue(layout.symbolCount() > 10_000, "symbols: " + layout.symbolCount());
        SizeNode root = layout.sizeTree();
        assertEquals(layout.allocatedSections().size(), root.children().size());
        assertTrue(root.child(".text").size() >= layout.elf().section(".text").orElseThrow().size());
        LayoutSymbol largest = layout.topSymbols(1).get(0);
        assertTrue(largest.size() > 10_000, largest.toString());
    }

    @Test
    void unikraftLibrariesBecomeTheDirectoryLevel() {
        SourceDirectories dirs = SourceDirectories.of(List.of("/home/u/app/unikraft/lib/ukboot/boot.c",
                "/home/u/app/unikraft/plat/kvm/x86/setup.c", "/home/u/app/main.c", "/home/u/app/libs/musl/src/string/memcpy.c"));
        assertEquals("lib/ukboot", dirs.directoryOf("/home/u/app/unikraft/lib/ukboot/boot.c", false));
        assertEquals("plat/kvm", dirs.directoryOf("/home/u/app/unikraft/plat/kvm/x86/setup.c", false));
        assertEquals("libs/musl", dirs.directoryOf("/home/u/app/libs/musl/src/string/memcpy.c", false));
        assertEquals("app", dirs.directoryOf("/home/u/app/main.c", false));
        assertEquals(SourceDirectories.NO_LINE_INFO, dirs.directoryOf(null, false));
    }

    @Test
    void diffOfTwoRealBuildsShowsGrownRemovedAndAddedSymbols(@TempDir Path dir) throws Exception {
        Path old = compile(dir, "old", "char table[100] = {1};\nint keep(int x) { return x + 1; }\nint gone(void) { return 7; }\n"
                + "int _start(void) { return keep(2) + gone() + table[3]; }\n");
        Path neu = compile(dir, "new", "char table[300] = {1};\nint keep(int x) { return x + 1; }\nint fresh[50];\n"
                + "int _start(void) { return keep(2) + fresh[1] + table[3]; }\n");
        LayoutDiff diff = LayoutDiff.compare(ImageLayout.read(old), ImageLayout.read(neu));
        LayoutDiff.Delta table = row(diff.changedSymbols(), "table");
        assertEquals(100, table.oldSize());
        assertEquals(300, table.newSize());
        assertEquals(200, table.delta());
        assertEquals(List.of("fresh"), diff.addedSymbols().stream().map(LayoutDiff.Delta::name).toList());
        assertEquals(List.of("gone"), diff.removedSymbols().stream().map(LayoutDiff.Delta::name).toList());
        assertTrue(diff.changedSymbols().stream().noneMatch(d -> d.name().equals("keep")), "unchanged symbols are left out");
        LayoutDiff.Delta bss = row(diff.sections(), ".bss");
        assertTrue(bss.added() || bss.delta() > 0, bss.toString());
        assertEquals(diff.newTotal() - diff.oldTotal(), diff.sections().stream().mapToLong(LayoutDiff.Delta::delta).sum());
    }

    @Test
    void symbolizerNamesKernelAddressesWithFileAndLine() throws Exception {
        ImageLayout layout = ImageLayout.read(SampleKernel.debugImage());
        LayoutSymbol fault = find(layout, "fault_touch_bad_pointer");
        Symbolizer symbolizer = Symbolizer.forImage(SampleKernel.debugImage());
        String described = symbolizer.describe(fault.address() + 4);
        assertTrue(described.matches("fault_touch_bad_pointer\\+0x4 \\(kernel/app_fault\\.c:\\d+\\)"), described + " from " + SampleKernel.debugImage());
        assertEquals("0xdead0000", symbolizer.describe(0xdead0000L));
        List<String> backtrace = symbolizer.describe(List.of(fault.address(), find(layout, "kmain").address() + 1));
        assertTrue(backtrace.get(0).startsWith("fault_touch_bad_pointer+0x0 (kernel/app_fault.c:"), backtrace.get(0));
        assertTrue(backtrace.get(1).startsWith("kmain+0x1 (kernel/main.c:"), backtrace.get(1));
    }

    static LayoutDiff.Delta row(List<LayoutDiff.Delta> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + rows));
    }

    static LayoutSymbol find(ImageLayout layout, String name) {
        for (LayoutSymbol symbol : layout.symbols()) {
            if (symbol.name().equals(name)) {
                return symbol;
            }
        }
        throw new AssertionError(name + " is not in " + layout.image());
    }

    static Path compile(Path dir, String name, String source) throws Exception {
        Path c = Files.writeString(dir.resolve(name + ".c"), source);
        Path out = dir.resolve(name + ".elf");
        List<String> command = new ArrayList<>(List.of("gcc", "-g", "-O1", "-nostdlib", "-static", "-fno-pie", "-no-pie",
                "-o", out.toString(), c.toString()));
        run(command.toArray(String[]::new));
        return out;
    }
}
