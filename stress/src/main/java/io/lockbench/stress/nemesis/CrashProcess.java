package io.lockbench.stress.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Kills client processes with SIGKILL, in the middle of whatever they were doing (a transaction,
 * a COMMIT): the crash of an application process that shares the database. Needs the scenario's
 * clients to run in processes of their own ({@code client-processes: true}). Their operations end
 * {@code info}; the runner starts a new process in each one's place. Option {@code count} (1).
 */
final class CrashProcess implements Nemesis {

    private final int count;

    CrashProcess(int count) {
        this.count = count;
    }

    @Override
    public String name() {
        return "crash-process";
    }

    @Override
    public Optional<String> unavailable(NemesisContext context) {
        return context.clientsInProcesses() ? Optional.empty()
                : Optional.of("crash-process kills client processes: set client-processes: true in the scenario");
    }

    @Override
    public String start(NemesisContext context) {
        List<ClientHandle> clients = new ArrayList<>(context.clients());
        Collections.shuffle(clients, context.random());
        List<String> killed = new ArrayList<>();
        for (ClientHandle c : clients) {
            if (killed.size() >= count) {
                break;
            }
            long pid = c.crash();
            if (pid > 0) {
                killed.add("process " + c.process() + " (pid " + pid + ")");
            }
        }
        return "killed " + (killed.isEmpty() ? "nothing: no client process was running" : String.join(", ", killed))
                + " with SIGKILL";
    }

    @Override
    public String heal(NemesisContext context) {
        return "the runner starts new client processes in their place";
    }
}
