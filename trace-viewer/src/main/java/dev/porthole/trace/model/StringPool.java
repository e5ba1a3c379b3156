package dev.porthole.trace.model;

import java.util.Arrays;

/**
 * Interned strings with dense int ids: event names, categories, argument keys and string values are stored
 * once and referenced by id from the model's columns. Readers intern straight from a parser's char buffer
 * ({@link #intern(char[], int, int)}), so a name seen a million times costs one String, not a million.
 * Not thread-safe: one reader fills it, after which it is only read.
 */
public final class StringPool {
    private String[] strings = new String[256];
    private int[] hashes = new int[256];
    private int size;
    private int[] table = new int[512]; // open addressing: id + 1, 0 = empty

    public StringPool() {
        intern(""); // id 0 is the empty string: "no name" / "no category"
    }

    public int size() {
        return size;
    }

    public String get(int id) {
        return strings[id];
    }

    public int intern(String s) {
        int h = s.hashCode();
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return add(s, h, slot);
            }
            int id = entry - 1;
            if (hashes[id] == h && strings[id].equals(s)) {
                return id;
            }
        }
    }

    public int intern(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[offset + i];
        }
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return add(new String(chars, offset, length), h, slot);
            }
            int id = entry - 1;
            if (hashes[id] == h && sameChars(strings[id], chars, offset, length)) {
                return id;
            }
        }
    }

    /** The id of {@code s}, or -1 when it was never interned. */
    public int find(String s) {
        int h = s.hashCode();
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            int id = entry - 1;
            if (hashes[id] == h && strings[id].equals(s)) {
                return id;
            }
        }
    }

    /** Bytes held, roughly: for the memory budget and the benchmark's per-event figure. */
    public long approximateBytes() {
        long bytes = (long) strings.length * 8 + (long) hashes.length * 4 + (long) table.length * 4;
        for (int i = 0; i < size; i++) {
            bytes += 40 + strings[i].length();
        }
        return bytes;
    }

    private static boolean sameChars(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) * 0x45d9f3b;
    }

    private int add(String s, int hash, int slot) {
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        strings[id] = s;
        hashes[id] = hash;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hashes[id]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        table = bigger;
    }
}
