package io.dealwire.ingest.sync;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trusts exactly one certificate, identified by its SHA-256 fingerprint: how an admin trusts a
 * self-signed server without turning verification off. Nothing else is accepted, not even a
 * certificate a public authority signed, so the pin is a stricter check than authority plus host
 * name (which self-signed certificates often fail: "imap.example.com" snakeoil, no host name at all).
 */
final class PinnedCertificateTrust implements X509TrustManager {
    private final String pinnedSha256;

    private PinnedCertificateTrust(String pinnedSha256) {
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
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new PinnedCertificateTrust(pinnedSha256)}, null);
        return context.getSocketFactory();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("the server presented no certificate");
        String seen = sha256(chain[0]);
        if (!seen.equals(pinnedSha256)) {
            throw new CertificateException("the server's certificate does not match the pinned fingerprint"
                    + " (server presented SHA-256 " + seen + ")");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Dealwire does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
