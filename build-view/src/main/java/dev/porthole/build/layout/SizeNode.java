package dev.porthole.build.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the size hierarchy: image -> section -> source directory -> file -> symbol. A node's size
 * is the sum of its children's; a section also holds an {@link Kind#UNATTRIBUTED} child for the bytes no
 * sized symbol covers (padding, alignment, assembly without {@code .size}), so the sections add up to
 * what the image really occupies.
 */
public final class SizeNode {
    public enum Kind { IMAGE, SECTION, DIRECTORY, FILE, SYMBOL, UNATTRIBUTED }

    private final String name;
    private final dev.porthole.build.elf.SymbolTable symbols;
    private final int symbolIndex;
    private final Kind kind;
    private final SizeNode parent;
    private final List<SizeNode> children = new ArrayList<>();
    private final String path;
    private long size;

    SizeNode(String name, Kind kind, SizeNode parent, String path) {
        this(name, null, -1, kind, parent, path);
    }

    /** A symbol leaf whose name is decoded from the table only when shown (libjvm.so has 58,000 of them). */
    SizeNode(dev.porthole.build.elf.SymbolTable symbols, int symbolIndex, SizeNode parent, String path) {
        this(null, symbols, symbolIndex, Kind.SYMBOL, parent, path);
    }

    private SizeNode(String name, dev.porthole.build.elf.SymbolTable symbols, int symbolIndex, Kind kind, SizeNode parent, String path) {
        this.name = name;
        this.symbols = symbols;
        this.symbolIndex = symbolIndex;
        this.kind = kind;
        this.parent = parent;
        this.path = path;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public String name() {
        return name != null ? name : symbols.name(symbolIndex);
    }

    public Kind kind() {
        return kind;
    }

    /** Bytes this node occupies in memory. */
    public long size() {
        return size;
    }

    /** Null for the root. */
    public SizeNode parent() {
        return parent;
    }

    /** Children, largest first. */
    public List<SizeNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** For a file or a symbol: the source file's path as the image states it; otherwise null. */
    public String sourcePath() {
        return path;
    }

    /** The names from the root's child down to this node, for a breadcrumb. */
    public List<SizeNode> pathFromRoot() {
        List<SizeNode> nodes = new ArrayList<>();
        for (SizeNode node = this; node != null; node = node.parent) {
            nodes.add(0, node);
        }
        return nodes;
    }

    /** The child with this name, or null. */
    public SizeNode child(String childName) {
        for (SizeNode child : children) {
            if (child.name().equals(childName)) {
                return child;
            }
        }
        return null;
    }

    void addSize(long bytes) {
        size += bytes;
    }

    void setSize(long bytes) {
        size = bytes;
    }

    /** Sorts every level by size, largest first; equal sizes keep their order (address order for symbols). */
    void sortBySize() {
        if (children.size() > 1) {
            children.sort((a, b) -> Long.compareUnsigned(b.size, a.size));
        }
        for (int i = 0; i < children.size(); i++) {
            SizeNode child = children.get(i);
            if (!child.children.isEmpty()) { // symbols are leaves: most nodes need nothing
                child.sortBySize();
            }
        }
    }

    @Override
    public String toString() {
        return kind + " " + name() + " (" + size + " bytes, " + children.size() + " children)";
    }
}
