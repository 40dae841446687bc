plugins {
    application
}

application {
    mainClass.set("app.Main")
}
