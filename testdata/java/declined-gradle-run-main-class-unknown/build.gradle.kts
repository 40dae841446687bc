plugins {
    application
}

application {
    mainClass.set(providers.gradleProperty("main").get())
}
