package dev.ecsiamguard.api;

/**
 * The API's routes, matched on API Gateway's `resource` (the path template) and `httpMethod`, exactly as the
 * template declares them.
 */
public enum ApiRoute {
    PROVISION_SERVICE_ROLES("POST", "/services/{service}/roles"),
    DESCRIBE_SERVICE("GET", "/services/{service}"),
    VALIDATE_TASK_DEFINITION("POST", "/validations"),
    PROVISION_DEPLOY_ROLE("POST", "/github/deploy-roles"),
    START_SCAN("POST", "/scans"),
    DESCRIBE_SCAN("GET", "/scans/{id}");

    private final String method;
    private final String resource;

    ApiRoute(String method, String resource) {
        this.method = method;
        this.resource = resource;
    }

    public String method() {
        return method;
    }

    public String resource() {
        return resource;
    }

    /** The route for a request, or a 404 `route_not_found`. */
    public static ApiRoute match(String method, String resource) {
        for (ApiRoute route : values()) {
            if (route.method.equalsIgnoreCase(String.valueOf(method)) && route.resource.equals(resource)) {
                return route;
            }
        }
        throw ApiException.notFound("route_not_found", "no route `" + method + " " + resource + "`");
    }
}
