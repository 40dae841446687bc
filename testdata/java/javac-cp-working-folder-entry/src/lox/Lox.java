package lox;

import java.nio.file.Files;
import java.nio.file.Path;

public class Lox {
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            System.out.print(Files.readString(Path.of(args[0])));
        }
    }
}
