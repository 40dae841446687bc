package demo;

import java.io.FileOutputStream;
import java.io.IOException;

public class Utils {
    // Never called: kept for debugging, as in the real file.
    public static void writeByteArrayToFile(byte[] bytes, String filename) throws IOException {
        try (FileOutputStream out = new FileOutputStream(filename)) {
            out.write(bytes);
        }
    }
}
