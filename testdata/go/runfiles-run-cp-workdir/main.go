package main

import (
	"html/template"
	"log"
	"net/http"
)

func main() {
	t := template.Must(template.ParseGlob("templates/*.html"))
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { t.Execute(w, "hello") })
	log.Fatal(http.ListenAndServe(":8080", nil))
}
