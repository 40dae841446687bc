package x;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.rendering.template.JavalinJte;

public class App {
    // The jte Gradle plugin compiles the templates at build time; the app
    // loads the classes from the jar.
    public static void main(String[] args) {
        var engine = TemplateEngine.createPrecompiled(ContentType.Html);
        Javalin.create(config -> config.fileRenderer(new JavalinJte(engine)))
            .get("/", ctx -> ctx.render("index.jte"))
            .start(7070);
    }
}
