package dev.ecsiamguard.core.taskdef;

/** Task definition text that cannot become a {@link TaskDefinition}; the message starts with where it went wrong. */
public final class TaskDefinitionParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String location;

    public TaskDefinitionParseException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
        this.location = location;
    }

    /** The JSON path of the offending value, such as {@code containerDefinitions[2].environment[0]}. */
    public String location() {
        return location;
    }
}
