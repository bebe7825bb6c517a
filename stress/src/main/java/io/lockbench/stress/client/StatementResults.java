package io.lockbench.stress.client;

import java.util.List;
import java.util.Map;

/**
 * What an operation's statements returned.
 *
 * @param bound    every parameter after the last statement: the workload's, and each column of the
 *                 first row of each statement that returned rows, by label (lower case)
 * @param lastRows the rows of the last statement, each a map from column label to value ({@code []}
 *                 for a statement that returns no rows)
 * @param lastCount how many rows the last statement changed or returned
 */
public record StatementResults(Map<String, Object> bound, List<Map<String, Object>> lastRows, long lastCount) {
}
