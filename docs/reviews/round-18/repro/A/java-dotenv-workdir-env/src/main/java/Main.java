import io.github.cdimascio.dotenv.Dotenv;

public class Main {
    public static void main(String[] args) {
        // Dotenv.load() reads ./.env and throws when it is missing.
        Dotenv env = Dotenv.load();
        System.out.println("token set: " + (env.get("TOKEN") != null));
    }
}
