package dev.ecsiamguard.aws;

import dev.ecsiamguard.aws.RoleCacheTrust.Marker;
import java.util.Collection;
import java.util.Map;

/**
 * Where the role cache reads the roles' change markers ({@link DynamoDbRoleChangeMarkers} in the stack). A port, so
 * that a function whose cache is off (GitHub, the sweep) reaches no marker store and packages no DynamoDB client.
 */
public interface RoleChangeMarkers {

    /** The marker of each role named (names or ARNs); an unreadable one is {@link Marker#unknown()}. */
    Map<String, Marker> read(Collection<String> roleNames);
}
