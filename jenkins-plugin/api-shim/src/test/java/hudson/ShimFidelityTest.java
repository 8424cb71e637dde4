package hudson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Action;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * Declarations where an earlier shim differed from Jenkins, checked against what the real sources declare (see
 * {@code api-shim/README.md}): a member Jenkins lacks would let plugin code compile here and break in the real build.
 */
class ShimFidelityTest {

    @Test
    void formValidationDeclaresNoToStringOfItsOwn() {
        // Jenkins' toString() lives in the anonymous subclasses its factory methods return.
        assertThatThrownBy(() -> FormValidation.class.getDeclaredMethod("toString"))
                .isInstanceOf(NoSuchMethodException.class);
        assertThat(FormValidation.error("a < b").toString()).isEqualTo("ERROR: a &lt; b");
        assertThat(FormValidation.ok().getMessage()).as("the OK singleton carries no message").isNull();
        assertThat(FormValidation.ok().renderHtml()).isEqualTo("<div/>");
        assertThat(FormValidation.warning(null)).isSameAs(FormValidation.ok());
    }

    @Test
    void nullTaskListenerIsAPackagePrivateNonFinalClass() throws Exception {
        Class<?> type = TaskListener.NULL.getClass();
        assertThat(type.getName()).isEqualTo("hudson.model.NullTaskListener");
        assertThat(Modifier.isFinal(type.getModifiers())).isFalse();
        assertThat(Modifier.isPublic(type.getModifiers())).isFalse();
        assertThat(type.getDeclaredMethods()).extracting(Method::getName).containsExactly("getLogger");
    }

    @Test
    void actionsMustNameTheirUrl() throws Exception {
        assertThat(Action.class.getMethod("getUrlName").isDefault()).isFalse();
    }
}
