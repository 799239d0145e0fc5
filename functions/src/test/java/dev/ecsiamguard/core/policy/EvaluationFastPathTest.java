package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shortcuts the engine takes for speed (action index, plain IPv4 reading, variables compared without building
 * the text) must give exactly the answers of the general code they bypass; each test compares the two.
 */
class EvaluationFastPathTest {

    /** Case variants that Java's case-insensitive comparison treats as equal to ASCII letters (ı, ſ, K). */
    private static final String[] PATTERNS = {"*", "s3:*", "s3:Get*", "S3:GetObject", "iam:PassRole", "ec2:*Instances",
        "s3:?etObject", "s*:GetObject", "*:GetObject", "\u017f3:GetObject", "ecr:L\u0131stImages", "\u212Ams:Decrypt",
        "?3:GetObject", "kms:Decrypt", "ecr:ListImages"};
    private static final String[] ACTIONS = {"s3:GetObject", "S3:GETOBJECT", "s3:PutObject", "iam:PassRole",
        "ec2:RunInstances", "ecr:ListImages", "ecr:l\u0131stimages", "\u017f3:getobject", "kms:decrypt",
        "\u212Ams:decrypt", "s3", "", ":x", "s3:", "\u0130am:passrole", "x3:getobject"};

    @Test
    void actionIndex_returnsEveryStatementWhoseActionsMatch_inStatementOrder() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            CompiledStatement[] statements = randomStatements(random);
            ActionIndex index = new ActionIndex(statements);
            for (String action : ACTIONS) {
                String lowered = action.toLowerCase(Locale.ROOT);
                List<CompiledStatement> expected = new ArrayList<>();
                for (CompiledStatement statement : statements) {
                    if (matchesAction(statement.ref().statement(), lowered)) {
                        expected.add(statement);
                    }
                }
                List<CompiledStatement> candidates = Arrays.asList(index.candidates(lowered));
                assertThat(candidates).as("round %d, action %s", round, action).containsAll(expected);
                assertThat(candidates).as("statement order").isSortedAccordingTo(
                        (a, b) -> Integer.compare(a.ref().number(), b.ref().number()));
            }
        }
    }

    @Test
    void actionIndex_skipsStatementsOfOtherServices_andKeepsNotActionEverywhere() {
        CompiledStatement ecr = compiled(1, List.of("ecr:GetAuthorizationToken"), List.of());
        CompiledStatement logs = compiled(2, List.of("logs:PutLogEvents"), List.of());
        CompiledStatement notIam = compiled(3, List.of(), List.of("iam:*"));

        ActionIndex index = new ActionIndex(new CompiledStatement[] {ecr, logs, notIam});

        assertThat(index.candidates("logs:putlogevents")).containsExactly(logs, notIam);
        assertThat(index.candidates("s3:getobject")).containsExactly(notIam);
        assertThat(index.candidates("\u0142ogs:putlogevents")).containsExactly(ecr, logs, notIam);
    }

    /** The ground truth the index must agree with: every pattern matched on its own, as the engine always did. */
    private static boolean matchesAction(Statement statement, String loweredAction) {
        boolean notAction = statement.actions().isEmpty();
        boolean any = (notAction ? statement.notActions() : statement.actions()).stream()
                .anyMatch(p -> Glob.action(p).matches(loweredAction));
        return any != notAction;
    }

    private static CompiledStatement[] randomStatements(Random random) {
        int count = 1 + random.nextInt(6);
        CompiledStatement[] out = new CompiledStatement[count];
        for (int i = 0; i < count; i++) {
            List<String> patterns = new ArrayList<>();
            for (int k = 0; k <= random.nextInt(3); k++) {
                patterns.add(PATTERNS[random.nextInt(PATTERNS.length)]);
            }
            boolean notAction = random.nextInt(5) == 0;
            out[i] = compiled(i + 1, notAction ? List.of() : patterns, notAction ? patterns : List.of());
        }
        return out;
    }

    private static CompiledStatement compiled(int number, List<String> actions, List<String> notActions) {
        Statement statement = new Statement("", Effect.ALLOW, actions, notActions, List.of("*"), List.of(),
                List.of(), List.of(), List.of());
        return new CompiledStatement(new StatementRef("p", number, statement), true);
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3", "0.0.0.0", "255.255.255.255", "192.168.100.7", "1.22.133.4"})
    void plainIpv4_readsTheSameAddressAsInetAddress(String text) throws Exception {
        byte[] expected = InetAddress.getByName(text).getAddress();
        long value = IpRange.plainIpv4(text);

        byte[] actual = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        assertThat(actual).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"010.1.2.3", "10.01.2.3", "10.1.2.3/8", "' 10.1.2.3'", "'10.1.2.3 '", "256.1.1.1",
        "1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5", "::1", "::ffff:10.1.2.3", "0x0a.1.2.3", "abc",
        "1.2.3.1000", "00.0.0.0"})
    void plainIpv4_leavesEveryOtherFormToTheGeneralParser(String text) {
        assertThat(IpRange.plainIpv4(text)).isEqualTo(-1);
    }

    @Test
    void contains_onPlainIpv4_agreesWithTheGeneralBitByBitRule() {
        Random random = new Random(5);
        List<IpRange> ranges = new ArrayList<>(List.of(IpRange.parse("::1/128"), IpRange.parse("2001:db8::/32"),
                IpRange.parse("0.0.0.0/0"), IpRange.parse("10.1.2.3")));
        for (int i = 0; i < 200; i++) {
            ranges.add(IpRange.parse(randomIpv4(random) + "/" + random.nextInt(33)));
        }
        for (int i = 0; i < 2000; i++) {
            String address = i % 2 == 0 ? randomIpv4(random) : nearby(ranges.get(random.nextInt(ranges.size())));
            for (IpRange range : ranges) {
                assertThat(range.contains(address)).as("%s in %s/%d", address, range, range.prefixBits())
                        .isEqualTo(range.containsParsed(IpRange.parse(address)));
            }
        }
    }

    private static String randomIpv4(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    /** An IPv4 address sharing the range's first bytes, so both sides of a prefix boundary are exercised. */
    private static String nearby(IpRange range) {
        byte[] n = range.network();
        return n.length != 4 ? "10.0.0.1"
                : (n[0] & 0xff) + "." + (n[1] & 0xff) + "." + ((n[2] & 0xff) ^ 1) + "." + (n[3] & 0xff);
    }
}
