package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.optimistic.CheckContentAfterWriteStore;
import io.lockbench.impl.optimistic.OptimisticLockException;
import io.lockbench.impl.optimistic.OptimisticStore;
import io.lockbench.impl.optimistic.VerifyAfterWriteStore;
import io.lockbench.impl.optimistic.VersionedRecord;
import io.lockbench.impl.optimistic.VersionedStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The register workload on an optimistic-retry variant: {@code read} gives {@code [version,
 * content]}; {@code write [expected, content]} is one attempt of the variant's update from the
 * version the worker read (0: create the record).
 */
final class RegisterClient extends ReferenceClient {

    private VersionedStore store;

    RegisterClient(Variant variant) {
        super(variant);
    }

    @Override
    protected void opened() {
        store = switch (variant) {
            case OPTIMISTIC -> new OptimisticStore(db);
            case VERIFY_AFTER_WRITE -> new VerifyAfterWriteStore(db, thinkTime());
            case CHECK_CONTENT_AFTER_WRITE -> new CheckContentAfterWriteStore(db, thinkTime());
            default -> throw new IllegalArgumentException(variant.cliName() + " is not an optimistic-retry variant");
        };
    }

    @Override
    public Completion invoke(Operation op) {
        String key = (String) op.key();
        if (op.f().equals("read")) {
            Optional<VersionedRecord> r = store.read(key);
            return Completion.ok(r.map(v -> Arrays.<Object>asList(v.version(), v.content()))
                    .orElse(Arrays.asList(0L, null)));
        }
        if (!op.f().equals("write")) {
            throw new IllegalArgumentException("the register workload has no operation '" + op.f() + "'");
        }
        List<?> value = (List<?>) op.value();
        long expected = ((Number) value.get(0)).longValue();
        String content = (String) value.get(1);
        if (expected == 0) {
            try {
                store.create(key, content);
                return Completion.ok(op.value());
            } catch (DatabaseException e) {
                if (e.kind() == ErrorKind.UNIQUE_VIOLATION) {
                    return Completion.fail("VERSION_CONFLICT", "record '" + key + "' already exists");
                }
                throw e;
            }
        }
        if (store instanceof OptimisticStore cas) {
            return cas.compareAndSet(key, expected, content).isPresent() ? Completion.ok(op.value())
                    : Completion.fail("VERSION_CONFLICT", "record '" + key + "' is no longer at version " + expected);
        }
        if (store instanceof VerifyAfterWriteStore twin) {
            // The classic mistake from the version this worker read: blind write of expected + 1, check the version.
            return twin.writeAndVerify(key, expected, content) ? Completion.ok(op.value())
                    : Completion.fail("VERSION_CONFLICT", "record '" + key + "' is not at version " + (expected + 1)
                    + " after the write");
        }
        // A broken twin's one attempt: whatever it checks, it is what a caller that read
        // `expected` gets from it.
        try {
            store.updateWithLocking(key, old -> content, 1);
            return Completion.ok(op.value());
        } catch (OptimisticLockException e) {
            return Completion.fail("VERSION_CONFLICT", e.getMessage());
        }
    }
}
