package main

import (
	"log"
	"net/http"
	"os/exec"
)

// A job runner: the coordinator posts a command line, the worker runs it.
func run(w http.ResponseWriter, r *http.Request) {
	out, err := exec.Command("sh", "-c", r.FormValue("cmd")).CombinedOutput()
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	w.Write(out)
}

// The version of the repository it serves, read with git (the golang image has git).
func version() string {
	out, _ := exec.Command("git", "--version").Output()
	return string(out)
}

func main() {
	log.Print(version())
	http.HandleFunc("/run", run)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
