package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionInfoTest {

    @Test
    void thisProcess_isDescribedByHostTerminalAndWorkingDirectory() {
        SessionInfo info = SessionInfo.ofThisProcess();

        assertThat(info.host()).isNotBlank();
        assertThat(info.terminal()).isNotBlank();
        assertThat(info.workingDirectory()).isEqualTo(System.getProperty("user.dir"));
    }
}
