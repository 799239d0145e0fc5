package dev.ecsiamguard.handler;

import dev.ecsiamguard.testing.CallRecorder;
import dev.ecsiamguard.testing.LocalAws;
import dev.ecsiamguard.testing.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the tests whose every case is rejected before any AWS call: nothing is written, so one
 * deployment (the bus and a repository) serves every test, and each test starts with no recorded call.
 */
abstract class RejectedBeforeAnyCall {

    static final MotoServer MOTO = MotoServer.get();
    static final CallRecorder RECORDER = new CallRecorder();
    static AllHandlers handlers;

    @BeforeAll
    static void deploy() {
        handlers = new AllHandlers(MOTO, RECORDER);
        MOTO.reset();
        LocalAws aws = new LocalAws(MOTO);
        aws.deployApplicationBus();
        aws.createRepository("payments/api", Map.of());
    }

    @BeforeEach
    void forgetCalls() {
        RECORDER.clear();
    }
}
