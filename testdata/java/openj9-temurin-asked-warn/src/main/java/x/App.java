package x;
public class App { public static void main(String[] a) { System.out.println(System.getProperty("java.vm.name")); } }
