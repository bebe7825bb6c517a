package io.lockbench.stress.runner;

import io.lockbench.api.ClientContext;
import io.lockbench.impl.db.Database;
import io.lockbench.stress.client.ProcessDatabase;
import io.lockbench.stress.scenario.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** What one client process is given: its own pool on the run's database, its process id, the settings. */
record ProcessContext(String jdbcUrl, Database database, String backend, long process, Map<String, String> settings,
                      Clock clock) implements ClientContext, ProcessDatabase {

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public Optional<Duration> duration(String setting) {
        String v = settings.get(setting);
        return v == null ? Optional.empty() : Optional.of(Durations.parse(v));
    }
}
