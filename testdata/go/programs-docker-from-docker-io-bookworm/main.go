package main

import (
	"net/http"
	"os/exec"
)

func run(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("docker", "run", "--rm", "--network", "none", "compile-job").CombinedOutput()
	w.Write(out)
}

func main() {
	http.HandleFunc("/run", run)
	http.ListenAndServe(":8080", nil)
}
