package io.lockbench.stress.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that a history is well formed before anything is concluded from it — Jepsen's rules:
 * <ul>
 *   <li>indexes strictly increase;</li>
 *   <li>every completion ({@code ok}/{@code fail}/{@code info}) closes an invocation of its process;</li>
 *   <li>a process has at most one operation in flight;</li>
 *   <li>a process whose operation ended {@code info} never invokes again (it is retired);</li>
 *   <li>a completion has the same {@code f} and key as its invocation.</li>
 * </ul>
 * The nemesis ({@link Op#NEMESIS}) records faults its own way and is only held to the index rule.
 * Every problem is reported with the op's index; none is silently accepted.
 */
public final class HistoryValidator {

    private HistoryValidator() {
    }

    /** All problems, in history order; empty when the history is well formed. */
    public static List<HistoryProblem> validate(History history) {
        List<HistoryProblem> problems = new ArrayList<>();
        ProcessSlots inFlight = new ProcessSlots();
        ProcessSlots retiredBy = new ProcessSlots(); // the position of the info that retired it
        long previousIndex = Long.MIN_VALUE;
        for (int position = 0; position < history.size(); position++) {
            Op op = history.get(position);
            if (position > 0 && op.index() <= previousIndex) {
                problems.add(new HistoryProblem(op.index(), position, "index " + op.index()
                        + " does not increase (the op before it has index " + previousIndex + ")"));
            }
            previousIndex = op.index();
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (op.isInvoke()) {
                int open = inFlight.get(op.process());
                if (open != ProcessSlots.NONE) {
                    problems.add(new HistoryProblem(op.index(), position, "process " + op.process()
                            + " invokes while its op " + history.get(open).index() + " is still in flight"));
                }
                int retired = retiredBy.get(op.process());
                if (retired != ProcessSlots.NONE) {
                    problems.add(new HistoryProblem(op.index(), position, "process " + op.process()
                            + " invokes again after its op " + history.get(retired).index() + " ended with info (a process "
                            + "whose op is indeterminate is retired)"));
                }
                inFlight.put(op.process(), position);
                continue;
            }
            int open = inFlight.remove(op.process());
            if (open == ProcessSlots.NONE) {
                problems.add(new HistoryProblem(op.index(), position, op.type().wireName()
                        + " without an invoke: process " + op.process() + " has no operation in flight"));
                continue;
            }
            Op invocation = history.get(open);
            if (!invocation.f().equals(op.f())) {
                problems.add(new HistoryProblem(op.index(), position, "completion's f \"" + op.f()
                        + "\" differs from its invocation's f \"" + invocation.f() + "\" (op "
                        + invocation.index() + ")"));
            }
            if (!Objects.equals(invocation.key(), op.key())) {
                problems.add(new HistoryProblem(op.index(), position, "completion's key " + op.key()
                        + " differs from its invocation's key " + invocation.key() + " (op "
                        + invocation.index() + ")"));
            }
            if (op.isInfo()) {
                retiredBy.put(op.process(), position);
            }
        }
        return problems;
    }

    /** One line for a report: the first few problems and how many there are. */
    public static String summarize(List<HistoryProblem> problems) {
        StringBuilder b = new StringBuilder("the history is malformed (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): ");
        Set<String> shown = new HashSet<>();
        int n = 0;
        for (HistoryProblem p : problems) {
            if (n == 3) {
                b.append("; ...");
                break;
            }
            if (shown.add(p.toString())) {
                b.append(n == 0 ? "" : "; ").append(p);
                n++;
            }
        }
        return b.toString();
    }
}
