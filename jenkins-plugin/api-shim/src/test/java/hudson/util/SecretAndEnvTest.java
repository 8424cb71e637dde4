package hudson.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.model.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class SecretAndEnvTest {
    @Test
    void secretKeepsItsPlainTextOutOfToString() throws Exception {
        Secret s = Secret.fromString("hunter2-key");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(String.valueOf(s)).doesNotContain("hunter2");
        assertThat(s.getPlainText()).isEqualTo("hunter2-key");
        assertThat(Secret.fromString(null).getPlainText()).isEmpty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(s);
        }
    }

    @Test
    void envVarsAreCaseInsensitiveAndExpandLikeJenkins() {
        EnvVars env = new EnvVars("Build_Number", "7", "DIR", "a b");
        assertThat(env.get("BUILD_NUMBER")).isEqualTo("7");
        assertThat(env.expand("out/$BUILD_NUMBER/${DIR}/$UNKNOWN/$$HOME")).isEqualTo("out/7/a b/$UNKNOWN/$HOME");
        assertThat(env.expand(null)).isNull();
        assertThatThrownBy(() -> env.put("X", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsOnlyGetWorseWhenCombinedAndStayCanonicalWhenSerialised() throws Exception {
        assertThat(Result.SUCCESS.combine(Result.UNSTABLE)).isSameAs(Result.UNSTABLE);
        assertThat(Result.FAILURE.isWorseThan(Result.UNSTABLE)).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Result.UNSTABLE);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(Result.UNSTABLE);
        }
    }

    @Test
    void formValidationEscapesItsMessage() {
        FormValidation v = FormValidation.error("a < b & 'c'");
        assertThat(v.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(v.getMessage()).isEqualTo("a &lt; b &amp; &#039;c&#039;");
        assertThat(FormValidation.ok().kind).isEqualTo(FormValidation.Kind.OK);
    }
}
