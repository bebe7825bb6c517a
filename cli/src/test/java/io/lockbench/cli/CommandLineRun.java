package io.lockbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code lockbench} command line in this JVM, with what it printed.
 *
 * @param exitCode 0 valid, 1 invalid, 2 unknown or error
 */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lockbench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
