package dev.ecsiamguard.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every AWS call an SDK client makes (`Service:Operation`), so tests can count writes. */
public final class CallRecorder implements ExecutionInterceptor {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Calls that may change something: anything but Get*, BatchGet*, List*, Describe*. */
    public List<String> writes() {
        return calls.stream().filter(c -> {
            String op = c.substring(c.indexOf(':') + 1);
            return !(op.startsWith("Get") || op.startsWith("BatchGet") || op.startsWith("List")
                    || op.startsWith("Describe"));
        }).toList();
    }

    public void clear() {
        calls.clear();
    }
}
