package x;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.ResourceCodeResolver;
import io.javalin.Javalin;
import io.javalin.rendering.template.JavalinJte;

public class App {
    // TemplateEngine.create compiles each template with the JDK's compiler
    // the first time it is rendered (createPrecompiled would not).
    public static void main(String[] args) {
        var resolver = new ResourceCodeResolver("templates", App.class.getClassLoader());
        var engine = TemplateEngine.create(resolver, ContentType.Html);
        Javalin.create(config -> config.fileRenderer(new JavalinJte(engine)))
            .get("/", ctx -> ctx.render("index.jte"))
            .start(7070);
    }
}
