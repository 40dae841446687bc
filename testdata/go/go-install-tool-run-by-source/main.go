package main

import "os/exec"

func main() { exec.Command("migrate", "-path", "migrations", "up").Run() }
