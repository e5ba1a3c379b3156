package dev.porthole.launcher.cli;

import dev.porthole.launcher.cli.CliCommand.UsageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small GNU-style argument parser shared by every subcommand: {@code --name value}, {@code --name=value},
 * boolean {@code --flag}s, repeated options, and positionals. It knows which options take values, so
 * {@code --json IMAGE} never swallows the image, and an unknown option is an error that names it.
 */
public final class CliArgs {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private CliArgs() {
    }

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param flags  options that take none
     */
    public static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags) {
        CliArgs parsed = new CliArgs();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositionals || !arg.startsWith("--") || arg.equals("-")) {
                if (!onlyPositionals && arg.startsWith("-") && arg.length() > 1 && !arg.equals("-")) {
                    throw new UsageException("unknown option '" + arg + "' (options are spelled --name)");
                }
                parsed.positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else {
                throw new UsageException("unknown option '--" + name + "'");
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public List<String> values(String name) {
        return Collections.unmodifiableList(options.getOrDefault(name, List.of()));
    }

    public int intValue(String name, int fallback, int min, int max) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.get().trim());
            if (v < min || v > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got '" + raw.get() + "'");
        }
    }

    public double doubleValue(String name, double fallback, double min, double max) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(raw.get().trim());
            if (!(v >= min && v <= max)) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + raw.get());
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, got '" + raw.get() + "'");
        }
    }

    public List<String> positionals() {
        return Collections.unmodifiableList(positionals);
    }

    /** The positionals, refusing more than {@code max} of them. */
    public List<String> positionals(int max, String what) {
        if (positionals.size() > max) {
            throw new UsageException("too many arguments: " + String.join(" ", positionals.subList(max, positionals.size()))
                    + " (expected " + what + ")");
        }
        return positionals();
    }
}
