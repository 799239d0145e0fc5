package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.LogGroupState;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Reads log groups into {@link LogGroupState} snapshots and applies log group changes. */
public final class LogGroups {

    private final CloudWatchLogsClient logs;

    public LogGroups(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    public LogGroupState read(String name) {
        Optional<LogGroup> found = logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name)).findFirst();
        if (found.isEmpty()) {
            return LogGroupState.absent(name);
        }
        LogGroup group = found.get();
        // DescribeLogGroups gives `...:log-group:NAME:*`; the tagging API wants the ARN without `:*`.
        String arn = group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2) : group.arn();
        Map<String, String> tags = new TreeMap<>(logs.listTagsForResource(r -> r.resourceArn(arn)).tags());
        return new LogGroupState(name, true, arn, Optional.ofNullable(group.retentionInDays()), tags);
    }

    public boolean apply(Change change) {
        if (change instanceof Change.CreateLogGroup c) {
            logs.createLogGroup(r -> r.logGroupName(c.logGroup().name()).tags(c.logGroup().tags()));
        } else if (change instanceof Change.PutRetention c) {
            logs.putRetentionPolicy(r -> r.logGroupName(c.logGroupName()).retentionInDays(c.days()));
        } else {
            return false;
        }
        return true;
    }
}
