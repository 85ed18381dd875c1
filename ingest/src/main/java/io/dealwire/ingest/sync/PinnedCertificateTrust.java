package io.dealwire.ingest.sync;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trusts the JDK's certificate authorities, plus exactly one extra certificate identified by its
 * SHA-256 fingerprint: how an admin trusts a self-signed server without turning verification off.
 * Host name verification stays on (Angus checks the server identity after the handshake).
 */
final class PinnedCertificateTrust implements X509TrustManager {
    private final X509TrustManager system;
    private final String pinnedSha256;

    private PinnedCertificateTrust(X509TrustManager system, String pinnedSha256) {
        this.system = system;
        this.pinnedSha256 = normalize(pinnedSha256);
    }

    /** "AB:CD:…" or "abcd…" → "abcd…". */
    static String normalize(String fingerprint) {
        return fingerprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    static String sha256(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException("the JDK has no SHA-256", e);
        }
    }

    static SSLSocketFactory socketFactory(String pinnedSha256) throws GeneralSecurityException {
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509TrustManager system = null;
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) system = x;
        }
        if (system == null) throw new GeneralSecurityException("no X.509 trust manager in this JDK");
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new PinnedCertificateTrust(system, pinnedSha256)}, null);
        return context.getSocketFactory();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain != null && chain.length > 0 && sha256(chain[0]).equals(pinnedSha256)) return;
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            String seen = chain == null || chain.length == 0 ? "none" : sha256(chain[0]);
            throw new CertificateException("certificate is not trusted and does not match the pinned fingerprint"
                    + " (server presented SHA-256 " + seen + ")", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }
}
