// Writes the Java keystore of the distroless Java replica: every certificate of a PEM bundle as
// a trusted entry of a JKS keystore with the password "changeit", as Debian's
// ca-certificates-java and rules_distroless' java_keystore do.
// Usage: java GenCacerts.java BUNDLE.pem OUT
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;

public class GenCacerts {
    public static void main(String[] args) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        int n = 0;
        try (InputStream in = new BufferedInputStream(new FileInputStream(args[0]))) {
            for (Certificate c : cf.generateCertificates(in)) {
                X509Certificate x = (X509Certificate) c;
                String name = x.getSubjectX500Principal().getName();
                String cn = name.replaceAll("(?s)^.*?CN=([^,]+).*$", "$1");
                if (cn.equals(name)) {
                    cn = name;
                }
                String alias = String.format("debian:%s-%03d", cn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "_"), n);
                ks.setCertificateEntry(alias, x);
                n++;
            }
        }
        if (n < 50) {
            throw new IllegalStateException("only " + n + " certificates in " + args[0]);
        }
        try (OutputStream out = new FileOutputStream(args[1])) {
            ks.store(out, "changeit".toCharArray());
        }
        System.out.println(n + " certificates in " + args[1]);
    }
}
