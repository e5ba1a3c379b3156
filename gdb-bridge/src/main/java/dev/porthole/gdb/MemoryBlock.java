package dev.porthole.gdb;

/** Bytes read from the target's memory, starting at {@code address}. */
public record MemoryBlock(long address, byte[] bytes) {
    public int length() {
        return bytes.length;
    }

    public String hex() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
