package io.lockbench.cli;

import picocli.CommandLine;

/** Range checks for numeric options, failing as picocli does: the option as typed, its value and the range. */
final class OptionRange {

    private OptionRange() {
    }

    static void require(CommandLine.Model.CommandSpec spec, String option, double value, double min, double max,
                        String range) {
        if (!(value >= min && value <= max)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + format(value) + " (expected " + range + ")");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
