package dev.ecsiamguard.aws.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The transport of SnapStart priming: every request the SDK has marshalled and signed is answered by a
 * {@link PrimingAccount} in memory and unmarshalled as usual. There is no network code here at all, so nothing
 * that priming does can reach, let alone change, an AWS account, and it needs no network at snapshot time.
 */
public final class PrimingHttpClient implements SdkHttpClient {

    private final PrimingAccount account;
    private final List<String> answered = new CopyOnWriteArrayList<>();

    public PrimingHttpClient(PrimingAccount account) {
        this.account = account;
    }

    /** `service:Operation` of every request answered so far. */
    public List<String> answered() {
        return List.copyOf(answered);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                SdkHttpRequest http = request.httpRequest();
                String body = request.contentStreamProvider().isPresent()
                        ? read(request.contentStreamProvider().get().newStream()) : "";
                String service = service(http.firstMatchingHeader("Authorization").orElse(""));
                PrimingAccount.Answer answer = account.answer(service,
                        http.firstMatchingHeader("X-Amz-Target").orElse(""), body);
                answered.add(service + ":" + answer.operation());
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(answer.status())
                                .putHeader("Content-Type", answer.contentType())
                                .putHeader("Content-Length", String.valueOf(bytes.length))
                                .putHeader("x-amzn-RequestId", "priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
                // answered synchronously in memory: nothing to abort
            }
        };
    }

    // The signing name in the SigV4 credential scope (`Credential=KEY/DATE/REGION/SERVICE/aws4_request`): the host
    // cannot tell, since the SDK itself honours AWS_ENDPOINT_URL.
    static String service(String authorization) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/")
                .matcher(authorization);
        if (!m.find()) {
            throw new IllegalStateException("SnapStart priming got an unsigned request: `" + authorization + "`");
        }
        return m.group(1);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String clientName() {
        return "ecs-iam-guard-priming";
    }

    @Override
    public void close() {
        // holds no connection
    }
}
