package x;

public class Main {
    public static void main(String[] args) throws Exception {
        new ProcessBuilder("chmod", "+x", "/tmp/tool").inheritIO().start().waitFor();
    }
}
