package main

import (
	"html/template"
	"net/http"
)

// The page is parsed at start; the stylesheet is served from the working
// folder's static/ on every request.
func main() {
	page := template.Must(template.ParseFiles("templates/index.html"))
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("static"))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page.Execute(w, "hello")
	})
	http.ListenAndServe(":8080", nil)
}
