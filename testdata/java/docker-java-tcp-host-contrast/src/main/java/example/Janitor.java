package example;

// A janitor for a remote engine: it never uses the local Docker socket, and
// com.github.dockerjava is only named in this comment.
public class Janitor {
    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("ENGINE", "tcp://engine:2375");
        System.out.println("would clean " + host);
    }
}
