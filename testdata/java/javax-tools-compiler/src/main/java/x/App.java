package x;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

// Compiles the Java file it is given, as an online judge or a plugin host does.
public class App {
    public static void main(String[] args) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        System.exit(compiler.run(null, null, null, args[0]));
    }
}
