package demo;

import java.io.FileInputStream;
import java.io.IOException;

public class PageTest {
    static byte[] fixture(String file) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
