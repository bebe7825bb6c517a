package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.sequence.ConstrainedFileVersions;
import io.lockbench.impl.sequence.FileVersion;
import io.lockbench.impl.sequence.FileVersions;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The sequence workload on a sequencing variant: {@code append} adds a version (creating the
 * file at version 1 when it does not exist) and answers its number; {@code read} answers
 * {@code [[version, content] …]}.
 */
final class SequenceClient extends ReferenceClient {

    private FileVersions files;

    SequenceClient(Variant variant) {
        super(variant);
    }

    @Override
    protected void opened() {
        files = switch (variant) {
            // Every append is a version, as the checker's model has it, even with a repeated payload.
            case CONSTRAINED_SEQUENCE -> new ConstrainedFileVersions(db).newVersionWhenUnchanged(true);
            case MAX_PLUS_ONE -> new MaxPlusOneFileVersions(db, thinkTime());
            default -> throw new IllegalArgumentException(variant.cliName() + " is not a sequencing variant");
        };
    }

    @Override
    public Completion invoke(Operation op) {
        String file = (String) op.key();
        return switch (op.f()) {
            case "append" -> Completion.ok(append(file, (String) op.value()));
            case "read" -> Completion.ok(files.history(file).stream()
                    .map(v -> List.<Object>of(v.version(), v.content())).toList());
            default -> throw new IllegalArgumentException("the sequence workload has no operation '" + op.f() + "'");
        };
    }

    private long append(String file, String payload) {
        try {
            return files.update(file, payload).version();
        } catch (NoSuchElementException missing) {
            try {
                return files.create(file, payload).version();
            } catch (IllegalStateException alreadyCreated) {
                // Another client created it between our two calls: nothing of ours was written.
                FileVersion v = files.update(file, payload);
                return v.version();
            }
        }
    }
}
