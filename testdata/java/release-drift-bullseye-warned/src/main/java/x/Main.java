package x;
public class Main { public static void main(String[] a) throws Exception { new ProcessBuilder("ffmpeg", "-version").inheritIO().start().waitFor(); } }
