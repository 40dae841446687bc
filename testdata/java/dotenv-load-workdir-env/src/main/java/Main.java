import io.github.cdimascio.dotenv.Dotenv;

public class Main {
    public static void main(String[] args) {
        final Dotenv dotenv = Dotenv.load();
        System.out.println("token set: " + (dotenv.get("TOKEN") != null));
    }
}
