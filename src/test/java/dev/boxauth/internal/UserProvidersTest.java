package dev.boxauth.internal;

import static dev.boxauth.internal.TestProviders.build;
import static dev.boxauth.internal.TestProviders.ccg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.boxauth.BoxAuthException;
import dev.boxauth.BoxTokenProvider;
import dev.boxauth.testing.Together;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserProvidersTest {

    private final FakeBox box = new FakeBox();

    @Test
    void forUser_getsTokensWithAUserSubject_cachedApartFromTheAppsToken() {
        try (BoxTokenProvider app = build(box, ccg())) {
            String appToken = app.accessToken();
            BoxTokenProvider ada = app.forUser("42");

            String adaToken = ada.accessToken();

            assertThat(adaToken).isNotEqualTo(appToken);
            assertThat(ada.accessToken()).isEqualTo(adaToken);
            assertThat(app.accessToken()).isEqualTo(appToken);
            assertThat(box.tokenForms).hasSize(2);
            assertThat(box.tokenForms.get(1)).containsEntry("box_subject_type", "user")
                    .containsEntry("box_subject_id", "42").containsEntry("client_id", "ccg-client");
            assertThat(ada.toString()).contains("ccg-client", "user 42");
        }
    }

    @Test
    void forUser_returnsTheSameProviderForTheSameUser_andAnotherForAnotherUser() {
        try (BoxTokenProvider app = build(box, ccg())) {
            assertThat(app.forUser("42")).isSameAs(app.forUser("42"));
            assertThat(app.forUser("43")).isNotSameAs(app.forUser("42"));
            assertThat(app.forUser("42").forUser("43")).isSameAs(app.forUser("43"));
        }
    }

    @Test
    void forUser_sixtyFourConcurrentCallersForOneUser_makeOneTokenRequest() throws Exception {
        try (BoxTokenProvider app = build(box, ccg())) {
            List<String> tokens = Together.call(64, box.hold(FakeBox.CCG), () -> app.forUser("42").accessToken());

            assertThat(tokens).hasSize(64).containsOnly(tokens.get(0));
            assertThat(box.tokenRequests("box_subject_id", "42")).isEqualTo(1);
        }
    }

    @Test
    void forUser_aUserIdThatIsNotNumeric_isABoxAuthExceptionNamingUserId() {
        try (BoxTokenProvider app = build(box, ccg())) {
            for (String id : new String[] {"ada@example.com", "", "12a", "-1"}) {
                assertThatExceptionOfType(BoxAuthException.class).as(id).isThrownBy(() -> app.forUser(id))
                        .satisfies(e -> assertThat(e.getMessage()).as(id).contains("userId", "numeric Box user id"));
            }
            assertThatExceptionOfType(BoxAuthException.class).isThrownBy(() -> app.forUser(null));
            assertThat(box.tokenForms).isEmpty();
        }
    }

    @Test
    void forUser_beyondTheCacheSize_closesTheLeastRecentlyUsed_whichStillServesItsHolderThroughAReplacement() {
        Map<String, String> p = ccg();
        p.put("box.auth.user-cache-size", "2");
        try (BoxTokenProvider app = build(box, p)) {
            BoxTokenProvider first = app.forUser("1");
            BoxTokenProvider second = app.forUser("2");
            first.accessToken();
            second.accessToken();
            app.forUser("1");

            BoxTokenProvider third = app.forUser("3");

            assertThat(app.forUser("1")).isSameAs(first);
            assertThat(app.forUser("3")).isSameAs(third);
            assertThat(second.accessToken()).isNotNull();
            assertThat(app.forUser("2")).isNotSameAs(second);
            assertThat(box.tokenRequests("box_subject_id", "2")).isEqualTo(2);
            assertThat(box.tokenRequests("box_subject_id", "1")).isEqualTo(1);
        }
    }

    @Test
    void closingTheProvider_closesItsUserProviders_andRefusesNewOnes() {
        BoxTokenProvider app = build(box, ccg());
        BoxTokenProvider ada = app.forUser("42");
        ada.accessToken();

        app.close();

        assertThatIllegalStateException().isThrownBy(ada::accessToken);
        assertThatIllegalStateException().isThrownBy(() -> app.forUser("42"));
        assertThatIllegalStateException().isThrownBy(() -> app.forUser("43"));
    }

    @Test
    void closingAUserProvider_dropsIt_andTheNextForUserMakesANewOne() {
        try (BoxTokenProvider app = build(box, ccg())) {
            BoxTokenProvider ada = app.forUser("42");
            ada.close();

            assertThatIllegalStateException().isThrownBy(ada::accessToken);
            BoxTokenProvider again = app.forUser("42");
            assertThat(again).isNotSameAs(ada);
            assertThat(again.accessToken()).isNotNull();
            assertThat(app.accessToken()).isNotNull();
        }
    }
}
