package x;

public class Main {
    public static void main(String[] args) throws Exception {
        com.sun.net.httpserver.HttpServer s = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(8080), 0);
        s.createContext("/", e -> { e.sendResponseHeaders(200, -1); e.close(); });
        s.start();
    }
}
