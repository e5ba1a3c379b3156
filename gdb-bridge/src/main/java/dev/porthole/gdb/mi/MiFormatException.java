package dev.porthole.gdb.mi;

/** gdb wrote something that is not GDB/MI, or a result lacks a field its command promises. */
public class MiFormatException extends RuntimeException {
    public MiFormatException(String message) {
        super(message);
    }
}
