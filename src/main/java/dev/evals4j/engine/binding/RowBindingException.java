package dev.evals4j.engine.binding;

/**
 * One row cannot be bound to the method's parameters: a column it lacks or a value that does not
 * convert to the parameter's type. It fails that row only, is never retried, and its message names
 * the row, its location, the column and the expected type.
 */
final class RowBindingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete, user-facing message. */
    public RowBindingException(String message) {
        super(message);
    }

    /** An error with a complete, user-facing message and its cause. */
    public RowBindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
