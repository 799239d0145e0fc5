package dev.ecsiamguard.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda {@link Context} for local runs: a fresh request id, the function's name, a logger to a stream. */
public final class LocalContext implements Context {

    private final String functionArn;
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;
    private final int memoryMb;
    private final LambdaLogger logger;

    /**
     * A context whose function ARN is in this process's `AWS_REGION` and `AWS_ACCOUNT_ID` (moto's account
     * 123456789012 and us-east-1 when unset): the handlers take their account from it.
     */
    public LocalContext(String functionName, int timeoutSeconds, int memoryMb, PrintStream log) {
        this(defaultArn(functionName), functionName, timeoutSeconds, memoryMb, log);
    }

    public LocalContext(String functionArn, String functionName, int timeoutSeconds, int memoryMb,
                        PrintStream log) {
        this.functionArn = functionArn;
        this.functionName = functionName;
        this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        this.memoryMb = memoryMb;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.print(message);
                log.flush();
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/" + requestId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    /** The ARN a function of this name would have in the given account and region. */
    public static String functionArn(String account, String region, String functionName) {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + functionName;
    }

    private static String defaultArn(String functionName) {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        String account = System.getenv().getOrDefault("AWS_ACCOUNT_ID", "123456789012");
        return functionArn(account.matches("\\d{12}") ? account : "123456789012",
                region.isBlank() ? "us-east-1" : region, functionName);
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
