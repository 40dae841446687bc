// webapp is a small web server: it renders templates/index.html (read from the working folder
// when the program starts, not embedded) and serves the files under static/.
package main

import (
	"html/template"
	"log"
	"net/http"
	"os"
)

type page struct {
	Title string
	Items []string
}

func main() {
	tmpl, err := template.ParseFiles("templates/index.html")
	if err != nil {
		log.Fatalf("webapp: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		p := page{Title: "restage webapp", Items: []string{"templates/", "static/", "server"}}
		if err := tmpl.Execute(w, p); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	addr := ":8080"
	if a := os.Getenv("ADDR"); a != "" {
		addr = a
	}
	log.Printf("webapp: listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
