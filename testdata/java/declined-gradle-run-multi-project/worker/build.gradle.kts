plugins {
    application
}

application {
    mainClass.set("worker.Main")
}
