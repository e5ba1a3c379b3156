/** {@code porthole build} and {@code porthole layout}. */
package dev.porthole.build.cli;
