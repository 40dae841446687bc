package main

import (
	"html/template"
	"log"
	"net/http"
)

var page = template.Must(template.ParseFiles("templates/index.html"))

func main() {
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./static"))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page.Execute(w, nil)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
