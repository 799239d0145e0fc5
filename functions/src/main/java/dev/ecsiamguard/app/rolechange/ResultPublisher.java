package dev.ecsiamguard.app.rolechange;

/** Port: publishes one re-validation result on the application's bus. */
public interface ResultPublisher {

    void publish(String detailJson, String resourceArn);
}
