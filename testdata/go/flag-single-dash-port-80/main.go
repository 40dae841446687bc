package main

import (
	"flag"
	"fmt"
	"net/http"
)

func main() {
	host := flag.String("host", "localhost", "host to listen on")
	port := flag.Int("port", 8000, "port to listen on")
	flag.Parse()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	http.ListenAndServe(fmt.Sprintf("%s:%d", *host, *port), nil)
}
