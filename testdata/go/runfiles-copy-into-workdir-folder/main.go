package main

import "net/http"

// Every file under the working folder's static/ is served as it is.
func main() {
	http.Handle("/", http.FileServer(http.Dir("static")))
	http.ListenAndServe(":8080", nil)
}
