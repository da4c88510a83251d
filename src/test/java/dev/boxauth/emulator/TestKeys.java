package dev.boxauth.emulator;

import dev.boxauth.emulator.internal.KeyMaterial;
import java.security.KeyPair;

/**
 * RSA key pairs generated once per test run: generating one takes about a tenth of a second, and
 * most tests only need an app whose private key they hold.
 */
final class TestKeys {

    /** The key of the apps under test. */
    static final KeyPair APP = KeyMaterial.newRsaKeyPair();

    /** A key no app has registered: signing with it must fail verification. */
    static final KeyPair STRANGER = KeyMaterial.newRsaKeyPair();

    private TestKeys() {
    }
}
