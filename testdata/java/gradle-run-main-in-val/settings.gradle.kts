rootProject.name = "tosca"
