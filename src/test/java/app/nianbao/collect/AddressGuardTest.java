package app.nianbao.collect;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/a.pdf", "jar:file:/x.jar!/a", "gopher://127.0.0.1/",
            "http://127.0.0.1/", "http://localhost:8080/admin", "http://[::1]/", "http://10.0.0.5/", "http://172.16.3.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://[fc00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/", "http://198.18.0.1/",
            "http://user:secret@example.org/", "http:///no-host"})
    void addresses_outside_the_public_web_are_refused(String address) {
        assertThatThrownBy(() -> guard.check(URI.create(address))).isInstanceOf(AddressGuard.RefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/ndbg/", "https://8.8.8.8/a.pdf", "http://[2001:4860:4860::8888]/"})
    void public_addresses_pass(String address) {
        assertThatCode(() -> guard.check(URI.create(address))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://10.1.2.3/", "http://[::1]/"})
    void private_addresses_pass_when_configured(String address) {
        assertThatCode(() -> new AddressGuard(true).check(URI.create(address))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://10.1.2.3/"})
    void only_http_and_https_pass_even_when_private_addresses_are_allowed(String address) {
        assertThatThrownBy(() -> new AddressGuard(true).check(URI.create(address))).isInstanceOf(AddressGuard.RefusedException.class);
    }
}
