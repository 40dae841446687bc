rootProject.name = "shop"

include("worker")
