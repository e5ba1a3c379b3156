package dev.porthole.app.editor;

/**
 * The style classes the highlighters put on text. editor.css colours each one with a looked-up colour the app's theme
 * defines ({@code -ph-syn-keyword} and friends), so a theme recolours code without touching Java.
 */
public final class SyntaxStyle {
    public static final String KEYWORD = "ph-syn-keyword";
    public static final String TYPE = "ph-syn-type";
    public static final String STRING = "ph-syn-string";
    public static final String NUMBER = "ph-syn-number";
    public static final String COMMENT = "ph-syn-comment";
    public static final String PREPROC = "ph-syn-preproc";
    /** x86 registers ({@code %rax}) and the linker's location counter. */
    public static final String REGISTER = "ph-syn-register";
    /** Assembler directives ({@code .section}), linker section names, make special targets. */
    public static final String DIRECTIVE = "ph-syn-directive";
    /** Assembly labels and make targets. */
    public static final String LABEL = "ph-syn-label";
    public static final String INSTRUCTION = "ph-syn-instruction";
    /** AT&T immediates ({@code $0x10}). */
    public static final String IMMEDIATE = "ph-syn-immediate";
    /** Make variables, defined or referenced; linker symbols being assigned. */
    public static final String VARIABLE = "ph-syn-variable";
    /** A Makefile recipe line (the shell command under a target). */
    public static final String RECIPE = "ph-syn-recipe";

    private SyntaxStyle() {
    }
}
