package io.lockbench.impl.sequence;

/** Every attempt to add a version lost the race for its number to another writer. */
public class SequenceConflictException extends RuntimeException {

    private final String fileId;
    private final int attempts;

    public SequenceConflictException(String fileId, int attempts, Throwable last) {
        super("could not add a version to file '" + fileId + "' after " + attempts
                + " attempts: another writer took each version number first", last);
        this.fileId = fileId;
        this.attempts = attempts;
    }

    public String fileId() {
        return fileId;
    }

    public int attempts() {
        return attempts;
    }
}
