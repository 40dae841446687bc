package x;

import java.util.List;

public class Main {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder(List.of("ffmpeg", "-i", args[0], args[1])).inheritIO().start();
        String[] probe = {"ffprobe", args[0]};
        Runtime.getRuntime().exec(probe).waitFor();
        System.exit(p.waitFor());
    }
}
