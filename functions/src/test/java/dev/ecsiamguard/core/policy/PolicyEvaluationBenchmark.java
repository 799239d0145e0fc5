package dev.ecsiamguard.core.policy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one decision against a role with 10 statements and 5 condition clauses (target: median under 1 us).
 * Run with {@code scripts/bench-policy} from the repository root.
 */
@State(Scope.Benchmark)
public class PolicyEvaluationBenchmark {

    private static final String INLINE = "{'Version':'2012-10-17','Statement':["
            + "{'Sid':'Pull','Effect':'Allow','Action':['ecr:BatchGetImage','ecr:GetDownloadUrlForLayer'],"
            + "'Resource':'arn:aws:ecr:eu-west-1:123456789012:repository/app-*'},"
            + "{'Sid':'Token','Effect':'Allow','Action':'ecr:GetAuthorizationToken','Resource':'*'},"
            + "{'Sid':'Logs','Effect':'Allow','Action':['logs:CreateLogStream','logs:PutLogEvents'],"
            + "'Resource':'arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app:*'},"
            + "{'Sid':'Secrets','Effect':'Allow','Action':'secretsmanager:GetSecretValue',"
            + "'Resource':'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/app/*',"
            + "'Condition':{'StringEquals':{'aws:ResourceTag/team':'${aws:PrincipalTag/team}'},"
            + "'StringLike':{'aws:PrincipalArn':'arn:aws:iam::123456789012:role/app-*'},"
            + "'IpAddressIfExists':{'aws:SourceIp':['10.0.0.0/8','192.168.0.0/16']}}},"
            + "{'Sid':'Params','Effect':'Allow','Action':'ssm:GetParameters',"
            + "'Resource':'arn:aws:ssm:eu-west-1:123456789012:parameter/app/*'}]}";
    private static final String MANAGED = "{'Version':'2012-10-17','Statement':["
            + "{'Sid':'Kms','Effect':'Allow','Action':'kms:Decrypt','Resource':'*',"
            + "'Condition':{'StringEquals':{'kms:ViaService':'secretsmanager.eu-west-1.amazonaws.com'}}},"
            + "{'Sid':'Describe','Effect':'Allow','Action':['ecs:Describe*','ecs:List*'],'Resource':'*'},"
            + "{'Sid':'S3','Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],"
            + "'Resource':'arn:aws:s3:::app-bucket/${aws:PrincipalTag/team}/*'},"
            + "{'Sid':'NoIam','Effect':'Deny','Action':'iam:*','Resource':'*'},"
            + "{'Sid':'TlsOnly','Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}";

    private PolicyEvaluator evaluator;
    private Request request;

    @Setup
    public void setUp() {
        evaluator = PolicyEvaluator.of(
                new NamedPolicy("inline", PolicyDocument.parseIdentity(INLINE.replace('\'', '"'))),
                new NamedPolicy("managed", PolicyDocument.parseIdentity(MANAGED.replace('\'', '"'))));
        request = Request.of("secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/app/db-AbCdEf")
                .with("aws:PrincipalTag/team", "payments")
                .with("aws:ResourceTag/team", "payments")
                .with("aws:PrincipalArn", "arn:aws:iam::123456789012:role/app-task")
                .with("aws:SourceIp", "10.1.2.3")
                .with("aws:SecureTransport", "true")
                .withCompleteContext();
        EvaluationResult check = evaluator.evaluate(request);
        if (!check.isAllowed() || !check.allowedBy().get(0).sid().equals("Secrets")) {
            throw new IllegalStateException("benchmark request must be allowed by `Secrets`: " + check.explain());
        }
        List<Statement> statements = evaluator.identityPolicies().stream()
                .flatMap(p -> p.document().statements().stream()).toList();
        if (statements.size() != 10 || statements.stream().mapToInt(s -> s.conditions().size()).sum() != 5) {
            throw new IllegalStateException("benchmark role must have 10 statements and 5 condition clauses");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public EvaluationResult evaluationsPerSecond() {
        return evaluator.evaluate(request);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EvaluationResult evaluationLatency() {
        return evaluator.evaluate(request);
    }
}
