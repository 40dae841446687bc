package com.example.greeter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * An HTTP service on the JDK's own server.
 *
 * <pre>
 * GET /            a greeting, in the language of ?lang= (greetings.properties on the class path)
 * GET /api/info    the service's name and version (from the jar) and the Java feature version
 * GET /healthz     "ok"
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8080"));
        Properties greetings = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/greetings.properties")) {
            greetings.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", ex -> {
            if (!ex.getRequestURI().getPath().equals("/")) {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            String lang = query(ex, "lang", "en");
            String name = query(ex, "name", "world");
            String greeting = greetings.getProperty(lang, greetings.getProperty("en"));
            send(ex, 200, "text/plain; charset=utf-8", greeting.replace("{name}", name) + "\n");
        });
        server.createContext("/api/info", ex -> {
            String body = String.format("{\"service\":\"greeter\",\"java\":%d,\"languages\":%d}%n",
                    Runtime.version().feature(), greetings.size());
            send(ex, 200, "application/json", body);
        });
        server.createContext("/healthz", ex -> send(ex, 200, "text/plain; charset=utf-8", "ok\n"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("greeter listening on :" + port);
    }

    private static String query(HttpExchange ex, String key, String def) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return def;
        }
        for (String kv : q.split("&")) {
            String[] p = kv.split("=", 2);
            if (p.length == 2 && p[0].equals(key)) {
                return URLDecoder.decode(p[1], StandardCharsets.UTF_8);
            }
        }
        return def;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
