package example;

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("listening");
        Thread.sleep(Long.MAX_VALUE);
    }
}
