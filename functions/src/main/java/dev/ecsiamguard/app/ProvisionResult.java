package dev.ecsiamguard.app;

import static dev.ecsiamguard.core.json.Json.object;

import dev.ecsiamguard.core.Bounded;
import dev.ecsiamguard.core.provision.Note;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provisioning run did: the resources that now exist, each write made, and what was reported but left
 * alone. `rejected` means the input was invalid and nothing was read or written.
 */
public record ProvisionResult(String status, String service, String repository, String executionRoleArn,
                              String taskRoleArn, String logGroupName, String clusterArn, List<String> changes,
                              List<Note> notes, String error, long awsCalls) {

    public static ProvisionResult rejected(String repository, String error) {
        return new ProvisionResult("rejected", "", Bounded.value(repository), "", "", "", "",
                List.of(), List.of(), Bounded.message(error), 0);
    }

    /** The same result, with the number of AWS calls it took (logged, not part of the published event). */
    public ProvisionResult withAwsCalls(long calls) {
        return new ProvisionResult(status, service, repository, executionRoleArn, taskRoleArn, logGroupName,
                clusterArn, changes, notes, error, calls);
    }

    /**
     * What an announcement says, without the writes that led to it: two runs that end in the same state (and the
     * same notes) have the same digest, so a replay announces nothing new.
     */
    public String announcementDigest() {
        Map<String, Object> announced = new LinkedHashMap<>(toMap());
        announced.remove("changes");
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    dev.ecsiamguard.core.json.Json.write(announced).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** A plain map: what the handler returns (the Lambda runtime writes it as JSON) and the event's detail. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", status);
        if (!error.isEmpty()) {
            map.put("error", error);
        }
        map.put("service", service);
        map.put("repository", repository);
        if ("ok".equals(status)) {
            map.put("executionRoleArn", executionRoleArn);
            map.put("taskRoleArn", taskRoleArn);
            map.put("logGroupName", logGroupName);
            map.put("clusterArn", clusterArn);
            map.put("changes", changes);
            map.put("notes", notes.stream().map(n -> object("resource", n.resource(), "message", n.message()))
                    .toList());
        }
        return map;
    }
}
