package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"example.com/store/config"
)

func upload(w http.ResponseWriter, r *http.Request) {
	path := config.DataDir() + "/" + filepath.Base(r.URL.Query().Get("name"))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	f, err := os.Create(path)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer f.Close()
	io.Copy(f, r.Body)
}

func main() {
	config.Init()
	http.HandleFunc("/upload", upload)
	http.ListenAndServe(":8000", nil)
}
