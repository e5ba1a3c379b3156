package dev.porthole.app.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegisterBitsTest {
    @Test
    void longModeControlRegistersReadAsTheirBits() {
        // What a 64-bit kernel with paging, write-protect and NX typically holds.
        assertEquals("PG WP NE ET MP PE", RegisterBits.summary("cr0", 0x80010033L));
        assertEquals("OSXMMEXCPT OSFXSR PGE PAE", RegisterBits.summary("cr4", 0x6a0L));
        assertEquals("NXE LMA LME", RegisterBits.summary("efer", 0xd00L));
        assertEquals("PML4=0x10a000 PCD", RegisterBits.summary("cr3", 0x10a010L));
    }

    @Test
    void rflagsShowsIoplAsAField() {
        assertEquals("IOPL=0 IF ZF PF", RegisterBits.summary("eflags", 0x246L));
        assertEquals("IOPL=3", RegisterBits.summary("rflags", 0x3000L).substring(0, 6));
    }

    @Test
    void pageFaultErrorCodesInWords() {
        assertEquals("page not present, write, supervisor mode", RegisterBits.pageFaultError(0x2));
        assertEquals("protection violation, read, user mode, instruction fetch", RegisterBits.pageFaultError(0x15));
    }

    @Test
    void registersWithoutNamedBitsHaveNone() {
        assertTrue(RegisterBits.fieldsOf("rax").isEmpty());
        assertTrue(RegisterBits.decode("rip", 0x1000).isEmpty());
    }
}
