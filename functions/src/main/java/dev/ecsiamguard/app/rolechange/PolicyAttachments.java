package dev.ecsiamguard.app.rolechange;

import java.util.List;

/** Port: the roles a managed policy is attached to, as a permission policy or as their permissions boundary. */
public interface PolicyAttachments {

    List<String> rolesUsing(String policyArn);
}
