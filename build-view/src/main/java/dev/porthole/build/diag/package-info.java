/** gcc, clang, GNU as, GNU ld, lld and make output to {@link dev.porthole.build.diag.Diagnostic}s; the grammar is in {@link dev.porthole.build.diag.DiagnosticsParser}. */
package dev.porthole.build.diag;
