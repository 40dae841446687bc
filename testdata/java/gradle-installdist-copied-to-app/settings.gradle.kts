rootProject.name = "chat"

include(":server")
