package dev.ecsiamguard.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tables the stack would deploy, created locally (moto) as template.yaml declares them. */
public final class LocalTables {

    private LocalTables() {
    }

    /** The role-usage index (template.yaml RoleUsageTable: keys pk, sk); false when it already exists. */
    public static boolean createRoleUsageTable(DynamoDbClient dynamo, String table) {
        if (dynamo.listTables().tableNames().contains(table)) {
            return false;
        }
        dynamo.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE")));
        return true;
    }
}
