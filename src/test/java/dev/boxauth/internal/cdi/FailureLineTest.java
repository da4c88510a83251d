package dev.boxauth.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boxauth.BoxConfigException;
import dev.boxauth.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line box-auth logs when a deployment's Box configuration fails, on every server alike. */
class FailureLineTest {

    @Test
    void failureLine_namesEveryProblemOfEveryAppByIdAndProperty_andNoMessageText() {
        BoxConfigException main = new BoxConfigException(List.of(
                new ConfigProblem("BOXAUTH-007", "box.auth.enterprise-id", "must be a numeric Box id"),
                new ConfigProblem("BOXAUTH-011", "box.auth.jwt.passphrase", "does not decrypt the private key")));
        BoxConfigException archive = new BoxConfigException(List.of(
                new ConfigProblem("BOXAUTH-015", "box.auth.archive.jwt.algorithm", "must be RS256, RS384 or RS512")));

        String line = BoxAuthExtension.failureLine(List.of(main, archive));

        assertThat(line).isEqualTo("box-auth: this deployment fails, its Box configuration has 3 problems:"
                + " BOXAUTH-007 box.auth.enterprise-id, BOXAUTH-011 box.auth.jwt.passphrase,"
                + " BOXAUTH-015 box.auth.archive.jwt.algorithm (what to do: the deployment error, and the table"
                + " of ids in box-auth's docs/troubleshooting.md)").doesNotContain("\n");
    }

    @Test
    void failureLine_saysProblemForOne() {
        String line = BoxAuthExtension.failureLine(List.of(new BoxConfigException(List.of(
                new ConfigProblem("BOXAUTH-019", "box.auth.config-file", "no Box app is configured")))));

        assertThat(line).startsWith("box-auth: this deployment fails, its Box configuration has 1 problem: BOXAUTH-019"
                + " box.auth.config-file (");
    }
}
