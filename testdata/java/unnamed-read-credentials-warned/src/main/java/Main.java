import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

public class Main {
    public static void main(String[] args) throws IOException {
        try (InputStream in = new FileInputStream(System.getenv("GOOGLE_APPLICATION_CREDENTIALS"))) {
            System.out.println("credentials: " + in.readAllBytes().length + " bytes");
        }
    }
}
