import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

public class HttpServer {
    public static void main(String[] args) throws Exception {
        try (ServerSocket ss = new ServerSocket(8080)) {
            while (true) {
                try (Socket s = ss.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.0 200 OK\r\n\r\nok\n".getBytes());
                }
            }
        }
    }
}
