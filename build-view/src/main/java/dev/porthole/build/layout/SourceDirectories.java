package dev.porthole.build.layout;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the "directory" level of the size hierarchy (section -> directory -> file -> symbol) for each
 * source file.
 *
 * <p>Rule: a file under a Unikraft-style library folder ({@code lib/NAME}, {@code plat/NAME},
 * {@code drivers/NAME}, {@code libs/NAME}, {@code arch/NAME}) belongs to that library, spelled as those
 * two path elements ({@code lib/ukboot}, {@code plat/kvm}); any other file belongs to its folder relative
 * to the common folder of all the image's sources, and files directly in that common folder to the common
 * folder's own name (the sample kernel's sources all sit in {@code kernel/}, so its directory is
 * {@code kernel}).
 */
final class SourceDirectories {
    static final String NO_LINE_INFO = "(no line info)";
    static final String FILE_NAME_ONLY = "(file names from the symbol table)";

    private static final Pattern LIBRARY = Pattern.compile("(?:^|/)((?:lib|libs|plat|drivers|arch)/[^/]+)/");

    private final String commonRoot;

    private SourceDirectories(String commonRoot) {
        this.commonRoot = commonRoot;
    }

    /** @param absoluteFiles the image's source files with full paths */
    static SourceDirectories of(Collection<String> absoluteFiles) {
        String common = null;
        for (String file : absoluteFiles) {
            if (!file.startsWith("/")) {
                continue;
            }
            String dir = file.substring(0, Math.max(1, file.lastIndexOf('/')));
            common = common == null ? dir : commonPrefixDir(common, dir);
        }
        return new SourceDirectories(common == null ? "" : common);
    }

    private static String commonPrefixDir(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == a.length() && (i == b.length() || b.charAt(i) == '/')) {
            return a;
        }
        if (i == b.length() && a.charAt(i) == '/') {
            return b;
        }
        int slash = a.lastIndexOf('/', i - 1);
        return slash <= 0 ? "/" : a.substring(0, slash);
    }

    String commonRoot() {
        return commonRoot;
    }

    /** The directory level for a file; {@code fromSymbolTable} marks a bare file name from an STT_FILE symbol. */
    String directoryOf(String file, boolean fromSymbolTable) {
        if (file == null) {
            return NO_LINE_INFO;
        }
        if (fromSymbolTable) {
            return FILE_NAME_ONLY;
        }
        String relative = file;
        if (!commonRoot.isEmpty() && file.startsWith(commonRoot + "/")) {
            relative = file.substring(commonRoot.length() + 1);
        } else if (commonRoot.equals("/") && file.startsWith("/")) {
            relative = file.substring(1);
        }
        Matcher library = LIBRARY.matcher(relative);
        if (library.find()) {
            return library.group(1);
        }
        int slash = relative.lastIndexOf('/');
        if (slash > 0) {
            return relative.substring(0, slash);
        }
        int rootSlash = commonRoot.lastIndexOf('/');
        return rootSlash >= 0 && rootSlash < commonRoot.length() - 1 ? commonRoot.substring(rootSlash + 1) : ".";
    }
}
